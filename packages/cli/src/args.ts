// A small option parser: `--name value`, `--name=value` and boolean `--flag`. Unknown options are usage errors
// that name the option, so a typo never passes silently.
import { UsageError } from './io.js';

export interface OptionSpec {
  /** Options that take a value, e.g. `dir`. */
  readonly values?: readonly string[];
  /** Options that are on or off, e.g. `strict`. */
  readonly flags?: readonly string[];
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string>>;
  readonly flags: ReadonlySet<string>;
  /** Arguments that are not options. */
  readonly positional: readonly string[];
}

export function parseArgs(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  const valueNames = new Set(spec.values ?? []);
  const flagNames = new Set([...(spec.flags ?? []), 'help']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-h') {
      flags.add('help');
      continue;
    }
    if (!a.startsWith('--') || a === '--') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq === -1 ? undefined : eq);
    if (valueNames.has(name)) {
      const v = eq === -1 ? args[++i] : a.slice(eq + 1);
      if (v === undefined || (eq === -1 && v.startsWith('--'))) throw new UsageError(`--${name} needs a value.`);
      values[name] = v;
    } else if (flagNames.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} does not take a value.`);
      flags.add(name);
    } else throw new UsageError(`Unknown option --${name}.`);
  }
  return { values, flags, positional };
}

/** A whole number option within limits, or a usage error naming the option. */
export function intOption(parsed: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const raw = parsed.values[name];
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return Number(raw);
}

/** A number option within limits, or a usage error naming the option. */
export function numberOption(parsed: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const raw = parsed.values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, not "${raw}".`);
  return n;
}
