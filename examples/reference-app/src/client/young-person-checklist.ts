// The young person's checklist with the <onward-checklist> widget. The page works without this script (the task
// list links to one form per area); with it, the widget replaces that list. Answers are saved to the server's
// checklist route as the young person goes (the widget keeps a draft in this tab first, so a failed save loses
// nothing and is retried), each answer recorded as given by the young person, in the language and wording shown.
import { ApiError, api, csrfToken, Messages, msg, swapIn, tabDrafts } from '../web/widget-host.js';

type Answer = { value: string; note?: string; help?: boolean; [k: string]: unknown };
type Checklist = { version: number; answers: Record<string, Record<string, Answer> | undefined>; [k: string]: unknown };
interface PlanView {
  plan: { checklist: Checklist };
  version: number;
  allowedEvents: string[];
}
interface ChecklistSave {
  checklist: Checklist;
  pending?: unknown;
  variant?: string;
}
interface ChecklistElement extends HTMLElement {
  storage?: unknown;
  drafts?: unknown;
  value?: Checklist;
}

const same = (a: Answer | undefined, b: Answer | undefined) =>
  (a?.value ?? null) === (b?.value ?? null) && (a?.note ?? '') === (b?.note ?? '') && !a?.help === !b?.help;

/** True when two checklists show the same answers (value, note, help) to every question. */
function sameAnswers(a: Checklist, b: Checklist): boolean {
  for (const d of new Set([...Object.keys(a.answers), ...Object.keys(b.answers)]))
    for (const k of new Set([...Object.keys(a.answers[d] ?? {}), ...Object.keys(b.answers[d] ?? {})]))
      if (!same(a.answers[d]?.[k], b.answers[d]?.[k])) return false;
  return true;
}

/**
 * Three-way merge of one checklist: where the young person changed an answer since the copy they started from
 * (`base`), theirs wins; everywhere else the server's latest (`theirs`, e.g. a worker's edit made meanwhile) wins.
 */
export function mergeChecklist(base: Checklist, mine: Checklist, theirs: Checklist): Checklist {
  const answers: Record<string, Record<string, Answer>> = {};
  const domains = new Set([...Object.keys(mine.answers), ...Object.keys(theirs.answers), ...Object.keys(base.answers)]);
  for (const d of domains) {
    const keys = new Set([
      ...Object.keys(mine.answers[d] ?? {}),
      ...Object.keys(theirs.answers[d] ?? {}),
      ...Object.keys(base.answers[d] ?? {}),
    ]);
    const out: Record<string, Answer> = {};
    for (const k of keys) {
      const m = mine.answers[d]?.[k];
      const b = base.answers[d]?.[k];
      const pick = same(m, b) ? theirs.answers[d]?.[k] : m;
      if (pick) out[k] = pick;
    }
    if (Object.keys(out).length) answers[d] = out;
  }
  return { ...theirs, answers };
}

async function mount(): Promise<void> {
  const host = document.querySelector<HTMLElement>('[data-onward-checklist]');
  if (!host) return;
  const planId = host.dataset.onwardChecklist ?? '';
  const path = `/api/plans/${encodeURIComponent(planId)}`;
  const network = msg(host, 'network');
  const messages = new Messages(host);
  const csrf = csrfToken(host);

  // Without the answers already saved the widget would start empty, so if they cannot be read the forms stay.
  let view: PlanView;
  try {
    view = (await api<PlanView>('GET', path, { networkMessage: network })).data;
  } catch {
    return;
  }
  let version = view.version;
  let base = view.plan.checklist;
  let sent = view.plan.checklist;
  let first: Checklist | undefined = base;
  const canAnswer = view.allowedEvents.includes('plan.checklist.update');

  const put = (doc: Checklist, v: number) =>
    api<PlanView>('PUT', `${path}/checklist?how=apart`, {
      body: doc,
      csrf,
      headers: { 'if-match': String(v) },
      networkMessage: network,
    });

  const storage = {
    async load(): Promise<ChecklistSave | undefined> {
      if (first) {
        const c = first;
        first = undefined;
        return { checklist: c, pending: {} };
      }
      const r = await api<PlanView>('GET', path, { networkMessage: network });
      version = r.data.version;
      base = r.data.plan.checklist;
      return { checklist: base, pending: {} };
    },
    async save(_key: string, value: ChecklistSave): Promise<void> {
      // The young person's changes are those since the widget's copy we last stored (`sent`), laid over the
      // server's latest; merging against the server's copy instead would take an answer another person changed
      // meanwhile (the PA's note) for one the young person changed, and undo it.
      let doc = mergeChecklist(sent, value.checklist, base);
      let r: { data: PlanView };
      try {
        r = await put(doc, version);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 409) throw e;
        // Someone (their PA) saved the plan meanwhile: keep both people's changes, then try once more.
        const latest = (await api<PlanView>('GET', path, { networkMessage: network })).data;
        if (!latest.allowedEvents.includes('plan.checklist.update')) throw e;
        doc = mergeChecklist(sent, value.checklist, latest.plan.checklist);
        r = await put(doc, latest.version);
      }
      version = r.data.version;
      base = r.data.plan.checklist;
      sent = value.checklist;
      // Show the other person's changes, keeping anything answered in the widget while this save was on its way.
      if (el.value) {
        const shown = mergeChecklist(value.checklist, el.value, base);
        if (!sameAnswers(shown, el.value)) el.value = shown;
      }
    },
  };

  const el = document.createElement('onward-checklist') as ChecklistElement;
  el.setAttribute('locale', document.documentElement.lang || 'en-GB');
  el.setAttribute('variant', host.dataset.variant === 'easy' ? 'easy' : 'standard');
  el.setAttribute('answered-by', 'young-person');
  el.setAttribute('storage-key', host.dataset.storageKey ?? `checklist:${planId}`);
  if (!canAnswer) el.setAttribute('read-only', '');
  // The saved answers, so the widget uses their question-set version (older plans have the first version).
  el.value = view.plan.checklist;
  el.drafts = tabDrafts();
  el.storage = storage;

  let failing = false;
  el.addEventListener('onward-save-error', (e) => {
    const d = (e as CustomEvent<{ message: string }>).detail;
    failing = true;
    messages.problem(msg(host, 'notSavedTitle'), `${d.message} ${msg(host, 'notSaved')}`, { floating: true });
  });
  el.addEventListener('onward-save', () => {
    if (failing) messages.say([msg(host, 'savedNow')]);
    failing = false;
  });
  el.addEventListener('onward-submit', () => {
    // The widget saves before it says "sent"; if the server still has not got the answers, say so plainly.
    if (failing) messages.problem(msg(host, 'notSavedTitle'), msg(host, 'notSaved'), { focus: true });
    else messages.say([msg(host, 'sent')], true);
  });
  if (!canAnswer) messages.say([msg(host, 'readOnly')]);
  swapIn(host, el);
}

void mount();
