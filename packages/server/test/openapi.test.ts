// The OpenAPI document: 3.1, every $ref resolves, every schema compiles as JSON Schema 2020-12, operation ids are
// unique, path parameters are declared, and every request body schema is the one the server validates with.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Env } from '../src/http/context.js';
import type { Deps } from '../src/http/deps.js';
import type { Operation } from '../src/http/operation.js';
import { openApiDocument, ROUTES } from '../src/openapi.js';
import { PERMISSIONS } from '../src/permissions.js';
import { ADMIN_OPERATIONS, registerAdminRoutes } from '../src/routes/admin.js';
import { AUTH_OPERATIONS, registerAuthRoutes } from '../src/routes/auth.js';
import { CASE_OPERATIONS, registerCaseRoutes } from '../src/routes/cases.js';
import { CHECK_IN_OPERATIONS, registerCheckInRoutes } from '../src/routes/check-ins.js';
import { HEALTH_OPERATIONS, registerHealthRoutes } from '../src/routes/health.js';
import { IMPORT_OPERATIONS, registerImportRoutes } from '../src/routes/imports.js';
import { INSIGHT_OPERATIONS, registerInsightRoutes } from '../src/routes/insights.js';
import { PLAN_OPERATIONS, registerPlanRoutes } from '../src/routes/plans.js';
import { RETENTION_OPERATIONS, registerRetentionRoutes } from '../src/routes/retention.js';
import { registerSubjectAccessRoutes, SUBJECT_ACCESS_OPERATIONS } from '../src/routes/sar.js';
import { registerSetupRoutes, SETUP_OPERATIONS } from '../src/routes/setup.js';
import { registerStayingPutRoutes, STAYING_PUT_OPERATIONS } from '../src/routes/staying-put.js';

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
  it('names each operation’s permission, and asks no sign-in exactly of the routes open to anyone', () => {
    for (const r of ROUTES) {
      const op = doc.paths[r.path.replace(/:([A-Za-z]+)/g, '{$1}')][r.method];
      expect(op['x-permission'], `${r.method} ${r.path}`).toBe(r.permission);
      expect(op.security.length === 0, `${r.method} ${r.path}`).toBe(PERMISSIONS[r.permission].who === 'anyone');
      expect(
        op.security.some((s: Json) => 'apiToken' in s),
        `${r.method} ${r.path}`,
      ).toBe('token' in PERMISSIONS[r.permission]);
    }
  });
});

describe('route modules', () => {
  const modules: [string, (app: Hono<Env>, d: Deps) => void, readonly Operation[]][] = [
    ['admin', registerAdminRoutes, ADMIN_OPERATIONS],
    ['auth', registerAuthRoutes, AUTH_OPERATIONS],
    ['cases', registerCaseRoutes, CASE_OPERATIONS],
    ['check-ins', registerCheckInRoutes, CHECK_IN_OPERATIONS],
    ['health', registerHealthRoutes, HEALTH_OPERATIONS],
    ['imports', registerImportRoutes, IMPORT_OPERATIONS],
    ['insights', registerInsightRoutes, INSIGHT_OPERATIONS],
    ['plans', registerPlanRoutes, PLAN_OPERATIONS],
    ['retention', registerRetentionRoutes, RETENTION_OPERATIONS],
    ['sar', registerSubjectAccessRoutes, SUBJECT_ACCESS_OPERATIONS],
    ['setup', registerSetupRoutes, SETUP_OPERATIONS],
    ['staying-put', registerStayingPutRoutes, STAYING_PUT_OPERATIONS],
  ];
  it.each(modules)('%s declares an operation for exactly the routes it registers', (_, register, operations) => {
    const app = new Hono<Env>();
    // Registering only reads the dependencies when a request comes; none comes here.
    register(app, { options: {} } as Deps);
    const registered = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path}`);
    expect(registered.sort()).toEqual(operations.map((o) => `${o.method} ${o.path}`).sort());
  });
  it('gives ROUTES every module’s operations and this document’s own route, once each', () => {
    const all = [...modules.flatMap(([, , ops]) => ops), { method: 'get', path: '/api/openapi.json' }];
    expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(all.map((o) => `${o.method} ${o.path}`).sort());
  });
});
