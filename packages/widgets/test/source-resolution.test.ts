// DOM tests must run against the engine's source, never a stale dist/ (vitest.config.ts, "source" condition).
import { expect, it } from 'vitest';

it('@onward/engine resolves to its source in DOM tests', async () => {
  const byName = await import('@onward/engine');
  const bySource = await import('../../engine/src/index.js');
  expect(byName).toBe(bySource);
});
