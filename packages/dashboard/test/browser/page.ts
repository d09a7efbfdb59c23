// The test page's script: the BUILT dashboard with synthetic young people (bundled by the test with esbuild).
import { defineDashboardElement, type OnwardDashboardElement } from '@onward/dashboard';
import { syntheticRecords } from '@onward/engine';

defineDashboardElement();
const el = document.querySelector('onward-dashboard') as OnwardDashboardElement;
const params = new URLSearchParams(location.search);
el.viewer = { role: (params.get('role') ?? 'team-manager') as 'team-manager' };
el.records = syntheticRecords({ seed: 7, people: 300, to: '2025-12-31' });
document.documentElement.dataset.ready = 'yes';
