// The managers' dashboard in each state: a team manager (exact figures, drill-down to who needs help), an analyst
// (small numbers shown as "fewer than 5"), a small team where almost everything is suppressed, no data yet, Welsh
// question wording, the print view (tables only) and a phone. Data: the engine's seeded synthetic council.

import { adoptDashboardCss, buildDashboardData, Dashboard, drillDownFor, labelsFrom } from '@onward/dashboard';
import { buildInsightsIndex, cyWording, type InsightsYoungPerson, syntheticRecords } from '@onward/engine';
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { phone } from './support.js';

if (typeof document !== 'undefined') adoptDashboardCss(document);

const AS_AT = '2025-12-31';
const council = syntheticRecords({ seed: 7, people: 400, to: AS_AT });
const smallTeam = syntheticRecords({ seed: 11, people: 12, to: AS_AT, teamsPerCouncil: 1 });

type Args = {
  records: InsightsYoungPerson[];
  role: 'team-manager' | 'analyst';
  welsh?: boolean;
  noCharts?: boolean;
};

function Story({ records, role, welsh, noCharts }: Args) {
  const index = buildInsightsIndex(records);
  const viewer = { role };
  const data = buildDashboardData(index, { asAt: AS_AT }, viewer);
  const drillDown = drillDownFor(index, viewer, AS_AT);
  return (
    <main style={{ padding: '1rem', maxWidth: '72rem' }}>
      <Dashboard
        data={data}
        {...(drillDown ? { drillDown } : {})}
        {...(welsh ? { labels: labelsFrom(cyWording), lang: 'cy' } : {})}
        {...(noCharts ? { noCharts: true } : {})}
      />
    </main>
  );
}

const meta = {
  title: 'Widgets/Dashboard',
  component: Story,
  render: (args) => <Story {...args} />,
} satisfies Meta<typeof Story>;
export default meta;
type S = StoryObj<typeof meta>;

export const TeamManager: S = { args: { records: council, role: 'team-manager' } };
export const AnalystSuppressed: S = { args: { records: council, role: 'analyst' } };
export const SmallTeamMostlySuppressed: S = { args: { records: smallTeam, role: 'analyst' } };
export const NoDataYet: S = { args: { records: [], role: 'team-manager' } };
export const WelshWording: S = { args: { records: council, role: 'team-manager', welsh: true } };
export const PrintTablesOnly: S = { args: { records: council, role: 'team-manager', noCharts: true } };
export const Phone: S = { args: { records: council, role: 'team-manager' }, ...phone };
