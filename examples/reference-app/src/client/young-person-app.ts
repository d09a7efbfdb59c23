// On every young person's page (issue 15): registers the service worker that makes their pages an app that opens
// offline (src/sw/service-worker.ts), says when they are offline and what is kept on this phone, sends the outbox
// when the connection comes back (and on every visit), offers a new version when one is ready, and warns before
// signing out would delete something not sent yet.
import { Workbox } from 'workbox-window';
import { SW_PATH, SW_SCOPE } from '../sw/scope.js';
import { kept, onSent, type SendResult, send } from '../web/outbox.js';
import { msg } from '../web/widget-host.js';

const host = document.querySelector<HTMLElement>('[data-onward-app]');

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function button(text: string, secondary: boolean, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = secondary ? 'button secondary' : 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

if (host) {
  const youngPersonId = host.dataset.onwardApp ?? '';
  const status = host.querySelector<HTMLElement>('[data-app-status]')!;
  const alert = host.querySelector<HTMLElement>('[data-app-alert]')!;
  const network = msg(host, 'network') || msg(host, 'offline');
  const state = {
    waiting: 0,
    choose: 0,
    justSent: false,
    backOnline: false,
    update: undefined as (() => void) | undefined,
  };

  /** The status line: offline or back online, what waits on this phone, a new version. */
  const show = () => {
    const parts: HTMLElement[] = [];
    if (!navigator.onLine) parts.push(paragraph(msg(host, 'offline')));
    else if (state.backOnline) parts.push(paragraph(msg(host, 'backOnline')));
    if (state.waiting) parts.push(paragraph(msg(host, 'outboxWaiting').replace('{n}', String(state.waiting))));
    if (state.justSent) parts.push(paragraph(msg(host, 'outboxSent')));
    // Answers changed on this phone and by someone else: the checklist page asks which to keep.
    if (state.choose && !document.querySelector('[data-choose-answers]')) {
      const p = paragraph(`${msg(host, 'chooseWaiting')} `);
      const a = Object.assign(document.createElement('a'), {
        href: '/me/checklist',
        textContent: msg(host, 'chooseGo'),
      });
      p.append(a);
      parts.push(p);
    }
    if (state.update) {
      const p = paragraph(msg(host, 'updateReady'));
      parts.push(p, button(msg(host, 'updateUse'), false, state.update));
    }
    status.replaceChildren(...parts);
    status.className = parts.length ? 'panel-info' : '';
  };
  const count = async () => {
    const all = (await kept(youngPersonId)).filter((e) => !e.refused);
    state.choose = all.filter((e) => e.kind === 'checklist' && e.choose).length;
    state.waiting = all.length - state.choose;
    show();
  };
  onSent((r: SendResult) => {
    state.justSent = r.sent.length > 0;
    state.waiting = r.waiting.length;
    void count();
  });
  const sendNow = () => (navigator.onLine ? send(youngPersonId, network).then(count, count) : count());

  window.addEventListener('offline', () => {
    state.backOnline = false;
    show();
  });
  window.addEventListener('online', () => {
    state.backOnline = true;
    show();
    void sendNow();
  });
  // Another script on the page kept something (a check-in sent offline).
  window.addEventListener('onward-outbox-kept', () => void count());
  void sendNow();
  // A connection that looks up but drops what is sent: try again every half minute while something waits.
  setInterval(() => {
    if (state.waiting && navigator.onLine) void sendNow();
  }, 30_000);

  // Signing out deletes everything kept on this phone (the server clears the site's storage): first send what is
  // waiting; if something still cannot be sent, say so and let the young person choose.
  for (const form of document.querySelectorAll<HTMLFormElement>(
    'form[action="/sign-out"], form[action="/sign-out-everywhere"]',
  )) {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const problem = (title: string | undefined, body: string, buttons: HTMLButtonElement[] = []) => {
        alert.replaceChildren(
          ...(title ? [Object.assign(document.createElement('h2'), { textContent: title })] : []),
          paragraph(body),
          ...buttons,
        );
        alert.className = 'error-summary';
        alert.focus();
      };
      if (!navigator.onLine) {
        problem(undefined, msg(host, 'offlineSignOut'));
        return;
      }
      void send(youngPersonId, network)
        .catch(() => undefined)
        .then(async () => {
          const left = (await kept(youngPersonId)).length;
          if (!left) {
            form.submit();
            return;
          }
          problem(msg(host, 'unsentTitle'), msg(host, 'unsentSignOut'), [
            button(msg(host, 'staySignedIn'), false, () => {
              alert.replaceChildren();
              alert.className = '';
              form.querySelector('button')?.focus();
            }),
            button(msg(host, 'signOutAnyway'), true, () => form.submit()),
          ]);
        });
    });
  }

  // The service worker. A new version waits until the young person chooses to use it; then every open page of
  // the app reloads on it, so none keeps running the old scripts once the old files are gone.
  if ('serviceWorker' in navigator) {
    const wb = new Workbox(SW_PATH, { scope: SW_SCOPE });
    // The first worker taking this page (its first visit) changes nothing on it; any later change is a new version.
    let controlled = Boolean(navigator.serviceWorker.controller);
    wb.addEventListener('waiting', () => {
      state.update = () => {
        state.update = undefined;
        show();
        wb.messageSkipWaiting();
      };
      show();
    });
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (controlled) window.location.reload();
      controlled = true;
    });
    wb.register()
      .then(() => {
        // Keep the main pages on the phone (those not kept yet), for this session.
        if (navigator.onLine) wb.messageSW({ type: 'WARM' }).catch(() => undefined);
      })
      // No worker (the page left before it registered, or the browser refuses): the pages work online as before.
      .catch(() => undefined);
  }
}
