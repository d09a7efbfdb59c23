// The OpenAPI 3.1 description, generated from the same JSON Schemas the server validates with (OpenAPI 3.1 uses
// JSON Schema 2020-12 as is). Each route module declares its own operations, each naming its permission
// (http/operation.ts); ROUTES gathers them into the one list of the API's routes, from which come both this document
// and ROUTE_PERMISSIONS, the table guardRoutes checks. Tests check the app serves exactly these routes.
import { schemas } from '@onward/engine';
import type { Operation, RouteSpec, SchemaName } from './http/operation.js';
import { PERMISSIONS, type PermissionName } from './permissions.js';
import { ADMIN_OPERATIONS } from './routes/admin.js';
import { AUTH_OPERATIONS } from './routes/auth.js';
import { CASE_OPERATIONS } from './routes/cases.js';
import { CHECK_IN_OPERATIONS } from './routes/check-ins.js';
import { HEALTH_OPERATIONS } from './routes/health.js';
import { IMPORT_OPERATIONS } from './routes/imports.js';
import { INSIGHT_OPERATIONS } from './routes/insights.js';
import { PLAN_OPERATIONS } from './routes/plans.js';
import { RETENTION_OPERATIONS } from './routes/retention.js';
import { SUBJECT_ACCESS_OPERATIONS } from './routes/sar.js';
import { SETUP_OPERATIONS } from './routes/setup.js';
import { STAYING_PUT_OPERATIONS } from './routes/staying-put.js';

export type { Operation, RouteSpec } from './http/operation.js';

/** This document's own route (app.ts serves it). */
const OPENAPI_OPERATION: Operation = {
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This document',
  who: 'anyone',
  permission: 'anyone',
  ok: 200,
};

/** Every API route, from each route module's operations, with what its permission says about signing in. */
export const ROUTES: readonly RouteSpec[] = [
  ...HEALTH_OPERATIONS,
  OPENAPI_OPERATION,
  ...AUTH_OPERATIONS,
  ...SETUP_OPERATIONS,
  ...CASE_OPERATIONS,
  ...IMPORT_OPERATIONS,
  ...SUBJECT_ACCESS_OPERATIONS,
  ...RETENTION_OPERATIONS,
  ...PLAN_OPERATIONS,
  ...CHECK_IN_OPERATIONS,
  ...STAYING_PUT_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...INSIGHT_OPERATIONS,
].map((o) => {
  const p = PERMISSIONS[o.permission];
  return { ...o, ...(p.who === 'anyone' ? { anonymous: true } : {}), ...('token' in p ? { apiToken: true } : {}) };
});

/** Each API route (`METHOD /path`, in Hono's form) and the permission it needs: guardRoutes checks this table. */
export const ROUTE_PERMISSIONS: Readonly<Record<string, PermissionName>> = Object.fromEntries(
  ROUTES.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r.permission]),
);

const problem = {
  description: 'A problem document (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

export function openApiDocument(): Record<string, unknown> {
  const components: Record<string, unknown> = {
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status', 'detail'],
      properties: {
        type: { type: 'string', format: 'uri' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        requestId: { type: 'string' },
        errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  };
  for (const [name, value] of Object.entries(schemas)) {
    if (name.endsWith('Schema') && typeof value === 'object' && value !== null)
      components[name.slice(0, -'Schema'.length)] = value;
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const oaPath = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = (r.query ?? []).map((q) => ({ name: q, in: 'query', required: false, schema: { type: 'string' } }));
    const ref = (s: SchemaName) => ({ $ref: `#/components/schemas/${s.slice(0, -'Schema'.length)}` });
    const okContent =
      r.returns === 'none'
        ? undefined
        : r.returns === 'pdf'
          ? { 'application/pdf': { schema: { type: 'string', format: 'binary' } } }
          : r.returns === 'csv'
            ? { 'text/csv': { schema: { type: 'string' } } }
            : r.returns === 'zip'
              ? { 'application/zip': { schema: { type: 'string', format: 'binary' } } }
              : {
                  'application/json': {
                    schema: r.returns && r.returns !== 'json' ? ref(r.returns) : { type: 'object' },
                  },
                };
    paths[oaPath] ??= {};
    (paths[oaPath] as Record<string, unknown>)[r.method] = {
      summary: r.summary,
      description: `Who: ${r.who}.`,
      'x-permission': r.permission,
      operationId: `${r.method}${r.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
      ...(params.length || query.length ? { parameters: [...params, ...query] } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content:
                r.body === 'csv'
                  ? { 'text/csv': { schema: { type: 'string' } } }
                  : { 'application/json': { schema: ref(r.body) } },
            },
          }
        : {}),
      security: r.anonymous
        ? []
        : r.apiToken
          ? [{ session: [], csrf: [] }, { apiToken: [] }]
          : [{ session: [], csrf: [] }],
      responses: {
        [String(r.ok)]: { description: 'Done', ...(okContent ? { content: okContent } : {}) },
        ...(r.body ? { '400': problem, '413': problem, '415': problem } : {}),
        ...(r.anonymous ? {} : { '401': problem, '403': problem, '404': problem }),
        ...(r.method !== 'get' ? { '409': problem } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Onward API',
      version: '0.1.0',
      description: 'Pathway plans, check-ins and Staying Put for leaving-care services. See docs/api.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'onward_session', description: 'Set by sign-in; HttpOnly.' },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'Needed on POST, PUT, PATCH and DELETE.',
        },
        apiToken: { type: 'http', scheme: 'bearer', description: 'Read-only, per council, made by an admin.' },
      },
    },
  };
}
