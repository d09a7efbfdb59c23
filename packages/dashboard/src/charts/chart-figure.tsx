// A chart with its text summary and its table. chart.js is loaded on demand the first time a chart is drawn, so
// the dashboard's first bundle stays small; where a canvas cannot draw (tests, old browsers) the summary and table
// still say everything.
import { useEffect, useRef } from 'preact/hooks';
import { DataTable, type DataTableProps } from '../tables/data-table.js';

export interface ChartSeries {
  readonly label: string;
  /** One value per label; null leaves a gap (hidden or no data). */
  readonly data: readonly (number | null)[];
  /** Which theme colour: 0 primary, 1 secondary, 2 muted. */
  readonly colour?: 0 | 1 | 2;
}

export interface ChartFigureProps {
  readonly id: string;
  readonly title: string;
  readonly kind: 'bar' | 'line';
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  /** The sentence saying what the chart shows. */
  readonly summary: string;
  readonly table: DataTableProps;
  /** Bars lie along (horizontal): easier to read long labels. */
  readonly horizontal?: boolean;
  /** The value axis in percent, 0 to 100. */
  readonly percent?: boolean;
  /** Draw no chart (summary and table only). */
  readonly noChart?: boolean;
}

type ChartModule = typeof import('chart.js');
let chartModule: Promise<ChartModule> | undefined;

/** Load chart.js once, registering only the parts the dashboard uses. */
export function loadChartJs(): Promise<ChartModule> {
  chartModule ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.BarController,
      m.BarElement,
      m.LineController,
      m.LineElement,
      m.PointElement,
      m.CategoryScale,
      m.LinearScale,
      m.Legend,
      m.Tooltip,
    );
    return m;
  });
  return chartModule;
}

function themeColours(el: Element): string[] {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return [
    read('--_primary', '#1d70b8'),
    read('--_secondary', '#912b88'),
    read('--_muted', '#505a5f'),
    read('--_text', '#0b0c0c'),
  ];
}

export function ChartFigure(props: ChartFigureProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { kind, labels, series, horizontal, percent, noChart } = props;
  useEffect(() => {
    const el = canvas.current;
    if (noChart || !el || !el.getContext?.('2d')) return;
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    loadChartJs()
      .then(({ Chart }) => {
        if (cancelled) return;
        const colours = themeColours(el);
        chart = new Chart(el, {
          type: kind,
          data: {
            labels: [...labels],
            datasets: series.map((s, i) => ({
              label: s.label,
              data: [...s.data],
              backgroundColor: colours[s.colour ?? i % 3],
              borderColor: colours[s.colour ?? i % 3],
              spanGaps: false,
            })),
          },
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            indexAxis: horizontal ? 'y' : 'x',
            plugins: { legend: { display: series.length > 1, labels: { color: colours[3] } } },
            scales: {
              [horizontal ? 'x' : 'y']: {
                beginAtZero: true,
                ...(percent
                  ? { max: 100, ticks: { callback: (v: number | string) => `${v}%`, color: colours[3] } }
                  : {}),
              },
              [horizontal ? 'y' : 'x']: { ticks: { color: colours[3], autoSkip: !horizontal } },
            },
          },
        });
      })
      .catch(() => {
        // The summary and the table carry the information when the chart cannot load.
      });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [kind, labels, series, horizontal, percent, noChart]);

  const headingId = `${props.id}-title`;
  return (
    <figure class="od-figure" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.title}</h3>
      <p class="od-summary" data-summary>
        {props.summary}
      </p>
      {noChart ? null : (
        <div class="od-canvas">
          <canvas ref={canvas} role="img" aria-label={`Chart. ${props.summary} The numbers are in the table below.`}>
            {props.summary}
          </canvas>
        </div>
      )}
      <details>
        <summary>Show the numbers as a table</summary>
        <DataTable {...props.table} />
      </details>
    </figure>
  );
}
