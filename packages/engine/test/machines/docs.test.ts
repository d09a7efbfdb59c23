// docs/lifecycles.md is generated from the machines; this fails when it is stale (as does `pnpm check:docs`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIFECYCLES, type LifecycleName, lifecyclesMarkdown, mermaidDiagram, transitionsOf } from '../../src/index.js';

const file = fileURLToPath(new URL('../../../../docs/lifecycles.md', import.meta.url));

describe('docs/lifecycles.md', () => {
  it('is up to date with the machines (run pnpm --filter @onward/engine docs:generate)', () => {
    expect(readFileSync(file, 'utf8')).toBe(lifecyclesMarkdown());
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
