// Plain words on every staff page (issue 18): each demo staff account of both councils (England in English, Wales in
// Welsh) signs in to the built app on the demo data and follows the links of its pages, and no page may show a raw
// id (`northbridge.yp0289`, `afon.team1.pa2`) or a role code (`social-worker`, `young-person`, `pa`) as text: in
// the page's words, its options, or the names it gives to screen readers (aria-label, title, alt).
import { openStore, type Store, serve } from '@onward/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../src/load-seed.js';
import { buildSeed, DEMO_PASSWORD } from '../src/seed.js';
import { Client, isBuilt } from './support/world.js';

const TODAY = '2026-12-04';
const seed = buildSeed({ size: 16, secondSize: 6, today: TODAY });
const councilIds = seed.councils.map((c) => c.id);
const RAW_ID = new RegExp(`\\b(?:${councilIds.join('|')})\\.(?!example\\b)[a-z0-9][\\w.-]*`, 'g');
const ROLE_CODES =
  /\b(?:social-worker|young-person|team-manager|supervising-social-worker|independent-reviewing-officer)\b/g;
// `pa` alone is an English code; in Welsh it is a word ("pa gofnod": which record).
const PA_CODE = /(?<![\w-])pa(?![\w-])/g;

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');

/** What a person reads or hears on the page: the body's text, and the names and labels given in attributes. */
export function readableText(html: string): string {
  const body = html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ');
  const attrs = [...body.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  return decode(`${body.replace(/<[^>]+>/g, ' ')} ${attrs.join(' ')}`).replace(/\s+/g, ' ');
}

/** Email addresses are how staff sign in (pa@northbridge.example): shown on purpose, not ids. */
const withoutEmails = (text: string) => text.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ');

/** The raw ids and role codes in a page's readable text. */
function findCodes(text: string, lang: string): string[] {
  return [
    ...(text.match(RAW_ID) ?? []),
    ...(text.match(ROLE_CODES) ?? []),
    ...(lang === 'en' ? (text.match(PA_CODE) ?? []) : []),
  ];
}

describe('the plain-words check itself', () => {
  it('finds the ids and codes the audit page used to show, and lets names, words and emails be', () => {
    const old =
      '<td>northbridge.sw1 <span class="small">(social-worker)</span></td><td><a href="/x">northbridge.yp0289</a></td><td>pa</td>';
    expect(findCodes(withoutEmails(readableText(old)), 'en')).toEqual([
      'northbridge.sw1',
      'northbridge.yp0289',
      'social-worker',
      'pa',
    ]);
    const labelled = '<a href="/y" aria-label="Open northbridge.team1.pa2">Open</a>';
    expect(findCodes(readableText(labelled), 'en')).toEqual(['northbridge.team1.pa2']);
    const fine =
      '<td>Sam Jones<br><span>Social worker</span></td><td>pa@northbridge.example</td><td>Personal adviser (PA)</td>';
    expect(findCodes(withoutEmails(readableText(fine)), 'en')).toEqual([]);
    // Welsh "pa" is a word (which): only the English pages are checked for it.
    expect(findCodes(readableText('<p>Pwy ddarllenodd pa gofnod</p>'), 'cy')).toEqual([]);
  });
});

/** Same pages with another id count once: /plans/:id, /staying-put/:id/agreement. */
const shape = (path: string) => path.replace(/\/[^/]*(?:\d|\.)[^/]*/g, '/:id');

describe.skipIf(!isBuilt)('plain words on the staff pages, on the demo data', () => {
  let store: Store;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    store = await openStore({});
    await loadSeed(store, seed, { youngPersonAccounts: 2 });
    const { createReferenceApp } = (await import(
      /* @vite-ignore */ new URL('../dist/app.js', import.meta.url).href
    )) as typeof import('../src/app.js');
    const { app } = createReferenceApp({
      store,
      secureCookies: false,
      clock: () => new Date(`${TODAY}T12:00:00.000Z`),
      publicDir: new URL('../dist/public/', import.meta.url).pathname,
      logger: () => {},
    });
    server = await serve(app, { port: 0 });
  }, 170_000);
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  const accounts = seed.councils.flatMap((c) =>
    c.staff.filter((s) => s.demo).map((s) => ({ council: c, staff: s, lang: c.nation === 'wales' ? 'cy' : 'en' })),
  );

  it.each(accounts.map((a) => [`${a.staff.role} of ${a.council.id} (${a.lang})`, a] as const))(
    'the %s sees names and words, not ids or codes',
    async (_label, a) => {
      const client = new Client(server.url);
      if (a.lang === 'cy') client.cookies.set('onward_lang', 'cy');
      client.csrf = (await client.call('GET', '/api/auth/csrf')).json().csrfToken;
      const signIn = await client.call('POST', '/api/auth/sign-in', { email: a.staff.email, password: DEMO_PASSWORD });
      expect(signIn.status, `sign-in ${a.staff.email}`).toBe(200);
      client.csrf = signIn.json().csrfToken;
      const queue = ['/'];
      const seenShapes = new Map<string, number>();
      const visited: string[] = [];
      const problems: string[] = [];
      while (queue.length && visited.length < 40) {
        const path = queue.shift() as string;
        if (visited.includes(path)) continue;
        const r = await client.call('GET', path, undefined, { accept: 'text/html' });
        if (r.status >= 300 && r.status < 400) {
          const to = new URL(r.location ?? '/', server.url);
          if (to.origin === new URL(server.url).origin) queue.unshift(to.pathname + to.search);
          continue;
        }
        if (!r.type.includes('html')) continue;
        visited.push(path);
        const text = withoutEmails(readableText(r.text));
        const found = findCodes(text, a.lang);
        if (found.length) problems.push(`${path}: ${[...new Set(found)].slice(0, 8).join(', ')}`);
        for (const m of r.text.matchAll(/<a\s[^>]*href="(\/[^"#]*)"/g)) {
          const href = decode(m[1] as string);
          if (
            /^\/(api|prefs|sign-out|static|assets|sw|icons)\b|\.(pdf|zip|csv|json|js|css|png|svg)(\?|$)|\/pdf(\?|$)/.test(
              href,
            )
          )
            continue;
          const s = shape(href.split('?')[0] as string);
          const n = seenShapes.get(s) ?? 0;
          if (n >= 2) continue;
          seenShapes.set(s, n + 1);
          if (!visited.includes(href) && !queue.includes(href)) queue.push(href);
        }
      }
      // An analyst has the dashboard only; everyone else reaches their lists and the records behind them.
      expect(visited.length, `${a.staff.email}: ${visited.join(' ')}`).toBeGreaterThanOrEqual(
        a.staff.role === 'analyst' ? 1 : 3,
      );
      expect(problems, `pages visited:\n${visited.join('\n')}`).toEqual([]);
    },
    120_000,
  );
});
