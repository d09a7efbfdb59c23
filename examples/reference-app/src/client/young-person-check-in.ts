// The check-in with the <onward-check-in> widget. The page works without this script (a plain form); with it,
// the widget replaces the form. When the young person sends it, the check-in goes to the server's check-in route
// (only the young person may send one; asking for help tells their PA). If that fails, the message says why and
// their faces, help requests and notes come back into the widget so they can send it again.
import { api, csrfToken, Messages, msg, swapIn, tabDrafts } from '../web/widget-host.js';

interface CheckIn {
  id: string;
  youngPersonId: string;
  moods: Record<string, { mood: string; help?: boolean; note?: string } | undefined>;
  [k: string]: unknown;
}
interface CheckInElement extends HTMLElement {
  drafts?: unknown;
}

function mount(): void {
  const host = document.querySelector<HTMLElement>('[data-onward-check-in]');
  if (!host) return;
  const youngPersonId = host.dataset.onwardCheckIn ?? '';
  const key = host.dataset.storageKey ?? `check-in:${youngPersonId}`;
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

  let sending = false;
  el.addEventListener('onward-submit', (e) => {
    const detail = (e as CustomEvent<{ widget: string; value: CheckIn }>).detail;
    if (detail.widget !== 'check-in' || sending) return;
    const checkIn = detail.value;
    const help = Object.values(checkIn.moods).some((m) => m?.help);
    sending = true;
    messages.say([msg(host, 'sending')]);
    api(`POST`, `/api/young-people/${encodeURIComponent(youngPersonId)}/check-ins`, {
      body: checkIn,
      csrf,
      networkMessage: msg(host, 'network'),
    })
      .then(() => {
        // Done: the message replaces the (now empty) widget, with a button to start another check-in.
        el.hidden = true;
        again.hidden = false;
        messages.say([msg(host, 'checkInSent'), ...(help ? [msg(host, 'helpSent')] : [])], true);
      })
      .catch((err: Error) => {
        // Put their answers back (the widget starts a new, empty check-in once it has sent one).
        drafts.save(key, { v: 1, changedAt: new Date().toISOString(), synced: false, data: checkIn.moods });
        el.drafts = drafts; // rebuilds the widget from the draft
        messages.problem(msg(host, 'notSentTitle'), `${err.message} ${msg(host, 'notSent')}`, { focus: true });
      })
      .finally(() => {
        sending = false;
      });
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
