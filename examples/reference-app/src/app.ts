// The reference app: the server's API plus the pages a council's staff and young people use. The pages are
// mounted on the server's own Hono app through its `pages` hook, so every request goes through the server's
// sessions, roles, tenancy and audit.
import { fileURLToPath } from 'node:url';
import { allShippedWording, type PathwayPlan, type Wording } from '@onward/engine';
import { renderAgreementPdf, renderPlanPdf } from '@onward/pdf';
import { createOnwardServer, type NotifierOptions, type RenderContext, type Store } from '@onward/server';
import { strings } from './i18n.js';
import { mountAdmin } from './pages/admin.js';
import { mountAdminImport } from './pages/admin-import.js';
import { mountAudit } from './pages/audit.js';
import { mountAuth } from './pages/auth.js';
import { mountCouncilSettings } from './pages/council-settings.js';
import { mountManager } from './pages/manager.js';
import { mountOffline } from './pages/offline.js';
import { mountPlanPdf } from './pages/plan-pdf.js';
import { mountRetention } from './pages/retention.js';
import { mountSetup } from './pages/setup.js';
import { mountStaff } from './pages/staff.js';
import { mountStayingPut } from './pages/staying-put.js';
import { mountYoungPerson } from './pages/young-person.js';
import { asset, useAssetManifest } from './web/assets.js';
import { type AnyHono, errorPage, type securityHeaders, sessionOf } from './web/render.js';
import { staticAssets } from './web/static.js';
import { councilLocaleFiles, setPageWording } from './web/wording.js';
import type { CouncilWording } from './wording.js';

export interface ReferenceAppOptions {
  store: Store;
  /** Secure cookies (HTTPS). False only for http://localhost. */
  secureCookies: boolean;
  /** Folder of the built page assets (CSS, scripts). Default: `public/` next to this file. */
  publicDir?: string;
  /** One JSON line per request from the server; never personal data. */
  logger?: (line: string) => void;
  clock?: () => Date;
  /** The public origin (https://plans.council.gov.uk), for the CSRF check and links. */
  publicOrigin?: string;
  /** Behind a trusted reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** First run on an empty database: the one-time code that opens /setup (print it where Onward starts). */
  setupToken?: string;
  /** The council's own wording (loadWordingFolder): pages, widgets and PDFs use it instead of the shipped files. */
  councilWording?: CouncilWording;
  /** Email (the named PA told of a help request): the server's notification worker starts with these. */
  notifications?: NotifierOptions;
}

export function mountPages(
  app: AnyHono,
  options: { secureCookies: boolean; publicDir: string; publicOrigin?: string; clock?: () => Date },
): void {
  // The server turns errors into a problem document and logs only the request id. With ONWARD_DEBUG=1 (a
  // developer's own machine only) a page's error is also written to the console.
  if (process.env.ONWARD_DEBUG === '1')
    app.use('*', async (c, next) => {
      await next();
      if (c.error) console.error(c.error);
    });
  // Browsers ask for /favicon.ico before reading the page's icon link.
  app.get('/favicon.ico', (c) => c.redirect(asset('favicon.svg'), 302));
  useAssetManifest(options.publicDir);
  app.get('/assets/*', staticAssets(options.publicDir));
  // The council's own locale files for the widgets (public wording, no personal data), when there are any.
  app.get('/wording/council.json', (c) => {
    const files = councilLocaleFiles();
    if (!files.length) return c.json({ title: 'There are no council wording files.' }, 404);
    c.header('Cache-Control', 'no-cache');
    return c.json({ files });
  });
  mountAuth(app, options);
  mountSetup(app);
  mountOffline(app, { publicDir: options.publicDir });
  mountYoungPerson(app);
  mountPlanPdf(app);
  mountStaff(app, options.publicOrigin ? { publicOrigin: options.publicOrigin } : {});
  mountManager(app);
  mountAudit(app);
  mountRetention(app);
  mountStayingPut(app, options.clock);
  mountAdmin(app, {
    ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  mountAdminImport(app);
  mountCouncilSettings(app);
}

/** Page-level not-found for browsers (the API keeps its own problem documents). */
export async function notFoundPage(app: AnyHono, c: Parameters<typeof securityHeaders>[0]): Promise<Response> {
  return errorPage(c, 404, await sessionOf(app, c));
}

/**
 * How the app renders an authorised plan's PDF: the server's freeze queue calls it for each plan a manager
 * authorises and each the demo seed authorises, so both freeze the same document. Dated by the context's
 * `createdAt` (the authorisation) when given, so the same plan always gives the same bytes.
 */
export function planPdfRenderer(
  wording: Wording = allShippedWording(),
  clock: () => Date = () => new Date(),
): (plan: PathwayPlan, ctx: RenderContext) => Promise<Uint8Array> {
  return (plan, ctx) =>
    renderPlanPdf(plan, {
      wording,
      council: ctx.council,
      locale: ctx.locale,
      createdAt: ctx.createdAt ?? clock(),
      // In the plan's language: a Welsh plan says "Wedi’i awdurdodi" on every page, not "Authorised".
      status: strings({ lang: ctx.locale.startsWith('cy') ? 'cy' : 'en', easy: false }).states.authorised,
    });
}

export function createReferenceApp(options: ReferenceAppOptions) {
  const publicDir = options.publicDir ?? fileURLToPath(new URL('./public/', import.meta.url));
  const wording = options.councilWording?.wording ?? allShippedWording();
  setPageWording(wording, options.councilWording?.files ?? []);
  return createOnwardServer({
    store: options.store,
    secureCookies: options.secureCookies,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.setupToken ? { setupToken: options.setupToken } : {}),
    ...(options.notifications ? { notifications: options.notifications } : {}),
    renderPlanPdf: planPdfRenderer(wording),
    renderAgreementPdf: (agreement, ctx) =>
      renderAgreementPdf(agreement, {
        council: ctx.council,
        locale: ctx.locale,
        createdAt: new Date(),
        viewer: ctx.viewer?.role === 'young-person' ? 'young-person' : 'staff',
      }),
    pages: (app: AnyHono) =>
      mountPages(app, {
        secureCookies: options.secureCookies,
        publicDir,
        ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
      }),
  });
}
