// The young person's service worker (issue 15), served at /sw.js and registered with the scope `/me`: it
// controls the young person's pages only, so no staff page is ever handled or kept by it (a staff page is outside
// the scope, and its requests never reach this file). Built by build.mjs with Workbox:
//  - precached (on install, before this version takes over): the stylesheet, the icons, the young person's page
//    scripts with their chunks, and every widget file, their wording included (onward-locale-*.js). All have a
//    content hash in their name, so a new build is a new list and a new worker;
//  - the young person's pages (/me, /me/…): network first, kept in a cache of their own, so after one visit they
//    open without a connection. On install the main pages are fetched once, so the pages not yet visited open too;
//  - what those pages read from the API (their plan, their agreement): network first, kept likewise;
//  - when the server answers a page with a redirect (to sign in: the session ended, here or on another device) or
//    a refusal, the kept pages and data are dropped at once. Signing out drops everything (the server's
//    Clear-Site-Data header on /sign-out).
// A new version waits until the page asks it to take over (the young person presses "Use the new version"), then
// every open page reloads on it: no page goes on running old scripts against the new caches.
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { DATA_CACHE, isYoungPersonPage, OFFLINE_PAGE, PAGES_CACHE, WARM_PAGES } from './scope.js';

declare const self: ServiceWorkerGlobalScope;
/** The precache list, put in by build.mjs: every URL has a content hash, so no revision is needed. */
declare const __ONWARD_PRECACHE__: { url: string; revision: string | null }[];

cleanupOutdatedCaches();
precacheAndRoute(__ONWARD_PRECACHE__);

async function forgetPersonal(): Promise<void> {
  await Promise.all([caches.delete(PAGES_CACHE), caches.delete(DATA_CACHE)]);
}

/** Keeps only a page or data the server gave in full (200, not a redirect); a sign-in redirect drops the rest. */
const keepOnlyTheirs = {
  cacheWillUpdate: async ({ response }: { response: Response }) =>
    response.status === 200 && response.type === 'basic' && !response.redirected ? response : null,
  fetchDidSucceed: async ({ response }: { response: Response }) => {
    if (response.type === 'opaqueredirect' || response.redirected || response.status === 401 || response.status === 403)
      await forgetPersonal();
    return response;
  },
};

// On a slow connection the kept copy is shown after a few seconds; the network's answer still refreshes it.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && isYoungPersonPage(url, self.location.origin),
  new NetworkFirst({ cacheName: PAGES_CACHE, networkTimeoutSeconds: 6, plugins: [keepOnlyTheirs] }),
);
registerRoute(
  ({ request, url }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    url.pathname.startsWith('/api/') &&
    !url.pathname.startsWith('/api/auth/') &&
    (request.headers.get('accept') ?? '').includes('application/json'),
  new NetworkFirst({ cacheName: DATA_CACHE, networkTimeoutSeconds: 6, plugins: [keepOnlyTheirs] }),
);
// A young person's page that was never kept, asked for without a connection: the offline page, which says so.
setCatchHandler(async ({ request }) => {
  if (request.mode === 'navigate') {
    const kept = await (await caches.open(PAGES_CACHE)).match(OFFLINE_PAGE);
    if (kept) return kept;
  }
  return Response.error();
});

/**
 * Fetches the main pages not kept yet (with the visitor's cookies), so they open offline before being visited,
 * and what their scripts read from the API (each page names it: `data-keep="/api/…"`).
 */
async function warm(): Promise<void> {
  const pages = await caches.open(PAGES_CACHE);
  const data = await caches.open(DATA_CACHE);
  const reads = new Set<string>();
  await Promise.all(
    WARM_PAGES.map(async (path) => {
      let page = await pages.match(path);
      if (!page) {
        try {
          const r = await fetch(path, {
            credentials: 'same-origin',
            redirect: 'manual',
            headers: { accept: 'text/html' },
          });
          if (r.type === 'opaqueredirect') await forgetPersonal();
          if (r.status !== 200 || r.type !== 'basic') return;
          await pages.put(path, r.clone());
          page = r;
        } catch {
          return; // offline now: the pages are kept as they are visited
        }
      }
      for (const m of (await page.text()).matchAll(/data-keep="(\/api\/[^"]+)"/g))
        reads.add(m[1]!.replace(/&amp;/g, '&'));
    }),
  );
  await Promise.all(
    [...reads].map(async (path) => {
      if (await data.match(path)) return;
      try {
        const r = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
        if (r.status === 200 && r.type === 'basic' && !r.redirected) await data.put(path, r);
      } catch {
        // offline now
      }
    }),
  );
}

self.addEventListener('install', (event) => event.waitUntil(warm()));
self.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  else if (type === 'WARM') event.waitUntil(warm().then(() => event.ports[0]?.postMessage(true)));
});
// The first version takes the page that registered it straight away (so that page's next requests are kept);
// a later version only after the young person chose to use it (SKIP_WAITING above).
clientsClaim();
