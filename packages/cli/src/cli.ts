// The `onward` dispatcher: finds the command whose words start the arguments (longest first), runs it and turns
// usage mistakes into a message plus the command's usage, with exit code 2.
import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, type Io, UsageError } from './io.js';

export const VERSION = '0.1.0';

/** Run `onward` with its arguments (without `node` and the script). Resolves to the exit code. */
export async function run(argv: readonly string[], io: Io, commands: readonly Command[] = COMMANDS): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    const topic = first === 'help' ? argv.slice(1).join(' ') : '';
    const cmd = topic ? commands.find((c) => c.name === topic) : undefined;
    if (topic && !cmd) {
      io.err(`There is no command "onward ${topic}".`);
      io.err(overview(commands));
      return EXIT.usage;
    }
    io.out(cmd ? cmd.usage : overview(commands));
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.out(VERSION);
    return EXIT.ok;
  }
  const match = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => {
      const words = c.name.split(' ');
      return words.every((w, i) => argv[i] === w);
    });
  if (!match) {
    const group = commands.filter((c) => c.name.split(' ')[0] === first);
    io.err(
      group.length ? `"onward ${argv.slice(0, 2).join(' ')}" is not a command.` : `"onward ${first}" is not a command.`,
    );
    io.err(overview(group.length ? group : commands));
    return EXIT.usage;
  }
  const rest = argv.slice(match.name.split(' ').length);
  try {
    return await match.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(match.usage);
      return EXIT.usage;
    }
    throw e;
  }
}

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: onward <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "onward help <command>" for its options.',
  ].join('\n');
}
