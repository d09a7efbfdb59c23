// The audit trail for a team manager (their team's young people) or an admin (the council): who read or changed
// which record and when, with people by name and role, UK times, filters (young person, who did it, action, dates),
// pages of 100 (the server's keyset cursor) and a download of every matching entry (GET /api/audit/export, which
// the server records in the trail too). The filters are a GET form, so a filtered page can be bookmarked or shared.
import { strings } from '../i18n.js';
import type { AuditEntry } from '../web/api-types.js';
import { formatDateTime, prefsOf } from '../web/context.js';
import { ErrorSummary } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, page } from '../web/render.js';
import { TableRegion } from '../web/table.js';
import { type ManagerStrings, managerStrings } from './manager-strings.js';
import { staffSession } from './staff.js';

interface AuditPerson {
  id: string;
  name?: string;
  role?: string;
}
const FILTERS = ['youngPersonId', 'actorId', 'action', 'from', 'to'] as const;
const ACTIONS = ['read', 'create', 'update', 'event', 'export', 'destroy'] as const;
const PAGE = 100;

type FieldError = { field?: string; message: string };

function roleWords(a: ManagerStrings['audit'], role: string | undefined): string {
  return role ? (a.roles[role] ?? role.replace(/-/g, ' ')) : '';
}
/** Who did it: the account's name; the service's own steps (set-up, the demo data) by what they were. */
function actorName(a: ManagerStrings['audit'], p: { id: string; name?: string }): string {
  return p.name ?? a.system[p.id] ?? a.unknownPerson;
}
function personLabel(a: ManagerStrings['audit'], p: { id: string; name?: string; role?: string }): string {
  return a.byRole(actorName(a, p), roleWords(a, p.role));
}

function FieldMessage(props: { id: string; errors: FieldError[] }) {
  const e = props.errors.find((x) => x.field === props.id);
  return e ? (
    <p class="field-error" id={`${props.id}-error`}>
      {e.message}
    </p>
  ) : null;
}
const invalid = (id: string, errors: FieldError[], hint?: string) =>
  errors.some((e) => e.field === id)
    ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error${hint ? ` ${hint}` : ''}` }
    : hint
      ? { 'aria-describedby': hint }
      : {};

function Choose(props: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  errors: FieldError[];
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <FieldMessage id={props.id} errors={props.errors} />
      <select id={props.id} name={props.id} {...invalid(props.id, props.errors)}>
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === props.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField(props: { id: string; label: string; value: string; errors: FieldError[] }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <FieldMessage id={props.id} errors={props.errors} />
      <input
        type="date"
        id={props.id}
        name={props.id}
        value={props.value}
        {...invalid(props.id, props.errors, 'dates-hint')}
      />
    </div>
  );
}

export function mountAudit(app: AnyHono) {
  app.get('/audit', async (c) => {
    const s = await staffSession(app, c, ['team-manager', 'admin']);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const a = managerStrings(prefs).audit;
    const want: Record<string, string> = {};
    for (const k of FILTERS) {
      const v = c.req.query(k)?.trim();
      if (v) want[k] = v;
    }
    const after = c.req.query('after');
    const filters = new URLSearchParams(want);
    const api = apiFor(app, c, s);
    const [r, people] = await Promise.all([
      api.get<{ items: AuditEntry[]; next?: string; errors?: { path: string; message: string }[] }>(
        `/api/audit?${new URLSearchParams({ ...want, ...(after ? { after } : {}), limit: String(PAGE) })}`,
      ),
      api.get<{ actors: AuditPerson[]; youngPeople: AuditPerson[] }>('/api/audit/people'),
    ]);
    if (!people.ok) return errorPage(c, people.status, s);
    let errors: FieldError[] = [];
    if (r.status === 400) {
      errors = (r.data.errors ?? []).map((e) => ({
        ...((FILTERS as readonly string[]).includes(e.path) ? { field: e.path } : {}),
        message: e.message,
      }));
    } else if (!r.ok) return errorPage(c, r.status, s);
    const items = r.ok ? r.data.items : [];
    const next = r.ok ? r.data.next : undefined;
    const actors = [...people.data.actors];
    if (want.actorId && !actors.some((p) => p.id === want.actorId)) actors.push({ id: want.actorId });
    const youngPeople = [...people.data.youngPeople];
    if (want.youngPersonId && !youngPeople.some((p) => p.id === want.youngPersonId))
      youngPeople.push({ id: want.youngPersonId });
    const filtered = filters.size > 0;
    return page(
      c,
      { title: t.audit, session: s, ...(errors.length ? { status: 400 } : {}) },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <h1>{t.audit}</h1>
        <p>{t.auditIntro}</p>
        <form method="get" action="/audit" class="filters" aria-labelledby="filters-title">
          <h2 id="filters-title">{a.filters}</h2>
          <div class="filters-row">
            <Choose
              id="youngPersonId"
              label={t.youngPerson}
              value={want.youngPersonId ?? ''}
              options={[
                ['', a.anyYoungPerson],
                ...youngPeople.map((p): [string, string] => [p.id, p.name ?? a.unknownYoungPerson]),
              ]}
              errors={errors}
            />
            <Choose
              id="actorId"
              label={a.staffMember}
              value={want.actorId ?? ''}
              options={[['', a.anyone], ...actors.map((p): [string, string] => [p.id, personLabel(a, p)])]}
              errors={errors}
            />
            <Choose
              id="action"
              label={a.action}
              value={want.action ?? ''}
              options={[['', a.anyAction], ...ACTIONS.map((x): [string, string] => [x, a.actions[x] ?? x])]}
              errors={errors}
            />
          </div>
          <p class="hint" id="dates-hint">
            {a.dateHint}
          </p>
          <div class="filters-row">
            <DateField id="from" label={a.from} value={want.from ?? ''} errors={errors} />
            <DateField id="to" label={a.to} value={want.to ?? ''} errors={errors} />
          </div>
          <div class="actions-row">
            <button type="submit" class="button">
              {a.show}
            </button>
            {filtered ? <a href="/audit">{a.clear}</a> : null}
          </div>
        </form>
        {errors.length ? null : (
          <>
            <p id="audit-count">{items.length ? a.shown(items.length, Boolean(next)) : a.none}</p>
            {items.length ? (
              <p>
                <a href={`/api/audit/export${filtered ? `?${filters}` : ''}`} download="audit.csv" data-audit-download>
                  {a.download}
                </a>
                <br />
                <span class="small">{a.downloadHint}</span>
              </p>
            ) : null}
            {items.length ? (
              <TableRegion label={t.audit}>
                <table>
                  <caption>{t.audit}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.when}</th>
                      <th scope="col">{t.who}</th>
                      <th scope="col">{t.action2}</th>
                      <th scope="col">{t.record}</th>
                      <th scope="col">{t.youngPerson}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((e) => (
                      <tr data-audit-id={String(e.id)}>
                        <td>
                          <time datetime={e.at}>{formatDateTime(e.at, prefs.lang)}</time>
                        </td>
                        <td>
                          {actorName(a, { id: e.actorId, ...(e.actorName ? { name: e.actorName } : {}) })}
                          <br />
                          <span class="small">{roleWords(a, e.actorRole)}</span>
                        </td>
                        <td>{a.actions[e.action] ?? e.action}</td>
                        <td>{a.records[e.recordType] ?? e.recordType.replace(/-/g, ' ')}</td>
                        <td>
                          {e.youngPersonId ? (
                            <a
                              href={`/audit?${new URLSearchParams({ youngPersonId: e.youngPersonId })}`}
                              aria-label={a.entriesOf(e.youngPersonName ?? a.unknownYoungPerson)}
                            >
                              {e.youngPersonName ?? a.unknownYoungPerson}
                            </a>
                          ) : (
                            '–'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            ) : null}
            {next || after ? (
              <nav aria-label={a.pages} class="actions-row">
                {after ? <a href={`/audit${filtered ? `?${filters}` : ''}`}>{a.newest}</a> : null}
                {next ? (
                  <a href={`/audit?${new URLSearchParams({ ...want, after: next })}`} rel="next">
                    {a.older}
                  </a>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </>,
    );
  });
}
