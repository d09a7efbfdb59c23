// ETags and compression of the API's JSON answers (http/cache.ts): 304 when nothing changed, brotli or gzip on
// the wire, never for the answers that carry the CSRF token, and nothing for a small answer.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etagOf, matchesIfNoneMatch, pickEncoding } from '../src/http/cache.js';
import { checklistWithAnswers, makeWorld, type World } from './helpers.js';

describe('API answers: ETags and compression', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  }, 120_000);
  afterAll(() => w.close());

  it('a plan read carries an ETag; If-None-Match with it gives 304 and no body; a change gives a new tag', async () => {
    const pa = await w.as('pa');
    const path = `/api/plans/${w.ids.planId}`;
    const first = await pa.get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const again = await pa.get(path, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.bytes?.byteLength ?? 0).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    // Another tag, or a list without it, gets the whole answer.
    expect((await pa.get(path, { 'if-none-match': 'W/"other", "x"' })).status).toBe(200);
    const yp = await w.as('yp');
    const view = await yp.get(path);
    const put = await yp.put(`${path}/checklist`, checklistWithAnswers(), { 'if-match': String(view.json.version) });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBeNull();
    const after = await pa.get(path, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('compresses a JSON answer with brotli or gzip as the client accepts, and says Vary: Accept-Encoding', async () => {
    const pa = await w.as('pa');
    // The OpenAPI document: a large JSON answer (tens of KB).
    const path = '/api/openapi.json';
    const plain = await w.server.app.request(`http://localhost${path}`, { headers: { cookie: cookieOf(pa) } });
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);
    for (const [accept, enc, unpack] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await w.server.app.request(`http://localhost${path}`, {
        headers: { cookie: cookieOf(pa), 'accept-encoding': accept },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(enc);
      expect(res.headers.get('vary')).toContain('Accept-Encoding');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
      expect(bytes.byteLength).toBeLessThan(text.length / 2);
      expect(unpack(bytes).toString('utf8')).toBe(text);
    }
  });

  it('never compresses the answers that carry the CSRF token, nor small ones', async () => {
    const anon = w.anon();
    const csrf = await w.server.app.request('http://localhost/api/auth/csrf', {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(csrf.headers.get('content-encoding')).toBeNull();
    const health = await w.server.app.request('http://localhost/api/health', { headers: { 'accept-encoding': 'br' } });
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(await health.json()).toEqual({ ok: true });
    expect(anon).toBeDefined();
  });

  it('reads Accept-Encoding and If-None-Match as HTTP says', () => {
    expect(pickEncoding('gzip;q=1, br;q=0')).toBe('gzip');
    expect(pickEncoding('identity')).toBeUndefined();
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding(undefined)).toBeUndefined();
    const tag = etagOf(new TextEncoder().encode('{"a":1}'));
    expect(tag).toBe(etagOf(new TextEncoder().encode('{"a":1}')));
    expect(matchesIfNoneMatch(tag.replace('W/', ''), tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch(`"nope", ${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('"nope"', tag)).toBe(false);
  });
});

function cookieOf(c: { cookies: Map<string, string> }): string {
  return [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}
