// Every JSON Schema we ship compiles in ajv's strict mode, and the shipped locale files pass a freshly compiled
// locale schema (so a stale precompiled validator cannot hide a problem).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(join(root, 'package.json'));
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      if (n === 'generated' || n === 'node_modules') return [];
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : n.endsWith('.schema.json') ? [p] : [];
    });
}

const files = walk(join(root, 'schemas'));
const schemas = files.map((f) => ({ file: f.slice(root.length + 1), json: JSON.parse(readFileSync(f, 'utf8')) }));

function strictAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri']);
  for (const k of ['x-onward-kind', 'x-onward-icon', 'x-onward-question-set', 'x-onward-version'])
    ajv.addKeyword({ keyword: k, schemaType: ['string', 'number'] });
  for (const s of schemas) ajv.addSchema(s.json);
  return ajv;
}

describe('every schema compiles', () => {
  it('finds the core schemas', () => {
    const names = schemas.map((s) => s.file);
    for (const f of [
      'schemas/outcomes/outcomes.v1.schema.json',
      'schemas/outcomes/outcomes.v2.schema.json',
      'schemas/check-in/check-in.schema.json',
      'schemas/pathway-plan/pathway-plan.schema.json',
      'schemas/staying-put/living-together-agreement.schema.json',
      'schemas/content/locale.schema.json',
    ])
      expect(names).toContain(f);
  });

  it.each(schemas.map((s) => [s.file, s.json] as const))('%s', (_file, json) => {
    const ajv = strictAjv();
    expect(typeof ajv.getSchema(json.$id)).toBe('function');
  });

  it.each(['en-GB.json', 'en-GB-easy.json', 'cy.json'])('locales/%s passes the locale schema', (name) => {
    const validate = strictAjv().getSchema('https://onward.example/schemas/content/locale/v1');
    const ok = validate(JSON.parse(readFileSync(join(root, 'schemas', 'locales', name), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
