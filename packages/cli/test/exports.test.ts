// Pins the public exports of @onward/cli: a change here is a change to the package's API.
import { describe, expect, it } from 'vitest';
import * as cli from '../src/index.js';

describe('@onward/cli exports', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(cli).sort()).toEqual([
      'COMMANDS',
      'EXIT',
      'UsageError',
      'VERSION',
      'processIo',
      'readContentDir',
      'resolveContentDir',
      'run',
    ]);
  });

  it('registers the content check command first; every command has a unique name, a summary and usage', () => {
    const names = cli.COMMANDS.map((c) => c.name);
    expect(names[0]).toBe('content check');
    expect(new Set(names).size).toBe(names.length);
    for (const c of cli.COMMANDS) {
      expect(c.summary.length).toBeGreaterThan(0);
      expect(c.usage).toMatch(new RegExp(`^Usage: onward ${c.name}`));
    }
  });
});
