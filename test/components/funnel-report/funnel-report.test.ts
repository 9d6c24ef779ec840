import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../../src/components/funnel-report/funnel-report.js';
import type { CrmFunnelReport } from '../../../src/components/funnel-report/funnel-report.js';
import type { CrmReportDrilldownEvent } from '../../../src/events/index.js';
import { getStore, type CrmStore, type Deal, type Stage } from '../../../src/store/index.js';
import type { SourceRow } from '../../../src/store/reports/sales.js';
import { inProvider, plain, press } from '../../support/dom.js';
import { deleteTestStores, uniqueDatabaseName, waitUntil } from '../../support/fixtures.js';

interface Seeded { database: string; store: CrmStore; pipelineId: string; stages: Stage[]; deals: Deal[] }

async function seed(): Promise<Seeded> {
  const database = uniqueDatabaseName('funnel-report');
  const store = getStore(database);
  const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі', stages: ['Нова угода', 'Переговори', 'Договір'] });
  const customer = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Будсервіс Поділля»' });
  const deals: Deal[] = [];
  for (const n of [1, 2]) {
    deals.push(await store.deals.create({ title: `Угода ${n}`, pipelineId: pipeline.id, client: { type: 'counterparty', id: customer.id }, amount: { minor: n * 100_000 } }));
  }
  return { database, store, pipelineId: pipeline.id, stages, deals };
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const tableRows = (el: Element) => $$(el, 'tbody tr').map((tr) => [...tr.children].map((cell) => plain(cell.textContent)));

async function mount(seeded: Seeded, attrs: { lang?: string; theme?: string } = {}): Promise<CrmFunnelReport> {
  const el = await inProvider('crm-funnel-report', seeded.database, html`<crm-funnel-report pipeline=${seeded.pipelineId}></crm-funnel-report>`, attrs);
  await waitUntil(() => $(el, 'table'), 'the report did not render');
  return el;
}

function thisMonth() {
  const now = new Date();
  return { from: new Date(now.getFullYear(), now.getMonth(), 1).getTime(), to: new Date(now.getFullYear(), now.getMonth() + 1, 1).getTime() };
}

describe('crm-funnel-report', () => {
  afterEach(async () => {
    await resetMouse();
    await deleteTestStores();
  });

  it('shows the store funnel of this month as a table with a caption and row headers', async () => {
    const seeded = await seed();
    const el = await mount(seeded);
    const expected = await seeded.store.reports.funnel(seeded.pipelineId, thisMonth());
    const rows = tableRows(el);
    expect(rows.map((r) => r[0])).to.deep.equal(expected.map((r) => r.label));
    expect(rows.map((r) => r[1])).to.deep.equal(expected.map((r) => String(r.reached)));
    expect(rows[0]![1]).to.equal('2');
    expect(rows[1]![1]).to.equal('0');
    expect(plain(rows[0]![5])).to.equal('3 000 грн');
    expect(plain($(el, 'caption')!.textContent)).to.contain('Воронка продажів');
    expect($$(el, 'thead th').every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    expect($$(el, 'tbody th').every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('loads chart.js only on demand and draws on a canvas with a text alternative', async () => {
    for (const file of ['/src/components/funnel-report/funnel-report.ts', '/src/components/shared/funnel-chart.ts', '/src/components/shared/funnel-table.ts']) {
      const source = await (await fetch(file)).text();
      expect(source, file).not.to.match(/^\s*import\s+(?!type\b)[^;]*['"]chart(js-chart-funnel|\.js)['"]/m);
    }
    const seeded = await seed();
    const el = await mount(seeded);
    const canvas = $<HTMLCanvasElement>(el, 'canvas')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.contain('таблиці');
    const { Chart } = await import('chart.js');
    await waitUntil(() => Chart.getChart(canvas), 'no chart was drawn');
    expect((Chart.getChart(canvas)!.config as { type: string }).type).to.equal('funnel');
    expect(Chart.getChart(canvas)!.data.datasets[0]!.data).to.deep.equal([2, 0, 0]);
  });

  it('updates live when a deal moves in the pipeline', async () => {
    const seeded = await seed();
    const el = await mount(seeded);
    await seeded.store.deals.moveToStage(seeded.deals[0]!.id, seeded.stages[2]!.id);
    await waitUntil(() => tableRows(el)[2]![1] === '1', 'the report did not follow the move');
    expect(tableRows(el).map((r) => r[1])).to.deep.equal(['2', '1', '1']);
    const expected = await seeded.store.reports.funnel(seeded.pipelineId, thisMonth());
    expect(tableRows(el).map((r) => r[1])).to.deep.equal(expected.map((r) => String(r.reached)));
  });

  it('drills down into a stage from its row button with the deal ids', async () => {
    const seeded = await seed();
    const el = await mount(seeded);
    const button = $$(el, 'tbody tr')[0]!.querySelector<HTMLButtonElement>('button.drill')!;
    expect(button.getAttribute('aria-label')).to.equal('Показати угоди: Нова угода');
    const event = oneEvent(el, 'crm-report-drilldown') as Promise<CrmReportDrilldownEvent>;
    await press(button);
    const { variant, key, dealIds } = await event;
    expect(variant).to.equal('stages');
    expect(key).to.equal(seeded.stages[0]!.id);
    expect([...dealIds]).to.deep.equal(seeded.deals.map((d) => d.id).sort());
    expect($$(el, 'tbody tr')[1]!.querySelector('button')).to.equal(null); // nobody reached it: nothing to drill into
  });

  it('drills down from a click on a bar of the chart', async () => {
    const seeded = await seed();
    const el = await inProvider('crm-funnel-report', seeded.database, html`<crm-funnel-report variant="managers"></crm-funnel-report>`);
    const manager = await seeded.store.users.create({ name: 'Ірина Бондаренко', roles: ['manager'] });
    await seeded.store.deals.update(seeded.deals[1]!.id, { managerId: manager.id });
    await seeded.store.deals.win(seeded.deals[1]!.id);
    await waitUntil(() => $(el, 'canvas'), 'no chart');
    const canvas = $<HTMLCanvasElement>(el, 'canvas')!;
    const { Chart } = await import('chart.js');
    await waitUntil(() => Chart.getChart(canvas)?.getDatasetMeta(0).data[0], 'no bars');
    const bar = Chart.getChart(canvas)!.getDatasetMeta(0).data[0]! as unknown as { x: number; y: number; base: number };
    const box = canvas.getBoundingClientRect();
    const event = oneEvent(el, 'crm-report-drilldown') as Promise<CrmReportDrilldownEvent>;
    await sendMouse({ type: 'click', position: [Math.round(box.x + (bar.x + bar.base) / 2), Math.round(box.y + bar.y)] });
    const { variant, key, dealIds } = await event;
    expect([variant, key, [...dealIds]]).to.deep.equal(['managers', manager.id, [seeded.deals[1]!.id]]);
    expect(tableRows(el)[0]).to.include('Ірина Бондаренко');
  });

  it('switches the period with the presets', async () => {
    const seeded = await seed();
    const el = await mount(seeded);
    const [month, , year] = $$(el, '.preset');
    expect(month!.getAttribute('aria-pressed')).to.equal('true');
    await press(year!);
    await el.updateComplete;
    expect(year!.getAttribute('aria-pressed')).to.equal('true');
    expect(el.from).to.equal(`${new Date().getFullYear()}-01-01`);
    expect(el.to).to.equal(`${new Date().getFullYear()}-12-31`);
    await waitUntil(() => tableRows(el)[0]?.[1] === '2', 'the year report did not render');
  });

  it('shows an empty period, and an error for a pipeline that does not exist', async () => {
    const seeded = await seed();
    const empty = await inProvider('crm-funnel-report', seeded.database, html`<crm-funnel-report pipeline=${seeded.pipelineId} from="2020-01-01" to="2020-01-31"></crm-funnel-report>`);
    await waitUntil(() => $(empty, '.note strong'), 'no empty state');
    expect(plain($(empty, '.note strong')!.textContent)).to.equal('За цей період даних немає');
    expect($(empty, 'canvas')).to.equal(null);
    await expect(empty).to.be.accessible();
    const missing = await inProvider('crm-funnel-report', seeded.database, html`<crm-funnel-report pipeline="nope"></crm-funnel-report>`, { lang: 'en' });
    await waitUntil(() => $(missing, '[role="alert"]'), 'no error state');
    await expect(missing).to.be.accessible();
  });

  it('unbound: shows the rows given (sources, English, dark) and a loading state for null', async () => {
    const row: SourceRow = {
      key: 's1', label: 'Instagram', leads: 4, deals: 2, wonDeals: 1, revenue: 1_250_000, revenueByCurrency: { UAH: 1_250_000 }, plannedSpend: 200_000,
      actualSpend: 180_000, expectedRevenue: 1_500_000, profit: 1_070_000, roi: 5.94, share: { leads: 1, deals: 1, wonDeals: 1, revenue: 1, profit: 1 }, dealIds: ['d1', 'd2'],
    };
    const el = await fixture<CrmFunnelReport>(html`<crm-funnel-report variant="sources" lang="en" theme="dark" .rows=${[row]}></crm-funnel-report>`);
    await waitUntil(() => $(el, 'table'), 'no table');
    expect(tableRows(el)[0]).to.deep.equal(['Instagram', '4', '2', '1', 'UAH 12,500', '100%', 'UAH 2,000', 'UAH 1,800', 'UAH 15,000', 'UAH 10,700', '594%']);
    await expect(el).to.be.accessible();
    el.rows = null;
    await el.updateComplete;
    expect(plain($(el, '.note')!.textContent)).to.equal('Loading…');
    expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
