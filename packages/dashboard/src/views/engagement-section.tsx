// Voice and engagement: who completed each authorised plan's checklist, and who uses Onward on their own.
import { type EngagementPeriod, VOICE_LABELS, VOICE_ROWS } from '@onward/engine';
import { useSignal } from '@preact/signals';
import { ChartFigure } from '../charts/chart-figure.js';
import { dayName } from '../labels.js';
import { engagementSummary } from '../summary.js';
import { markText, num, pct, seriesOf } from './figures.js';
import { Select } from './select.js';

export function EngagementSection(props: {
  periods: readonly EngagementPeriod[];
  prefix: string;
  threshold: number;
  noCharts?: boolean;
}) {
  const { periods, prefix, noCharts } = props;
  const team = useSignal<string>('');
  const last = periods[periods.length - 1];
  if (!last) return null;
  const teams = last.rows.filter((r) => r.team !== null).map((r) => r.team as string);
  const rowOf = (p: EngagementPeriod) => p.rows.find((r) => (team.value ? r.team === team.value : r.team === null));
  const current = rowOf(last);
  const words = markText(props.threshold);
  const when = `${dayName(last.from)} to ${dayName(last.to)}`;
  return (
    <section aria-labelledby={`${prefix}-voice-title`}>
      <h3 id={`${prefix}-voice-title`}>The young person’s voice</h3>
      <div class="od-controls">
        <Select
          id={`${prefix}-voice-team`}
          label="Team"
          value={team.value}
          options={[['', 'All teams'], ...teams.map((t) => [t, t] as const)]}
          onChange={(v) => {
            team.value = v;
          }}
        />
      </div>
      {current ? (
        <>
          <ChartFigure
            id={`${prefix}-voice`}
            title="Who completed the checklist"
            note={`Of the ${num(current.authorised)} plans authorised from ${when}${team.value ? ` in ${team.value}` : ''}.`}
            kind="bar"
            horizontal
            percent
            noChart={noCharts}
            markText={words}
            labels={VOICE_ROWS.map((v) => VOICE_LABELS[v])}
            series={[
              seriesOf(
                'Plans (%)',
                VOICE_ROWS.map((v) => current.voice[v].percent),
              ),
            ]}
            summary={engagementSummary(periods)}
            table={{
              caption: 'Who completed the checklist, each quarter',
              columns: [
                { key: 'period', label: 'Quarter' },
                { key: 'plans', label: 'Plans authorised', numeric: true },
                ...VOICE_ROWS.map((v) => ({ key: v, label: `${VOICE_LABELS[v]} (%)`, numeric: true })),
              ],
              rows: periods.map((p) => {
                const r = rowOf(p);
                return {
                  period: `${dayName(p.from)} to ${dayName(p.to)}`,
                  plans: r ? num(r.authorised) : '0',
                  ...Object.fromEntries(VOICE_ROWS.map((v) => [v, r ? pct(r.voice[v].percent) : 'no data'])),
                };
              }),
            }}
          />
          <ChartFigure
            id={`${prefix}-use`}
            title="Young people using Onward themselves"
            note={`Of the ${num(current.people)} young people counted on ${dayName(last.to)}${team.value ? ` in ${team.value}` : ''}, during ${when}.`}
            kind="bar"
            horizontal
            percent
            noChart={noCharts}
            markText={words}
            labels={['Did something under their own sign-in', 'Sent a check-in']}
            series={[seriesOf('Young people (%)', [current.ownUse.percent, current.checkedIn.percent])]}
            summary={`${pct(current.ownUse.percent)} of young people used their own sign-in and ${pct(current.checkedIn.percent)} sent a check-in from ${when}.`}
            table={{
              caption: 'Young people using Onward themselves, each quarter',
              columns: [
                { key: 'period', label: 'Quarter' },
                { key: 'people', label: 'Young people', numeric: true },
                { key: 'own', label: 'Own sign-in', numeric: true },
                { key: 'ownP', label: 'Own sign-in (%)', numeric: true },
                { key: 'ci', label: 'Checked in', numeric: true },
                { key: 'ciP', label: 'Checked in (%)', numeric: true },
              ],
              rows: periods.map((p) => {
                const r = rowOf(p);
                return {
                  period: `${dayName(p.from)} to ${dayName(p.to)}`,
                  people: r ? num(r.people) : '0',
                  own: r ? num(r.ownUse.count) : '0',
                  ownP: r ? pct(r.ownUse.percent) : 'no data',
                  ci: r ? num(r.checkedIn.count) : '0',
                  ciP: r ? pct(r.checkedIn.percent) : 'no data',
                };
              }),
            }}
          />
        </>
      ) : (
        <p>Nothing to show for this team in the last quarter.</p>
      )}
    </section>
  );
}
