// Every element (the check-in's code and the Welsh wording load on demand, as chunks of this app), and the
// dashboard with made-up young people (chart.js loads when a chart is drawn).
import { defineDashboardElement, type OnwardDashboardElement } from '@onward/dashboard';
import { syntheticRecords } from '@onward/engine';
import { defineOnwardElements } from '@onward/widgets';

defineOnwardElements();
defineDashboardElement();
const dashboard = document.createElement('onward-dashboard') as OnwardDashboardElement;
dashboard.viewer = { role: 'team-manager' };
dashboard.records = syntheticRecords({ seed: 7, people: 200, to: '2026-03-31' });
document.getElementById('dashboard')?.append(dashboard);
