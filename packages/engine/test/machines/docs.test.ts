// docs/lifecycles.md is generated from the machines; this fails when it is stale (as does `pnpm check:docs`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  LIFECYCLES,
  type LifecycleName,
  lifecyclesMarkdown,
  mermaidDiagram,
  normaliseMarkdown,
  transitionsOf,
} from '../../src/index.js';

const file = fileURLToPath(new URL('../../../../docs/lifecycles.md', import.meta.url));

describe('docs/lifecycles.md', () => {
  it('is up to date with the machines (run pnpm --filter @onward/engine docs:generate)', () => {
    expect(normaliseMarkdown(readFileSync(file, 'utf8'))).toBe(normaliseMarkdown(lifecyclesMarkdown()));
  });

  it.each(Object.keys(LIFECYCLES) as LifecycleName[])('has a diagram of %s with every state and transition', (name) => {
    const diagram = mermaidDiagram(name);
    const md = lifecyclesMarkdown();
    expect(md).toContain(`\`\`\`mermaid\n${diagram}\n\`\`\``);
    for (const state of Object.keys(LIFECYCLES[name].machine.states))
      expect(diagram).toMatch(new RegExp(`^  ${state}: `, 'm'));
    for (const t of transitionsOf(name)) expect(diagram).toContain(`  ${t.from} --> ${t.to}: ${t.event}`);
    for (const event of Object.keys(LIFECYCLES[name].events)) expect(md).toContain(`| \`${event}\` |`);
  });
});

describe('check:docs', () => {
  const script = fileURLToPath(new URL('../../scripts/lifecycles-docs.mjs', import.meta.url));
  const run = (args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

  it('fails when the file is stale and passes once regenerated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onward-docs-'));
    try {
      const copy = join(dir, 'lifecycles.md');
      writeFileSync(copy, lifecyclesMarkdown().replace('plan.submit', 'plan.send'));
      const stale = run(['--check', '--file', copy]);
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain('is stale');
      expect(run(['--file', copy]).status).toBe(0);
      expect(readFileSync(copy, 'utf8')).toBe(lifecyclesMarkdown());
      expect(run(['--check', '--file', copy]).status).toBe(0);
      // A formatter that pads the table columns does not make it stale.
      writeFileSync(
        copy,
        lifecyclesMarkdown()
          .replace('| State | Meaning |', '|   State   |  Meaning  |')
          .replace('| --- | --- |', '| :-------- | ---------- |'.replace(':', '')),
      );
      expect(run(['--check', '--file', copy]).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
