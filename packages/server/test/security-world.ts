// The world of the route × caller tests (security.test.ts, permissions.test.ts): one council with every role and
// a second council, every route the app serves with a real URL (and body where it needs one) and who gets through
// it, and a function that sends a route's request as any of those callers.
import { defaultCouncilSettings, rolesFor } from '@onward/engine';
import { expect } from 'vitest';
import { type Client, checklistWithAnswers, makeWorld, type World } from './helpers.js';

export type Who =
  | 'anon'
  | 'yp'
  | 'yp2'
  | 'pa'
  | 'pa2'
  | 'sw'
  | 'tm'
  | 'tm2'
  | 'ssw'
  | 'carer'
  | 'carer2'
  | 'analyst'
  | 'admin'
  | 'otherYp'
  | 'otherPa'
  | 'otherTm'
  | 'otherAdmin'
  | 'token'
  | 'otherToken';
export const EVERYONE: Who[] = [
  'anon',
  'yp',
  'yp2',
  'pa',
  'pa2',
  'sw',
  'tm',
  'tm2',
  'ssw',
  'carer',
  'carer2',
  'analyst',
  'admin',
  'otherYp',
  'otherPa',
  'otherTm',
  'otherAdmin',
  'token',
  'otherToken',
];
/** The public routes' callers: everyone but API tokens, which read plans, their PDFs and exports only. */
export const ANYONE = EVERYONE.filter((w) => w !== 'token' && w !== 'otherToken');
export const SIGNED_IN_USERS = EVERYONE.filter((w) => w !== 'anon' && w !== 'token' && w !== 'otherToken');
export const OTHER_COUNCIL: Who[] = ['otherYp', 'otherPa', 'otherTm', 'otherAdmin', 'otherToken'];

export interface Row {
  method: string;
  path: string;
  /** Path with real ids. */
  url: (ids: Ids) => string;
  body?: (who: Who, ids: Ids) => unknown;
  /** Request headers besides the caller's (e.g. a CSV body's content type). */
  headers?: Record<string, string>;
  allowed: Who[];
  /** Statuses that count as "got through" for allowed callers besides 2xx (e.g. 409 when the state forbids it). */
  alsoOk?: number[];
  /** Extra statuses a refused caller may get (e.g. 400 "no such team in your council"). */
  alsoRefused?: number[];
  /** Not run for allowed callers here (they end sessions); covered in auth.test.ts. */
  skipAllowed?: boolean;
  public?: boolean;
}
export interface Ids {
  active: string;
  draft: string;
  arrangement: string;
  checkIn: string;
  tokenId: string;
  webhookId: string;
}

const CASE: Who[] = ['yp', 'pa', 'sw', 'tm'];
const WORKERS: Who[] = ['pa', 'sw', 'tm'];
const SCOPED_STAFF: Who[] = ['pa', 'pa2', 'sw', 'tm', 'tm2', 'otherPa', 'otherTm'];

export const TABLE: Row[] = [
  { method: 'get', path: '/api/health', url: () => '/api/health', allowed: ANYONE, public: true },
  { method: 'get', path: '/api/health/live', url: () => '/api/health/live', allowed: ANYONE, public: true },
  { method: 'get', path: '/api/health/ready', url: () => '/api/health/ready', allowed: ANYONE, public: true },
  { method: 'get', path: '/api/openapi.json', url: () => '/api/openapi.json', allowed: ANYONE, public: true },
  { method: 'get', path: '/api/auth/csrf', url: () => '/api/auth/csrf', allowed: ANYONE, public: true },
  { method: 'post', path: '/api/auth/sign-in', url: () => '/api/auth/sign-in', allowed: ANYONE, public: true },
  { method: 'get', path: '/api/invitations/:token', url: () => '/api/invitations/x', allowed: ANYONE, public: true },
  {
    method: 'post',
    path: '/api/invitations/:token/accept',
    url: () => '/api/invitations/x/accept',
    allowed: ANYONE,
    public: true,
  },
  { method: 'get', path: '/api/setup', url: () => '/api/setup', allowed: ANYONE, public: true },
  { method: 'post', path: '/api/setup', url: () => '/api/setup', allowed: ANYONE, public: true },
  {
    method: 'get',
    path: '/api/staff-invitations/:token',
    url: () => '/api/staff-invitations/x',
    allowed: ANYONE,
    public: true,
  },
  {
    method: 'post',
    path: '/api/staff-invitations/:token/accept',
    url: () => '/api/staff-invitations/x/accept',
    allowed: ANYONE,
    public: true,
  },
  {
    method: 'post',
    path: '/api/users/:id/invitations',
    url: () => '/api/users/u-spare/invitations',
    body: () => ({}),
    allowed: ['admin'],
  },
  { method: 'get', path: '/api/auth/session', url: () => '/api/auth/session', allowed: SIGNED_IN_USERS },
  {
    method: 'post',
    path: '/api/auth/sign-out',
    url: () => '/api/auth/sign-out',
    body: () => ({}),
    allowed: SIGNED_IN_USERS,
    skipAllowed: true,
  },
  {
    method: 'post',
    path: '/api/auth/sign-out-everywhere',
    url: () => '/api/auth/sign-out-everywhere',
    body: () => ({}),
    allowed: SIGNED_IN_USERS,
    skipAllowed: true,
  },
  {
    method: 'post',
    path: '/api/auth/password',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'wrong password', newPassword: 'another long password' }),
    allowed: SIGNED_IN_USERS,
    alsoOk: [400],
  },
  {
    method: 'get',
    path: '/api/young-people',
    url: () => '/api/young-people',
    allowed: ['pa', 'pa2', 'sw', 'tm', 'tm2', 'admin', 'otherPa', 'otherTm', 'otherAdmin'],
  },
  {
    method: 'post',
    path: '/api/young-people',
    url: () => '/api/young-people',
    body: (who) => ({
      name: `New ${who}`,
      dateOfBirth: '2009-02-02',
      category: 'eligible',
      teamId: 't1',
      paId: 'u-pa',
    }),
    allowed: ['admin', 'tm'],
    alsoRefused: [400],
  },
  {
    method: 'post',
    path: '/api/imports/young-people',
    // A dry run, so those let through save nothing; each admin's file names their own council's team and PA.
    url: () => '/api/imports/young-people?dryRun=true',
    headers: { 'content-type': 'text/csv' },
    body: (who) =>
      `external_id,name,date_of_birth,category,team_id,pa_id\nSEC-1,New ${who},2009-02-02,eligible,${
        who === 'otherAdmin' ? 'tx,u-otherPa' : 't1,u-pa'
      }\n`,
    allowed: ['admin', 'otherAdmin'],
  },
  {
    method: 'get',
    path: '/api/young-people/:id/subject-access',
    url: () => '/api/young-people/yp1/subject-access',
    allowed: ['admin', 'tm'],
  },
  // Retention: team managers of the council, whichever team (records this old have outlived their team).
  { method: 'get', path: '/api/retention', url: () => '/api/retention', allowed: ['tm', 'tm2', 'otherTm'] },
  { method: 'get', path: '/api/retention/:id', url: () => '/api/retention/yp1', allowed: ['tm', 'tm2'] },
  {
    method: 'post',
    path: '/api/retention/:id/legal-hold',
    url: () => '/api/retention/yp1/legal-hold',
    body: () => ({ reason: 'A claim has been made' }),
    allowed: ['tm', 'tm2'],
    // Already held when the second manager tries.
    alsoOk: [409],
  },
  {
    method: 'post',
    path: '/api/retention/:id/legal-hold/lift',
    url: () => '/api/retention/yp1/legal-hold/lift',
    body: () => ({ reason: 'The claim is settled' }),
    allowed: ['tm', 'tm2'],
    alsoOk: [409],
  },
  // Alex (born 2007) is far from their 75th birthday: a manager gets through to the rule's refusal (409), so nothing
  // is destroyed here; destruction itself is retention.test.ts's.
  {
    method: 'post',
    path: '/api/retention/:id/destruction',
    url: () => '/api/retention/yp1/destruction',
    body: () => ({ confirmReference: 'yp1' }),
    allowed: ['tm', 'tm2'],
    alsoOk: [409],
  },
  { method: 'get', path: '/api/young-people/:id', url: () => '/api/young-people/yp1', allowed: CASE },
  {
    method: 'patch',
    path: '/api/young-people/:id',
    url: () => '/api/young-people/yp1',
    body: () => ({ language: 'en-GB' }),
    allowed: ['admin', 'tm'],
  },
  { method: 'get', path: '/api/young-people/:id/events', url: () => '/api/young-people/yp1/events', allowed: CASE },
  {
    method: 'post',
    path: '/api/young-people/:id/invitations',
    url: () => '/api/young-people/yp1/invitations',
    body: () => ({}),
    allowed: ['pa', 'tm'],
    alsoOk: [409],
  },
  { method: 'get', path: '/api/young-people/:id/plans', url: () => '/api/young-people/yp1/plans', allowed: CASE },
  {
    method: 'post',
    path: '/api/young-people/:id/plans',
    url: () => '/api/young-people/yp1/plans',
    body: () => ({}),
    allowed: ['pa', 'sw'],
    alsoOk: [409],
  },
  { method: 'get', path: '/api/plans/:planId', url: (i) => `/api/plans/${i.draft}`, allowed: [...CASE, 'token'] },
  {
    method: 'put',
    path: '/api/plans/:planId',
    url: (i) => `/api/plans/${i.draft}`,
    body: () => 'CURRENT_PLAN',
    allowed: ['pa', 'sw'],
  },
  {
    method: 'put',
    path: '/api/plans/:planId/checklist',
    url: (i) => `/api/plans/${i.draft}/checklist`,
    body: () => checklistWithAnswers(),
    allowed: ['yp', 'pa', 'sw'],
  },
  {
    method: 'patch',
    path: '/api/plans/:planId/checklist',
    url: (i) => `/api/plans/${i.draft}/checklist`,
    body: () => ({
      version: 2,
      answers: { 'housing.heating': { value: 'no', note: 'radiator broken', locale: 'en-GB', variant: 'standard' } },
    }),
    allowed: ['yp', 'pa', 'sw'],
  },
  {
    method: 'put',
    path: '/api/plans/:planId/views',
    url: (i) => `/api/plans/${i.draft}/views`,
    body: () => ({ youngPerson: 'My words' }),
    allowed: ['yp'],
  },
  {
    method: 'post',
    path: '/api/plans/:planId/engagement-attempts',
    url: (i) => `/api/plans/${i.draft}/engagement-attempts`,
    body: () => ({ at: '2026-03-01T10:00:00Z', method: 'phone', outcome: 'engaged' }),
    allowed: ['pa', 'sw'],
  },
  {
    method: 'post',
    path: '/api/plans/:planId/events',
    url: (i) => `/api/plans/${i.draft}/events`,
    body: () => ({ type: 'plan.submit' }),
    allowed: ['pa'],
    alsoOk: [409],
  },
  {
    method: 'get',
    path: '/api/plans/:planId/pdf',
    url: (i) => `/api/plans/${i.active}/pdf`,
    allowed: [...CASE, 'token'],
  },
  {
    method: 'get',
    path: '/api/authorisation-queue',
    url: () => '/api/authorisation-queue',
    allowed: ['tm', 'tm2', 'otherTm'],
  },
  {
    method: 'post',
    path: '/api/young-people/:id/check-ins',
    url: () => '/api/young-people/yp1/check-ins',
    body: (who) => ({
      id: `ci-${who}`,
      youngPersonId: 'yp1',
      author: 'young-person',
      at: '2026-03-02T09:00:00Z',
      locale: 'en-GB',
      moods: { health: { mood: 'good' } },
    }),
    allowed: ['yp'],
  },
  {
    method: 'get',
    path: '/api/young-people/:id/check-ins',
    url: () => '/api/young-people/yp1/check-ins',
    allowed: CASE,
  },
  { method: 'get', path: '/api/help-requests', url: () => '/api/help-requests', allowed: SCOPED_STAFF },
  {
    method: 'post',
    path: '/api/check-ins/:checkInId/acknowledge',
    url: (i) => `/api/check-ins/${i.checkIn}/acknowledge`,
    body: () => ({}),
    allowed: ['pa', 'tm'],
    alsoOk: [409],
  },
  {
    method: 'post',
    path: '/api/young-people/:id/staying-put',
    url: () => '/api/young-people/yp1/staying-put',
    body: () => ({ carerUserIds: ['u-carer'] }),
    allowed: ['pa', 'sw'],
    alsoOk: [409],
  },
  {
    method: 'get',
    path: '/api/young-people/:id/staying-put',
    url: () => '/api/young-people/yp1/staying-put',
    allowed: CASE,
  },
  {
    method: 'get',
    path: '/api/staying-put/:id',
    url: (i) => `/api/staying-put/${i.arrangement}`,
    allowed: [...CASE, 'ssw', 'carer'],
  },
  // The body is incomplete on purpose: rights are checked first, so allowed callers reach validation (400).
  {
    method: 'put',
    path: '/api/staying-put/:id/agreement',
    url: (i) => `/api/staying-put/${i.arrangement}/agreement`,
    body: () => ({ schemaVersion: 1 }),
    allowed: ['pa', 'sw'],
    alsoOk: [400],
  },
  {
    method: 'post',
    path: '/api/staying-put/:id/events',
    url: (i) => `/api/staying-put/${i.arrangement}/events`,
    body: () => ({ type: 'stayingPut.discuss', youngPersonWants: 'yes', carerWilling: 'yes' }),
    // Who may take this step is the engine's lifecycle table; among those who can see the arrangement.
    allowed: (['yp', 'pa', 'sw', 'tm', 'ssw', 'carer'] as const).filter((w) =>
      rolesFor('staying-put', 'stayingPut.discuss').includes(
        (
          {
            yp: 'young-person',
            pa: 'pa',
            sw: 'social-worker',
            tm: 'team-manager',
            ssw: 'supervising-social-worker',
            carer: 'carer',
          } as const
        )[w],
      ),
    ),
    alsoOk: [409],
  },
  {
    method: 'get',
    path: '/api/staying-put/:id/agreement.pdf',
    url: (i) => `/api/staying-put/${i.arrangement}/agreement.pdf`,
    allowed: [...CASE, 'ssw', 'carer'],
    alsoOk: [404],
  },
  { method: 'get', path: '/api/staying-put-tracker', url: () => '/api/staying-put-tracker', allowed: SCOPED_STAFF },
  { method: 'get', path: '/api/staying-put-people', url: () => '/api/staying-put-people', allowed: SCOPED_STAFF },
  {
    method: 'get',
    path: '/api/users',
    url: () => '/api/users',
    allowed: ['admin', 'tm', 'tm2', 'otherAdmin', 'otherTm'],
  },
  {
    method: 'post',
    path: '/api/users',
    url: () => '/api/users',
    body: (who) => ({
      email: `new-${who}@example.org`,
      name: 'New person',
      role: 'pa',
      password: 'a long enough password',
    }),
    allowed: ['admin', 'otherAdmin'],
  },
  {
    method: 'patch',
    path: '/api/users/:id',
    url: () => '/api/users/u-spare',
    body: () => ({ name: 'Spare person' }),
    allowed: ['admin'],
  },
  {
    method: 'post',
    path: '/api/users/:id/sign-out-everywhere',
    url: () => '/api/users/u-spare/sign-out-everywhere',
    body: () => ({}),
    allowed: ['admin'],
  },
  {
    method: 'get',
    path: '/api/council/settings',
    url: () => '/api/council/settings',
    allowed: ['admin', 'otherAdmin'],
  },
  {
    method: 'put',
    path: '/api/council/settings',
    url: () => '/api/council/settings',
    body: () => defaultCouncilSettings('england'),
    allowed: ['admin', 'otherAdmin'],
  },
  {
    method: 'get',
    path: '/api/teams',
    url: () => '/api/teams',
    allowed: ['pa', 'pa2', 'sw', 'tm', 'tm2', 'ssw', 'analyst', 'admin', 'otherPa', 'otherTm', 'otherAdmin'],
  },
  {
    method: 'post',
    path: '/api/teams',
    url: () => '/api/teams',
    body: () => ({ name: 'New team' }),
    allowed: ['admin', 'otherAdmin'],
  },
  { method: 'get', path: '/api/api-tokens', url: () => '/api/api-tokens', allowed: ['admin', 'otherAdmin'] },
  {
    method: 'post',
    path: '/api/api-tokens',
    url: () => '/api/api-tokens',
    body: () => ({ name: 'Another' }),
    allowed: ['admin', 'otherAdmin'],
  },
  { method: 'delete', path: '/api/api-tokens/:id', url: (i) => `/api/api-tokens/${i.tokenId}`, allowed: ['admin'] },
  { method: 'get', path: '/api/webhooks', url: () => '/api/webhooks', allowed: ['admin', 'otherAdmin'] },
  {
    method: 'post',
    path: '/api/webhooks',
    url: () => '/api/webhooks',
    body: () => ({ url: 'https://example.org/hook', events: ['plan.authorised'] }),
    allowed: ['admin', 'otherAdmin'],
  },
  {
    method: 'get',
    path: '/api/webhooks/:id/deliveries',
    url: (i) => `/api/webhooks/${i.webhookId}/deliveries`,
    allowed: ['admin'],
  },
  { method: 'get', path: '/api/notifications', url: () => '/api/notifications', allowed: ['admin', 'otherAdmin'] },
  {
    method: 'get',
    path: '/api/audit',
    url: () => '/api/audit',
    allowed: ['tm', 'tm2', 'admin', 'otherTm', 'otherAdmin'],
  },
  {
    method: 'get',
    path: '/api/audit/people',
    url: () => '/api/audit/people',
    allowed: ['tm', 'tm2', 'admin', 'otherTm', 'otherAdmin'],
  },
  {
    method: 'get',
    path: '/api/audit/export',
    url: () => '/api/audit/export',
    allowed: ['tm', 'tm2', 'admin', 'otherTm', 'otherAdmin'],
  },
  {
    method: 'get',
    path: '/api/insights',
    url: () => '/api/insights',
    allowed: ['pa', 'pa2', 'sw', 'tm', 'tm2', 'ssw', 'analyst', 'admin', 'otherPa', 'otherTm', 'otherAdmin'],
  },
  {
    method: 'get',
    path: '/api/my-arrangements',
    url: () => '/api/my-arrangements',
    allowed: ['ssw', 'carer', 'carer2'],
  },
  {
    method: 'get',
    path: '/api/insights/dashboard',
    url: () => '/api/insights/dashboard',
    allowed: ['tm', 'tm2', 'analyst', 'admin', 'otherTm', 'otherAdmin'],
  },
  {
    method: 'get',
    path: '/api/exports/plans/:planId',
    url: (i) => `/api/exports/plans/${i.active}`,
    allowed: [...WORKERS, 'token'],
  },
  {
    method: 'get',
    path: '/api/exports/case-management',
    url: () => '/api/exports/case-management',
    allowed: ['tm', 'tm2', 'otherTm', 'token', 'otherToken'],
  },
];

export interface SecurityWorld {
  w: World;
  clients: Map<Who, Client>;
  ids: Ids;
  tokens: { token: string; otherToken: string };
  /** Sends the route's request (real ids, its body) as this caller. */
  send: (row: Row, who: Who) => ReturnType<Client['req']>;
}

/** Signs every caller in, authorises a plan and starts the next, and makes API tokens and a webhook. */
export async function makeSecurityWorld(): Promise<SecurityWorld> {
  const clients = new Map<Who, Client>();
  const w = await makeWorld({
    webhooks: {
      retryDelaysMs: [],
      fetch: (async () => new Response(null, { status: 500 })) as unknown as typeof fetch,
    },
  });
  for (const who of EVERYONE)
    if (who !== 'anon' && who !== 'token' && who !== 'otherToken') clients.set(who, await w.as(who));
  clients.set('anon', w.anon());
  // An authorised plan (for the PDF and export) and its review, the next plan in draft (for editing routes).
  const yp = clients.get('yp') as Client;
  const pa = clients.get('pa') as Client;
  const tm = clients.get('tm') as Client;
  expect((await yp.put(`/api/plans/${w.ids.planId}/checklist`, checklistWithAnswers())).status).toBe(200);
  expect((await pa.post(`/api/plans/${w.ids.planId}/events`, { type: 'plan.submit' })).status).toBe(200);
  expect((await tm.post(`/api/plans/${w.ids.planId}/events`, { type: 'plan.authorise' })).status).toBe(200);
  const next = await pa.post('/api/young-people/yp1/plans', {});
  expect(next.status).toBe(201);
  const admin = clients.get('admin') as Client;
  const t = await admin.post('/api/api-tokens', { name: 'Vendor' });
  const doomed = await admin.post('/api/api-tokens', { name: 'To withdraw' });
  const hook = await admin.post('/api/webhooks', { url: 'https://vendor.example/h', events: ['plan.authorised'] });
  const ot = await (clients.get('otherAdmin') as Client).post('/api/api-tokens', { name: 'Other vendor' });
  const tokens = { token: String(t.json.token), otherToken: String(ot.json.token) };
  const ids: Ids = {
    active: w.ids.planId,
    draft: String(next.json.plan.id),
    arrangement: w.ids.arrangementId,
    checkIn: w.ids.checkInId,
    tokenId: String(doomed.json.id),
    webhookId: String(hook.json.id),
  };
  const send = async (row: Row, who: Who) => {
    const client =
      who === 'token' || who === 'otherToken' ? (clients.get('anon') as Client) : (clients.get(who) as Client);
    const headers: Record<string, string> = {
      ...row.headers,
      ...(who === 'token' || who === 'otherToken' ? { authorization: `Bearer ${tokens[who]}` } : {}),
    };
    let b = row.body?.(who, ids);
    if (b === 'CURRENT_PLAN') b = (await w.store.getPlan(ids.draft))?.doc;
    return client.req(row.method.toUpperCase(), row.url(ids), b, headers);
  };
  return { w, clients, ids, tokens, send };
}

/** Row counts of the tables a request could write to, to show a refused request saved nothing. */
export async function countRows(w: World): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of ['events', 'users', 'teams', 'api_tokens', 'webhooks', 'sessions', 'invitations', 'frozen_plans']) {
    const [r] = await w.store.db.query(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = r?.n;
  }
  return out;
}
