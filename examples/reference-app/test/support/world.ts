// A small council for the reference app's own tests: the BUILT app (its pages are compiled with hono/jsx by its
// build, and the page scripts live in dist/public) on a free port, an in-memory store, staff of each case role, a
// carer, and one young person with a sign-in. Clients keep their own cookies and CSRF token.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openStore, type Store, serve } from '@onward/server';
import { pdfText } from '#test-support/pdf.js';
import type { CouncilWording } from '../../src/wording.js';

export const PASSWORD = 'a long demo password';
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const PUBLIC = `${DIST}public/`;
// Built: the server bundle and the asset manifest (the page scripts have hashed names, listed in the manifest).
export const isBuilt = existsSync(`${DIST}app.js`) && existsSync(`${PUBLIC}manifest.json`);
if (!isBuilt && process.env.ONWARD_REQUIRE_BUILD)
  throw new Error(
    `The reference app is not built (no ${DIST}app.js or ${PUBLIC}manifest.json) but pnpm test built it.`,
  );
if (!isBuilt) console.warn('\n*** SKIPPING reference-app tests that need the build: run pnpm build first. ***\n');

export interface Res {
  status: number;
  type: string;
  text: string;
  bytes: Uint8Array;
  /** Where a redirect points (the client does not follow redirects). */
  location?: string;
  // biome-ignore lint/suspicious/noExplicitAny: API answers of every shape, read field by field in tests.
  json: () => any;
}

/** A browser-like client: cookies, CSRF header on writes, forms posted urlencoded. */
export class Client {
  readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const h: Record<string, string> = {
      accept: 'application/json',
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...headers,
    };
    if (method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (body instanceof URLSearchParams) {
      h['content-type'] = 'application/x-www-form-urlencoded';
      payload = body.toString();
    } else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const r = await fetch(this.base + path, {
      method,
      headers: h,
      redirect: 'manual',
      ...(payload !== undefined ? { body: payload } : {}),
    });
    for (const sc of r.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const bytes = new Uint8Array(await r.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const location = r.headers.get('location') ?? undefined;
    return {
      status: r.status,
      type: r.headers.get('content-type') ?? '',
      text,
      bytes,
      ...(location ? { location } : {}),
      json: () => JSON.parse(text),
    };
  }

  async signIn(email: string): Promise<this> {
    this.csrf = (await this.call('GET', '/api/auth/csrf')).json().csrfToken;
    const r = await this.call('POST', '/api/auth/sign-in', { email, password: PASSWORD });
    if (r.status !== 200) throw new Error(`sign-in ${email}: ${r.status} ${r.text}`);
    this.csrf = r.json().csrfToken;
    return this;
  }

  /** The readable text of a response: a PDF's words as poppler reads them, anything else as sent. */
  readable(r: Res): string {
    return r.type.includes('pdf') ? pdfText(r.bytes) : r.text;
  }
}

export interface World {
  url: string;
  store: Store;
  as: (who: 'pa' | 'sw' | 'tm' | 'carer' | 'ssw' | 'yp') => Promise<Client>;
  close: () => Promise<void>;
}

/**
 * Northbridge: one team, its staff, a carer, and Robin (17, born 1 September 2008) with a sign-in. In memory, or in
 * a PostgreSQL schema of its own when `databaseUrl` is given.
 */
export async function makeWorld(
  clock = () => new Date('2026-03-02T10:00:00.000Z'),
  options: { councilWording?: CouncilWording; databaseUrl?: string; publicDir?: string } = {},
): Promise<World> {
  const store = await openStore(
    options.databaseUrl
      ? { databaseUrl: options.databaseUrl, schema: `t_app_${process.pid}_${Date.now().toString(36)}` }
      : {},
  );
  await store.createCouncil({ id: 'nb', name: 'Northbridge' });
  await store.createTeam({ id: 'nb.t1', councilId: 'nb', name: 'Leaving care north' });
  const staff = [
    ['pa', 'pa'],
    ['sw', 'social-worker'],
    ['tm', 'team-manager'],
    ['carer', 'carer'],
    ['ssw', 'supervising-social-worker'],
  ] as const;
  await store.createStaffUsers(
    staff.map(([key, role]) => ({
      id: `nb.${key}`,
      councilId: 'nb',
      role,
      name: `${key} name`,
      email: `${key}@northbridge.example`,
      password: PASSWORD,
      teamId: 'nb.t1',
    })),
  );
  await store.createYoungPeople([
    {
      id: 'nb.yp1',
      councilId: 'nb',
      name: 'Robin Example',
      dateOfBirth: '2008-09-01',
      category: 'eligible',
      teamId: 'nb.t1',
      paId: 'nb.pa',
      socialWorkerId: 'nb.sw',
      at: '2026-01-05T09:00:00.000Z',
    },
  ]);
  await store.createYoungPersonUser({
    id: 'nb.u-yp1',
    councilId: 'nb',
    youngPersonId: 'nb.yp1',
    email: 'robin@example.org',
    password: PASSWORD,
  });
  const { createReferenceApp } = (await import(
    /* @vite-ignore */ `${DIST}app.js`
  )) as typeof import('../../src/app.js');
  const { app } = createReferenceApp({
    store,
    secureCookies: false,
    clock,
    publicDir: options.publicDir ?? PUBLIC,
    logger: () => {},
    ...(options.councilWording ? { councilWording: options.councilWording } : {}),
  });
  const server = await serve(app, { port: 0 });
  return {
    url: server.url,
    store,
    as: (who) => new Client(server.url).signIn(who === 'yp' ? 'robin@example.org' : `${who}@northbridge.example`),
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

/** The form fields of the first <form method="post"> on a page, as a browser would send them unchanged. */
export function formFields(html: string): URLSearchParams {
  const form = /<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  const out = new URLSearchParams();
  const unescapeHtml = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = unescapeHtml(/value="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const type = /type="([^"]*)"/.exec(attrs)?.[1] ?? 'text';
    if (!name) continue;
    if ((type === 'radio' || type === 'checkbox') && !/\schecked(=|\s|$)/.test(attrs)) continue;
    out.append(unescapeHtml(name), value);
  }
  for (const m of form.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = /name="([^"]*)"/.exec(m[1]!)?.[1];
    if (name) out.append(unescapeHtml(name), unescapeHtml(m[2]!));
  }
  return out;
}
