// Request bodies are limited while they stream in, before anything buffers them and before anyone signs in: a
// 300 MB chunked body (no Content-Length) to the sign-in route must not raise the process's memory. Real HTTP over
// a real socket, memory measured as the process's resident set size while the body is sent.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../src/http/context.js';
import { serve } from '../src/serve.js';
import { makeWorld, type World } from './helpers.js';

const MB = 1024 * 1024;

interface Sent {
  status: number;
  body: string;
  sentBytes: number;
  peakRssRise: number;
  headers: Record<string, string | string[] | undefined>;
}

/** POSTs `total` bytes in 64 KiB chunks (chunked unless `declare`), sampling RSS until the answer comes. */
function stream(
  url: string,
  path: string,
  total: number,
  headers: Record<string, string>,
  declare?: number,
): Promise<Sent> {
  const u = new URL(url);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  // A JSON string that never ends: `{"email":"aaaa…`.
  const head = Buffer.from('{"email":"');
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let stopped = false;
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path,
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          ...(declare !== undefined ? { 'content-length': String(declare) } : { 'transfer-encoding': 'chunked' }),
        },
      },
      (res) => {
        stopped = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          body += d;
        });
        res.on('end', () => {
          clearInterval(sampler);
          peak = Math.max(peak, process.memoryUsage().rss);
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body, sentBytes, peakRssRise: peak - base, headers: res.headers });
        });
      },
    );
    // The server may close the connection while we are still sending: that is the point.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (!stopped && e.code !== 'EPIPE' && e.code !== 'ECONNRESET') {
        clearInterval(sampler);
        reject(e);
      }
    });
    const pump = () => {
      while (!stopped && sentBytes < total) {
        const piece = sentBytes === 0 ? head : chunk;
        sentBytes += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!stopped) req.end();
    };
    pump();
  });
}

describe('request bodies are limited while streaming', () => {
  let w: World;
  let running: Awaited<ReturnType<typeof serve>>;
  let csrf: { cookie: string; token: string };
  beforeAll(async () => {
    w = await makeWorld();
    running = await serve(w.server.app, { port: 0 });
    const r = await fetch(`${running.url}/api/auth/csrf`);
    const token = String(((await r.json()) as { csrfToken: string }).csrfToken);
    csrf = { cookie: `onward_csrf=${token}`, token };
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    await w?.close();
  });

  it('refuses a 300 MB chunked body to the sign-in route with 413, without buffering it', async () => {
    global.gc?.();
    const r = await stream(running.url, '/api/auth/sign-in', 300 * MB, {
      cookie: csrf.cookie,
      'x-csrf-token': csrf.token,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ status: 413, type: expect.stringMatching(/too-large$/) });
    // The answer came long before the whole body was sent, and memory barely moved (the fault was +900 MB).
    expect(r.sentBytes).toBeLessThan(100 * MB);
    expect(r.peakRssRise).toBeLessThan(64 * MB);
    expect(r.headers.connection).toBe('close');
  }, 120_000);

  it('refuses the same before sign-in on a route that needs it, and before the CSRF check', async () => {
    const r = await stream(running.url, '/api/young-people', 300 * MB, {});
    expect(r.status).toBe(413);
    expect(r.sentBytes).toBeLessThan(100 * MB);
    expect(r.peakRssRise).toBeLessThan(64 * MB);
  }, 120_000);

  it('refuses a declared Content-Length over the limit at once, reading none of it', async () => {
    const r = await stream(running.url, '/api/auth/sign-in', 300 * MB, {}, 300 * MB);
    expect(r.status).toBe(413);
    expect(r.sentBytes).toBeLessThan(100 * MB);
  }, 120_000);

  it('refuses a body that says it is shorter than it is (no over-read)', async () => {
    // A chunked body just over the limit gets 413; one just under it is read and checked as usual.
    const over = await stream(running.url, '/api/auth/sign-in', BODY_LIMIT + 64 * 1024, {
      cookie: csrf.cookie,
      'x-csrf-token': csrf.token,
    });
    expect(over.status).toBe(413);
    const res = await fetch(`${running.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token },
      body: JSON.stringify({ email: 'nobody@example.org', password: 'x'.repeat(100) }),
    });
    expect(res.status).toBe(401);
  }, 60_000);

  it('still serves ordinary requests on the same server afterwards', async () => {
    const r = await fetch(`${running.url}/api/health`);
    expect(r.status).toBe(200);
  });
});
