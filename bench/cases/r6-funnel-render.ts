// R6: crm-funnel-report rendering a 7-stage deal funnel (unbound: the rows
// given as data, so no store read on either side) until its chart is drawn
// and its table is there ÷ chart.js alone drawing the same funnel
// (chartjs-chart-funnel, the same labels, values, colours and options, no
// animation as ours) on a canvas of the same size. chart.js is loaded on
// demand by ours; the warm-up has loaded it, so both find it in memory.
import { Chart } from 'chart.js';
import '../../src/components/funnel-report/funnel-report.js';
import type { CrmFunnelReport } from '../../src/components/funnel-report/funnel-report.js';
import { loadChart, readColours, type ChartColours } from '../../src/components/shared/funnel-chart.js';
import type { FunnelRow } from '../../src/store/index.js';
import { painted, stage, until, type BenchCase } from '../harness.js';
import { STAGE_NAMES } from './pipeline-fixtures.js';

let rows: FunnelRow[];
let box = { width: 0, height: 0 };
let colours: ChartColours;

function funnelRows(): FunnelRow[] {
  const reached = [1240, 930, 702, 515, 388, 260, 171];
  return STAGE_NAMES.map((label, i) => {
    const ids = Array.from({ length: Math.min(reached[i]!, 40) }, (_, n) => `deal-${i}-${n}`);
    return {
      key: `stage-${i}`,
      label,
      reached: reached[i]!,
      fromPrevious: i ? reached[i]! / reached[i - 1]! : null,
      fromStart: reached[i]! / reached[0]!,
      dropOff: i < reached.length - 1 ? reached[i]! - reached[i + 1]! : null,
      sums: { UAH: reached[i]! * 4_250_000 },
      medianDays: 2 + i * 1.5,
      dealIds: ids,
      ids,
    };
  });
}

/** The chart a canvas holds, once chart.js has made it. */
const chartOf = (canvas: HTMLCanvasElement | null | undefined) => (canvas ? Chart.getChart(canvas) : undefined);
const digest = (chart: Chart) => `${chart.data.labels?.length} stages, ${(chart.data.datasets[0]!.data as number[]).reduce((a, b) => a + b, 0)} reached`;

async function runOurs() {
  const host = stage();
  await painted();
  const start = performance.now();
  const el = document.createElement('crm-funnel-report') as CrmFunnelReport;
  el.from = '2026-10-01';
  el.to = '2026-10-31';
  el.rows = rows;
  host.append(el);
  const root = () => el.shadowRoot;
  await el.updateComplete;
  const rendered = performance.now() - start;
  await until(() => !!chartOf(root()?.querySelector('canvas')) && !!root()?.querySelector('tbody tr'), 'the chart and the table');
  const drawn = performance.now() - start;
  await painted();
  const ms = performance.now() - start;
  const canvas = root()!.querySelector('canvas')!;
  const result = digest(chartOf(canvas)!);
  const chartBox = canvas.parentElement!.getBoundingClientRect();
  box = { width: chartBox.width, height: chartBox.height };
  colours = readColours(root()!.querySelector<HTMLElement>('.probe')!);
  stage();
  return { ms, metrics: { rendered, drawn }, result };
}

async function runFloor() {
  const host = stage();
  const wrap = document.createElement('div');
  wrap.style.cssText = `position:relative;inline-size:${box.width}px;block-size:${box.height}px`;
  host.append(wrap);
  await painted();
  const start = performance.now();
  const canvas = document.createElement('canvas');
  wrap.append(canvas);
  const number = new Intl.NumberFormat('uk');
  const chart = new Chart(canvas, {
    type: 'funnel' as 'bar',
    data: {
      labels: rows.map((row) => row.label),
      datasets: [{ label: 'Дійшли', data: rows.map((row) => row.reached), backgroundColor: colours.primary, borderColor: colours.primary }],
    },
    options: {
      locale: 'uk',
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      color: colours.text,
      onClick: () => undefined,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => number.format(item.parsed.x ?? 0) } } },
      scales: { x: { display: false }, y: { display: true, ticks: { color: colours.text }, grid: { display: false }, border: { color: colours.border } } },
    },
  });
  const drawn = performance.now() - start;
  await painted();
  const ms = performance.now() - start;
  const result = digest(chart);
  chart.destroy();
  stage();
  return { ms, metrics: { drawn }, result };
}

export const cases: BenchCase[] = [
  {
    id: 'R6',
    title: 'crm-funnel-report (unbound rows, 7-stage deal funnel) until the chart is drawn and the table is there ÷ chart.js alone drawing the same funnel',
    store: false,
    variants: ['ours', 'chart.js alone'],
    compare: [{ floor: 'chart.js alone', target: 1.2 }],
    async setup() {
      rows = funnelRows();
      await loadChart();
      // Once, untimed: the chart's box and colours the floor copies.
      await runOurs();
    },
    run: (variant) => (variant === 'ours' ? runOurs() : runFloor()),
    async teardown() {
      stage();
    },
  },
];
