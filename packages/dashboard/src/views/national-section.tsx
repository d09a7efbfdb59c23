// The national measures, by the national definitions: accommodation and activity of care leavers around their
// 17th to 21st birthdays, by the bands the DfE publishes, "of all care leavers in the band" first and "of those in
// touch" beside it.
import {
  ACCOMMODATION_OUTCOMES,
  ACTIVITY_OUTCOMES,
  type Figure,
  NATIONAL_LABELS,
  type NationalMeasures,
  type NationalRowFigures,
  NEET_REASONS,
} from '@onward/engine';
import { useSignal } from '@preact/signals';
import { ChartFigure } from '../charts/chart-figure.js';
import { dayName } from '../labels.js';
import { nationalSummary } from '../summary.js';
import { TableWrap } from '../tables/data-table.js';
import { markText, num, pct, seriesOf } from './figures.js';
import { Select } from './select.js';

const ROW_NAMES: Record<string, string> = {
  '17': 'Aged 17',
  '18': 'Aged 18',
  '19': 'Aged 19',
  '20': 'Aged 20',
  '21': 'Aged 21',
  '17-18': 'Aged 17 to 18',
  '19-21': 'Aged 19 to 21',
};

const ACCOMMODATION_NAMES = {
  suitable: 'Suitable',
  unsuitable: 'Not suitable',
  'no-information': 'No information',
} as const;
const ACTIVITY_NAMES = {
  eet: 'In education, employment or training',
  neet: 'Not in education, employment or training',
  'no-information': 'No information',
} as const;

export function NationalSection(props: {
  national: NationalMeasures;
  prefix: string;
  threshold: number;
  noCharts?: boolean;
}) {
  const { national: n, prefix, noCharts } = props;
  const basis = useSignal<'all' | 'in-touch'>('all');
  const bands = n.rows.filter((r) => r.row === '17-18' || r.row === '19-21');
  const ofAll = basis.value === 'all';
  const share = (f: { percentOfAll: Figure; percentOfInTouch: Figure }) =>
    ofAll ? f.percentOfAll : f.percentOfInTouch;
  const period = `birthdays from ${dayName(n.from)} to ${dayName(n.to)}`;
  const note = ofAll
    ? `Of all care leavers in each age band (the national definition, which counts those with no information), ${period}.`
    : `Of the care leavers in each age band the council was in touch with, ${period}.`;
  const words = markText(props.threshold);
  const rowCells = (r: NationalRowFigures, which: 'accommodation' | 'activity') => {
    const keys = which === 'accommodation' ? ACCOMMODATION_OUTCOMES : ACTIVITY_OUTCOMES;
    const out: Record<string, string> = {
      row: ROW_NAMES[r.row] ?? r.row,
      all: num(r.population),
      inTouch: `${num(r.inTouch)} (${pct(r.percentInTouch)})`,
    };
    for (const k of keys) {
      const f = (r[which] as Record<string, { percentOfAll: Figure; percentOfInTouch: Figure; count: Figure }>)[k]!;
      out[`${k}-n`] = num(f.count);
      out[`${k}-all`] = pct(f.percentOfAll);
      out[`${k}-touch`] = pct(f.percentOfInTouch);
    }
    return out;
  };
  const columns = (which: 'accommodation' | 'activity') => {
    const names: Record<string, string> = which === 'accommodation' ? ACCOMMODATION_NAMES : ACTIVITY_NAMES;
    return [
      { key: 'row', label: 'Age' },
      { key: 'all', label: 'Care leavers', numeric: true },
      { key: 'inTouch', label: 'In touch', numeric: true },
      ...Object.entries(names).flatMap(([k, label]) => [
        { key: `${k}-n`, label, numeric: true },
        { key: `${k}-all`, label: `${label} (% of all)`, numeric: true },
        { key: `${k}-touch`, label: `${label} (% of those in touch)`, numeric: true },
      ]),
    ];
  };
  return (
    <section aria-labelledby={`${prefix}-national-title`}>
      <h3 id={`${prefix}-national-title`}>Care leavers by the national measures</h3>
      <p>
        The same measures as the national statistics (Department for Education, children looked after in England): care
        leavers around their 17th to 21st birthdays, {period}
        {n.year ? ` (the year ending 31 March ${n.year})` : ''}. Young people who have died or gone back to live with
        their family are left out, as the national figures leave them out.
      </p>
      <div class="od-controls">
        <Select
          id={`${prefix}-national-basis`}
          label="Show as a share of"
          value={basis.value}
          options={[
            ['all', 'All care leavers in the band (the national definition)'],
            ['in-touch', 'Those the council is in touch with'],
          ]}
          onChange={(v) => {
            basis.value = v as 'all' | 'in-touch';
          }}
        />
      </div>
      <ChartFigure
        id={`${prefix}-national-accommodation`}
        title="Where care leavers live: is it suitable?"
        note={note}
        kind="bar"
        percent
        noChart={noCharts}
        markText={words}
        labels={bands.map((r) => ROW_NAMES[r.row]!)}
        series={ACCOMMODATION_OUTCOMES.map((k, i) =>
          seriesOf(
            ACCOMMODATION_NAMES[k],
            bands.map((r) => share(r.accommodation[k])),
            { colour: i as 0 | 1 | 2 },
          ),
        )}
        summary={nationalSummary(n, 'accommodation', basis.value)}
        table={{
          caption: 'Accommodation of care leavers by age',
          columns: columns('accommodation'),
          rows: n.rows.map((r) => rowCells(r, 'accommodation')),
        }}
      />
      <ChartFigure
        id={`${prefix}-national-activity`}
        title="Education, employment or training"
        note={note}
        kind="bar"
        percent
        noChart={noCharts}
        markText={words}
        labels={bands.map((r) => ROW_NAMES[r.row]!)}
        series={ACTIVITY_OUTCOMES.map((k, i) =>
          seriesOf(
            ACTIVITY_NAMES[k],
            bands.map((r) => share(r.activity[k])),
            { colour: i as 0 | 1 | 2 },
          ),
        )}
        summary={nationalSummary(n, 'activity', basis.value)}
        table={{
          caption: 'Activity of care leavers by age',
          columns: columns('activity'),
          rows: n.rows.map((r) => rowCells(r, 'activity')),
        }}
      />
      <details>
        <summary>Why young people are not in education, employment or training</summary>
        <TableWrap label="Reasons recorded for not being in education, employment or training">
          <table>
            <caption>Reasons recorded for not being in education, employment or training</caption>
            <thead>
              <tr>
                <th scope="col">Age</th>
                {NEET_REASONS.map((k) => (
                  <th key={k} scope="col" class="od-num">
                    {NATIONAL_LABELS[k].replace('Not in education, employment or training: ', '')} (% of all)
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {n.rows.map((r) => (
                <tr key={r.row}>
                  <th scope="row">{ROW_NAMES[r.row]}</th>
                  {NEET_REASONS.map((k) => (
                    <td key={k} class="od-num">
                      {num(r.neet[k].count)} ({pct(r.neet[k].percentOfAll)})
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </section>
  );
}
