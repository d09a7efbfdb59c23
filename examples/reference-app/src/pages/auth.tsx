// Sign in, accept an invitation, sign out (here or everywhere), and the language / easy-read switch.
// Sign-in and invitation forms use the server's double-submit CSRF token: the page asks the server for a token
// (which also sets the onward_csrf cookie), puts it in the form, and sends both back.
import type { Context } from 'hono';
import { strings } from '../i18n.js';
import { PageApi, prefCookies, prefsOf, readCookie, safeBack } from '../web/context.js';
import { ErrorSummary, homeFor } from '../web/layout.js';
import { type AnyHono, formOf, page, seeOther, sessionOf } from '../web/render.js';
import { adminStrings } from './admin-strings.js';

export function setCookies(h: Headers): string[] {
  return typeof h.getSetCookie === 'function'
    ? h.getSetCookie()
    : (h.get('set-cookie') ?? '').split(/,(?=\s*\w+=)/).filter(Boolean);
}

export async function csrfFor(app: AnyHono, c: Context): Promise<{ token: string; cookies: string[] }> {
  const existing = readCookie(c, 'onward_csrf');
  if (existing) return { token: existing, cookies: [] };
  const r = await new PageApi(app, c).get<{ csrfToken: string }>('/api/auth/csrf');
  return { token: r.data?.csrfToken ?? '', cookies: setCookies(r.headers) };
}

/** Calls the API with the form's token as both the header and the cookie (double submit), as a browser would. */
export async function withFormToken(app: AnyHono, c: Context, path: string, body: unknown, token: string) {
  const cookie = readCookie(c, 'onward_csrf');
  // The form token must match the cookie the browser holds; otherwise this is a forged request.
  if (!token || token !== cookie) return { status: 403, ok: false, data: null, headers: new Headers() };
  return new PageApi(app, c, token).call<{ user?: { role: string } }>('POST', path, body);
}

/**
 * The language a young person's record holds is where their pages start when they sign in (`cy`: Welsh), whatever
 * the last visitor on the device chose; the switch on every page still changes it. The reading level stays as it
 * was. Other languages than English and Welsh have no pages yet, so they start in English.
 */
export function languageCookies(c: Context, language: string | undefined, secure: boolean): string[] {
  if (!language) return [];
  const p = prefsOf(c);
  return prefCookies({ ...p, lang: /^cy\b/i.test(language) ? 'cy' : 'en' }, secure);
}

export function mountAuth(app: AnyHono, opts: { secureCookies: boolean }) {
  const signInForm = async (c: Context, status = 200, error?: string, email = '') => {
    const t = strings(prefsOf(c));
    const { token, cookies } = await csrfFor(app, c);
    const back = safeBack(c.req.query('back'), '');
    for (const k of cookies) c.header('set-cookie', k, { append: true });
    return page(
      c,
      { title: t.signIn, status },
      <>
        {error ? <ErrorSummary title={t.errorSummary} errors={[{ field: 'email', message: error }]} /> : null}
        {!error && (c.req.query('set-up') === '1' || c.req.query('password-set') === '1') ? (
          <div class="panel-success" role="status">
            <p>
              {c.req.query('set-up') === '1'
                ? adminStrings(prefsOf(c)).setupDone
                : adminStrings(prefsOf(c)).passwordSet}
            </p>
          </div>
        ) : null}
        <h1>{t.signIn}</h1>
        <p>{t.signInHelp}</p>
        <form method="post" action={back ? `/sign-in?back=${encodeURIComponent(back)}` : '/sign-in'} novalidate>
          <input type="hidden" name="_csrf" value={token} />
          <div class="field">
            <label for="email">{t.email}</label>
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              spellcheck={false}
              value={email}
              required
              aria-invalid={error ? 'true' : undefined}
            />
          </div>
          <div class="field">
            <label for="password">{t.password}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button type="submit" class="button">
            {t.signIn}
          </button>
        </form>
      </>,
    );
  };

  app.get('/sign-in', async (c) => {
    const s = await sessionOf(app, c);
    if (s) return seeOther(c, homeFor(s.user.role));
    // After choosing a password from an invitation link, the email is filled in for them.
    return signInForm(c, 200, undefined, (c.req.query('email') ?? '').slice(0, 254));
  });

  app.post('/sign-in', async (c) => {
    const t = strings(prefsOf(c));
    const f = await formOf(c);
    const email = (f.email ?? '').trim();
    const r = await withFormToken(app, c, '/api/auth/sign-in', { email, password: f.password ?? '' }, f._csrf ?? '');
    if (!r.ok) return signInForm(c, r.status === 429 ? 429 : 400, r.status === 429 ? t.tooMany : t.signInFailed, email);
    const back = safeBack(c.req.query('back'), homeFor(r.data?.user?.role));
    const data = r.data as { language?: string } | null;
    return seeOther(c, back, [...setCookies(r.headers), ...languageCookies(c, data?.language, opts.secureCookies)]);
  });

  const invitationPage = async (
    c: Context,
    status = 200,
    errors: { field?: string; message: string }[] = [],
    email = '',
  ) => {
    const t = strings(prefsOf(c));
    const token = c.req.param('token') ?? '';
    const info = await new PageApi(app, c).get<{ valid: boolean; firstName: string }>(
      `/api/invitations/${encodeURIComponent(token)}`,
    );
    if (!info.ok || !info.data?.valid)
      return page(
        c,
        { title: t.invitation, status: 404 },
        <>
          <h1>{t.invitation}</h1>
          <p>{t.invitationInvalid}</p>
        </>,
      );
    const csrf = await csrfFor(app, c);
    for (const k of csrf.cookies) c.header('set-cookie', k, { append: true });
    return page(
      c,
      { title: t.invitation, status },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <h1>{t.invitation}</h1>
        <p>{t.invitationFor(info.data.firstName)}</p>
        <form method="post" novalidate>
          <input type="hidden" name="_csrf" value={csrf.token} />
          <div class="field">
            <label for="email">{t.email}</label>
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="email"
              spellcheck={false}
              value={email}
              required
            />
          </div>
          <div class="field">
            <label for="password">{t.newPassword}</label>
            <p class="hint" id="password-hint">
              {t.passwordHint}
            </p>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              aria-describedby="password-hint"
              required
              minlength={12}
            />
          </div>
          <button type="submit" class="button">
            {t.createAccount}
          </button>
        </form>
      </>,
    );
  };

  app.get('/invitation/:token', (c) => invitationPage(c));
  app.post('/invitation/:token', async (c) => {
    const f = await formOf(c);
    const email = (f.email ?? '').trim();
    const r = await withFormToken(
      app,
      c,
      `/api/invitations/${encodeURIComponent(c.req.param('token'))}/accept`,
      { email, password: f.password ?? '' },
      f._csrf ?? '',
    );
    if (!r.ok) {
      const problem = r.data as { errors?: { path: string; message: string }[]; detail?: string } | null;
      const errors = problem?.errors?.length
        ? problem.errors.map((e) => ({ field: e.path === 'password' ? 'password' : 'email', message: e.message }))
        : [{ message: problem?.detail ?? strings(prefsOf(c)).tryAgain }];
      return invitationPage(c, r.status === 404 ? 404 : 400, errors, email);
    }
    const data = r.data as { language?: string } | null;
    return seeOther(c, '/me', [...setCookies(r.headers), ...languageCookies(c, data?.language, opts.secureCookies)]);
  });

  for (const [path, api] of [
    ['/sign-out', '/api/auth/sign-out'],
    ['/sign-out-everywhere', '/api/auth/sign-out-everywhere'],
  ] as const) {
    app.post(path, async (c) => {
      const s = await sessionOf(app, c);
      const f = await formOf(c);
      if (s && f._csrf === s.csrfToken) {
        const r = await new PageApi(app, c, s.csrfToken).post(api, {});
        const res = seeOther(c, '/sign-in', setCookies(r.headers));
        // Nothing of theirs stays on a shared phone (issue 15): the browser drops this site's caches and storage
        // (the young person's kept pages, their outbox, the service worker). The page warned them first if
        // something was not sent yet. Cookies stay: the language choice is not personal.
        res.headers.set('clear-site-data', '"cache", "storage"');
        return res;
      }
      return seeOther(c, '/sign-in');
    });
  }

  // The language and easy-read switch: a plain link, so it works without scripts. It only sets preference
  // cookies (nothing private) and returns to the same page.
  app.get('/prefs', (c) => {
    const p = prefsOf(c);
    const lang = c.req.query('lang');
    const easy = c.req.query('easy');
    if (lang === 'en' || lang === 'cy') p.lang = lang;
    if (easy === '1' || easy === '0') p.easy = easy === '1';
    return seeOther(c, safeBack(c.req.query('back')), prefCookies(p, opts.secureCookies));
  });

  app.get('/', async (c) => {
    const s = await sessionOf(app, c);
    return seeOther(c, s ? homeFor(s.user.role) : '/sign-in');
  });
}
