// The team manager's retention pages (issue 14): the records past their retention date (the server lists them with
// the engine's rule), a legal hold set or lifted with a reason, and the destruction of one record after a
// confirmation step where the manager types the record's reference. Every read and write goes through the API,
// which checks the role, the council, the hold and the date again; these pages only show and send.
import type { Context } from 'hono';
import { strings } from '../i18n.js';
import { formatDate, prefsOf, type Session } from '../web/context.js';
import { ErrorSummary, SuccessBanner } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, formOf, page, seeOther } from '../web/render.js';
import { TableRegion } from '../web/table.js';
import { type RetentionStrings, retentionStrings } from './retention-strings.js';
import { staffSession } from './staff.js';

interface Item {
  youngPersonId: string;
  name: string;
  preferredName?: string;
  dateOfBirth: string;
  status: 'due' | 'held' | 'keep';
  mayDestroy: boolean;
  basis: 'seventy-fifth-birthday' | 'fifteen-years-after-death';
  dueFrom: string;
  keepUntil: string;
  reason: string;
  hold?: { reason: string; heldBy: string; heldByName?: string; heldAt: string };
}
interface Destruction {
  id: string;
  reference: string;
  destroyedAt: string;
  confirmedBy: string;
  confirmedByName?: string;
  legalBasis: string;
  removed: Record<string, number>;
}
interface Review {
  today: string;
  legalBasis: string;
  items: Item[];
  destructions: Destruction[];
}
interface One {
  today: string;
  legalBasis: string;
  item: Item;
  removes: Record<keyof RetentionStrings['kinds'], number>;
}
type FieldError = { field?: string; message: string };

const MANAGER = ['team-manager'];
const path = (id: string, what: 'destroy' | 'hold' | 'lift') => `/retention/${encodeURIComponent(id)}/${what}`;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((n, x) => n + x, 0);

function errorsOf(data: unknown, fallback: string): FieldError[] {
  const p = data as { errors?: { path: string; message: string }[]; detail?: string; title?: string } | null;
  if (p?.errors?.length) return p.errors.map((e) => ({ field: e.path || undefined, message: e.message }));
  return [{ message: p?.detail ?? p?.title ?? fallback }];
}

export function mountRetention(app: AnyHono) {
  app.get('/retention', async (c) => {
    const s = await staffSession(app, c, MANAGER);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const r = retentionStrings(prefs);
    const api = apiFor(app, c, s);
    const res = await api.get<Review>('/api/retention');
    if (!res.ok) return errorPage(c, res.status, s);
    const { items, destructions } = res.data;
    // After an action: what was done, named (the reference only once the record is gone).
    const done = c.req.query('done');
    const who = c.req.query('id') ?? '';
    const named = items.find((i) => i.youngPersonId === who);
    const gone = destructions.find((d) => d.reference === who);
    const banner =
      done === 'destroyed' && gone
        ? { title: r.destroyedTitle, message: r.destroyed(gone.reference, total(gone.removed)) }
        : done === 'held' && named
          ? { title: r.heldTitle, message: r.heldDone(named.name) }
          : done === 'lifted' && named
            ? { title: r.liftedTitle, message: r.liftedDone(named.name) }
            : undefined;
    return page(
      c,
      { title: t.retention, session: s },
      <>
        {banner ? <SuccessBanner title={banner.title} message={banner.message} /> : null}
        <h1>{t.retention}</h1>
        <p>{r.intro}</p>
        <p class="small">
          {r.legalBasis}: {res.data.legalBasis}
        </p>
        {items.length ? (
          <TableRegion label={r.dueTable}>
            <table>
              <caption>{r.dueTable}</caption>
              <thead>
                <tr>
                  <th scope="col">{r.name}</th>
                  <th scope="col">{r.reference}</th>
                  <th scope="col">{r.dateOfBirth}</th>
                  <th scope="col">{r.dueFrom}</th>
                  <th scope="col">{r.why}</th>
                  <th scope="col">{r.status}</th>
                  <th scope="col">{r.actions}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr data-retention={i.youngPersonId} data-status={i.status}>
                    <th scope="row">{i.name}</th>
                    <td>
                      <code>{i.youngPersonId}</code>
                    </td>
                    <td>{formatDate(i.dateOfBirth, prefs.lang)}</td>
                    <td>{formatDate(i.dueFrom, prefs.lang)}</td>
                    <td>{i.basis === 'seventy-fifth-birthday' ? r.seventyFifth : r.afterDeath}</td>
                    <td>
                      {i.hold ? (
                        <>
                          <strong class="tag tag-amber">{r.held}</strong>
                          <br />
                          <span class="small">
                            {r.heldBecause(i.hold.reason, i.hold.heldByName ?? i.hold.heldBy)} (
                            {formatDate(i.hold.heldAt, prefs.lang)})
                          </span>
                        </>
                      ) : (
                        <strong class="tag tag-red">{r.due}</strong>
                      )}
                    </td>
                    <td>
                      {i.hold ? (
                        <a class="button secondary" href={path(i.youngPersonId, 'lift')}>
                          {r.liftButton}
                          <span class="visually-hidden">: {i.name}</span>
                        </a>
                      ) : (
                        <>
                          <a class="button secondary" href={path(i.youngPersonId, 'hold')}>
                            {r.holdButton}
                            <span class="visually-hidden">: {i.name}</span>
                          </a>{' '}
                          <a class="button warning" href={path(i.youngPersonId, 'destroy')}>
                            {r.destroyButton}
                            <span class="visually-hidden">: {i.name}</span>
                          </a>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>{r.none}</p>
        )}
        {destructions.length ? (
          <>
            <h2>{r.destructions}</h2>
            <TableRegion label={r.destructions}>
              <table>
                <caption>{r.destructions}</caption>
                <thead>
                  <tr>
                    <th scope="col">{r.reference}</th>
                    <th scope="col">{r.destroyedOn}</th>
                    <th scope="col">{r.confirmedBy}</th>
                    <th scope="col">{r.removedCount}</th>
                  </tr>
                </thead>
                <tbody>
                  {destructions.map((d) => (
                    <tr data-destruction={d.reference}>
                      <th scope="row">
                        <code>{d.reference}</code>
                      </th>
                      <td>{formatDate(d.destroyedAt, prefs.lang)}</td>
                      <td>{d.confirmedByName ?? d.confirmedBy}</td>
                      <td>{r.entries(total(d.removed))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        ) : null}
      </>,
    );
  });

  // ---- the confirmation step: what will go, and the reference typed again
  const destroyPage = async (c: Context, s: Session, errors: FieldError[] = [], typed = '') => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const r = retentionStrings(prefs);
    const id = c.req.param('id') ?? '';
    const res = await apiFor(app, c, s).get<One>(`/api/retention/${encodeURIComponent(id)}`);
    if (!res.ok) return errorPage(c, res.status, s);
    const { item, removes } = res.data;
    const title = r.destroyTitle(item.name);
    const rows = (Object.keys(r.kinds) as (keyof RetentionStrings['kinds'])[]).filter((k) => (removes[k] ?? 0) > 0);
    const bad = errors.some((e) => e.field === 'confirmReference');
    return page(
      c,
      { title, session: s, status: errors.length ? 400 : 200 },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <h1>{title}</h1>
        <dl class="summary">
          <div>
            <dt>{r.reference}</dt>
            <dd>
              <code>{item.youngPersonId}</code>
            </dd>
          </div>
          <div>
            <dt>{r.dateOfBirth}</dt>
            <dd>{formatDate(item.dateOfBirth, prefs.lang)}</dd>
          </div>
          <div>
            <dt>{r.dueFrom}</dt>
            <dd>
              {formatDate(item.dueFrom, prefs.lang)} (
              {item.basis === 'seventy-fifth-birthday' ? r.seventyFifth : r.afterDeath})
            </dd>
          </div>
        </dl>
        <div class="panel-warning">
          <h2>{r.destroyButton}</h2>
          <p>{r.destroyWarning}</p>
          <p>{r.destroyKept}</p>
        </div>
        <TableRegion label={r.willRemove}>
          <table>
            <caption>{r.willRemove}</caption>
            <thead>
              <tr>
                <th scope="col">{r.kind}</th>
                <th scope="col">{r.count}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((k) => (
                <tr data-kind={k}>
                  <th scope="row">{r.kinds[k]}</th>
                  <td>{String(removes[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <form method="post" action={path(item.youngPersonId, 'destroy')}>
          <input type="hidden" name="_csrf" value={s.csrfToken} />
          <div class="field">
            <label for="confirmReference">{r.confirmLabel(item.youngPersonId)}</label>
            {bad ? (
              <p class="field-error" id="confirmReference-error">
                {errors.find((e) => e.field === 'confirmReference')?.message}
              </p>
            ) : null}
            <input
              id="confirmReference"
              name="confirmReference"
              type="text"
              value={typed}
              autocomplete="off"
              spellcheck={false}
              required
              {...(bad ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'confirmReference-error' } : {})}
            />
          </div>
          <button class="button warning" type="submit">
            {r.confirmButton}
          </button>{' '}
          <a href="/retention">{r.back}</a>
        </form>
      </>,
    );
  };

  app.get('/retention/:id/destroy', async (c) => {
    const s = await staffSession(app, c, MANAGER);
    if (s instanceof Response) return s;
    return destroyPage(c, s);
  });

  app.post('/retention/:id/destroy', async (c) => {
    const s = await staffSession(app, c, MANAGER);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const id = c.req.param('id');
    const typed = f.confirmReference ?? '';
    const res = await apiFor(app, c, s).post(`/api/retention/${encodeURIComponent(id)}/destruction`, {
      confirmReference: typed,
    });
    if (res.status === 404 || res.status === 403) return errorPage(c, res.status, s);
    if (!res.ok) return destroyPage(c, s, errorsOf(res.data, strings(prefsOf(c)).tryAgain), typed);
    return seeOther(c, `/retention?done=destroyed&id=${encodeURIComponent(id)}`);
  });

  // ---- legal hold: set or lift, with the reason
  const holdPage = async (c: Context, s: Session, kind: 'hold' | 'lift', errors: FieldError[] = [], typed = '') => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const r = retentionStrings(prefs);
    const id = c.req.param('id') ?? '';
    const res = await apiFor(app, c, s).get<One>(`/api/retention/${encodeURIComponent(id)}`);
    if (!res.ok) return errorPage(c, res.status, s);
    const { item } = res.data;
    const title = kind === 'hold' ? r.holdTitle(item.name) : r.liftTitle(item.name);
    const bad = errors.some((e) => e.field === 'reason');
    return page(
      c,
      { title, session: s, status: errors.length ? 400 : 200 },
      <>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <h1>{title}</h1>
        <p>{kind === 'hold' ? r.holdIntro : r.liftIntro}</p>
        {kind === 'lift' && item.hold ? (
          <p>
            {r.heldBecause(item.hold.reason, item.hold.heldByName ?? item.hold.heldBy)}. {r.heldSince}{' '}
            {formatDate(item.hold.heldAt, prefs.lang)}.
          </p>
        ) : null}
        <form method="post" action={path(item.youngPersonId, kind)}>
          <input type="hidden" name="_csrf" value={s.csrfToken} />
          <div class="field">
            <label for="reason">{r.reason}</label>
            {bad ? (
              <p class="field-error" id="reason-error">
                {errors.find((e) => e.field === 'reason')?.message}
              </p>
            ) : null}
            <textarea
              id="reason"
              name="reason"
              rows={3}
              maxlength={1000}
              required
              {...(bad ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'reason-error' } : {})}
            >
              {typed}
            </textarea>
          </div>
          <button class="button" type="submit">
            {kind === 'hold' ? r.holdButton : r.liftButton}
          </button>{' '}
          <a href="/retention">{r.back}</a>
        </form>
      </>,
    );
  };

  for (const kind of ['hold', 'lift'] as const) {
    app.get(`/retention/:id/${kind}`, async (c) => {
      const s = await staffSession(app, c, MANAGER);
      if (s instanceof Response) return s;
      return holdPage(c, s, kind);
    });
    app.post(`/retention/:id/${kind}`, async (c) => {
      const s = await staffSession(app, c, MANAGER);
      if (s instanceof Response) return s;
      const f = await formOf(c);
      if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
      const id = c.req.param('id');
      const reason = f.reason ?? '';
      const res = await apiFor(app, c, s).post(
        `/api/retention/${encodeURIComponent(id)}/legal-hold${kind === 'lift' ? '/lift' : ''}`,
        { reason },
      );
      if (res.status === 404 || res.status === 403) return errorPage(c, res.status, s);
      if (!res.ok) return holdPage(c, s, kind, errorsOf(res.data, strings(prefsOf(c)).tryAgain), reason);
      return seeOther(c, `/retention?done=${kind === 'hold' ? 'held' : 'lifted'}&id=${encodeURIComponent(id)}`);
    });
  }
}
