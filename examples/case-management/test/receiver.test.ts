// End to end over real HTTP: Onward (in-memory PGlite) authorises a plan, signs a webhook to the receiver, the
// receiver checks it, fetches the record and PDF with its API token and files them. Forged and replayed
// messages are refused and file nothing.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyChecklist, questionSet } from '@onward/engine';
import { createOnwardServer, openStore, type Store, serve, signWebhook } from '@onward/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignature, createReceiver } from '../src/receiver.js';

const PASSWORD = 'a long enough password';

async function call(base: string, jar: { cookie: string; csrf: string }, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (jar.cookie) headers.cookie = jar.cookie;
  if (jar.csrf) headers['x-csrf-token'] = jar.csrf;
  const r = await fetch(base + path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const set = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c?.endsWith('='));
  if (set.length)
    jar.cookie = [
      ...jar.cookie
        .split('; ')
        .filter(Boolean)
        .filter((c) => !set.some((s) => s?.split('=')[0] === c.split('=')[0])),
      ...set,
    ].join('; ');
  const json = r.headers.get('content-type')?.includes('json') ? await r.json() : undefined;
  return { status: r.status, json };
}

async function signIn(base: string, email: string) {
  const jar = { cookie: '', csrf: '' };
  jar.csrf = (await call(base, jar, 'GET', '/api/auth/csrf')).json.csrfToken;
  const r = await call(base, jar, 'POST', '/api/auth/sign-in', { email, password: PASSWORD });
  expect(r.status).toBe(200);
  jar.csrf = r.json.csrfToken;
  return jar;
}

describe('case-management receiver', () => {
  let store: Store;
  let onward: Awaited<ReturnType<typeof serve>>;
  let server: ReturnType<typeof createOnwardServer>;
  let receiver: Server;
  let receiverUrl: string;
  let folder: string;
  let planId: string;
  const logs: string[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'onward-cms-'));
    store = await openStore({});
    await store.createCouncil({ id: 'c1', name: 'Northshire' });
    await store.createTeam({ id: 't1', councilId: 'c1', name: 'North team' });
    await store.createStaffUsers([
      {
        id: 'u-pa',
        councilId: 'c1',
        role: 'pa',
        teamId: 't1',
        name: 'Pat',
        email: 'pa@example.org',
        password: PASSWORD,
      },
      {
        id: 'u-tm',
        councilId: 'c1',
        role: 'team-manager',
        teamId: 't1',
        name: 'Tess',
        email: 'tm@example.org',
        password: PASSWORD,
      },
      { id: 'u-admin', councilId: 'c1', role: 'admin', name: 'Ada', email: 'admin@example.org', password: PASSWORD },
    ]);
    await store.createYoungPerson({
      id: 'yp1',
      councilId: 'c1',
      name: 'Alex Rivers',
      dateOfBirth: '2007-05-01',
      category: 'former-relevant',
      teamId: 't1',
      paId: 'u-pa',
    });
    await store.createYoungPersonUser({
      councilId: 'c1',
      youngPersonId: 'yp1',
      email: 'yp@example.org',
      password: PASSWORD,
    });
    server = createOnwardServer({
      store,
      secureCookies: false,
      logger: () => {},
      webhooks: { retryDelaysMs: [50, 100] },
      renderPlanPdf: async (plan) =>
        new TextEncoder().encode(`%PDF-1.7\n% plan ${plan.id} for ${plan.youngPerson.name}\n%%EOF`),
    });
    onward = await serve(server.app, { port: 0, hostname: '127.0.0.1' });

    const admin = await signIn(onward.url, 'admin@example.org');
    const token = (await call(onward.url, admin, 'POST', '/api/api-tokens', { name: 'Case system' })).json
      .token as string;
    // The receiver must exist before the webhook is added, to know its address; its secret comes after.
    const holder: { handler?: ReturnType<typeof createReceiver> } = {};
    receiver = createServer((req, res) => holder.handler?.(req, res));
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    const port = (receiver.address() as { port: number }).port;
    receiverUrl = `http://127.0.0.1:${port}/onward/webhook`;
    const hook = await call(onward.url, admin, 'POST', '/api/webhooks', {
      url: receiverUrl,
      events: ['plan.authorised'],
    });
    expect(hook.status).toBe(201);
    holder.handler = createReceiver({
      secret: hook.json.secret,
      apiToken: token,
      folder,
      onwardOrigin: onward.url,
      log: (l) => logs.push(l),
    });

    const pa = await signIn(onward.url, 'pa@example.org');
    const yp = await signIn(onward.url, 'yp@example.org');
    const tm = await signIn(onward.url, 'tm@example.org');
    planId = (await call(onward.url, pa, 'POST', '/api/young-people/yp1/plans', {})).json.plan.id;
    const checklist = emptyChecklist(questionSet()) as unknown as { answers: Record<string, unknown> };
    checklist.answers.money = {
      'bank-account': {
        value: 'yes',
        by: 'young-person',
        locale: 'en-GB',
        variant: 'standard',
        at: new Date().toISOString(),
      },
    };
    expect((await call(onward.url, yp, 'PUT', `/api/plans/${planId}/checklist`, checklist)).status).toBe(200);
    expect((await call(onward.url, pa, 'POST', `/api/plans/${planId}/events`, { type: 'plan.submit' })).status).toBe(
      200,
    );
    expect((await call(onward.url, tm, 'POST', `/api/plans/${planId}/events`, { type: 'plan.authorise' })).status).toBe(
      200,
    );
    await server.webhooks.drain();
  }, 180_000);

  afterAll(async () => {
    server?.webhooks.stop();
    await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
    await onward?.close();
    await store?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('files the record and the PDF under the young person and plan', async () => {
    const dir = join(folder, 'yp1', planId);
    expect((await readdir(dir)).sort()).toEqual(['plan.pdf', 'record.json', 'webhook.json']);
    const record = JSON.parse(await readFile(join(dir, 'record.json'), 'utf8'));
    expect(record).toMatchObject({ plan_id: planId, young_person_id: 'yp1', council: 'c1' });
    const pdf = await readFile(join(dir, 'plan.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString()).toContain(planId);
    const index = await readFile(join(folder, 'index.csv'), 'utf8');
    expect(index.trim().split('\n')).toHaveLength(1);
    expect(index).toContain(`,yp1,${planId},`);
    const [delivery] = await store.listDeliveries({ councilId: 'c1' });
    expect(delivery?.status).toBe('delivered');
  });

  it('refuses a forged, a tampered and a replayed message, and files nothing', async () => {
    const before = await readFile(join(folder, 'index.csv'), 'utf8');
    const body = JSON.stringify({
      id: 'evt_x',
      type: 'plan.authorised',
      councilId: 'c1',
      occurredAt: new Date().toISOString(),
      data: {
        planId: 'p-fake',
        youngPersonId: 'yp1',
        exportUrl: `${onward.url}/api/exports/plans/p-fake`,
        pdfUrl: `${onward.url}/api/plans/p-fake/pdf`,
      },
    });
    const ts = Math.floor(Date.now() / 1000);
    const post = (headers: Record<string, string>, b = body) =>
      fetch(receiverUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: b });
    expect(
      (
        await post({
          'onward-webhook-timestamp': String(ts),
          'onward-webhook-signature': signWebhook('wrong-secret', ts, body),
        })
      ).status,
    ).toBe(401);
    expect((await post({})).status).toBe(401);
    const old = ts - 3600;
    expect(
      (
        await post({
          'onward-webhook-timestamp': String(old),
          'onward-webhook-signature': signWebhook('wrong-secret', old, body),
        })
      ).status,
    ).toBe(401);
    expect(await readFile(join(folder, 'index.csv'), 'utf8')).toBe(before);
    expect((await readdir(join(folder, 'yp1'))).includes('p-fake')).toBe(false);
  });

  it('checks signatures the same way Onward makes them', () => {
    const now = new Date();
    const ts = String(Math.floor(now.getTime() / 1000));
    expect(checkSignature('s', 'body', signWebhook('s', Number(ts), 'body'), ts, now)).toBeUndefined();
    expect(checkSignature('s', 'body!', signWebhook('s', Number(ts), 'body'), ts, now)).toBe('bad signature');
  });

  it('never sends its token outside the council’s Onward', async () => {
    const seen: string[] = [];
    const handler = createReceiver({
      secret: 'k',
      apiToken: 'tok',
      folder,
      onwardOrigin: onward.url,
      log: () => {},
      fetch: (async (u: URL) => {
        seen.push(String(u));
        return new Response('{}');
      }) as unknown as typeof fetch,
    });
    const s = createServer(handler);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(s.address() as { port: number }).port}/onward/webhook`;
    const body = JSON.stringify({
      id: 'e',
      type: 'plan.authorised',
      councilId: 'c1',
      occurredAt: 'now',
      data: {
        planId: 'p9',
        youngPersonId: 'yp9',
        exportUrl: 'https://attacker.example/x',
        pdfUrl: 'https://attacker.example/y',
      },
    });
    const ts = Math.floor(Date.now() / 1000);
    const r = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'onward-webhook-timestamp': String(ts), 'onward-webhook-signature': signWebhook('k', ts, body) },
    });
    await new Promise<void>((res) => s.close(() => res()));
    expect(r.status).toBe(502);
    expect(seen).toEqual([]);
  });
});
