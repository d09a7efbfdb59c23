// Webhook signatures and delivery with exponential back-off, each attempt logged.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/storage/store.js';
import { signWebhook, verifyWebhook, Webhooks } from '../src/webhooks/webhooks.js';

describe('signatures', () => {
  const body = '{"id":"evt_1"}';
  const now = new Date('2026-03-02T10:00:00Z');
  const ts = Math.floor(now.getTime() / 1000);
  it('is HMAC-SHA256 over "timestamp.body"', () => {
    // Independent check with node:crypto directly.
    expect(signWebhook('secret', 1700000000, 'hello')).toBe(
      `v1=${createHmac('sha256', 'secret').update('1700000000.hello').digest('hex')}`,
    );
  });
  it('accepts a good signature and refuses tampering, other secrets and old messages', () => {
    const sig = signWebhook('s3cret', ts, body);
    expect(verifyWebhook({ secret: 's3cret', body, signature: sig, timestamp: String(ts), now })).toEqual({ ok: true });
    expect(verifyWebhook({ secret: 's3cret', body: `${body} `, signature: sig, timestamp: String(ts), now }).ok).toBe(
      false,
    );
    expect(verifyWebhook({ secret: 'other', body, signature: sig, timestamp: String(ts), now }).ok).toBe(false);
    expect(verifyWebhook({ secret: 's3cret', body, signature: sig, timestamp: String(ts + 1), now }).ok).toBe(false);
    const old = verifyWebhook({
      secret: 's3cret',
      body,
      signature: sig,
      timestamp: String(ts),
      now: new Date(now.getTime() + 301_000),
    });
    expect(old).toEqual({ ok: false, reason: expect.stringMatching(/too old/) });
    expect(verifyWebhook({ secret: 's3cret', body, signature: undefined, timestamp: String(ts), now }).ok).toBe(false);
  });
});

describe('delivery', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({});
    await store.createCouncil({ id: 'c1', name: 'Northshire' });
  }, 60_000);
  afterAll(() => store.close());

  it('retries failures with growing waits, logs each attempt, and stops at the first success', async () => {
    const hook = await store.createWebhook({
      councilId: 'c1',
      url: 'https://vendor.example/in',
      events: ['plan.authorised'],
    });
    const calls: number[] = [];
    const answers = [500, 503, 0, 200];
    const started = Date.now();
    const wh = new Webhooks(
      store,
      () => new Date(),
      {
        retryDelaysMs: [10, 40, 160, 640],
        fetch: (async (_url: string, init: RequestInit) => {
          calls.push(Date.now() - started);
          const status = answers[calls.length - 1] as number;
          if (status === 0) throw new TypeError('connection refused');
          expect((init.headers as Record<string, string>)['onward-webhook-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
          return new Response(null, { status });
        }) as unknown as typeof fetch,
      },
      () => {},
    );
    wh.enqueue('c1', 'plan.authorised', { planId: 'p1' });
    await wh.drain();
    expect(calls).toHaveLength(4);
    // Waits grow: 10 ms, 40 ms, 160 ms between tries.
    expect((calls[3] as number) - (calls[2] as number)).toBeGreaterThanOrEqual(150);
    expect((calls[2] as number) - (calls[1] as number)).toBeGreaterThanOrEqual(35);
    const [d] = await store.listDeliveries({ councilId: 'c1', webhookId: hook.id });
    expect(d?.status).toBe('delivered');
    expect(d?.log.map((a) => a.responseStatus ?? a.error)).toEqual([500, 503, 'could not connect', 200]);
  });

  it('marks a delivery failed after the last retry', async () => {
    const hook = await store.createWebhook({
      councilId: 'c1',
      url: 'https://down.example/in',
      events: ['plan.authorised'],
    });
    const wh = new Webhooks(
      store,
      () => new Date(),
      { retryDelaysMs: [1, 1], fetch: (async () => new Response(null, { status: 502 })) as unknown as typeof fetch },
      () => {},
    );
    wh.enqueue('c1', 'plan.authorised', { planId: 'p2' });
    await wh.drain();
    const [d] = await store.listDeliveries({ councilId: 'c1', webhookId: hook.id });
    expect(d?.status).toBe('failed');
    expect(d?.attempts).toBe(3);
  });

  it('carries on, after a restart, with deliveries a previous run left pending', async () => {
    await store.createCouncil({ id: 'c-restart', name: 'Restartshire' });
    const hook = await store.createWebhook({
      councilId: 'c-restart',
      url: 'https://slow.example/in',
      events: ['plan.authorised'],
    });
    const ids: string[] = [];
    const fetchWith = (status: number) =>
      (async (_url: string, init: RequestInit) => {
        ids.push((init.headers as Record<string, string>)['onward-webhook-id'] as string);
        return new Response(null, { status });
      }) as unknown as typeof fetch;
    // First run: the receiver is down; the retry is a minute away when the server stops.
    const t0 = Date.now();
    const first = new Webhooks(
      store,
      () => new Date(t0),
      { retryDelaysMs: [60_000], fetch: fetchWith(503) },
      () => {},
    );
    first.enqueue('c-restart', 'plan.authorised', { planId: 'p3' });
    while (!(await store.listDeliveries({ councilId: 'c-restart', webhookId: hook.id }))[0]?.attempts)
      await new Promise((r) => setTimeout(r, 5));
    first.stop();
    await first.drain();
    expect((await store.listDeliveries({ councilId: 'c-restart', webhookId: hook.id }))[0]?.status).toBe('pending');

    // Second run, after the retry fell due: it is sent again with the same event id, and the count goes on.
    const second = new Webhooks(
      store,
      () => new Date(t0 + 61_000),
      { fetch: fetchWith(204) },
      () => {},
    );
    second.resumePending();
    await second.drain();
    const [d] = await store.listDeliveries({ councilId: 'c-restart', webhookId: hook.id });
    expect(d?.status).toBe('delivered');
    expect(d?.attempts).toBe(2);
    expect(d?.log.map((a) => a.responseStatus)).toEqual([503, 204]);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });
});
