// The manager's (and analyst's) dashboard: <onward-dashboard> with charts, trend lines, the Staying Put comparison
// and cost estimate, tables and downloads. The figures come from GET /api/insights/dashboard, which the server builds
// for the signed-in viewer (their own team, or the council with small numbers hidden). chart.js and exceljs load
// only when a chart is drawn or a spreadsheet asked for. Without this script the page shows its own tables.
import { type DashboardData, defineDashboardElement, type OnwardDashboardElement } from '@onward/dashboard';

async function mount(): Promise<void> {
  const host = document.querySelector<HTMLElement>('[data-onward-dashboard]');
  if (!host) return;
  defineDashboardElement();
  const res = await fetch(host.dataset.onwardDashboard ?? '/api/insights/dashboard', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!res.ok) return; // the server-rendered tables stay
  const data = (await res.json()) as DashboardData;
  const el = document.createElement('onward-dashboard') as OnwardDashboardElement;
  el.setAttribute('lang', document.documentElement.lang || 'en-GB');
  el.data = data;
  host.replaceChildren(el);
  host.hidden = false;
  // The same figures as tables, rendered by the server for pages without scripts: not needed twice.
  for (const fallback of document.querySelectorAll<HTMLElement>('[data-dashboard-fallback]')) fallback.hidden = true;
}

void mount();
