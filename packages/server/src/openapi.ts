// The OpenAPI 3.1 description, generated from the same JSON Schemas the server validates with (OpenAPI 3.1 uses
// JSON Schema 2020-12 as is). ROUTES is the one list of the API's routes; a test checks the app serves exactly these.
import { schemas } from '@onward/engine';

type SchemaName = keyof typeof schemas & `${string}Schema`;

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono form (`/api/plans/:planId`). */
  path: string;
  summary: string;
  /** Who may call it (people read this; the security test checks it). */
  who: string;
  /** The JSON body's schema, or 'csv' for a text/csv file. */
  body?: SchemaName | 'csv';
  /** Success status and what comes back. */
  ok: number;
  returns?: SchemaName | 'json' | 'pdf' | 'csv' | 'zip' | 'none';
  anonymous?: boolean;
  apiToken?: boolean;
  query?: string[];
}

export const ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Is the server up? (liveness)',
    who: 'anyone',
    ok: 200,
    anonymous: true,
  },
  {
    method: 'get',
    path: '/api/health/live',
    summary: 'Liveness: the process answers',
    who: 'anyone',
    ok: 200,
    anonymous: true,
  },
  {
    method: 'get',
    path: '/api/health/ready',
    summary: 'Readiness: the database answers and is migrated (503 otherwise, or while shutting down)',
    who: 'anyone',
    ok: 200,
    anonymous: true,
  },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', who: 'anyone', ok: 200, anonymous: true },
  {
    method: 'get',
    path: '/api/auth/csrf',
    summary: 'A CSRF token for signing in',
    who: 'anyone',
    ok: 200,
    anonymous: true,
  },
  {
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Sign in with email and password',
    who: 'anyone (rate-limited)',
    body: 'apiSignInSchema',
    ok: 200,
    anonymous: true,
  },
  {
    method: 'get',
    path: '/api/auth/session',
    summary: 'Who is signed in, and their CSRF token',
    who: 'signed in',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/auth/sign-out',
    summary: 'Sign out here',
    who: 'signed in',
    body: 'apiEmptySchema',
    ok: 204,
    returns: 'none',
  },
  {
    method: 'post',
    path: '/api/auth/sign-out-everywhere',
    summary: 'End every session of this account',
    who: 'signed in',
    body: 'apiEmptySchema',
    ok: 204,
    returns: 'none',
  },
  {
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change your password',
    who: 'signed in',
    body: 'apiPasswordChangeSchema',
    ok: 204,
    returns: 'none',
  },
  {
    method: 'get',
    path: '/api/invitations/:token',
    summary: 'Check an invitation link',
    who: 'anyone with the link',
    ok: 200,
    anonymous: true,
  },
  {
    method: 'post',
    path: '/api/invitations/:token/accept',
    summary: 'Accept an invitation: set email and password',
    who: 'anyone with the link',
    body: 'apiInvitationAcceptSchema',
    ok: 200,
    anonymous: true,
  },
  {
    method: 'get',
    path: '/api/setup',
    summary: 'Whether the first-run set-up is open (an empty database and a set-up token printed at start)',
    who: 'anyone',
    ok: 200,
    anonymous: true,
  },
  {
    method: 'post',
    path: '/api/setup',
    summary: 'First run: create the council and its first admin (once, with the set-up token)',
    who: 'anyone with the set-up token',
    body: 'apiSetupSchema',
    ok: 201,
    anonymous: true,
  },
  {
    method: 'get',
    path: '/api/staff-invitations/:token',
    summary: 'Check a staff invitation link: whose it is',
    who: 'anyone with the link',
    ok: 200,
    anonymous: true,
  },
  {
    method: 'post',
    path: '/api/staff-invitations/:token/accept',
    summary: 'Choose a password from a staff invitation link (once)',
    who: 'anyone with the link',
    body: 'apiStaffInvitationAcceptSchema',
    ok: 200,
    anonymous: true,
  },
  {
    method: 'post',
    path: '/api/users/:id/invitations',
    summary: 'A new invitation link for a staff member to choose their password (the old link stops working)',
    who: 'admin',
    body: 'apiEmptySchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/young-people',
    summary: 'Caseload (or the registry, for an admin)',
    who: 'pa, social-worker, team-manager, admin',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/young-people',
    summary: 'Register a young person',
    who: 'admin, team-manager (own team)',
    body: 'apiYoungPersonCreateSchema',
    ok: 201,
  },
  {
    method: 'post',
    path: '/api/imports/young-people',
    summary:
      'Import young people from a case-management CSV (Content-Type: text/csv): all or nothing, a re-import updates rather than duplicates; dryRun=true checks and saves nothing',
    who: 'admin',
    body: 'csv',
    ok: 200,
    query: ['dryRun'],
  },
  {
    method: 'get',
    path: '/api/young-people/:id/subject-access',
    summary:
      'A subject access request: a zip of everything held about one young person (record, plans, check-ins, Staying Put, PDFs, event history, who saw their record) with a readable index; audited as an export',
    who: 'admin, team-manager of their team',
    ok: 200,
    returns: 'zip',
  },
  {
    method: 'get',
    path: '/api/young-people/:id',
    summary: 'A young person and where their plan is',
    who: 'the young person, their PA, social worker, team manager',
    ok: 200,
  },
  {
    method: 'patch',
    path: '/api/young-people/:id',
    summary: 'Change allocation, preferred name or language',
    who: 'admin, team-manager',
    body: 'apiYoungPersonUpdateSchema',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/young-people/:id/events',
    summary: 'Their record as a story: every event, oldest first',
    who: 'the young person, their PA, social worker, team manager',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/young-people/:id/invitations',
    summary: 'Invite the young person to sign in',
    who: 'their PA, team manager',
    body: 'apiEmptySchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/young-people/:id/plans',
    summary: 'Their pathway plans',
    who: 'the young person, their PA, social worker, team manager',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/young-people/:id/plans',
    summary: 'Start a pathway plan (or the next one, at a review)',
    who: 'their PA or social worker',
    body: 'apiPlanCreateSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/plans/:planId',
    summary: 'A plan, its state and the steps you can take',
    who: 'the young person, their PA, social worker, team manager; API token',
    ok: 200,
    apiToken: true,
  },
  {
    method: 'put',
    path: '/api/plans/:planId',
    summary: 'Save the whole plan',
    who: 'their PA or social worker, while draft or returned',
    body: 'pathwayPlanSchema',
    ok: 200,
  },
  {
    method: 'put',
    path: '/api/plans/:planId/checklist',
    summary: 'Save checklist answers (only those the writer changed; 409 names a question someone else changed)',
    who: 'the young person, their PA or social worker',
    body: 'outcomesV2Schema',
    ok: 200,
    query: ['how'],
  },
  {
    method: 'put',
    path: '/api/plans/:planId/views',
    summary: "Save the young person's own views",
    who: 'the young person',
    body: 'apiPlanViewsSchema',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/plans/:planId/engagement-attempts',
    summary: 'Record an attempt to reach the young person',
    who: 'their PA or social worker',
    body: 'apiEngagementAttemptSchema',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/plans/:planId/events',
    summary: 'Take a step: submit, return, authorise, close …',
    who: 'per the pathway-plan lifecycle',
    body: 'apiLifecycleEventSchema',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/plans/:planId/pdf',
    summary: 'The authorised plan as PDF',
    who: 'the young person, their PA, social worker, team manager; API token',
    ok: 200,
    returns: 'pdf',
    apiToken: true,
  },
  {
    method: 'get',
    path: '/api/authorisation-queue',
    summary: 'Plans waiting for authorisation, oldest first, each with its PA, submitted time and whole days waiting',
    who: 'team-manager',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/young-people/:id/check-ins',
    summary: 'Send a check-in',
    who: 'the young person only',
    body: 'checkInSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/young-people/:id/check-ins',
    summary: 'Their check-ins, newest first',
    who: 'the young person, their PA, social worker, team manager',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/help-requests',
    summary: 'Help asked for in check-ins',
    who: 'pa, social-worker, team-manager (their scope)',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/check-ins/:checkInId/acknowledge',
    summary: 'Mark a check-in as seen',
    who: 'their PA, team manager',
    body: 'apiEmptySchema',
    ok: 204,
    returns: 'none',
  },
  {
    method: 'post',
    path: '/api/young-people/:id/staying-put',
    summary: 'Start a Staying Put arrangement',
    who: 'their PA or social worker',
    body: 'apiStayingPutCreateSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/young-people/:id/staying-put',
    summary: 'Their Staying Put arrangement',
    who: 'the young person, their PA, social worker, team manager',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/staying-put/:id',
    summary: 'A Staying Put arrangement',
    who: 'case workers, the young person, its carers and supervising social worker',
    ok: 200,
  },
  {
    method: 'put',
    path: '/api/staying-put/:id/agreement',
    summary: 'Save the Living Together Agreement (a new draft)',
    who: 'their PA or social worker',
    body: 'livingTogetherAgreementSchema',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/staying-put/:id/events',
    summary: 'Take a Staying Put step: discuss, sign, approve …',
    who: 'per the staying-put lifecycle',
    body: 'apiLifecycleEventSchema',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/staying-put/:id/agreement.pdf',
    summary: 'The agreement as PDF',
    who: 'as GET /api/staying-put/:id',
    ok: 200,
    returns: 'pdf',
  },
  {
    method: 'get',
    path: '/api/my-arrangements',
    summary: 'The Staying Put arrangements the carer or supervising social worker is named on',
    who: 'carer, supervising-social-worker (their own)',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/staying-put-people',
    summary: "The council's carers and supervising social workers, to name on an arrangement",
    who: 'pa, social-worker, team-manager',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/staying-put-tracker',
    summary: 'Staying Put deadlines for the caseload',
    who: 'pa, social-worker, team-manager',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/users',
    summary: 'Staff of the council (admin) or team (team manager)',
    who: 'admin, team-manager',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/users',
    summary: 'Add a staff member',
    who: 'admin',
    body: 'apiUserCreateSchema',
    ok: 201,
  },
  {
    method: 'patch',
    path: '/api/users/:id',
    summary: 'Change or switch off a staff member',
    who: 'admin',
    body: 'apiUserUpdateSchema',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/users/:id/sign-out-everywhere',
    summary: 'End every session of a user',
    who: 'admin',
    body: 'apiEmptySchema',
    ok: 204,
    returns: 'none',
  },
  {
    method: 'get',
    path: '/api/council/settings',
    summary: "The council's settings (deadlines, contact attempts, Staying Put attendance and signatories, nation)",
    who: 'admin',
    ok: 200,
  },
  {
    method: 'put',
    path: '/api/council/settings',
    summary: "Replace the council's settings (checked field by field; deadlines shown change at once)",
    who: 'admin',
    body: 'councilSettingsSchema',
    ok: 200,
  },
  { method: 'get', path: '/api/teams', summary: 'Teams of the council', who: 'staff', ok: 200 },
  { method: 'post', path: '/api/teams', summary: 'Add a team', who: 'admin', body: 'apiTeamCreateSchema', ok: 201 },
  { method: 'get', path: '/api/api-tokens', summary: 'API tokens of the council', who: 'admin', ok: 200 },
  {
    method: 'post',
    path: '/api/api-tokens',
    summary: 'Make a read-only API token (shown once)',
    who: 'admin',
    body: 'apiTokenCreateSchema',
    ok: 201,
  },
  {
    method: 'delete',
    path: '/api/api-tokens/:id',
    summary: 'Withdraw an API token',
    who: 'admin',
    ok: 204,
    returns: 'none',
  },
  { method: 'get', path: '/api/webhooks', summary: 'Webhooks of the council', who: 'admin', ok: 200 },
  {
    method: 'post',
    path: '/api/webhooks',
    summary: 'Add a webhook (secret shown once)',
    who: 'admin',
    body: 'apiWebhookCreateSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/webhooks/:id/deliveries',
    summary: 'Every delivery and attempt of a webhook',
    who: 'admin',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: 'Who read or changed which record, and when',
    who: 'team-manager (their team), admin (council)',
    ok: 200,
    query: ['youngPersonId', 'actorId', 'from', 'to', 'limit'],
  },
  {
    method: 'get',
    path: '/api/insights',
    summary: 'Aggregates, small numbers suppressed by role',
    who: 'analyst, staff (not young people or carers)',
    ok: 200,
    query: ['asAt'],
  },
  {
    method: 'get',
    path: '/api/insights/dashboard',
    summary: 'Every figure the dashboard draws (aggregates, trends, moods, Staying Put cohorts, costs)',
    who: 'team-manager (their team), analyst and admin (council, small numbers hidden for analysts)',
    ok: 200,
    query: ['asAt', 'from'],
  },
  {
    method: 'get',
    path: '/api/exports/plans/:planId',
    summary: 'The case-management record of an authorised plan',
    who: 'their PA, social worker, team manager; API token',
    ok: 200,
    apiToken: true,
  },
  {
    method: 'get',
    path: '/api/exports/case-management',
    summary: 'Every case-management record (JSON, or CSV with format=csv)',
    who: 'team-manager; API token',
    ok: 200,
    apiToken: true,
    query: ['format'],
  },
];

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
