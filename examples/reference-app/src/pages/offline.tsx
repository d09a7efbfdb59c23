// The young person's installed app (issue 15): the web app manifest, the service worker's script and the page a
// young person sees for one of their pages that was never kept on the phone, when there is no connection. The
// worker itself is src/sw/service-worker.ts (built by build.mjs into public/sw.js); the page script that
// registers it and keeps the outbox is src/client/young-person-app.ts.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { localeOf, strings } from '../i18n.js';
import { MANIFEST_PATH, OFFLINE_PAGE, SW_PATH, SW_SCOPE, THEME_COLOUR } from '../sw/scope.js';
import { asset } from '../web/assets.js';
import { prefsOf } from '../web/context.js';
import { type AnyHono, page } from '../web/render.js';
import { youngPersonSession } from './young-person.js';
import { widgetStrings } from './young-person-widgets.js';

export function mountOffline(app: AnyHono, options: { publicDir: string }): void {
  // The worker's script: always checked with the server (no-cache), so a new build is found on the next visit.
  // Read again when the file changes (a new build in place), else held in memory.
  const file = join(options.publicDir, 'sw.js');
  let held: { mtime: number; body: Uint8Array } | undefined;
  app.get(SW_PATH, async (c) => {
    const mtime = await stat(file).then(
      (s) => s.mtimeMs,
      () => undefined,
    );
    if (mtime === undefined) return c.notFound();
    if (held?.mtime !== mtime) held = { mtime, body: new Uint8Array(await readFile(file)) };
    return new Response(held.body as BodyInit, {
      headers: {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      },
    });
  });

  // In the visitor's language (the page links it with credentials, so their language cookie comes with it).
  app.get(MANIFEST_PATH, (c) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const icon = (name: string, size: number, purpose: 'any' | 'maskable') => ({
      src: asset(name),
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose,
    });
    const manifest = {
      id: SW_SCOPE,
      name: t.service,
      short_name: 'Onward',
      lang: localeOf(prefs),
      dir: 'ltr',
      start_url: SW_SCOPE,
      scope: SW_SCOPE,
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: THEME_COLOUR,
      icons: [
        icon('icon-192.png', 192, 'any'),
        icon('icon-512.png', 512, 'any'),
        icon('icon-maskable-512.png', 512, 'maskable'),
      ],
    };
    return new Response(JSON.stringify(manifest), {
      headers: {
        'content-type': 'application/manifest+json; charset=utf-8',
        'cache-control': 'no-cache',
        vary: 'Cookie',
        'x-content-type-options': 'nosniff',
      },
    });
  });

  // Kept by the worker when it is installed; shown in place of a young person's page never kept on this phone.
  app.get(OFFLINE_PAGE, async (c) => {
    const s = await youngPersonSession(app, c);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const w = widgetStrings(prefs);
    return page(
      c,
      { title: w.offlineTitle, session: s },
      <>
        <h1>{w.offlineTitle}</h1>
        <p>{w.offlineBody}</p>
        <ul>
          <li>
            <a href="/me">{t.myPlan}</a>
          </li>
          <li>
            <a href="/me/checklist">{t.checklist}</a>
          </li>
          <li>
            <a href="/me/check-in">{t.checkIn}</a>
          </li>
          <li>
            <a href="/me/agreement">{t.myAgreement}</a>
          </li>
        </ul>
      </>,
    );
  });
}
