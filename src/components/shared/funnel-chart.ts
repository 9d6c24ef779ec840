import type { Chart } from 'chart.js';
import { html } from 'lit';

/** What `crm-funnel-report` draws: a funnel or horizontal bars of one series. @internal */
export interface FunnelChartSpec {
  kind: 'funnel' | 'bars';
  labels: string[];
  values: number[];
  /** The series name (bars' axis title). */
  series: string;
  /** Formats a value for the tooltip. */
  format: (value: number) => string;
  /** BCP 47 locale of the axis numbers. */
  locale: string;
  /** Called with the index of the clicked stage / bar. */
  pick: (index: number) => void;
}

/** Colours read from the element's tokens. @internal */
export interface ChartColours {
  primary: string;
  text: string;
  muted: string;
  border: string;
}

let loading: Promise<typeof Chart> | undefined;

/**
 * Loads chart.js and the funnel controller on demand (a separate chunk, never
 * with the first paint) and registers what the report draws. @internal
 */
export function loadChart(): Promise<typeof Chart> {
  loading ??= Promise.all([import('chart.js'), import('chartjs-chart-funnel')]).then(([chartJs, funnel]) => {
    chartJs.Chart.register(
      chartJs.BarController,
      chartJs.BarElement,
      chartJs.CategoryScale,
      chartJs.LinearScale,
      chartJs.Tooltip,
      funnel.FunnelController,
      funnel.TrapezoidElement,
    );
    return chartJs.Chart;
  });
  return loading;
}

/**
 * Resolves the element's colour tokens to `rgb()` strings the canvas can use
 * (the tokens hold `light-dark()`, which only a real property resolves): the
 * probe's four children each take one token as their `color` (the report's
 * styles), so one style calculation resolves them all. @internal
 */
export function readColours(probe: HTMLElement): ChartColours {
  const [primary, text, muted, border] = [...probe.children].map((child) => getComputedStyle(child).color);
  return { primary: primary!, text: text!, muted: muted!, border: border! };
}

/** The probe `readColours` reads: its children, one per colour token. @internal */
export const colourProbe = html`<span class="probe" aria-hidden="true"><i class="primary"></i><i class="text"></i><i class="muted"></i><i class="border"></i></span>`;

/** Draws (or redraws in place) the chart on `canvas`; returns the chart. @internal */
export async function drawChart(canvas: HTMLCanvasElement, spec: FunnelChartSpec, colours: ChartColours, previous?: Chart): Promise<Chart> {
  const ChartClass = await loadChart();
  const type = spec.kind === 'funnel' ? 'funnel' : 'bar';
  if (previous && previous.canvas === canvas && (previous.config as { type?: string }).type === type) {
    previous.data.labels = spec.labels;
    previous.data.datasets[0]!.data = spec.values;
    Object.assign(previous.data.datasets[0]!, { backgroundColor: colours.primary });
    previous.options.onClick = onClick(spec);
    Object.assign(previous.options, options(spec, colours));
    previous.update();
    return previous;
  }
  previous?.destroy();
  return new ChartClass(canvas, {
    type: type as 'bar',
    data: { labels: spec.labels, datasets: [{ label: spec.series, data: spec.values, backgroundColor: colours.primary, borderColor: colours.primary }] },
    options: { ...options(spec, colours), onClick: onClick(spec) } as never,
  });
}

function onClick(spec: FunnelChartSpec) {
  return (_event: unknown, elements: Array<{ index: number }>) => {
    if (elements[0]) spec.pick(elements[0].index);
  };
}

function options(spec: FunnelChartSpec, colours: ChartColours) {
  const axis = { ticks: { color: colours.text }, grid: { color: colours.border }, border: { color: colours.border } };
  return {
    locale: spec.locale,
    indexAxis: 'y' as const,
    maintainAspectRatio: false,
    animation: false as const,
    color: colours.text,
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: (item: { parsed: { x: number | null } }) => spec.format(item.parsed.x ?? 0) } },
    },
    scales:
      spec.kind === 'funnel'
        ? { x: { display: false }, y: { ...axis, display: true, grid: { display: false } } }
        : { x: { ...axis, title: { display: true, text: spec.series, color: colours.muted } }, y: { ...axis, grid: { display: false } } },
  };
}
