// The server's source layout: no import circle between its modules (route modules never import app.ts; the
// shared types they need live in http/deps.ts), and every module small enough to read in one sitting.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of a file (type-only ones too: a circle of types is still a circle to read). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g)) {
    out.push(resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts')));
  }
  return out;
}

describe('server source layout', () => {
  const all = files(src);
  const graph = new Map(all.map((f) => [f, importsOf(f)]));

  it('has no import circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        circles.push([...path.slice(path.indexOf(f)), f].map((x) => relative(src, x)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
    expect(circles).toEqual([]);
  });

  it('route modules never import app.ts (only the package entry does)', () => {
    const app = join(src, 'app.ts');
    const entry = join(src, 'index.ts');
    const offenders = all.filter((f) => f !== entry && (graph.get(f) ?? []).includes(app));
    expect(offenders.map((f) => relative(src, f))).toEqual([]);
  });

  it('keeps the storage modules under 500 lines each', () => {
    const long = files(join(src, 'storage'))
      .map((f) => ({ file: relative(src, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines > 500);
    expect(long).toEqual([]);
  });
});
