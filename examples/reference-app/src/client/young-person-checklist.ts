// The young person's checklist with the <onward-checklist> widget. The page works without this script (the task
// list links to one form per area); with it, the widget replaces that list. Answers are saved to the server's
// checklist route as the young person goes (the widget keeps a draft in this tab first, so a failed save loses
// nothing and is retried), each answer recorded as given by the young person, in the language and wording shown.
//
// Without a connection (issue 15) the answers are kept on this phone (the outbox, web/outbox.ts) and the page says
// so; they are sent when the connection comes back or on the next visit, laid on the plan as it is then (the
// engine's three-way merge, as for two people saving at once). An answer the young person changed here and someone
// else changed differently meanwhile is never dropped: the page shows both and the young person chooses.
import {
  type AnswerContent,
  type AnyChecklist,
  type ChecklistConflict,
  changedAnswers,
  mergeChecklists,
} from '@onward/engine';
import {
  type ChecklistEntry,
  checklistKey,
  chooseAnswers,
  keepChecklist,
  entry as keptEntry,
  onSent,
  remove,
  send,
} from '../web/outbox.js';
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
  const youngPersonId = host.dataset.youngPerson ?? '';
  // Answers kept on this phone from before (offline) are shown over the saved ones, as the young person left them.
  const waiting = await keptEntry(checklistKey(planId));
  let first: Checklist | undefined =
    waiting?.kind === 'checklist' ? mergeChecklists(waiting.base, waiting.mine, base).checklist : base;
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
      // Something of this checklist already waits on this phone: this change joins it, and all of it is sent.
      if (await keptEntry(checklistKey(planId))) {
        await keepChecklist(youngPersonId, planId, sent, version, mine);
        await sendKept();
        return;
      }
      let merged = mergeChecklists(sent, mine, base);
      let r: { data: PlanView };
      try {
        r = await put(merged.checklist, version);
      } catch (e) {
        // No connection: kept on this phone (the widget counts it as saved), sent when the connection is back.
        if (e instanceof ApiError && e.status === 0) {
          await keepChecklist(youngPersonId, planId, sent, version, mine);
          window.dispatchEvent(new Event('onward-outbox-kept'));
          messages.say([msg(host, 'answersSavedOffline')]);
          return;
        }
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

  /** After what was kept on this phone was sent: the widget shows the plan as it is now, with any newer answers. */
  const refresh = async () => {
    const r = await api<PlanView>('GET', path, { networkMessage: network });
    version = r.data.version;
    base = r.data.plan.checklist;
    const mine = el.value ?? sent;
    const shown = mergeChecklists(sent, mine, base).checklist;
    sent = base;
    if (el.value && changedAnswers(el.value, shown).length) el.value = shown;
  };
  const sendKept = async () => {
    if (!navigator.onLine) {
      messages.say([msg(host, 'answersSavedOffline')]);
      return;
    }
    await send(youngPersonId, network);
  };

  // What the young person sees of an answer: the choice, whether they asked for help, their note as they wrote it.
  const answerWords = (a: AnswerContent | undefined) => {
    if (!a) return msg(host, 'answerNone');
    const v = msg(host, a.value === 'yes' ? 'answerYes' : a.value === 'no' ? 'answerNo' : 'answerNotRelevant');
    return [v, a.help ? msg(host, 'answerHelp') : '', a.note ? `“${a.note}”` : ''].filter(Boolean).join(', ');
  };
  const questions = JSON.parse(host.dataset.questions ?? '{}') as Record<string, string>;
  let choosing: HTMLFormElement | undefined;

  /** Each answer changed here and by someone else: both shown, the young person picks one. */
  const askToChoose = (e: ChecklistEntry) => {
    choosing?.remove();
    const conflicts = e.choose ?? [];
    const form = document.createElement('form');
    form.className = 'panel-info choose-answers';
    form.setAttribute('data-choose-answers', '');
    form.setAttribute('aria-labelledby', 'choose-answers-title');
    form.tabIndex = -1;
    const h = Object.assign(document.createElement('h2'), {
      id: 'choose-answers-title',
      textContent: msg(host, 'chooseTitle'),
    });
    const intro = Object.assign(document.createElement('p'), {
      textContent: msg(host, 'chooseIntro').replace('{n}', String(conflicts.length)),
    });
    form.append(h, intro);
    conflicts.forEach((c, i) => {
      const fs = document.createElement('fieldset');
      const legend = Object.assign(document.createElement('legend'), {
        textContent: questions[c.questionId] ?? c.questionId,
      });
      fs.append(legend);
      for (const [which, words, answer] of [
        ['mine', 'chooseMine', c.mine],
        ['saved', 'chooseSaved', c.theirs],
      ] as const) {
        const label = document.createElement('label');
        label.className = 'choice';
        const input = Object.assign(document.createElement('input'), {
          type: 'radio',
          name: `choose-${i}`,
          value: which,
          id: `choose-${i}-${which}`,
          required: true,
        });
        input.dataset.question = c.questionId;
        label.htmlFor = input.id;
        label.append(input, document.createTextNode(` ${msg(host, words).replace('{a}', answerWords(answer))}`));
        fs.append(label);
      }
      form.append(fs);
    });
    const save = Object.assign(document.createElement('button'), {
      type: 'submit',
      className: 'button',
      textContent: msg(host, 'chooseSave'),
    });
    form.append(save);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const keepMine = new Set<string>();
      for (const input of form.querySelectorAll<HTMLInputElement>('input[type=radio]:checked'))
        if (input.value === 'mine' && input.dataset.question) keepMine.add(input.dataset.question);
      save.disabled = true;
      void chooseAnswers(planId, keepMine)
        .then(() => sendKept())
        .finally(() => {
          save.disabled = false;
        });
    });
    host.before(form);
    choosing = form;
    form.focus();
  };

  onSent((r) => {
    if (r.sent.some((x) => x.key === checklistKey(planId))) {
      const chose = Boolean(choosing);
      choosing?.remove();
      choosing = undefined;
      void refresh().then(() => messages.say([msg(host, chose ? 'chooseSaved1' : 'answersSent')], chose));
    }
    const left = r.choose.find((x) => x.key === checklistKey(planId));
    if (left) void refresh().then(() => askToChoose(left));
    const refused = r.refused.find((x) => x.key === checklistKey(planId));
    if (refused) {
      messages.problem(msg(host, 'answersRefusedTitle'), refused.refused ?? '', { focus: true });
      void remove(refused.key);
    }
  });

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
  el.value = first ?? view.plan.checklist;
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
  if (waiting?.kind === 'checklist') {
    // Refused (the server said why): their answers are back in the form, to change and save again as usual.
    if (waiting.refused) {
      messages.problem(msg(host, 'answersRefusedTitle'), waiting.refused, { focus: true });
      void remove(waiting.key);
    } else if (waiting.choose) askToChoose(waiting);
    else void sendKept();
  }
}

void mount();
