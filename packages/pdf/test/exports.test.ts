import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('@onward/pdf public API', () => {
  it('exports exactly the two renderers', () => {
    expect(Object.keys(api).sort()).toEqual(['renderAgreementPdf', 'renderPlanPdf']);
  });
});
