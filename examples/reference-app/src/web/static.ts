// The page assets (/assets/*): files built by build.mjs, held in memory after their first request, sent as the
// brotli or gzip copy made at build time when the browser accepts it. Files with a content hash in their name
// (all that the pages name, through the manifest) are cached for a year and never revalidated (immutable): a new
// build gives new names. Anything else (a name without a hash, e.g. an old bookmark) is cached for five minutes
// and revalidated with its ETag.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A name build.mjs gave a content hash: `name-<hash>.ext` or a file inside `widgets-<hash>/`. */
export const HASHED = /(^|\/)widgets-[0-9a-f]{10}\/|-[0-9A-Za-z]{8,}\.(js|css|svg|png|map)$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=300';

interface Held {
  readonly body: Uint8Array;
  readonly br?: Uint8Array;
  readonly gz?: Uint8Array;
  readonly etag: string;
}

const optional = (file: string) => readFile(file).catch(() => undefined);

/** Serves `/assets/<rel>` from `publicDir`. */
export function staticAssets(publicDir: string) {
  const root = normalize(publicDir.endsWith(sep) ? publicDir : publicDir + sep);
  const held = new Map<string, Promise<Held | undefined>>();
  const load = (file: string): Promise<Held | undefined> => {
    let p = held.get(file);
    if (!p) {
      p = (async () => {
        const body = await optional(file);
        if (!body) return undefined;
        const [br, gz] = await Promise.all([optional(`${file}.br`), optional(`${file}.gz`)]);
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
        return { body, ...(br ? { br } : {}), ...(gz ? { gz } : {}), etag };
      })();
      held.set(file, p);
      // A missing file is not remembered (it may be built later).
      void p.then((h) => {
        if (!h) held.delete(file);
      });
    }
    return p;
  };

  return async (c: Context): Promise<Response> => {
    const rel = decodeURIComponent(new URL(c.req.url).pathname.slice('/assets/'.length));
    const file = normalize(join(root, rel));
    const type = TYPES[extname(file)];
    if (!file.startsWith(root) || !type) return c.notFound();
    const h = await load(file);
    if (!h) return c.notFound();
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': HASHED.test(rel) ? IMMUTABLE : SHORT,
      etag: h.etag,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    };
    const inm = c.req.header('if-none-match');
    if (inm?.split(',').some((t) => t.trim() === h.etag || t.trim() === '*'))
      return new Response(null, { status: 304, headers });
    const accept = c.req.header('accept-encoding') ?? '';
    const [body, encoding] =
      h.br && /\bbr\b/.test(accept) ? [h.br, 'br'] : h.gz && /\bgzip\b/.test(accept) ? [h.gz, 'gzip'] : [h.body];
    if (encoding) headers['content-encoding'] = encoding;
    headers['content-length'] = String(body.byteLength);
    return new Response(c.req.method === 'HEAD' ? null : (body as BodyInit), { headers });
  };
}
