// The check-in with the <onward-check-in> widget. The page works without this script (a plain form); with it,
// the widget replaces the form. When the young person sends it, the check-in is first kept on this phone (the
// outbox, web/outbox.ts), then sent to the server's check-in route (only the young person may send one; asking
// for help tells their PA). Without a connection it stays kept, the page says "saved on this phone", and it is
// sent when the connection comes back or on their next visit, once (its id is the server's idempotency key).
// If the server refuses it, the message says why and their faces, help requests and notes come back into the
// widget so they can send it again.
import { type CheckInEntry, keep as keepOnPhone, kept, type OutboxEntry, onSent, remove, send } from '../web/outbox.js';
import { api, csrfToken, Messages, msg, swapIn, tabDrafts } from '../web/widget-host.js';

interface CheckIn {
  id: string;
  youngPersonId: string;
  at?: string;
  moods: Record<string, { mood: string; help?: boolean; note?: string } | undefined>;
  [k: string]: unknown;
}
interface CheckInElement extends HTMLElement {
  drafts?: unknown;
}

const asksForHelp = (c: CheckIn) => Object.values(c.moods).some((m) => m?.help);

function mount(): void {
  const host = document.querySelector<HTMLElement>('[data-onward-check-in]');
  if (!host) return;
  const youngPersonId = host.dataset.onwardCheckIn ?? '';
  const key = host.dataset.storageKey ?? `check-in:${youngPersonId}`;
  const path = `/api/young-people/${encodeURIComponent(youngPersonId)}/check-ins`;
  const network = msg(host, 'network');
  const messages = new Messages(host);
  const csrf = csrfToken(host);
  const drafts = tabDrafts<{ v: 1; changedAt: string; synced: boolean; data: unknown }>();

  const el = document.createElement('onward-check-in') as CheckInElement;
  el.setAttribute('young-person-id', youngPersonId);
  el.setAttribute('viewer-role', 'young-person');
  el.setAttribute('locale', document.documentElement.lang || 'en-GB');
  el.setAttribute('variant', host.dataset.variant === 'easy' ? 'easy' : 'standard');
  el.setAttribute('storage-key', key);
  el.drafts = drafts;

  const done = (lines: string[]) => {
    // The message replaces the (now empty) widget, with a button to start another check-in.
    el.hidden = true;
    again.hidden = false;
    messages.say(lines, true);
  };
  /** Puts a refused check-in's answers back in the widget, with the server's words. */
  const giveBack = (checkIn: CheckIn, title: string, why: string) => {
    drafts.save(key, { v: 1, changedAt: new Date().toISOString(), synced: false, data: checkIn.moods });
    el.drafts = drafts; // rebuilds the widget from the draft
    el.hidden = false;
    again.hidden = true;
    messages.problem(title, why, { focus: true });
  };
  const sentLines = (c: CheckIn, first: string) => [first, ...(asksForHelp(c) ? [msg(host, 'helpSent')] : [])];

  let sending = false;
  el.addEventListener('onward-submit', (e) => {
    const detail = (e as CustomEvent<{ widget: string; value: CheckIn }>).detail;
    if (detail.widget !== 'check-in' || sending) return;
    const checkIn = detail.value;
    const entry: OutboxEntry = {
      key: checkIn.id,
      kind: 'check-in',
      youngPersonId,
      path,
      body: checkIn,
      madeAt: checkIn.at ?? new Date().toISOString(),
    };
    sending = true;
    messages.say([msg(host, 'sending')]);
    keepOnPhone(entry)
      .then(
        async () => {
          window.dispatchEvent(new Event('onward-outbox-kept'));
          const r = await send(youngPersonId, network);
          if (r.sent.some((x) => x.key === entry.key)) done(sentLines(checkIn, msg(host, 'checkInSent')));
          else if (r.refused.some((x) => x.key === entry.key)) {
            await remove(entry.key);
            window.dispatchEvent(new Event('onward-outbox-kept'));
            const why = r.refused.find((x) => x.key === entry.key)?.refused ?? '';
            giveBack(checkIn, msg(host, 'notSentTitle'), `${why} ${msg(host, 'notSent')}`);
          } else if (r.problem?.key === entry.key) {
            // The server is there but cannot take it now: they see that at once and can send it again themselves
            // (only a lost connection leaves it waiting on the phone).
            await remove(entry.key);
            window.dispatchEvent(new Event('onward-outbox-kept'));
            giveBack(checkIn, msg(host, 'notSentTitle'), `${r.problem.message} ${msg(host, 'notSent')}`);
          } else done([msg(host, 'savedOffline')]);
        },
        // This phone cannot keep it (no IndexedDB): send it straight away, as before.
        () =>
          api('POST', path, { body: checkIn, csrf, networkMessage: network }).then(
            () => done(sentLines(checkIn, msg(host, 'checkInSent'))),
            (err: Error) => giveBack(checkIn, msg(host, 'notSentTitle'), `${err.message} ${msg(host, 'notSent')}`),
          ),
      )
      .finally(() => {
        sending = false;
      });
  });

  // Kept earlier and sent now (the connection came back while this page was open): say so.
  onSent((r) => {
    const mine = r.sent.filter((x) => x.kind === 'check-in');
    if (mine.length && !sending)
      messages.say(mine.flatMap((x, i) => (i ? [] : sentLines(x.body as CheckIn, msg(host, 'outboxSent')))));
  });
  // A check-in kept on this phone that the server refused while no page showed it: its answers come back here.
  void kept(youngPersonId).then(async (entries) => {
    const refused = entries.find((x): x is CheckInEntry => x.kind === 'check-in' && Boolean(x.refused));
    if (!refused) return;
    await remove(refused.key);
    window.dispatchEvent(new Event('onward-outbox-kept'));
    giveBack(
      refused.body as CheckIn,
      msg(host, 'outboxRefusedTitle'),
      `${refused.refused} ${msg(host, 'outboxRefused')}`,
    );
  });

  const again = document.createElement('button');
  again.type = 'button';
  again.className = 'button secondary';
  again.textContent = msg(host, 'another');
  again.hidden = true;
  again.addEventListener('click', () => {
    again.hidden = true;
    el.hidden = false;
    messages.say([]);
    el.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
  });
  host.append(again);
  swapIn(host, el);
}

mount();
