// A small world for the API tests: two councils, every role, young people with a plan, a check-in and a Staying Put
// arrangement, and a client that keeps cookies and sends the CSRF token like the reference app does.
import { emptyChecklist, questionSet } from '@onward/engine';
import { createOnwardServer, type OnwardServerOptions } from '../src/app.js';
import { setScryptParamsForTests } from '../src/auth/crypto.js';
import { openStore, type Store, type User } from '../src/storage/store.js';

export const PASSWORD = 'a long enough password';

// The fixtures make hundreds of accounts and sign-ins; at the production cost (OWASP's N=2^17, about 1 s each on
// the shared test machine) that alone would take minutes. The production cost has its own tests (passwords.test.ts).
export const FIXTURE_SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;
setScryptParamsForTests(FIXTURE_SCRYPT);

export class Client {
  readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }) {}

  async req(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(`http://localhost${path}`, {
      method,
      headers: h,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [k, ...v] = (pair as string).split('=');
      const value = v.join('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(k as string);
      else this.cookies.set(k as string, value);
    }
    const type = res.headers.get('content-type') ?? '';
    const json = type.includes('json')
      ? ((await res.json()) as Record<string, unknown> & { errors?: { path: string; message: string }[] })
      : undefined;
    const bytes = json === undefined ? new Uint8Array(await res.arrayBuffer()) : undefined;
    // biome-ignore lint/suspicious/noExplicitAny: tests read into answers freely.
    return { status: res.status, json: json as Record<string, any>, bytes, headers: res.headers };
  }
  get = (path: string, headers?: Record<string, string>) => this.req('GET', path, undefined, headers);
  post = (path: string, body: unknown = {}, headers?: Record<string, string>) => this.req('POST', path, body, headers);
  put = (path: string, body: unknown, headers?: Record<string, string>) => this.req('PUT', path, body, headers);
  patch = (path: string, body: unknown, headers?: Record<string, string>) => this.req('PATCH', path, body, headers);
  del = (path: string, headers?: Record<string, string>) => this.req('DELETE', path, undefined, headers);

  async signIn(email: string, password = PASSWORD) {
    const t = await this.get('/api/auth/csrf');
    this.csrf = String(t.json.csrfToken);
    const r = await this.post('/api/auth/sign-in', { email, password });
    if (r.status === 200) this.csrf = String(r.json.csrfToken);
    return r;
  }
}

export interface World {
  store: Store;
  server: ReturnType<typeof createOnwardServer>;
  logs: string[];
  clock: { now: Date };
  users: Record<string, User>;
  ids: { planId: string; checkInId: string; arrangementId: string };
  as: (who: string) => Promise<Client>;
  anon: () => Client;
  close: () => Promise<void>;
}

export const STAFF = [
  ['pa', 'c1', 'pa', 't1'],
  ['pa2', 'c1', 'pa', 't2'],
  ['sw', 'c1', 'social-worker', 't1'],
  ['tm', 'c1', 'team-manager', 't1'],
  ['tm2', 'c1', 'team-manager', 't2'],
  ['ssw', 'c1', 'supervising-social-worker', 't1'],
  ['carer', 'c1', 'carer', undefined],
  ['carer2', 'c1', 'carer', undefined],
  ['analyst', 'c1', 'analyst', undefined],
  ['admin', 'c1', 'admin', undefined],
  ['spare', 'c1', 'pa', 't1'],
  ['otherPa', 'c2', 'pa', 'tx'],
  ['otherTm', 'c2', 'team-manager', 'tx'],
  ['otherAdmin', 'c2', 'admin', undefined],
] as const;

export async function makeWorld(options: Partial<OnwardServerOptions> & { store?: Store } = {}): Promise<World> {
  const store = options.store ?? (await openStore({}));
  const clock = { now: new Date('2026-03-02T10:00:00.000Z') };
  const logs: string[] = [];
  await store.createCouncil({ id: 'c1', name: 'Northshire' });
  await store.createCouncil({ id: 'c2', name: 'Southshire' });
  await store.createTeam({ id: 't1', councilId: 'c1', name: 'North team' });
  await store.createTeam({ id: 't2', councilId: 'c1', name: 'East team' });
  await store.createTeam({ id: 'tx', councilId: 'c2', name: 'South team' });
  const users: Record<string, User> = {};
  const created = await store.createStaffUsers(
    STAFF.map(([key, councilId, role, teamId]) => ({
      id: `u-${key}`,
      councilId,
      role,
      name: `${key} name`,
      email: `${key}@example.org`,
      password: PASSWORD,
      ...(teamId ? { teamId } : {}),
    })),
  );
  for (const [i, [key]] of STAFF.entries()) users[key] = created[i] as User;
  const at = '2026-01-05T09:00:00.000Z';
  await store.createYoungPeople([
    {
      id: 'yp1',
      councilId: 'c1',
      name: 'Alex Rivers',
      dateOfBirth: '2007-05-01',
      category: 'former-relevant',
      teamId: 't1',
      paId: 'u-pa',
      socialWorkerId: 'u-sw',
      at,
    },
    {
      id: 'yp2',
      councilId: 'c1',
      name: 'Bo Lane',
      dateOfBirth: '2008-01-15',
      category: 'relevant',
      teamId: 't2',
      paId: 'u-pa2',
      at,
    },
    {
      id: 'ypx',
      councilId: 'c2',
      name: 'Cal Other',
      dateOfBirth: '2007-09-09',
      category: 'former-relevant',
      teamId: 'tx',
      paId: 'u-otherPa',
      at,
    },
  ]);
  users.yp = await store.createYoungPersonUser({
    id: 'u-yp',
    councilId: 'c1',
    youngPersonId: 'yp1',
    email: 'yp@example.org',
    password: PASSWORD,
  });
  users.yp2 = await store.createYoungPersonUser({
    id: 'u-yp2',
    councilId: 'c1',
    youngPersonId: 'yp2',
    email: 'yp2@example.org',
    password: PASSWORD,
  });
  users.otherYp = await store.createYoungPersonUser({
    id: 'u-otherYp',
    councilId: 'c2',
    youngPersonId: 'ypx',
    email: 'otheryp@example.org',
    password: PASSWORD,
  });
  const server = createOnwardServer({
    store,
    clock: () => clock.now,
    secureCookies: false,
    logger: (l) => logs.push(l),
    renderPlanPdf: async (plan) => new TextEncoder().encode(`%PDF-1.7 test ${plan.id} ${plan.views.youngPerson ?? ''}`),
    renderAgreementPdf: async (a) => new TextEncoder().encode(`%PDF-1.7 agreement ${a.id}`),
    ...options,
  });
  const pa = new Client(server.app);
  await pa.signIn('pa@example.org');
  const plan = await pa.post('/api/young-people/yp1/plans', {});
  if (plan.status !== 201) throw new Error(`world: plan ${plan.status} ${JSON.stringify(plan.json)}`);
  const yp = new Client(server.app);
  await yp.signIn('yp@example.org');
  const checkInId = 'ci-1';
  const ci = await yp.post('/api/young-people/yp1/check-ins', {
    id: checkInId,
    youngPersonId: 'yp1',
    author: 'young-person',
    at: clock.now.toISOString(),
    locale: 'en-GB',
    moods: { housing: { mood: 'bad', help: true, note: 'The heating is broken <b>again</b>' }, money: { mood: 'ok' } },
  });
  if (ci.status !== 201) throw new Error(`world: check-in ${ci.status} ${JSON.stringify(ci.json)}`);
  const sp = await pa.post('/api/young-people/yp1/staying-put', {
    carerUserIds: ['u-carer'],
    supervisingSocialWorkerId: 'u-ssw',
  });
  if (sp.status !== 201) throw new Error(`world: staying put ${sp.status} ${JSON.stringify(sp.json)}`);
  const emails: Record<string, string> = Object.fromEntries(
    Object.entries(users).map(([k, u]) => [k, u.email as string]),
  );
  return {
    store,
    server,
    logs,
    clock,
    users,
    ids: { planId: String(plan.json.plan.id), checkInId, arrangementId: String(sp.json.id) },
    as: async (who) => {
      const c = new Client(server.app);
      const r = await c.signIn(emails[who] as string);
      if (r.status !== 200) throw new Error(`sign-in as ${who}: ${r.status}`);
      return c;
    },
    anon: () => new Client(server.app),
    close: async () => {
      server.webhooks.stop();
      await store.close();
    },
  };
}

export function checklistWithAnswers(): Record<string, unknown> {
  const c = emptyChecklist(questionSet()) as { answers: Record<string, Record<string, unknown>> };
  c.answers.housing = {
    heating: {
      value: 'no',
      help: true,
      note: '<script>alert("x")</script> radiator broken',
      by: 'young-person',
      locale: 'en-GB',
      variant: 'standard',
      at: '2026-03-02T10:00:00.000Z',
    },
  };
  return c as unknown as Record<string, unknown>;
}
