// Unit tests must run against our packages' source, never a stale dist/: importing a package by name must give
// the very module instance that its src/index.ts gives (vitest.config.ts puts the "source" condition first).
import { describe, expect, it } from 'vitest';

describe('workspace packages resolve to their source in tests', () => {
  it('@onward/engine', async () => {
    const byName = await import('@onward/engine');
    const bySource = await import('../../engine/src/index.js');
    expect(byName).toBe(bySource);
  });
});
