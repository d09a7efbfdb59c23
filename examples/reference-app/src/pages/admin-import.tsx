// The admin's import page: upload the young people CSV from the case-management system, see the dry run (what
// would be added, updated or left as it is, or every bad row by line, column and problem), then import it. The
// page only shows and sends: the checking, saving and audit are the API's (POST /api/imports/young-people, the same
// importYoungPeople the command line runs).
import type { Context } from 'hono';
import { strings } from '../i18n.js';
import { prefsOf, type Session, TextBody } from '../web/context.js';
import { ErrorSummary } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, page } from '../web/render.js';
import { TableRegion } from '../web/table.js';
import { type AdminStrings, adminStrings } from './admin-strings.js';
import { staffSession } from './staff.js';

interface RowOutcome {
  line: number;
  externalId: string;
  youngPersonId: string;
  outcome: 'created' | 'updated' | 'unchanged';
  changed: string[];
}
interface ImportResult {
  dryRun: boolean;
  counts: { rows: number; created: number; updated: number; unchanged: number };
  rows: RowOutcome[];
}
interface RowProblem {
  line: number;
  path: string;
  column?: string;
  message: string;
}
type Problem = { title?: string; detail?: string; errors?: RowProblem[] } | null;

type Shown =
  | { kind: 'form'; error?: string }
  | { kind: 'problems'; detail: string; problems: RowProblem[]; dryRun: boolean }
  | { kind: 'checked'; result: ImportResult; csv: string }
  | { kind: 'imported'; result: ImportResult };

function Problems(props: { a: AdminStrings; problems: RowProblem[] }) {
  const i = props.a.import;
  return (
    <TableRegion label={i.problemsCaption}>
      <table id="problems">
        <caption>{i.problemsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{i.line}</th>
            <th scope="col">{i.column}</th>
            <th scope="col">{i.problem}</th>
          </tr>
        </thead>
        <tbody>
          {props.problems.map((p) => (
            <tr>
              <td>{p.line > 0 ? String(p.line) : i.wholeFile}</td>
              <td>{p.column ? <code>{p.column}</code> : ''}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Outcomes(props: { a: AdminStrings; result: ImportResult }) {
  const i = props.a.import;
  const what = (r: RowOutcome) =>
    r.outcome === 'created'
      ? props.result.dryRun
        ? i.willAdd
        : i.added
      : r.outcome === 'updated'
        ? `${props.result.dryRun ? i.willUpdate : i.updated}: ${r.changed.map((f) => i.fields[f] ?? f).join(', ')}`
        : i.unchanged;
  return (
    <TableRegion label={i.rowsCaption}>
      <table id="rows">
        <caption>{i.rowsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{i.line}</th>
            <th scope="col">{i.externalId}</th>
            <th scope="col">{i.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {props.result.rows.map((r) => (
            <tr data-outcome={r.outcome}>
              <td>{String(r.line)}</td>
              <td>{r.externalId}</td>
              <td>{what(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function UploadForm(props: { a: AdminStrings; s: Session; error?: string | undefined; again?: boolean }) {
  const i = props.a.import;
  const invalid = props.error ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'file-error file-hint' } : {};
  return (
    <>
      {props.again ? <h2>{i.chooseAgain}</h2> : null}
      <form method="post" action="/admin/import" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={props.s.csrfToken} />
        <input type="hidden" name="action" value="check" />
        <div class="field">
          <label for="file">{i.file}</label>
          <p class="hint" id="file-hint">
            {i.fileHint}
          </p>
          {props.error ? (
            <p class="field-error" id="file-error">
              {props.error}
            </p>
          ) : null}
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            {...(props.error ? invalid : { 'aria-describedby': 'file-hint' })}
          />
        </div>
        <button type="submit" class="button">
          {i.check}
        </button>
      </form>
    </>
  );
}

export function mountAdminImport(app: AnyHono): void {
  const adminSession = (c: Context) => staffSession(app, c, ['admin']);

  const show = (c: Context, s: Session, shown: Shown) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const a = adminStrings(prefs);
    const i = a.import;
    const status = shown.kind === 'problems' || (shown.kind === 'form' && shown.error) ? 400 : 200;
    return page(
      c,
      { title: i.title, session: s, status },
      <>
        {shown.kind === 'form' && shown.error ? (
          <ErrorSummary title={t.errorSummary} errors={[{ field: 'file', message: shown.error }]} />
        ) : null}
        {shown.kind === 'problems' ? (
          <ErrorSummary title={t.errorSummary} errors={[{ field: 'problems', message: shown.detail }]} />
        ) : null}
        <h1>{i.title}</h1>
        {shown.kind === 'form' ? (
          <>
            <p>{i.intro}</p>
            <details>
              <summary>{i.columnsSummary}</summary>
              <ul>
                {i.columns.map(([col, about]) => (
                  <li>
                    <code>{col}</code>: {about}
                  </li>
                ))}
              </ul>
            </details>
            <UploadForm a={a} s={s} error={shown.error} />
          </>
        ) : null}
        {shown.kind === 'problems' ? (
          <>
            <p>{shown.dryRun ? i.checkedNothingSaved : i.refusedNothingSaved}</p>
            <Problems a={a} problems={shown.problems} />
            <UploadForm a={a} s={s} again />
          </>
        ) : null}
        {shown.kind === 'checked' ? (
          <>
            <div class="panel-success" role="status">
              <h2>{i.readyTitle}</h2>
              <p data-counts={JSON.stringify(shown.result.counts)}>{i.wouldDo(shown.result.counts)}</p>
            </div>
            <form method="post" action="/admin/import" enctype="multipart/form-data">
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <input type="hidden" name="action" value="import" />
              <input type="hidden" name="csv" value={shown.csv} />
              <button type="submit" class="button">
                {i.importButton(shown.result.counts.rows)}
              </button>
            </form>
            <Outcomes a={a} result={shown.result} />
            <UploadForm a={a} s={s} again />
          </>
        ) : null}
        {shown.kind === 'imported' ? (
          <>
            <div class="panel-success" role="status">
              <h2>{i.doneTitle}</h2>
              <p data-counts={JSON.stringify(shown.result.counts)}>{i.didDo(shown.result.counts)}</p>
              <p>
                <a href="/admin/young-people">{i.seeYoungPeople}</a>
              </p>
            </div>
            <Outcomes a={a} result={shown.result} />
          </>
        ) : null}
      </>,
    );
  };

  app.get('/admin/import', async (c) => {
    const s = await adminSession(c);
    return s instanceof Response ? s : show(c, s, { kind: 'form' });
  });

  app.post('/admin/import', async (c) => {
    const s = await adminSession(c);
    if (s instanceof Response) return s;
    const body = await c.req.parseBody();
    if (body._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const i = adminStrings(prefsOf(c)).import;
    const dryRun = body.action !== 'import';
    let csv: Uint8Array<ArrayBuffer> | string;
    if (dryRun) {
      const file = body.file;
      if (!(file instanceof File) || file.size === 0) return show(c, s, { kind: 'form', error: i.noFile });
      csv = new Uint8Array(await file.arrayBuffer());
    } else {
      if (typeof body.csv !== 'string' || !body.csv) return show(c, s, { kind: 'form', error: i.noFile });
      csv = body.csv;
    }
    const r = await apiFor(app, c, s).call<ImportResult>(
      'POST',
      `/api/imports/young-people${dryRun ? '?dryRun=true' : ''}`,
      new TextBody(csv, 'text/csv; charset=utf-8'),
    );
    if (r.ok) {
      if (!dryRun) return show(c, s, { kind: 'imported', result: r.data });
      const text = typeof csv === 'string' ? csv : new TextDecoder().decode(csv);
      return show(c, s, { kind: 'checked', result: r.data, csv: text });
    }
    const p = r.data as unknown as Problem;
    if (r.status === 403) return errorPage(c, 403, s);
    if (p?.errors?.length)
      return show(c, s, { kind: 'problems', detail: p.detail ?? i.problemsCaption, problems: p.errors, dryRun });
    // Too big, not UTF-8 and the like: one message about the file as a whole.
    return show(c, s, { kind: 'form', error: p?.detail ?? p?.title ?? strings(prefsOf(c)).tryAgain });
  });
}
