// The outcomes checklist as plain forms: a task list of the 8 areas with a status each, then one area per page
// (a phone shows one thing at a time). Works with no script at all. The same pages serve the young person
// (/me/checklist) and a worker completing it with them (/plans/:id/checklist).
import {
  type AnswerContent,
  type AnsweredBy,
  type AnswerValue,
  type AnyChecklist,
  checklistProgress,
  DOMAINS,
  type DomainId,
  getAnswer,
  mergeAnswer,
  questionSet,
  setAnswer,
} from '@onward/engine';
import type { Context } from 'hono';
import { localeOf, type Prefs, type Strings, strings, variantOf } from '../i18n.js';
import type { PlanView } from '../web/api-types.js';
import { prefsOf, type Session } from '../web/context.js';
import { ErrorSummary } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, formOf, page, seeOther } from '../web/render.js';
import { pageWording } from '../web/wording.js';

const set = questionSet();

export function domainTitle(d: string, p: Prefs): string {
  return pageWording().domain(d, { locale: localeOf(p), variant: variantOf(p) }).title;
}

export function questionText(id: string, p: Prefs): string {
  return pageWording().question(id, { locale: localeOf(p), variant: variantOf(p) }).text;
}

export function TaskList(props: { view: PlanView; prefs: Prefs; base: string }) {
  const t = strings(props.prefs);
  const progress = checklistProgress(set, props.view.plan.checklist as AnyChecklist);
  return (
    <ol class="task-list">
      {DOMAINS.map((d) => {
        const p = progress.domains[d];
        const status = p.answered === p.total ? t.completed : p.answered > 0 ? t.inProgress : t.notStarted;
        return (
          <li>
            <a href={`${props.base}/${d}`} aria-describedby={`status-${d}`}>
              {domainTitle(d, props.prefs)}
            </a>
            <span
              id={`status-${d}`}
              class={`tag ${p.answered === p.total ? 'tag-done' : p.answered ? 'tag-progress' : ''}`}
            >
              {status}
              <span class="visually-hidden">, {t.answeredOf(p.answered, p.total)}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

async function loadPlan(app: AnyHono, c: Context, s: Session, planId: string): Promise<PlanView | undefined> {
  const r = await apiFor(app, c, s).get<PlanView>(`/api/plans/${encodeURIComponent(planId)}`);
  return r.ok ? r.data : undefined;
}

export async function checklistIndex(
  app: AnyHono,
  c: Context,
  s: Session,
  planId: string,
  base: string,
  title: string,
) {
  const prefs = prefsOf(c);
  const view = await loadPlan(app, c, s, planId);
  if (!view) return errorPage(c, 404, s);
  const progress = checklistProgress(set, view.plan.checklist as AnyChecklist);
  const t = strings(prefs);
  return page(
    c,
    { title, session: s },
    <>
      <h1>{title}</h1>
      <p>{t.answeredOf(progress.overall.answered, progress.overall.total)}</p>
      <TaskList view={view} prefs={prefs} base={base} />
    </>,
  );
}

export async function checklistDomain(
  app: AnyHono,
  c: Context,
  s: Session,
  planId: string,
  base: string,
  errors: { field?: string; message: string }[] = [],
) {
  const prefs = prefsOf(c);
  const t = strings(prefs);
  const domain = c.req.param('domain') as DomainId;
  if (!DOMAINS.includes(domain)) return errorPage(c, 404, s);
  const view = await loadPlan(app, c, s, planId);
  if (!view) return errorPage(c, 404, s);
  const d = set.domains.find((x) => x.id === domain)!;
  const doc = view.plan.checklist as AnyChecklist;
  const req = { locale: localeOf(prefs), variant: variantOf(prefs) };
  const wording = pageWording();
  const desc = wording.domain(domain, req).description;
  return page(
    c,
    { title: domainTitle(domain, prefs), session: s, status: errors.length ? 400 : 200 },
    <>
      <a class="back-link" href={base}>
        {t.back}
      </a>
      <ErrorSummary title={t.errorSummary} errors={errors} />
      <h1>{domainTitle(domain, prefs)}</h1>
      <p class="lead">{desc}</p>
      <form method="post" novalidate>
        <input type="hidden" name="_csrf" value={s.csrfToken} />
        {d.questions.map((q) => {
          const a = getAnswer(doc, q.id);
          const f = q.id.replace(/\./g, '-');
          const hint = wording.hint(q, req)?.text;
          return (
            <fieldset class="question" aria-describedby={hint ? `${f}-hint` : undefined}>
              <legend>{questionText(q.id, prefs)}</legend>
              {/* The answer as this form showed it, so a save can tell what was changed here from what someone
                  else changed meanwhile (the engine's mergeAnswer). */}
              <input type="hidden" name={`${q.id}.was`} value={wasField(a)} />
              {hint ? (
                <p class="hint" id={`${f}-hint`}>
                  {hint}
                </p>
              ) : null}
              <div class="radios">
                {(['yes', 'no', 'not-relevant'] as const).map((v, i) => (
                  <div class="radio">
                    <input
                      type="radio"
                      id={i === 0 ? f : `${f}-${v}`}
                      name={`${q.id}.value`}
                      value={v}
                      checked={a?.value === v}
                    />
                    <label for={i === 0 ? f : `${f}-${v}`}>
                      {v === 'yes' ? t.yes : v === 'no' ? t.no : t.notRelevant}
                    </label>
                  </div>
                ))}
              </div>
              <details class="extra" open={Boolean(a?.note || a?.help)}>
                <summary>{t.note}</summary>
                <label for={`${f}-note`} class="visually-hidden">
                  {t.note}
                </label>
                <p class="hint" id={`${f}-note-hint`}>
                  {t.noteHint}
                </p>
                <textarea
                  id={`${f}-note`}
                  name={`${q.id}.note`}
                  rows={3}
                  maxlength={500}
                  aria-describedby={`${f}-note-hint`}
                >
                  {a?.note ?? ''}
                </textarea>
                {q.kind !== 'help' ? (
                  <div class="checkbox">
                    <input
                      type="checkbox"
                      id={`${f}-help`}
                      name={`${q.id}.help`}
                      value="yes"
                      checked={Boolean(a?.help)}
                    />
                    <label for={`${f}-help`}>{t.wantHelp}</label>
                  </div>
                ) : null}
              </details>
            </fieldset>
          );
        })}
        <button type="submit" class="button">
          {t.saveContinue}
        </button>
      </form>
    </>,
  );
}

/** Saves one area's answers with the engine's setAnswer (who answered and in which words) and moves on. */
function wasField(a: AnswerContent | undefined): string {
  return a ? JSON.stringify({ value: a.value, note: a.note ?? '', help: Boolean(a.help) }) : '';
}

function readWas(raw: string | undefined): AnswerContent | undefined {
  if (!raw) return undefined;
  try {
    const x = JSON.parse(raw) as { value?: unknown; note?: unknown; help?: unknown };
    if (x.value !== 'yes' && x.value !== 'no' && x.value !== 'not-relevant') return undefined;
    return { value: x.value, note: typeof x.note === 'string' ? x.note : '', help: x.help === true };
  } catch {
    return undefined;
  }
}

function answerWords(a: AnswerContent, t: Strings): string {
  const v = a.value === 'yes' ? t.yes : a.value === 'no' ? t.no : t.notRelevant;
  return [v, a.help ? t.wantHelp : '', a.note ? `“${a.note}”` : ''].filter(Boolean).join(', ');
}

function problemText(data: unknown, t: Strings): string {
  const p = data as { detail?: string; title?: string } | null;
  return p?.detail ?? p?.title ?? t.tryAgain;
}

export async function saveChecklistDomain(
  app: AnyHono,
  c: Context,
  s: Session,
  planId: string,
  base: string,
  by: AnsweredBy,
  /** How the plan is being done, for the lifecycle: together, together-by-phone or apart. */
  how: 'together' | 'together-by-phone' | 'apart' = 'apart',
) {
  const prefs = prefsOf(c);
  const domain = c.req.param('domain') as DomainId;
  if (!DOMAINS.includes(domain)) return errorPage(c, 404, s);
  const f = await formOf(c);
  if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
  const view = await loadPlan(app, c, s, planId);
  if (!view) return errorPage(c, 404, s);
  let doc = view.plan.checklist as AnyChecklist;
  const d = set.domains.find((x) => x.id === domain)!;
  const now = new Date().toISOString();
  const conflicts: { question: string; saved: AnswerContent; mine: AnswerContent }[] = [];
  for (const q of d.questions) {
    const value = f[`${q.id}.value`] as AnswerValue | undefined;
    if (value !== 'yes' && value !== 'no' && value !== 'not-relevant') continue;
    const mine: AnswerContent = {
      value,
      note: (f[`${q.id}.note`] ?? '').replace(/\r\n/g, '\n'),
      help: f[`${q.id}.help`] === 'yes',
    };
    const saved = getAnswer(doc, q.id);
    // What the form showed; a form without it (an old page) counts as showing what is saved now.
    const was = f[`${q.id}.was`] === undefined ? saved : readWas(f[`${q.id}.was`]);
    const merged = mergeAnswer<AnswerContent>(was, mine, saved);
    if (merged.conflict && saved) conflicts.push({ question: q.id, saved, mine });
    // Unchanged answers keep who gave them and when.
    if (merged.from !== 'mine') continue;
    // The words this person was shown: with a partial easy-read file, a question may come from the standard file.
    const shown = pageWording().question(q, { locale: localeOf(prefs), variant: variantOf(prefs) });
    doc = setAnswer(set, doc, q.id, mine, { by, locale: shown.locale, variant: shown.variant, at: now });
  }
  if (conflicts.length) {
    // Save what did not conflict, then show the area again with the saved answers and what they had chosen.
    const t = strings(prefs);
    const r = await apiFor(app, c, s).call(
      'PUT',
      `/api/plans/${encodeURIComponent(planId)}/checklist?how=${how}`,
      doc,
      {
        'if-match': String(view.version),
      },
    );
    if (!r.ok) return checklistDomain(app, c, s, planId, base, [{ message: problemText(r.data, t) }]);
    return checklistDomain(
      app,
      c,
      s,
      planId,
      base,
      conflicts.map((x) => ({
        field: x.question.replace(/\./g, '-'),
        message: `${t.bothChanged(questionText(x.question, prefs), answerWords(x.saved, t))}${x.mine.note ? ` ${t.youWrote} “${x.mine.note}”` : ''}`,
      })),
    );
  }
  // Merged against the copy just read, so only a save in the last instant meets a conflict (409).
  const r = await apiFor(app, c, s).call('PUT', `/api/plans/${encodeURIComponent(planId)}/checklist?how=${how}`, doc, {
    'if-match': String(view.version),
  });
  if (!r.ok) {
    const problem = r.data as { errors?: { path: string; message: string }[]; detail?: string; title?: string } | null;
    const errors = problem?.errors?.length
      ? problem.errors.map((e) => {
          const m = /answers\.([a-z-]+)\.([a-z-]+)/.exec(e.path);
          return {
            ...(m ? { field: `${m[1]}-${m[2]}` } : {}),
            message: m ? `${questionText(`${m[1]}.${m[2]}`, prefs)} ${e.message}` : e.message,
          };
        })
      : [{ message: problemText(problem, strings(prefs)) }];
    return checklistDomain(app, c, s, planId, base, errors);
  }
  const next = DOMAINS[DOMAINS.indexOf(domain) + 1];
  return seeOther(c, next ? `${base}/${next}` : `${base}?saved=1`);
}
