// @onward/cli: the `onward` command, usable from code too (e.g. a council's own build script).
export { run, VERSION } from './cli.js';
export type { Command } from './command.js';
export { readContentDir, resolveContentDir } from './commands/content-check.js';
export { COMMANDS } from './commands/index.js';
export { EXIT, type Io, processIo, UsageError } from './io.js';
