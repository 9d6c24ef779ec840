// S7: the sales funnel (H1) and the ABC/XYZ classification (H4) over
// scale.records deals — the pure functions `store.reports` hands its reads to
// (`dealFunnel` with the pipeline's stage history, `abcXyz` with one revenue
// row per order) ÷ a plain loop written here that computes the same numbers
// (reached per stage, conversions, sums, median days in stage; each customer's
// revenue, rank, ABC and XYZ class, the 3×3 matrix) over the same in-memory
// arrays, generated untimed and identical for both.
import { abcXyz, dealFunnel, type AbcXyzReport, type Deal, type DealStageChange, type FunnelRow, type RevenueRow, type Stage } from '../../src/store/index.js';
import { timed, type BenchCase, type Sample, type Scale } from '../harness.js';
import { Random } from '../../src/store/sample/random.js';

const DAY = 86_400_000;
const PIPELINE = 'pipeline-furniture';
const STAGE_NAMES = ['Нова угода', 'Перший контакт', 'Замір', 'Пропозиція', 'Узгодження умов', 'Договір', 'Виготовлення'];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2026, 0, 1);
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

interface Data {
  stages: Stage[];
  deals: Deal[];
  history: DealStageChange[];
  revenue: RevenueRow[];
}

let data: Data;
let repeat = 5;

/**
 * `count` deals of one 7-stage pipeline with their stage history (created in
 * or a little before the year; moved forward, some skipping a stage or moved
 * back; some won, lost and reopened), and `count` revenue rows of `count / 10`
 * customers over the year (steady, seasonal and one-off buyers).
 */
function generate(count: number): Data {
  const rng = new Random(7);
  const next = () => rng.next();
  const stages: Stage[] = STAGE_NAMES.map((name, order) => ({ id: `stage-${order}`, pipelineId: PIPELINE, name, order, createdAt: FROM, updatedAt: FROM }));
  const deals: Deal[] = [];
  const history: DealStageChange[] = [];
  for (let n = 0; n < count; n += 1) {
    const id = `deal-${String(n).padStart(6, '0')}`;
    const created = FROM - 30 * DAY + Math.floor(next() * 380 * DAY);
    const entries: Array<Pick<DealStageChange, 'stageId' | 'fromStageId' | 'status' | 'at'>> = [{ stageId: stages[0]!.id, status: 'open', at: created }];
    let at = created;
    let k = 0;
    const moves = Math.floor(next() * 7);
    for (let m = 0; m < moves; m += 1) {
      at += Math.floor(next() * 12 * DAY) + 3_600_000;
      const roll = next();
      const to = roll < 0.1 && k > 0 ? k - 1 : roll < 0.2 ? Math.min(6, k + 2) : Math.min(6, k + 1);
      if (to === k) continue;
      entries.push({ stageId: stages[to]!.id, fromStageId: stages[k]!.id, status: 'open', at });
      k = to;
    }
    const end = next();
    let status: Deal['status'] = 'open';
    if (end < 0.35) {
      at += Math.floor(next() * 10 * DAY) + 3_600_000;
      status = end < 0.2 ? 'won' : 'lost';
      entries.push({ stageId: stages[k]!.id, fromStageId: stages[k]!.id, status, at });
      if (end < 0.03) {
        at += 2 * DAY;
        status = 'open';
        entries.push({ stageId: stages[k]!.id, fromStageId: stages[k]!.id, status, at });
      }
    }
    entries.forEach((entry, seq) =>
      history.push({ id: `${id}-h${seq}`, dealId: id, pipelineId: PIPELINE, ...entry, seq, createdAt: entry.at, updatedAt: entry.at }),
    );
    deals.push({
      id,
      title: `Угода №${n + 1}`,
      pipelineId: PIPELINE,
      stageId: stages[k]!.id,
      status,
      amount: { minor: (5_000 + Math.floor(next() * 400) * 250) * 100, currency: n % 17 === 0 ? 'EUR' : 'UAH' },
      clientType: 'counterparty',
      clientId: `customer-${n % 997}`,
      managerId: `manager-${n % 6}`,
      stageEnteredAt: at,
      createdAt: created,
      updatedAt: at,
    });
  }
  // As the store reads it: the pipeline's history in time order.
  history.sort((a, b) => a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0));

  const customers = Math.max(10, Math.floor(count / 10));
  const revenue: RevenueRow[] = [];
  for (let n = 0; n < count; n += 1) {
    const customer = Math.floor(next() ** 2 * customers);
    const kind = customer % 3;
    // Steady buyers spread over the year, seasonal ones in spring, the rest at random.
    const month = kind === 0 ? n % 12 : kind === 1 ? 2 + Math.floor(next() * 3) : Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const amount = kind === 0 ? 1_000_000 + (n % 7) * 10_000 : Math.floor(next() * 5_000_000);
    revenue.push({ customerId: `customer-${String(customer).padStart(5, '0')}`, date: `2025-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`, amount });
  }
  return { stages, deals, history, revenue };
}

// ---- the floor: plain loops over the same arrays ----

interface FloorFunnelRow {
  reached: number;
  fromPrevious: number | null;
  fromStart: number | null;
  dropOff: number | null;
  sums: Record<string, number>;
  medianDays: number | null;
}

function floorMedian(values: Float64Array): number | null {
  if (values.length === 0) return null;
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** Reached per stage, conversions, sums and median days in stage, in one pass over the time-ordered history. */
function floorFunnel({ stages, deals, history }: Data, from: number, to: number): FloorFunnelRow[] {
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  const position = new Map(ordered.map((stage, index) => [stage.id, index]));
  const stageCount = ordered.length;
  const dealIndex = new Map<string, number>();
  deals.forEach((deal, i) => dealIndex.set(deal.id, i));
  const furthest = new Int8Array(deals.length).fill(-1);
  const visitStage = new Int8Array(deals.length).fill(-1);
  const visitAt = new Float64Array(deals.length);
  const spent = new Float64Array(deals.length * stageCount).fill(-1);
  for (const entry of history) {
    if (entry.at < from || entry.at >= to) continue;
    const d = dealIndex.get(entry.dealId);
    if (d === undefined) continue;
    const open = visitStage[d]!;
    if (open >= 0 && (entry.stageId !== ordered[open]!.id || entry.status !== 'open')) {
      const cell = d * stageCount + open;
      spent[cell] = Math.max(0, spent[cell]!) + Math.max(0, Math.min(entry.at, to) - visitAt[d]!);
      visitStage[d] = -1;
    }
    const k = position.get(entry.stageId);
    if (k === undefined || entry.status !== 'open' || (entry.fromStageId !== undefined && entry.fromStageId === entry.stageId)) continue;
    if (k > furthest[d]!) furthest[d] = k;
    visitStage[d] = k;
    visitAt[d] = entry.at;
    if (spent[d * stageCount + k]! < 0) spent[d * stageCount + k] = 0;
  }
  const reached = new Array<number>(stageCount).fill(0);
  const sums: Array<Record<string, number>> = ordered.map(() => ({}));
  const days: number[][] = ordered.map(() => []);
  for (let d = 0; d < deals.length; d += 1) {
    const open = visitStage[d]!;
    if (open >= 0) spent[d * stageCount + open] = Math.max(0, spent[d * stageCount + open]!) + Math.max(0, to - visitAt[d]!);
    const { currency, minor } = deals[d]!.amount;
    for (let k = 0; k <= furthest[d]!; k += 1) {
      reached[k]! += 1;
      sums[k]![currency] = (sums[k]![currency] ?? 0) + minor;
    }
    for (let k = 0; k < stageCount; k += 1) if (spent[d * stageCount + k]! >= 0) days[k]!.push(spent[d * stageCount + k]! / DAY);
  }
  return ordered.map((_, k) => ({
    reached: reached[k]!,
    fromPrevious: k === 0 || reached[k - 1] === 0 ? null : reached[k]! / reached[k - 1]!,
    fromStart: reached[0] === 0 ? null : reached[k]! / reached[0]!,
    dropOff: k + 1 < stageCount ? reached[k]! - reached[k + 1]! : null,
    sums: sums[k]!,
    medianDays: floorMedian(Float64Array.from(days[k]!)),
  }));
}

interface FloorAbc {
  classes: Array<[string, string]>;
  cells: Record<string, { count: number; revenue: number }>;
  revenue: number;
}

/** Revenue per customer and month, ranked; ABC by the share before, XYZ by the coefficient of variation. */
function floorAbcXyz(rows: readonly RevenueRow[], from: string, to: string): FloorAbc {
  const months: string[] = [];
  for (let m = Number(from.slice(5, 7)), y = Number(from.slice(0, 4)); `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7); m = m === 12 ? 1 : m + 1, y += m === 1 ? 1 : 0) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  const monthIndex = new Map(months.map((month, i) => [month, i]));
  const byCustomer = new Map<string, number[]>();
  for (const row of rows) {
    if (row.date < from || row.date > to || !(row.amount > 0)) continue;
    const i = monthIndex.get(row.date.slice(0, 7));
    if (i === undefined) continue;
    let monthly = byCustomer.get(row.customerId);
    if (!monthly) byCustomer.set(row.customerId, (monthly = new Array<number>(months.length).fill(0)));
    monthly[i]! += row.amount;
  }
  const ranked: Array<{ id: string; revenue: number; monthly: number[] }> = [];
  let total = 0;
  for (const [id, monthly] of byCustomer) {
    let revenue = 0;
    for (const value of monthly) revenue += value;
    ranked.push({ id, revenue, monthly });
    total += revenue;
  }
  ranked.sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cells: FloorAbc['cells'] = {};
  for (const abc of 'ABC') for (const xyz of 'XYZ') cells[abc + xyz] = { count: 0, revenue: 0 };
  const classes: Array<[string, string]> = [];
  let before = 0;
  for (const customer of ranked) {
    const abc = before * 100 < 80 * total ? 'A' : before * 100 < 95 * total ? 'B' : 'C';
    let sum = 0;
    for (const value of customer.monthly) sum += value;
    const mean = sum / customer.monthly.length;
    let cv = 0;
    if (mean !== 0) {
      let squares = 0;
      for (const value of customer.monthly) squares += (value - mean) ** 2;
      cv = (Math.sqrt(squares / customer.monthly.length) / mean) * 100;
    }
    const xyz = cv <= 10 + 1e-9 ? 'X' : cv <= 25 + 1e-9 ? 'Y' : 'Z';
    classes.push([customer.id, abc + xyz]);
    cells[abc + xyz]!.count += 1;
    cells[abc + xyz]!.revenue += customer.revenue;
    before += customer.revenue;
  }
  return { classes, cells, revenue: total };
}

// ---- the digest both must agree on ----

function hash(text: string, seed = 2166136261): number {
  let h = seed;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const fixed = (value: number | null) => (value === null ? '-' : value.toFixed(6));

function funnelDigest(rows: ReadonlyArray<Omit<FloorFunnelRow, 'sums'> & { sums: Record<string, number> }>): string {
  return rows
    .map((row) => `${row.reached}:${fixed(row.fromPrevious)}:${fixed(row.fromStart)}:${row.dropOff ?? '-'}:${JSON.stringify(row.sums, Object.keys(row.sums).sort())}:${fixed(row.medianDays)}`)
    .join('|');
}

function abcDigest(classes: ReadonlyArray<readonly [string, string]>, cells: Record<string, { count: number; revenue: number }>, revenue: number): string {
  let h = 2166136261;
  for (const [id, cell] of classes) h = hash(`${id}=${cell};`, h);
  return `${classes.length} customers ${h.toString(16)} total ${revenue} ${Object.entries(cells)
    .map(([cell, { count, revenue: sum }]) => `${cell}:${count}/${sum}`)
    .join(',')}`;
}

function oursDigest(funnel: FunnelRow[], report: AbcXyzReport): string {
  return `${funnelDigest(funnel)} # ${abcDigest(
    report.customers.map((c) => [c.customerId, `${c.abc}${c.xyz}`] as const),
    Object.fromEntries(report.matrix.map((cell) => [cell.cell, { count: cell.count, revenue: cell.revenue }])),
    report.revenue,
  )}`;
}

async function runOurs(): Promise<Sample> {
  let funnel: FunnelRow[] = [];
  let report: AbcXyzReport | undefined;
  const funnelMs = await timed(() => {
    funnel = dealFunnel(data, { from: FROM, to: TO, asOf: TO });
  });
  const abcMs = await timed(() => {
    report = abcXyz(data.revenue, PERIOD);
  });
  return { ms: funnelMs + abcMs, metrics: { funnel: funnelMs, abcXyz: abcMs }, result: oursDigest(funnel, report!) };
}

async function runFloor(): Promise<Sample> {
  let funnel: FloorFunnelRow[] = [];
  let abc: FloorAbc | undefined;
  const funnelMs = await timed(() => {
    funnel = floorFunnel(data, FROM, TO);
  });
  const abcMs = await timed(() => {
    abc = floorAbcXyz(data.revenue, PERIOD.from, PERIOD.to);
  });
  return { ms: funnelMs + abcMs, metrics: { funnel: funnelMs, abcXyz: abcMs }, result: `${funnelDigest(funnel)} # ${abcDigest(abc!.classes, abc!.cells, abc!.revenue)}` };
}

export const cases: BenchCase[] = [
  {
    id: 'S7',
    title: 'Sales funnel and ABC/XYZ over all deals and orders (pure functions)',
    store: false,
    variants: ['ours', 'plain loop'],
    compare: [{ floor: 'plain loop', target: 2 }],
    async setup(scale: Scale) {
      data = generate(scale.records);
      repeat = scale.smoke ? 1 : 5;
    },
    async run(variant) {
      // CPU-bound on shared cores: a sample is the run of median time among `repeat` runs one after another.
      const samples: Sample[] = [];
      for (let i = 0; i < repeat; i += 1) samples.push(variant === 'ours' ? await runOurs() : await runFloor());
      samples.sort((a, b) => a.ms - b.ms);
      return samples[samples.length >> 1]!;
    },
  },
];
