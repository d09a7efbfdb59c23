// Where a command writes and where it runs. Injected so tests run commands in-process and read their output.

export interface Io {
  /** Write one line to standard output (results, one line per problem). */
  out(line: string): void;
  /** Write one line to standard error (summaries, usage errors). */
  err(line: string): void;
  /** The working directory paths are resolved against. */
  readonly cwd: string;
  /** Environment variables (database settings); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The real terminal. */
export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  };
}

/** Exit codes: 0 clean, 1 the check found problems, 2 the command was used wrongly. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** Thrown for a usage mistake (unknown option, bad number); the dispatcher prints it with the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
