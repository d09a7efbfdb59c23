// How a page talks to the server: every read and write goes through the server's own JSON API (in-process,
// with the visitor's cookies), so roles, tenancy, validation and the audit log are the server's, never re-done
// here. A page never reads the store directly.
import { arrangementName, inNationWords, type Nation } from '@onward/engine';
import type { Context, Hono } from 'hono';
import type { Lang, Prefs } from '../i18n.js';

export interface SessionUser {
  id: string;
  councilId: string;
  role: string;
  name: string;
  email?: string;
  teamId?: string;
  youngPersonId?: string;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  /** The council's nation (GET /api/auth/session): its legal terms are used on every page. */
  nation?: Nation;
}

/** English text written with "Staying Put" in the words of the signed-in council's nation (the engine's rule). */
export function councilWords(text: string, session: Session | undefined): string {
  return inNationWords(text, session?.nation ?? 'england');
}

/** The name of the arrangement for staying on with former foster carers, in the council's nation and the language. */
export function arrangementWord(session: Session | undefined, lang: Lang): string {
  return arrangementName(session?.nation ?? 'england', lang);
}

export interface ApiResult<T = unknown> {
  status: number;
  ok: boolean;
  data: T;
  headers: Headers;
}

/** A problem document from the API (RFC 9457). */
export interface Problem {
  title?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

// biome-ignore lint/suspicious/noExplicitAny: the server's Hono app has its own env type; pages only call fetch.
type AnyHono = Hono<any, any, any>;

/** A body sent as it is, with its own content type (a CSV file), not as JSON. */
export class TextBody {
  constructor(
    readonly text: string | Uint8Array<ArrayBuffer>,
    readonly type: string,
  ) {}
}

export class PageApi {
  constructor(
    private readonly app: AnyHono,
    private readonly c: Context,
    private readonly csrf?: string,
  ) {}

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    const cookie = this.c.req.header('cookie');
    if (cookie) headers.cookie = cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (body instanceof TextBody) {
      headers['content-type'] = body.type;
      payload = body.text;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const ua = this.c.req.header('user-agent');
    if (ua) headers['user-agent'] = ua;
    const xff = this.c.req.header('x-forwarded-for');
    if (xff) headers['x-forwarded-for'] = xff;
    const res = await this.app.request(
      path,
      { method, headers, ...(payload !== undefined ? { body: payload } : {}) },
      // The Node bindings (socket address) go with the request, so the sign-in rate limit sees the real client.
      this.c.env,
    );
    const type = res.headers.get('content-type') ?? '';
    let data: unknown = null;
    if (type.includes('json')) data = await res.json();
    else if (type.includes('pdf')) data = new Uint8Array(await res.arrayBuffer());
    else if (res.status !== 204) data = await res.text();
    return { status: res.status, ok: res.ok, data: data as T, headers: res.headers };
  }

  get<T = unknown>(path: string) {
    return this.call<T>('GET', path);
  }
  post<T = unknown>(path: string, body: unknown = {}) {
    return this.call<T>('POST', path, body);
  }
  put<T = unknown>(path: string, body: unknown) {
    return this.call<T>('PUT', path, body);
  }
}

const LANG_COOKIE = 'onward_lang';
const EASY_COOKIE = 'onward_easy';

export function readCookie(c: Context, name: string): string | undefined {
  const raw = c.req.header('cookie');
  if (!raw) return undefined;
  for (const part of raw.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/** The visitor's language and reading level: from their cookies, else the browser's language. */
export function prefsOf(c: Context): Prefs {
  const l = readCookie(c, LANG_COOKIE);
  const accept = c.req.header('accept-language') ?? '';
  const lang: Lang = l === 'cy' || l === 'en' ? l : /^cy\b/i.test(accept) ? 'cy' : 'en';
  return { lang, easy: readCookie(c, EASY_COOKIE) === '1' };
}

export function prefCookies(p: Prefs, secure: boolean): string[] {
  // A year; not a session cookie so the choice survives closing the browser. Not HttpOnly: nothing secret.
  const tail = `; Path=/; Max-Age=31536000; SameSite=Lax${secure ? '; Secure' : ''}`;
  return [`${LANG_COOKIE}=${p.lang}${tail}`, `${EASY_COOKIE}=${p.easy ? '1' : '0'}${tail}`];
}

/** A safe local path to go back to after a switch or sign-in: same site only. */
export function safeBack(v: string | undefined, fallback = '/'): string {
  if (!v?.startsWith('/') || v.startsWith('//') || v.startsWith('/\\') || /[\r\n]/.test(v)) return fallback;
  return v;
}

const DATE_TIME: Record<Lang, Intl.DateTimeFormat> = Object.fromEntries(
  (['en', 'cy'] as const).map((l) => [
    l,
    new Intl.DateTimeFormat(l === 'cy' ? 'cy-GB' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/London',
    }),
  ]),
) as Record<Lang, Intl.DateTimeFormat>;

/** An instant as people in the UK read it, in UK time (GMT or BST): 4 Dec 2026, 18:31. */
export function formatDateTime(at: string, lang: Lang): string {
  const t = new Date(at);
  return Number.isNaN(t.getTime()) ? at : DATE_TIME[lang].format(t);
}

/** A date as people read it: 3 March 2026 (or Welsh month names). */
export function formatDate(d: string | undefined, lang: Lang): string {
  if (!d) return '';
  const t = new Date(d.length === 10 ? `${d}T00:00:00Z` : d);
  if (Number.isNaN(t.getTime())) return d;
  return new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(t);
}
