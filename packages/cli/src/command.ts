import type { Io } from './io.js';

/** One `onward` command. Register it in commands/index.ts. */
export interface Command {
  /** The words typed after `onward`, e.g. `content check`. */
  readonly name: string;
  /** One line for `onward help`. */
  readonly summary: string;
  /** Full help, starting with the line `Usage: onward <name> ...`, then options and examples. */
  readonly usage: string;
  /** Run with the arguments after the command's name. Resolves to the exit code. */
  run(args: readonly string[], io: Io): Promise<number> | number;
}
