// The page frame every page shares: skip link, header, navigation for the role, the language and easy-read
// switch, one <main> with one h1, and the sign-out buttons. Hono JSX escapes every value it prints.
import type { Child } from 'hono/jsx';
import { type Prefs, type Strings, strings } from '../i18n.js';
import { messageData } from '../pages/young-person-widgets.js';
import { MANIFEST_PATH, THEME_COLOUR } from '../sw/scope.js';
import { asset, assetImports } from './assets.js';
import { arrangementWord, type Session } from './context.js';

export interface PageProps {
  title: string;
  prefs: Prefs;
  session?: Session | undefined;
  /** The current path (for the switch links and aria-current). */
  path: string;
  /** Page scripts to load (same-origin, deferred modules), by plain name (`plan-page.js`): see web/assets.ts. */
  /** Page scripts by plain name (`plan-page.js`); the URL with its content hash comes from the asset manifest. */
  scripts?: string[];
  /** Load the widgets' custom elements. */
  widgets?: boolean;
  children?: Child;
}

export function navFor(role: string | undefined, t: Strings, stayingPut = t.stayingPut): [string, string][] {
  switch (role) {
    case 'young-person':
      return [
        ['/me', t.myPlan],
        ['/me/checklist', t.checklist],
        ['/me/check-in', t.checkIn],
        ['/me/agreement', t.myAgreement],
      ];
    case 'pa':
    case 'social-worker':
      return [
        ['/caseload', t.caseload],
        ['/help-requests', t.helpRequests],
        ['/staying-put', stayingPut],
      ];
    case 'team-manager':
      return [
        ['/authorisations', t.authorisations],
        ['/team', t.team],
        ['/dashboard', t.dashboard],
        ['/staying-put', stayingPut],
        ['/audit', t.audit],
        ['/retention', t.retention],
      ];
    case 'analyst':
      return [['/dashboard', t.dashboard]];
    case 'carer':
    case 'supervising-social-worker':
      return [['/welcome', t.home]];
    case 'admin':
      return [
        ['/admin/staff', t.adminStaff],
        ['/admin/teams', t.adminTeams],
        ['/admin/young-people', t.adminYoungPeople],
        ['/admin/council-settings', t.adminCouncilSettings],
        ['/dashboard', t.dashboard],
        ['/audit', t.audit],
      ];
    default:
      return [];
  }
}

export function homeFor(role: string | undefined): string {
  return navFor(role, strings({ lang: 'en', easy: false }))[0]?.[0] ?? '/sign-in';
}

function switchHref(path: string, key: 'lang' | 'easy', value: string): string {
  return `/prefs?${key}=${encodeURIComponent(value)}&back=${encodeURIComponent(path)}`;
}

export function Layout(props: PageProps) {
  const { prefs, session, path } = props;
  const t = strings(prefs);
  // The arrangement is named as the council's nation names it ("When I am Ready" in Wales).
  const nav = navFor(session?.user.role, t, arrangementWord(session, prefs.lang));
  const langTag = prefs.lang === 'cy' ? 'cy' : 'en-GB';
  // The young person's pages are an installable app that opens offline (issue 15): its manifest, and the script
  // that registers the service worker, says when they are offline and sends what was kept on the phone.
  const app = session?.user.role === 'young-person';
  const scripts = [...(app ? ['young-person-app.js'] : []), ...(props.scripts ?? [])];
  return (
    <html lang={langTag} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – Onward`}</title>
        <link rel="stylesheet" href={asset('app.css')} />
        <link rel="icon" href={asset('favicon.svg')} type="image/svg+xml" />
        {app ? (
          <>
            <link rel="manifest" href={MANIFEST_PATH} crossorigin="use-credentials" />
            <meta name="theme-color" content={THEME_COLOUR} />
            <link rel="apple-touch-icon" href={asset('icon-192.png')} />
          </>
        ) : null}
        {props.widgets ? <script type="module" src={asset('widgets/onward-elements.js')} /> : null}
        {scripts.map((s) => (
          <script type="module" src={asset(s)} />
        ))}
        {[...new Set(scripts.flatMap(assetImports))].map((href) => (
          <link rel="modulepreload" href={href} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skip}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="service-name" href={session ? homeFor(session.user.role) : '/sign-in'}>
              {t.service}
            </a>
            {session ? (
              <p class="who">
                <span class="visually-hidden">{t.signedInAs} </span>
                {session.user.name}
              </p>
            ) : null}
          </div>
          {nav.length ? (
            <nav class="wrap site-nav" aria-label={t.menu}>
              <ul>
                {nav.map(([href, label]) => (
                  <li>
                    <a
                      href={href}
                      aria-current={
                        path === href || (href !== '/me' && path.startsWith(`${href}/`)) ? 'page' : undefined
                      }
                    >
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <div class="wrap prefs">
          <p>
            <span>{t.language}: </span>
            {prefs.lang === 'en' ? (
              <strong aria-current="true">English</strong>
            ) : (
              <a href={switchHref(path, 'lang', 'en')} lang="en-GB" hreflang="en-GB">
                English
              </a>
            )}
            {' | '}
            {prefs.lang === 'cy' ? (
              <strong aria-current="true">Cymraeg</strong>
            ) : (
              <a href={switchHref(path, 'lang', 'cy')} lang="cy" hreflang="cy">
                Cymraeg
              </a>
            )}
          </p>
          <p>
            <span>{t.readingLevel}: </span>
            {prefs.easy ? (
              <a href={switchHref(path, 'easy', '0')}>{t.standard}</a>
            ) : (
              <strong aria-current="true">{t.standard}</strong>
            )}
            {' | '}
            {prefs.easy ? (
              <strong aria-current="true">{t.easyRead}</strong>
            ) : (
              <a href={switchHref(path, 'easy', '1')}>{t.easyRead}</a>
            )}
          </p>
          {prefs.lang === 'cy' && prefs.easy ? (
            <p class="prefs-note" data-unavailable-variant="cy-easy">
              {t.noWelshEasyRead}{' '}
              <a href={switchHref(path, 'lang', 'en')} hreflang="en-GB">
                {t.englishEasyRead}
              </a>
            </p>
          ) : null}
        </div>
        {app ? (
          <div
            class="wrap app-messages"
            data-onward-app={session.user.youngPersonId}
            {...messageData(prefs, [
              'offline',
              'backOnline',
              'outboxSent',
              'outboxWaiting',
              'outboxRefusedTitle',
              'outboxRefused',
              'updateReady',
              'updateUse',
              'unsentTitle',
              'unsentSignOut',
              'signOutAnyway',
              'staySignedIn',
              'offlineSignOut',
              'chooseWaiting',
              'chooseGo',
            ])}
          >
            <div data-app-status="" role="status" tabindex={-1} />
            <div data-app-alert="" role="alert" tabindex={-1} />
          </div>
        ) : null}
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            {session ? (
              <div class="sign-out">
                <form method="post" action="/sign-out">
                  <input type="hidden" name="_csrf" value={session.csrfToken} />
                  <button type="submit" class="button secondary">
                    {t.signOut}
                  </button>
                </form>
                <form method="post" action="/sign-out-everywhere">
                  <input type="hidden" name="_csrf" value={session.csrfToken} />
                  <button type="submit" class="button secondary">
                    {t.signOutEverywhere}
                  </button>
                </form>
              </div>
            ) : null}
            <p class="small">Onward · MIT licence · demo data is made up</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** An error summary at the top of a form: each problem links to its field. */
/** A confirmation after an action (a GOV.UK notification banner): what happened, then what happens next. */
export function SuccessBanner(props: { title: string; message: string | undefined; children?: Child }) {
  if (!props.message) return null;
  return (
    <div class="panel-success" role="status" aria-labelledby="success-title">
      <h2 id="success-title">{props.title}</h2>
      <p>{props.message}</p>
      {props.children ?? null}
    </div>
  );
}

export function ErrorSummary(props: { title: string; errors: { field?: string; message: string }[] }) {
  if (!props.errors.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{props.title}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>{e.field ? <a href={`#${e.field}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );
}
