// Staying Put against other care leavers of the same ages, counted the same way as at the same day, and the costs
// built on those very numbers.
import { COHORT_MEASURES, type CohortComparison, type CostEstimate } from '@onward/engine';
import { useSignal } from '@preact/signals';
import { ChartFigure } from '../charts/chart-figure.js';
import { dayName, GROUP_LABELS, MEASURE_LABELS } from '../labels.js';
import { type CohortBasis, cohortFigure, cohortSummary } from '../summary.js';
import { DataTable } from '../tables/data-table.js';
import { markText, num, pct, seriesOf } from './figures.js';
import { Select } from './select.js';

export function StayingPutSection(props: {
  cohorts: CohortComparison;
  costs: CostEstimate;
  prefix: string;
  threshold: number;
  noCharts?: boolean;
}) {
  const { cohorts, costs, prefix, noCharts } = props;
  const basis = useSignal<CohortBasis>('latest');
  const [sp, other] = cohorts.groups;
  const ages = `aged ${cohorts.ages.min} to ${cohorts.ages.max}`;
  const membership =
    cohorts.membership === 'ever' ? 'in an arrangement now or before' : 'in an arrangement on that day';
  const count = (g: typeof sp, m: (typeof COHORT_MEASURES)[number]) => {
    const x = g.measures.find((y) => y.measure === m)!;
    return basis.value === 'latest'
      ? x.latest.count
      : basis.value === 'latest-in-touch'
        ? x.latest.countInTouch
        : x.ever.count;
  };
  const of =
    basis.value === 'latest'
      ? 'Of everyone in each group (the national convention: no information stays in)'
      : basis.value === 'latest-in-touch'
        ? 'Of those in each group the council is in touch with'
        : `Of everyone in each group, at any point from ${dayName(cohorts.from)}`;
  const note = `Both groups: young people ${ages} on ${dayName(cohorts.asAt)}, counted the same way. ${of}.`;
  return (
    <section aria-labelledby={`${prefix}-sp-title`}>
      <h3 id={`${prefix}-sp-title`}>Staying Put and other care leavers</h3>
      <p>
        Young people {ages} on {dayName(cohorts.asAt)}. Staying Put: {num(sp.population)} {membership} (
        {num(sp.inTouch)} in touch). Other care leavers of the same ages: {num(other.population)} ({num(other.inTouch)}{' '}
        in touch).
      </p>
      <div class="od-controls">
        <Select
          id={`${prefix}-basis`}
          label="Show"
          value={basis.value}
          options={[
            ['latest', 'Now, of everyone in the group'],
            ['latest-in-touch', 'Now, of those in touch'],
            ['ever', 'At any point in the period'],
          ]}
          onChange={(v) => {
            basis.value = v as CohortBasis;
          }}
        />
      </div>
      <ChartFigure
        id={`${prefix}-cohorts`}
        title={`Outcomes compared, young people ${ages}`}
        note={note}
        kind="bar"
        horizontal
        percent
        noChart={noCharts}
        markText={markText(props.threshold)}
        labels={COHORT_MEASURES.map((m) => MEASURE_LABELS[m])}
        series={[
          seriesOf(
            `${GROUP_LABELS['staying-put']} ${ages}`,
            COHORT_MEASURES.map((m) => cohortFigure(sp, m, basis.value)),
            { colour: 0 },
          ),
          seriesOf(
            `${GROUP_LABELS['other-care-leavers']} ${ages}`,
            COHORT_MEASURES.map((m) => cohortFigure(other, m, basis.value)),
            { colour: 1 },
          ),
        ]}
        summary={cohortSummary(cohorts, 'neet', basis.value)}
        table={{
          caption: `Staying Put and other care leavers ${ages}`,
          columns: [
            { key: 'measure', label: 'Outcome' },
            { key: 'spN', label: 'Staying Put', numeric: true },
            { key: 'spP', label: 'Staying Put (%)', numeric: true },
            { key: 'oN', label: 'Other care leavers', numeric: true },
            { key: 'oP', label: 'Other care leavers (%)', numeric: true },
          ],
          rows: COHORT_MEASURES.map((m) => ({
            measure: MEASURE_LABELS[m],
            spN: num(count(sp, m)),
            spP: pct(cohortFigure(sp, m, basis.value)),
            oN: num(count(other, m)),
            oP: pct(cohortFigure(other, m, basis.value)),
          })),
        }}
      />
      <DataTable
        caption={`Estimated public costs avoided (young people ${ages}, rates ${costs.denominator === 'all' ? 'of everyone in each group' : 'of those in touch'})`}
        columns={[
          { key: 'line', label: 'Estimate' },
          { key: 'rates', label: 'Rates compared', numeric: true },
          { key: 'people', label: 'Young people', numeric: true },
          { key: 'unit', label: 'Cost each', numeric: true },
          { key: 'amount', label: 'Total', numeric: true },
          { key: 'source', label: 'Source of the cost' },
        ]}
        rows={costs.lines.map((l) => ({
          line: l.description,
          rates:
            l.reference && l.stayingPutPercent
              ? `Staying Put ${pct(l.stayingPutPercent)}, ${l.reference.label} ${pct(l.reference.percent)}`
              : '',
          people: num(l.people),
          unit: `£${l.unitCost.value.toLocaleString('en-GB')}`,
          amount:
            l.amount.suppressed || l.amount.value === null
              ? num(l.amount)
              : `£${l.amount.value.toLocaleString('en-GB')}`,
          source: `${l.unitCost.source} (${l.unitCost.year}${l.unitCost.verified ? '' : ', not yet checked against the original'})`,
        }))}
      />
    </section>
  );
}
