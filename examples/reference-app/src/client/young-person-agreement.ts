// "My Living Together Agreement" with the <onward-agreement> widget: read-only for the young person, with their
// sign-off when the server's Staying Put lifecycle lets them sign now (the server decides: allowedEvents). The
// page works without this script (the agreement as plain text and its PDF).
import { api, csrfToken, Messages, msg, swapIn } from '../web/widget-host.js';

const SIGN = 'stayingPut.agreement.sign';

interface ArrangementView {
  id: string;
  agreement?: unknown;
  allowedEvents: string[];
}
interface AgreementElement extends HTMLElement {
  value?: unknown;
  viewer?: { id: string; role: string };
}

async function mount(): Promise<void> {
  const host = document.querySelector<HTMLElement>('[data-onward-agreement]');
  if (!host) return;
  const arrangementId = host.dataset.onwardAgreement ?? '';
  const youngPersonId = host.dataset.youngPersonId ?? '';
  const path = `/api/staying-put/${encodeURIComponent(arrangementId)}`;
  const network = msg(host, 'network');
  const messages = new Messages(host);
  const csrf = csrfToken(host);

  let view: ArrangementView;
  try {
    view = (await api<ArrangementView>('GET', path, { networkMessage: network })).data;
  } catch {
    return; // the plain version stays
  }
  if (!view.agreement) return;

  const el = document.createElement('onward-agreement') as AgreementElement;
  el.setAttribute('locale', document.documentElement.lang || 'en-GB');
  el.setAttribute('variant', host.dataset.variant === 'easy' ? 'easy' : 'standard');
  el.setAttribute('viewer-role', 'young-person');
  el.setAttribute('viewer-id', youngPersonId);
  const canSign = (v: ArrangementView) => v.allowedEvents.includes(SIGN);
  if (!canSign(view)) el.setAttribute('read-only', '');
  el.value = view.agreement;

  el.addEventListener('onward-action', (e) => {
    const d = (e as CustomEvent<{ widget: string; type: string }>).detail;
    if (d.widget !== 'agreement' || d.type !== SIGN) return;
    messages.say([msg(host, 'signing')]);
    api<ArrangementView>('POST', `${path}/events`, { body: { type: SIGN }, csrf, networkMessage: network })
      .then((r) => {
        view = r.data;
        if (!canSign(view)) el.setAttribute('read-only', '');
        if (view.agreement) el.value = view.agreement;
        messages.say([msg(host, 'signed')], true);
      })
      .catch((err: Error) => {
        // The widget shows the sign-off at once; take it back, as the server did not record it.
        el.value = view.agreement;
        messages.problem(msg(host, 'notSignedTitle'), err.message, { focus: true });
      });
  });
  swapIn(host, el);
}

void mount();
