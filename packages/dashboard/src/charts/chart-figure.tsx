// A chart with its text summary and its table. chart.js is loaded on demand the first time a chart is drawn, so
// the dashboard's first bundle stays small; where a canvas cannot draw (tests, old browsers) the summary and table
// still say everything.
import { useEffect, useRef } from 'preact/hooks';
import { DataTable, type DataTableProps } from '../tables/data-table.js';

/** Why a value is not drawn as a number: hidden because small, hidden to protect a small one, or no data. */
export type ChartMark = 'fewer' | 'hidden' | 'no-data';

export interface ChartSeries {
  readonly label: string;
  /** One value per label; null where there is no number (see `marks`). */
  readonly data: readonly (number | null)[];
  /**
   * Per value, why it has no number. A hidden value is drawn as a short hatched bar (a marker on a line) labelled
   * with `markText` ("fewer than 5", "hidden", "no data"), never as an empty space that would look like 0.
   */
  readonly marks?: readonly (ChartMark | undefined)[];
  /** Which theme colour: 0 primary, 1 secondary, 2 muted. */
  readonly colour?: 0 | 1 | 2;
  /** Bars of series with the same stack are drawn end to end (e.g. shares that add up to 100%). */
  readonly stack?: string;
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
  /** Words on a marked value; default "fewer than 5", "hidden", "no data". */
  readonly markText?: Readonly<Record<ChartMark, string>>;
  /** A line under the title saying who is counted and the denominator (e.g. "Of all care leavers aged 19 to 21"). */
  readonly note?: string;
}

export const MARK_TEXT: Readonly<Record<ChartMark, string>> = {
  fewer: 'fewer than 5',
  hidden: 'hidden',
  'no-data': 'no data',
};

/** A diagonal-hatch fill for marked bars, so they can never be mistaken for a real (small) value. */
function hatch(el: HTMLCanvasElement, colour: string): CanvasPattern | string {
  const tile = el.ownerDocument.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const g = tile.getContext('2d');
  if (!g) return colour;
  g.strokeStyle = colour;
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(0, 8);
  g.lineTo(8, 0);
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return el.getContext('2d')?.createPattern(tile, 'repeat') ?? colour;
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

/** Writes each marked value's words ("fewer than 5") beside its stub bar or marker. */
function markLabels(colour: string, horizontal: boolean) {
  return {
    id: 'onwardMarks',
    afterDatasetsDraw(chart: {
      ctx: CanvasRenderingContext2D;
      data: { datasets: { onwardMarks?: (string | undefined)[] }[] };
      getDatasetMeta(i: number): { data: { x: number; y: number }[]; hidden?: boolean };
    }) {
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = colour;
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((ds, i) => {
        const words = ds.onwardMarks;
        if (!words) return;
        const meta = chart.getDatasetMeta(i);
        if (meta.hidden) return;
        words.forEach((w, k) => {
          const el = meta.data[k];
          if (!w || !el) return;
          if (horizontal) {
            ctx.textAlign = 'left';
            ctx.fillText(w, el.x + 6, el.y);
          } else {
            ctx.textAlign = 'center';
            ctx.fillText(w, el.x, el.y - 12);
          }
        });
      });
      ctx.restore();
    },
  };
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
        const words = props.markText ?? MARK_TEXT;
        const max = percent ? 100 : Math.max(1, ...series.flatMap((x) => x.data.map((v) => v ?? 0)));
        // A marked value's stub: long enough to see and to carry its label, far too short to read as a number.
        const stub = max * 0.025;
        const datasets = series.flatMap((x, i) => {
          const colour = colours[x.colour ?? i % 3]!;
          const main = {
            label: x.label,
            data: x.data.map((v) => v),
            backgroundColor: colour,
            borderColor: colour,
            spanGaps: false,
            ...(x.stack ? { stack: x.stack } : {}),
          };
          const marks = x.marks ?? [];
          if (!marks.some((m) => m)) return [main];
          const marked = {
            label: `${x.label}: ${words.fewer} or hidden`,
            data: x.data.map((_, k) => (marks[k] ? stub : null)),
            backgroundColor: kind === 'bar' ? hatch(el, colour) : colour,
            borderColor: colour,
            borderWidth: 1,
            pointStyle: 'crossRot' as const,
            pointRadius: 7,
            showLine: false,
            onwardMarks: marks.map((m) => (m ? words[m] : undefined)),
            ...(x.stack ? { stack: x.stack } : {}),
          };
          return [main, marked];
        });
        chart = new Chart(el, {
          type: kind,
          data: { labels: [...labels], datasets },
          plugins: [markLabels(colours[3]!, horizontal === true)],
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            indexAxis: horizontal ? 'y' : 'x',
            plugins: {
              legend: {
                display: series.length > 1,
                labels: {
                  color: colours[3],
                  filter: (item: { text: string }) => !item.text.endsWith(`: ${words.fewer} or hidden`),
                },
              },
            },
            scales: {
              [horizontal ? 'x' : 'y']: {
                beginAtZero: true,
                ...(series.some((x) => x.stack) ? { stacked: true } : {}),
                ...(percent
                  ? { max: 100, ticks: { callback: (v: number | string) => `${v}%`, color: colours[3] } }
                  : {}),
              },
              [horizontal ? 'y' : 'x']: {
                ticks: { color: colours[3], autoSkip: !horizontal },
                ...(series.some((x) => x.stack) ? { stacked: true } : {}),
              },
            },
          },
        } as never);
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
      {props.note ? <p class="od-muted">{props.note}</p> : null}
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
