// ETags and compression for the API's JSON answers (issue 13: the dashboard's answer was 1.24 MB on the wire).
//
// - Every successful GET/HEAD of a JSON answer under /api/ gets a weak ETag, a hash of its uncompressed body. A
//   request whose If-None-Match names it gets 304 Not Modified with no body: an integration polling a plan or an
//   export, or a page script checking for changes, downloads nothing when nothing changed. Browsers are still told
//   `no-store` (set by app.ts), so personal data is never kept in a shared computer's cache; the ETag serves
//   clients that send If-None-Match themselves.
// - JSON answers larger than MIN_BYTES are compressed, brotli when the client accepts it (quality 4: fast, about
//   gzip -9's size), else gzip, with Vary: Accept-Encoding.
// - Answers from /api/auth/ are never compressed: they carry the CSRF token, and compressing a secret beside
//   text an attacker can influence is what the BREACH attack reads. For the same reason this module leaves the
//   HTML pages alone (every page holds the session's CSRF token); static files are compressed at build time.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { Env } from './context.js';

/** Smaller answers are sent as they are: compressing them saves less than it costs. */
export const MIN_BYTES = 1024;

/** A weak ETag for a body: the same bytes give the same tag, whatever the encoding on the wire. */
export function etagOf(body: Uint8Array): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when an If-None-Match header names the tag (weak comparison, `*` matches anything). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const want = bare(etag);
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === want);
}

/** The encoding to use for an Accept-Encoding header: br, then gzip; none when neither is accepted. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  if (!accept) return undefined;
  const q = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qp ? Number(qp.slice(2)) : 1);
  }
  const ok = (n: string) => (q.get(n) ?? q.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

export function compress(body: Uint8Array, encoding: 'br' | 'gzip'): Uint8Array {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipSync(body, { level: 6 });
}

/** Replace the answer outright (Hono's c.res setter would copy the old headers, content-length too, over it). */
function replace(c: { res: Response }, res: Response): void {
  c.res = undefined as unknown as Response;
  c.res = res;
}

/** The middleware: mount it on the whole app; it acts on JSON answers under /api/ only. */
export function httpCache(): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next();
    const res = c.res;
    const path = c.req.path;
    if (!path.startsWith('/api/') || res.status !== 200 || res.headers.has('content-encoding')) return;
    const type = res.headers.get('content-type') ?? '';
    if (!/^application\/([\w.+-]+\+)?json\b/.test(type)) return;
    const method = c.req.method;
    const read = method === 'GET' || method === 'HEAD';
    const secret = path.startsWith('/api/auth/');
    if (!read && secret) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    if (read) {
      const etag = etagOf(body);
      headers.set('etag', etag);
      if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) {
        for (const h of ['content-type', 'content-encoding']) headers.delete(h);
        replace(c, new Response(null, { status: 304, headers }));
        return;
      }
    }
    const encoding = secret || body.byteLength < MIN_BYTES ? undefined : pickEncoding(c.req.header('accept-encoding'));
    headers.append('vary', 'Accept-Encoding');
    if (!encoding) {
      replace(c, new Response(method === 'HEAD' ? null : (body as BodyInit), { status: res.status, headers }));
      return;
    }
    const packed = compress(body, encoding);
    headers.set('content-encoding', encoding);
    headers.set('content-length', String(packed.byteLength));
    replace(c, new Response(method === 'HEAD' ? null : (packed as BodyInit), { status: res.status, headers }));
  };
}
