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

  it('registers the content check command', () => {
    expect(cli.COMMANDS.map((c) => c.name)).toEqual(['content check']);
  });
});
