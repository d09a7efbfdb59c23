// Rendering helpers: a full HTML page with the security headers every page carries, redirects, and the
// "who is signed in" check, which asks the server (GET /api/auth/session) rather than reading cookies itself.
import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { strings } from '../i18n.js';
import { PageApi, prefsOf, type Session } from './context.js';
import { Layout, type PageProps } from './layout.js';

/** Content-Security-Policy of every page: same-origin scripts and styles only, nothing inline. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(c: Context): void {
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Frame-Options', 'DENY');
  // Pages show personal records: never kept by shared caches or the back-forward cache on a shared phone.
  c.header('Cache-Control', 'no-store');
}

export async function page(
  c: Context,
  props: Omit<PageProps, 'prefs' | 'path'> & { status?: number },
  body: Child,
): Promise<Response> {
  securityHeaders(c);
  const prefs = prefsOf(c);
  const html = await (
    <Layout {...props} prefs={prefs} path={new URL(c.req.url).pathname}>
      {body}
    </Layout>
  ).toString();
  return c.html(`<!doctype html>${html}`, (props.status ?? 200) as 200);
}

export function seeOther(_c: Context, location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const k of cookies) headers.append('set-cookie', k);
  return new Response(null, { status: 303, headers });
}

// biome-ignore lint/suspicious/noExplicitAny: the server's Hono app has its own env type.
export type AnyHono = Hono<any, any, any>;

/** The signed-in session, or undefined. */
export async function sessionOf(app: AnyHono, c: Context): Promise<Session | undefined> {
  if (!c.req.header('cookie')) return undefined;
  const r = await new PageApi(app, c).get<Session>('/api/auth/session');
  return r.ok && r.data?.user ? r.data : undefined;
}

/** An API bound to the visitor's session (with its CSRF token for writes). */
export function apiFor(app: AnyHono, c: Context, session?: Session): PageApi {
  return new PageApi(app, c, session?.csrfToken);
}

export async function errorPage(c: Context, status: number, session?: Session): Promise<Response> {
  const t = strings(prefsOf(c));
  const [title, body] =
    status === 404
      ? [t.notFound, t.notFoundBody]
      : status === 403
        ? [t.forbidden, t.notFoundBody]
        : [t.serverError, t.tryAgain];
  return page(
    c,
    { title, session, status },
    <>
      <h1>{title}</h1>
      <p>{body}</p>
    </>,
  );
}

/** Reads a urlencoded or multipart form into plain strings (repeated names → last value). */
export async function formOf(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const x = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof x === 'string') out[k] = x;
  }
  return out;
}
