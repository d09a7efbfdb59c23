// Set-up from nothing: the first-run page (an empty database; the one-time set-up code Onward printed when it
// started) and the page where a new member of staff, or the first admin, chooses their password from their link.
// Both are forms without a session, so they use the double-submit CSRF token like sign-in.
import type { Context } from 'hono';
import { strings } from '../i18n.js';
import { PageApi, prefsOf } from '../web/context.js';
import { ErrorSummary } from '../web/layout.js';
import { type AnyHono, formOf, page, seeOther } from '../web/render.js';
import { adminStrings } from './admin-strings.js';
import { csrfFor, withFormToken } from './auth.js';

type Problem = { errors?: { path: string; message: string }[]; detail?: string } | null;
type FieldError = { field?: string; message: string };

function fieldErrors(data: unknown, fields: Record<string, string>, fallback: string): FieldError[] {
  const p = data as Problem;
  if (p?.errors?.length)
    return p.errors.map((e) => ({
      ...(fields[e.path] ? { field: fields[e.path] } : {}),
      message: e.message,
    }));
  return [{ message: p?.detail ?? fallback }];
}

function TextField(props: {
  id: string;
  label: string;
  value?: string;
  type?: string;
  hint?: string;
  autocomplete?: string;
  errors: FieldError[];
}) {
  const error = props.errors.find((e) => e.field === props.id);
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${props.id}-error`}>
          {error.message}
        </p>
      ) : null}
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        spellcheck={props.type === 'email' ? false : undefined}
        aria-describedby={
          [props.hint ? `${props.id}-hint` : '', error ? `${props.id}-error` : ''].filter(Boolean).join(' ') ||
          undefined
        }
        aria-invalid={error ? 'true' : undefined}
        required
      />
    </div>
  );
}

export function mountSetup(app: AnyHono) {
  const setupPage = async (
    c: Context,
    status = 200,
    errors: FieldError[] = [],
    values: Record<string, string> = {},
  ) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const a = adminStrings(prefs);
    const open = await new PageApi(app, c).get<{ open: boolean }>('/api/setup');
    if (!open.ok || !open.data.open)
      return page(
        c,
        { title: a.setupClosed, status: status === 200 ? 200 : 409 },
        <>
          <h1>{a.setupClosed}</h1>
          <p>{a.setupClosedBody}</p>
          <p>
            <a class="button" href="/sign-in">
              {t.signIn}
            </a>
          </p>
        </>,
      );
    const csrf = await csrfFor(app, c);
    for (const k of csrf.cookies) c.header('set-cookie', k, { append: true });
    return page(
      c,
      { title: a.setupTitle, status },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <h1>{a.setupTitle}</h1>
        <p>{a.setupIntro}</p>
        <form method="post" action="/setup" novalidate>
          <input type="hidden" name="_csrf" value={csrf.token} />
          <TextField
            id="token"
            label={a.setupToken}
            hint={a.setupTokenHint}
            value={values.token ?? c.req.query('token') ?? ''}
            autocomplete="off"
            errors={errors}
          />
          <TextField
            id="councilName"
            label={a.councilName}
            value={values.councilName}
            autocomplete="organization"
            errors={errors}
          />
          <TextField id="adminName" label={a.yourName} value={values.adminName} autocomplete="name" errors={errors} />
          <TextField
            id="adminEmail"
            label={a.workEmail}
            type="email"
            value={values.adminEmail}
            autocomplete="username"
            errors={errors}
          />
          <TextField
            id="adminPassword"
            label={t.newPassword}
            type="password"
            hint={t.passwordHint}
            autocomplete="new-password"
            errors={errors}
          />
          <button type="submit" class="button">
            {a.createCouncil}
          </button>
        </form>
      </>,
    );
  };

  app.get('/setup', (c) => setupPage(c));
  app.post('/setup', async (c) => {
    const f = await formOf(c);
    const values = {
      token: (f.token ?? '').trim(),
      councilName: (f.councilName ?? '').trim(),
      adminName: (f.adminName ?? '').trim(),
      adminEmail: (f.adminEmail ?? '').trim(),
    };
    const r = await withFormToken(
      app,
      c,
      '/api/setup',
      { ...values, adminPassword: f.adminPassword ?? '' },
      f._csrf ?? '',
    );
    if (!r.ok) {
      const fields = {
        token: 'token',
        councilName: 'councilName',
        adminName: 'adminName',
        adminEmail: 'adminEmail',
        adminPassword: 'adminPassword',
      };
      return setupPage(
        c,
        r.status === 409 ? 409 : 400,
        fieldErrors(r.data, fields, strings(prefsOf(c)).tryAgain),
        values,
      );
    }
    return seeOther(c, `/sign-in?set-up=1`);
  });

  const invitationPage = async (c: Context, status = 200, errors: FieldError[] = []) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const a = adminStrings(prefs);
    const token = c.req.param('token') ?? '';
    const info = await new PageApi(app, c).get<{ name: string; email: string; council: string }>(
      `/api/staff-invitations/${encodeURIComponent(token)}`,
    );
    if (!info.ok)
      return page(
        c,
        { title: a.staffInvitationTitle, status: 404 },
        <>
          <h1>{a.staffInvitationTitle}</h1>
          <p>{a.staffInvitationInvalid}</p>
        </>,
      );
    const csrf = await csrfFor(app, c);
    for (const k of csrf.cookies) c.header('set-cookie', k, { append: true });
    return page(
      c,
      { title: a.staffInvitationTitle, status },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <h1>{a.staffInvitationTitle}</h1>
        <p>{a.staffInvitationFor(info.data.name, info.data.council)}</p>
        <p>
          {a.signInWith} <strong>{info.data.email}</strong>
        </p>
        <form method="post" novalidate>
          <input type="hidden" name="_csrf" value={csrf.token} />
          {/* The email as a username field helps password managers save the right pair. */}
          <input type="hidden" name="username" autocomplete="username" value={info.data.email} />
          <TextField
            id="password"
            label={t.newPassword}
            type="password"
            hint={t.passwordHint}
            autocomplete="new-password"
            errors={errors}
          />
          <button type="submit" class="button">
            {a.savePassword}
          </button>
        </form>
      </>,
    );
  };

  app.get('/staff-invitation/:token', (c) => invitationPage(c));
  app.post('/staff-invitation/:token', async (c) => {
    const f = await formOf(c);
    const r = await withFormToken(
      app,
      c,
      `/api/staff-invitations/${encodeURIComponent(c.req.param('token'))}/accept`,
      { password: f.password ?? '' },
      f._csrf ?? '',
    );
    if (!r.ok) {
      if (r.status === 404) return invitationPage(c, 404);
      return invitationPage(c, 400, fieldErrors(r.data, { password: 'password' }, strings(prefsOf(c)).tryAgain));
    }
    const email = (r.data as { email?: string } | null)?.email ?? '';
    return seeOther(c, `/sign-in?password-set=1&email=${encodeURIComponent(email)}`);
  });
}
