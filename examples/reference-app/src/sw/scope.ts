// What the young person's service worker covers, in one place for the worker, the page that registers it and the
// server that serves both. Plain values only: this file is built into the worker and into the server.

/** The worker's scope. A page outside it (every staff page) is never controlled, so never kept. */
export const SW_SCOPE = '/me';
/** Where the worker is served (the root, so that `/me` itself, without a slash, is inside its scope). */
export const SW_PATH = '/sw.js';
/** The web app manifest (pages/offline.tsx), linked from every young person's page. */
export const MANIFEST_PATH = '/manifest.webmanifest';
export const THEME_COLOUR = '#1d4f91';
/** The page shown for a young person's page that was never kept, when there is no connection. */
export const OFFLINE_PAGE = '/me/offline';
/** The main pages, fetched when the worker is installed so that they open offline before being visited. */
export const WARM_PAGES = ['/me', '/me/checklist', '/me/check-in', '/me/agreement', OFFLINE_PAGE] as const;
/** The caches holding the young person's own pages and data (the precache holds only the app's files). */
export const PAGES_CACHE = 'onward-me-pages';
export const DATA_CACHE = 'onward-me-data';

/** A young person's page: `/me` or below it, on this site. (The scope alone would also match `/media`.) */
export function isYoungPersonPage(url: URL, origin: string): boolean {
  return url.origin === origin && (url.pathname === SW_SCOPE || url.pathname.startsWith(`${SW_SCOPE}/`));
}
