// The young person's checklist with the <onward-checklist> widget. The page works without this script (the task
// list links to one form per area); with it, the widget replaces that list. Answers are saved to the server's
// checklist route as the young person goes (the widget keeps a draft in this tab first, so a failed save loses
// nothing and is retried), each answer recorded as given by the young person, in the language and wording shown.
import { type AnyChecklist, type ChecklistConflict, changedAnswers, mergeChecklists } from '@onward/engine';
import { ApiError, api, csrfToken, Messages, msg, swapIn, tabDrafts } from '../web/widget-host.js';

type Checklist = AnyChecklist;
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
  // `base` is the server's copy as last seen; `sent` is the widget's checklist that `base` already holds. Each
  // save sends only the widget's changes since `sent`, laid on `base` (the engine's three-way merge), so a save
  // still queued from before a merge never undoes someone else's answer.
  let base = view.plan.checklist;
  let sent = base;
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
      sent = base;
      return { checklist: base, pending: {} };
    },
    async save(_key: string, value: ChecklistSave): Promise<void> {
      const mine = value.checklist;
      let merged = mergeChecklists(sent, mine, base);
      let r: { data: PlanView };
      try {
        r = await put(merged.checklist, version);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 409) throw e;
        // Someone (their PA) saved the plan meanwhile: keep both people's changes, then try once more. An answer
        // both changed differently keeps the saved one, and the young person is told.
        const latest = (await api<PlanView>('GET', path, { networkMessage: network })).data;
        if (!latest.allowedEvents.includes('plan.checklist.update')) throw e;
        merged = mergeChecklists(sent, mine, latest.plan.checklist);
        r = await put(merged.checklist, latest.version);
      }
      version = r.data.version;
      base = r.data.plan.checklist;
      sent = mine;
      // Show what the server now holds (others' answers too) with whatever was answered while this save was on
      // its way, rather than putting the widget back to an older copy.
      if (el.value) {
        const shown = mergeChecklists(mine, el.value, base).checklist;
        if (changedAnswers(el.value, shown).length) el.value = shown;
      }
      if (merged.conflicts.length) tellBothChanged(merged.conflicts);
    },
  };

  // Their own words are shown back to them, so nothing they wrote is lost from sight.
  const tellBothChanged = (conflicts: readonly ChecklistConflict[]) => {
    const notes = conflicts.map((c) => c.mine?.note).filter((n): n is string => Boolean(n));
    const text = msg(host, 'bothChanged').replace('{n}', String(conflicts.length));
    messages.problem(
      msg(host, 'bothChangedTitle'),
      [text, ...notes.map((n) => `${msg(host, 'youWrote')} “${n}”`)].join(' '),
      { floating: true },
    );
  };

  const el = document.createElement('onward-checklist') as ChecklistElement;
  el.setAttribute('locale', document.documentElement.lang || 'en-GB');
  el.setAttribute('variant', host.dataset.variant === 'easy' ? 'easy' : 'standard');
  el.setAttribute('answered-by', 'young-person');
  el.setAttribute('storage-key', host.dataset.storageKey ?? `checklist:${planId}`);
  if (!canAnswer) el.setAttribute('read-only', '');
  // The saved answers, so the widget uses their question-set version (older plans have the first version).
  // The council's own wording, when it has any (the same files the server's forms and the PDF use).
  if (host.dataset.wording) {
    const { councilWording } = await import('../web/council-wording.js');
    const wording = await councilWording(host.dataset.wording);
    if (wording) (el as ChecklistElement & { wording?: unknown }).wording = wording;
  }
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
