// Shows the whole plan with the <onward-plan> widget on the young person's "My plan" page. The page itself is
// complete without this script (progress, what is next); the widget adds every section of the plan. The plan
// comes from the same API the page uses, so the server decides what this person may see.
interface PlanElement extends HTMLElement {
  value?: unknown;
  viewer?: { id: string; role: string };
}

async function mount(): Promise<void> {
  const host = document.querySelector<HTMLElement>('[data-onward-plan]');
  if (!host) return;
  const planId = host.dataset.onwardPlan ?? '';
  // Offline with nothing kept on the phone: the page stays as it is (progress and what is next).
  const res = await fetch(`/api/plans/${encodeURIComponent(planId)}`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  }).catch(() => undefined);
  if (!res?.ok) return;
  const view = (await res.json()) as { plan: unknown };
  const el = document.createElement('onward-plan') as PlanElement;
  el.setAttribute('mode', 'read');
  el.setAttribute('locale', document.documentElement.lang || 'en-GB');
  if (host.dataset.variant) el.setAttribute('variant', host.dataset.variant);
  el.setAttribute('viewer-role', host.dataset.viewerRole ?? 'young-person');
  if (host.dataset.viewerId) el.setAttribute('viewer-id', host.dataset.viewerId);
  el.value = view.plan;
  host.replaceChildren(el);
}

void mount();
