// The council admin's screens: teams, staff (invite with a one-time link, role, team, switch off, a new link) and
// young people (add, allocate a PA and social worker, move team), with each PA's caseload. Every read and write
// goes through the API, which checks the admin role and writes the audit trail; these pages only show and send.
import { careLeaverCategoryName, ukDate } from '@onward/engine';
import type { Context } from 'hono';
import { type Prefs, strings } from '../i18n.js';
import type { YoungPersonSummary } from '../web/api-types.js';
import { formatDate, prefsOf, type Session } from '../web/context.js';
import { ErrorSummary } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, formOf, page, seeOther } from '../web/render.js';
import { TableRegion } from '../web/table.js';
import { type AdminStrings, adminStrings } from './admin-strings.js';
import { staffSession } from './staff.js';

interface Team {
  id: string;
  name: string;
}
interface StaffUser {
  id: string;
  name: string;
  email?: string;
  role: string;
  teamId?: string;
  disabled?: boolean;
}
type FieldError = { field?: string; message: string };
type Problem = { errors?: { path: string; message: string }[]; detail?: string; title?: string } | null;

const STAFF_ROLES = ['pa', 'team-manager', 'social-worker', 'supervising-social-worker', 'carer', 'analyst', 'admin'];
const CATEGORIES = ['eligible', 'relevant', 'former-relevant', 'qualifying'];
type Category = Parameters<typeof careLeaverCategoryName>[0];
const isCategory = (c: string): c is Category => CATEGORIES.includes(c);
const LANGUAGES = ['en-GB', 'cy'];

function problemFields(data: unknown, fallback: string): FieldError[] {
  const p = data as Problem;
  if (p?.errors?.length) return p.errors.map((e) => ({ field: e.path.split('.')[0] || undefined, message: e.message }));
  return [{ message: p?.detail ?? p?.title ?? fallback }];
}

function FieldMessage(props: { id: string; errors: FieldError[] }) {
  const e = props.errors.find((x) => x.field === props.id);
  return e ? (
    <p class="field-error" id={`${props.id}-error`}>
      {e.message}
    </p>
  ) : null;
}

function invalid(id: string, errors: FieldError[]) {
  return errors.some((e) => e.field === id)
    ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` }
    : {};
}

function Text(props: {
  id: string;
  label: string;
  value?: string;
  type?: string;
  errors: FieldError[];
  optional?: boolean;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <FieldMessage id={props.id} errors={props.errors} />
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        spellcheck={props.type === 'email' ? false : undefined}
        autocomplete="off"
        required={props.optional ? undefined : true}
        {...invalid(props.id, props.errors)}
      />
    </div>
  );
}

function Select(props: {
  id: string;
  label: string;
  options: [string, string][];
  value?: string;
  errors: FieldError[];
  hint?: string;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldMessage id={props.id} errors={props.errors} />
      <select
        id={props.id}
        name={props.id}
        {...invalid(props.id, props.errors)}
        {...(props.hint && !props.errors.some((e) => e.field === props.id)
          ? { 'aria-describedby': `${props.id}-hint` }
          : {})}
      >
        {props.options.map(([v, label]) => (
          <option value={v} selected={v === (props.value ?? '')}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function InviteLink(props: { a: AdminStrings; name: string; url: string; expiresAt: string; prefs: Prefs }) {
  return (
    <div class="panel-success" role="status">
      <h2>{props.a.inviteLink}</h2>
      <p>{props.a.inviteLinkHelp(props.name, formatDate(props.expiresAt, props.prefs.lang))}</p>
      <div class="field">
        <label for="invite-url">{props.a.inviteLink}</label>
        <input id="invite-url" class="copy" type="text" readonly value={props.url} />
      </div>
    </div>
  );
}

export function mountAdmin(app: AnyHono, options: { publicOrigin?: string; clock?: () => Date } = {}) {
  const adminSession = (c: Context) => staffSession(app, c, ['admin']);
  const absolute = (c: Context, path: string) =>
    new URL(path, options.publicOrigin ?? new URL(c.req.url).origin).toString();

  async function load(c: Context, s: Session) {
    const api = apiFor(app, c, s);
    const [teams, users, yps] = await Promise.all([
      api.get<{ items: Team[] }>('/api/teams'),
      api.get<{ items: StaffUser[] }>('/api/users'),
      api.get<{ items: YoungPersonSummary[] }>('/api/young-people'),
    ]);
    if (!teams.ok || !users.ok || !yps.ok) return undefined;
    const staff = users.data.items.filter((u) => u.role !== 'young-person');
    return { teams: teams.data.items, staff, youngPeople: yps.data.items };
  }

  // ---- teams
  const teamsPage = async (c: Context, s: Session, errors: FieldError[] = [], name = '') => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const a = adminStrings(prefs);
    const d = await load(c, s);
    if (!d) return errorPage(c, 500, s);
    return page(
      c,
      { title: a.teams, session: s, status: errors.length ? 400 : 200 },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <h1>{a.teams}</h1>
        {d.teams.length ? (
          <TableRegion label={a.teams}>
            <table>
              <caption>{a.teams}</caption>
              <thead>
                <tr>
                  <th scope="col">{a.teamName}</th>
                  <th scope="col">{a.staffCount}</th>
                  <th scope="col">{a.youngPeopleCount}</th>
                </tr>
              </thead>
              <tbody>
                {d.teams.map((team) => (
                  <tr>
                    <th scope="row">{team.name}</th>
                    <td>{d.staff.filter((u) => u.teamId === team.id && !u.disabled).length}</td>
                    <td>{d.youngPeople.filter((y) => y.teamId === team.id).length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>{a.noneYet}</p>
        )}
        <h2>{a.addTeam}</h2>
        <form method="post" action="/admin/teams" novalidate>
          <input type="hidden" name="_csrf" value={s.csrfToken} />
          <Text id="name" label={a.teamName} value={name} errors={errors} />
          <button type="submit" class="button">
            {a.addTeamButton}
          </button>
        </form>
      </>,
    );
  };

  app.get('/admin', (c) => seeOther(c, '/admin/staff'));
  app.get('/admin/teams', async (c) => {
    const s = await adminSession(c);
    return s instanceof Response ? s : teamsPage(c, s);
  });
  app.post('/admin/teams', async (c) => {
    const s = await adminSession(c);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const name = (f.name ?? '').trim();
    const r = await apiFor(app, c, s).post('/api/teams', { name });
    if (!r.ok) return teamsPage(c, s, problemFields(r.data, strings(prefsOf(c)).tryAgain), name);
    return seeOther(c, '/admin/teams');
  });

  // ---- staff
  const staffPage = async (
    c: Context,
    s: Session,
    extra: {
      errors?: FieldError[];
      values?: Record<string, string>;
      invite?: { name: string; url: string; expiresAt: string };
    } = {},
  ) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const a = adminStrings(prefs);
    const d = await load(c, s);
    if (!d) return errorPage(c, 500, s);
    const errors = extra.errors ?? [];
    const v = extra.values ?? {};
    const teamName = new Map(d.teams.map((x) => [x.id, x.name]));
    const caseload = (u: StaffUser) => d.youngPeople.filter((y) => y.paId === u.id || y.socialWorkerId === u.id).length;
    return page(
      c,
      { title: a.staff, session: s, status: errors.length ? 400 : 200 },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <h1>{a.staff}</h1>
        {extra.invite ? <InviteLink a={a} prefs={prefs} {...extra.invite} /> : null}
        <TableRegion label={a.staff}>
          <table>
            <caption>{a.staff}</caption>
            <thead>
              <tr>
                <th scope="col">{a.name}</th>
                <th scope="col">{a.role}</th>
                <th scope="col">{a.team}</th>
                <th scope="col">{a.caseload}</th>
                <th scope="col">{a.status}</th>
              </tr>
            </thead>
            <tbody>
              {d.staff.map((u) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/staff/${encodeURIComponent(u.id)}`}>{u.name}</a>
                    <span class="caption">{u.email}</span>
                  </th>
                  <td>{a.roles[u.role] ?? u.role}</td>
                  <td>{u.teamId ? (teamName.get(u.teamId) ?? u.teamId) : a.noTeam}</td>
                  <td>{u.role === 'pa' || u.role === 'social-worker' ? caseload(u) : ''}</td>
                  <td>{u.disabled ? <span class="tag tag-red">{a.switchedOff}</span> : a.active}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <h2>{a.inviteStaff}</h2>
        <p class="hint">{a.inviteStaffHint}</p>
        {d.teams.length ? null : <p>{a.needsTeamFirst}</p>}
        <form method="post" action="/admin/staff" novalidate>
          <input type="hidden" name="_csrf" value={s.csrfToken} />
          <Text id="name" label={a.name} value={v.name} errors={errors} />
          <Text id="email" label={a.email} type="email" value={v.email} errors={errors} />
          <Select
            id="role"
            label={a.role}
            value={v.role ?? 'pa'}
            errors={errors}
            options={STAFF_ROLES.map((r) => [r, a.roles[r] ?? r])}
          />
          <Select
            id="teamId"
            label={a.team}
            value={v.teamId}
            errors={errors}
            options={[['', a.noTeam], ...d.teams.map((x): [string, string] => [x.id, x.name])]}
          />
          <button type="submit" class="button">
            {a.sendInvite}
          </button>
        </form>
      </>,
    );
  };

  app.get('/admin/staff', async (c) => {
    const s = await adminSession(c);
    return s instanceof Response ? s : staffPage(c, s);
  });
  app.post('/admin/staff', async (c) => {
    const s = await adminSession(c);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const values = {
      name: (f.name ?? '').trim(),
      email: (f.email ?? '').trim(),
      role: f.role ?? '',
      teamId: f.teamId ?? '',
    };
    const r = await apiFor(app, c, s).post<{ name: string; invitation?: { url: string; expiresAt: string } }>(
      '/api/users',
      {
        name: values.name,
        email: values.email,
        role: values.role,
        ...(values.teamId ? { teamId: values.teamId } : {}),
      },
    );
    if (!r.ok) return staffPage(c, s, { errors: problemFields(r.data, strings(prefsOf(c)).tryAgain), values });
    const inv = r.data.invitation;
    return staffPage(
      c,
      s,
      inv ? { invite: { name: r.data.name, url: absolute(c, inv.url), expiresAt: inv.expiresAt } } : {},
    );
  });

  const personPage = async (
    c: Context,
    s: Session,
    extra: { errors?: FieldError[]; saved?: boolean; invite?: { name: string; url: string; expiresAt: string } } = {},
  ) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const a = adminStrings(prefs);
    const d = await load(c, s);
    if (!d) return errorPage(c, 500, s);
    const u = d.staff.find((x) => x.id === c.req.param('id'));
    if (!u) return errorPage(c, 404, s);
    const errors = extra.errors ?? [];
    const id = encodeURIComponent(u.id);
    return page(
      c,
      { title: u.name, session: s, status: errors.length ? 400 : 200 },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <a class="back-link" href="/admin/staff">
          {a.staff}
        </a>
        <h1>
          {u.name}
          <span class="caption">
            {a.roles[u.role] ?? u.role} · {u.email}
          </span>
        </h1>
        {extra.saved ? (
          <div class="panel-success" role="status">
            <p>{a.saved}</p>
          </div>
        ) : null}
        {extra.invite ? <InviteLink a={a} prefs={prefs} {...extra.invite} /> : null}
        <h2>{a.changeStaff}</h2>
        <form method="post" action={`/admin/staff/${id}`} novalidate>
          <input type="hidden" name="_csrf" value={s.csrfToken} />
          <Select
            id="role"
            label={a.role}
            value={u.role}
            errors={errors}
            options={STAFF_ROLES.map((r) => [r, a.roles[r] ?? r])}
          />
          <Select
            id="teamId"
            label={a.team}
            value={u.teamId ?? ''}
            errors={errors}
            options={[
              ...(u.teamId ? [] : [['', a.noTeam] as [string, string]]),
              ...d.teams.map((x): [string, string] => [x.id, x.name]),
            ]}
          />
          <div class="field checkbox">
            <input id="disabled" name="disabled" type="checkbox" value="1" checked={Boolean(u.disabled)} />
            <label for="disabled">{a.switchOff}</label>
          </div>
          <button type="submit" class="button">
            {a.saveChanges}
          </button>
        </form>
        {u.disabled ? null : (
          <>
            <h2>{a.newLink}</h2>
            <p class="hint">{a.newLinkHint}</p>
            <form method="post" action={`/admin/staff/${id}/invitation`}>
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <button type="submit" class="button secondary">
                {a.newLink}
              </button>
            </form>
          </>
        )}
      </>,
    );
  };

  app.get('/admin/staff/:id', async (c) => {
    const s = await adminSession(c);
    return s instanceof Response ? s : personPage(c, s);
  });
  app.post('/admin/staff/:id', async (c) => {
    const s = await adminSession(c);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const r = await apiFor(app, c, s).call('PATCH', `/api/users/${encodeURIComponent(c.req.param('id'))}`, {
      ...(f.role ? { role: f.role } : {}),
      ...(f.teamId ? { teamId: f.teamId } : {}),
      disabled: f.disabled === '1',
    });
    if (!r.ok) return personPage(c, s, { errors: problemFields(r.data, strings(prefsOf(c)).tryAgain) });
    return personPage(c, s, { saved: true });
  });
  app.post('/admin/staff/:id/invitation', async (c) => {
    const s = await adminSession(c);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const api = apiFor(app, c, s);
    const r = await api.post<{ url: string; expiresAt: string }>(
      `/api/users/${encodeURIComponent(c.req.param('id'))}/invitations`,
      {},
    );
    if (!r.ok) return personPage(c, s, { errors: problemFields(r.data, strings(prefsOf(c)).tryAgain) });
    const users = await api.get<{ items: StaffUser[] }>('/api/users');
    const name = (users.ok ? users.data.items : []).find((x) => x.id === c.req.param('id'))?.name ?? '';
    return personPage(c, s, { invite: { name, url: absolute(c, r.data.url), expiresAt: r.data.expiresAt } });
  });

  // ---- young people
  const staffOptions = (d: NonNullable<Awaited<ReturnType<typeof load>>>, role: string): [string, string][] => {
    const teamName = new Map(d.teams.map((x) => [x.id, x.name]));
    return d.staff
      .filter((u) => u.role === role && !u.disabled)
      .map((u) => [u.id, u.teamId ? `${u.name} (${teamName.get(u.teamId) ?? u.teamId})` : u.name]);
  };

  const youngPeoplePage = async (
    c: Context,
    s: Session,
    extra: { errors?: FieldError[]; values?: Record<string, string>; added?: string } = {},
  ) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const a = adminStrings(prefs);
    const d = await load(c, s);
    if (!d) return errorPage(c, 500, s);
    const errors = extra.errors ?? [];
    const v = extra.values ?? {};
    const teamName = new Map(d.teams.map((x) => [x.id, x.name]));
    const staffName = new Map(d.staff.map((x) => [x.id, x.name]));
    const pas = staffOptions(d, 'pa');
    return page(
      c,
      { title: a.youngPeople, session: s, status: errors.length ? 400 : 200 },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <h1>{a.youngPeople}</h1>
        {extra.added ? (
          <div class="panel-success" role="status">
            <p>{a.added(extra.added)}</p>
          </div>
        ) : null}
        {d.youngPeople.length ? (
          <TableRegion label={a.youngPeople}>
            <table>
              <caption>{a.youngPeople}</caption>
              <thead>
                <tr>
                  <th scope="col">{a.name}</th>
                  <th scope="col">{a.dateOfBirth}</th>
                  <th scope="col">{a.team}</th>
                  <th scope="col">{a.pa}</th>
                  <th scope="col">{a.socialWorker}</th>
                </tr>
              </thead>
              <tbody>
                {d.youngPeople.map((y) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/young-people/${encodeURIComponent(y.id)}`}>{y.name}</a>
                    </th>
                    <td>{formatDate(y.dateOfBirth, prefs.lang)}</td>
                    <td>{teamName.get(y.teamId) ?? y.teamId}</td>
                    <td>{staffName.get(y.paId) ?? y.paId}</td>
                    <td>{y.socialWorkerId ? (staffName.get(y.socialWorkerId) ?? y.socialWorkerId) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>{a.noneYet}</p>
        )}
        <p>
          <a href="/admin/import">{a.importLink}</a>
        </p>
        <h2>{a.addYoungPerson}</h2>
        {!d.teams.length ? <p>{a.needsTeamFirst}</p> : !pas.length ? <p>{a.needsPaFirst}</p> : null}
        <form method="post" action="/admin/young-people" novalidate>
          <input type="hidden" name="_csrf" value={s.csrfToken} />
          <Text id="name" label={a.fullName} value={v.name} errors={errors} />
          <Text id="preferredName" label={a.preferredName} value={v.preferredName} errors={errors} optional />
          <Text id="dateOfBirth" label={a.dateOfBirth} type="date" value={v.dateOfBirth} errors={errors} />
          <Select
            id="category"
            label={a.category}
            value={v.category ?? 'relevant'}
            errors={errors}
            options={CATEGORIES.map((x) => [x, a.categories[x] ?? x])}
          />
          <Select
            id="teamId"
            label={a.team}
            value={v.teamId}
            errors={errors}
            options={d.teams.map((x): [string, string] => [x.id, x.name])}
          />
          <Select id="paId" label={a.pa} value={v.paId} errors={errors} options={pas} />
          <Select
            id="socialWorkerId"
            label={a.socialWorker}
            value={v.socialWorkerId}
            errors={errors}
            options={[['', a.noSocialWorker], ...staffOptions(d, 'social-worker')]}
          />
          <Select
            id="language"
            label={a.language}
            value={v.language ?? 'en-GB'}
            errors={errors}
            options={LANGUAGES.map((x) => [x, a.languages[x] ?? x])}
          />
          <button type="submit" class="button">
            {a.addYoungPersonButton}
          </button>
        </form>
      </>,
    );
  };

  app.get('/admin/young-people', async (c) => {
    const s = await adminSession(c);
    return s instanceof Response ? s : youngPeoplePage(c, s);
  });
  app.post('/admin/young-people', async (c) => {
    const s = await adminSession(c);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const values: Record<string, string> = {};
    for (const k of [
      'name',
      'preferredName',
      'dateOfBirth',
      'category',
      'teamId',
      'paId',
      'socialWorkerId',
      'language',
    ])
      values[k] = (f[k] ?? '').trim();
    const body: Record<string, string> = {};
    for (const [k, val] of Object.entries(values)) if (val) body[k] = val;
    const r = await apiFor(app, c, s).post<{ name: string }>('/api/young-people', body);
    if (!r.ok) return youngPeoplePage(c, s, { errors: problemFields(r.data, strings(prefsOf(c)).tryAgain), values });
    return youngPeoplePage(c, s, { added: r.data.name });
  });

  const allocationPage = async (c: Context, s: Session, extra: { errors?: FieldError[]; saved?: boolean } = {}) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const a = adminStrings(prefs);
    const d = await load(c, s);
    if (!d) return errorPage(c, 500, s);
    const y = d.youngPeople.find((x) => x.id === c.req.param('id'));
    if (!y) return errorPage(c, 404, s);
    const errors = extra.errors ?? [];
    // The category in the council's nation's law (Wales numbers its categories, and one depends on age).
    const today = ukDate((options.clock ?? (() => new Date()))());
    return page(
      c,
      { title: y.name, session: s, status: errors.length ? 400 : 200 },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <a class="back-link" href="/admin/young-people">
          {a.youngPeople}
        </a>
        <h1>
          {y.name}
          <span class="caption">
            {a.dateOfBirth}: {formatDate(y.dateOfBirth, prefs.lang)} ·{' '}
            {isCategory(y.category)
              ? careLeaverCategoryName(
                  y.category,
                  s.nation ?? 'england',
                  { dateOfBirth: y.dateOfBirth, on: today },
                  prefs.lang,
                )
              : y.category}
          </span>
        </h1>
        {extra.saved ? (
          <div class="panel-success" role="status">
            <p>{a.saved}</p>
          </div>
        ) : null}
        <h2>{a.allocation}</h2>
        <form method="post" action={`/admin/young-people/${encodeURIComponent(y.id)}`} novalidate>
          <input type="hidden" name="_csrf" value={s.csrfToken} />
          <Select
            id="teamId"
            label={a.team}
            hint={a.allocationHint}
            value={y.teamId}
            errors={errors}
            options={d.teams.map((x): [string, string] => [x.id, x.name])}
          />
          <Select id="paId" label={a.pa} value={y.paId} errors={errors} options={staffOptions(d, 'pa')} />
          <Select
            id="socialWorkerId"
            label={a.socialWorker}
            value={y.socialWorkerId ?? ''}
            errors={errors}
            options={[
              ...(y.socialWorkerId ? [] : [['', a.noSocialWorker] as [string, string]]),
              ...staffOptions(d, 'social-worker'),
            ]}
          />
          <button type="submit" class="button">
            {a.saveAllocation}
          </button>
        </form>
      </>,
    );
  };

  app.get('/admin/young-people/:id', async (c) => {
    const s = await adminSession(c);
    return s instanceof Response ? s : allocationPage(c, s);
  });
  app.post('/admin/young-people/:id', async (c) => {
    const s = await adminSession(c);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const body: Record<string, string> = {};
    for (const k of ['teamId', 'paId', 'socialWorkerId']) if (f[k]) body[k] = f[k] as string;
    const r = await apiFor(app, c, s).call('PATCH', `/api/young-people/${encodeURIComponent(c.req.param('id'))}`, body);
    if (!r.ok) return allocationPage(c, s, { errors: problemFields(r.data, strings(prefsOf(c)).tryAgain) });
    return allocationPage(c, s, { saved: true });
  });
}
