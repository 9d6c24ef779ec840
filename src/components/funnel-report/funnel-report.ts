import { html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Chart } from 'chart.js';
import { LiveQueryController } from '../../controllers/live-query-controller.js';
import { CrmReportDrilldownEvent } from '../../events/report-drilldown.js';
import type { CrmStore } from '../../store/store.js';
import { CrmElement } from '../crm-element.js';
import { setStates } from '../shared/custom-states.js';
import { colourProbe, drawChart, readColours } from '../shared/funnel-chart.js';
import { periodInstants, presetOf, presetRange, renderPeriodToolbar, type PeriodPreset } from '../shared/funnel-period.js';
import { renderReportTable, rowLabel, type AnyReportRow, type ReportRows, type ReportVariant } from '../shared/funnel-table.js';
import { styles } from './funnel-report.styles.js';

type Args = [ReportVariant, string | undefined, { from: number; to: number } | undefined, string | undefined, string | undefined];

/** Reads the rows of a variant from the store; the first pipeline when none is named. */
async function readReport(store: CrmStore, variant: ReportVariant, pipeline: string | undefined, period: Args[2], managerId?: string, sourceId?: string): Promise<ReportRows> {
  if (!period) return [];
  if (variant === 'leads') return store.reports.leadFunnel(period);
  if (variant === 'sources') return store.reports.sources(period);
  if (variant === 'managers') return store.reports.managers(period);
  const pipelineId = pipeline || (await store.pipelines.list())[0]?.id;
  return pipelineId ? store.reports.funnel(pipelineId, { ...period, managerId, sourceId }) : [];
}

/** Whether a report has nothing to show for its period. */
function isEmpty(variant: ReportVariant, rows: ReportRows): boolean {
  return (rows as AnyReportRow[]).every((row) =>
    'reached' in row ? row.reached === 0 : 'wonDeals' in row ? row.leads + row.deals + row.wonDeals === 0 : row.interactions + row.won + row.lost === 0,
  ) || (variant !== 'stages' && rows.length === 0);
}

/**
 * A sales report: the deal funnel of a pipeline by stage (`stages`), leads →
 * customers → orders (`leads`), acquisition sources (`sources`) or manager
 * efficiency (`managers`) over a period, as a chart (a funnel or bars, chart.js
 * loaded on demand) with the table of numbers beneath it — the table is the
 * chart's accessible form. Period presets (month, quarter, year) or custom dates.
 *
 * Bound, it reads `store.reports.*` live (a deal moved in the pipeline updates
 * it); unbound (`.rows`), it shows the rows given and touches no store.
 *
 * @summary Sales funnel, sources and manager reports with a chart and a table.
 *
 * @event {CrmReportDrilldownEvent} crm-report-drilldown - The user picked a stage, source or manager (chart or table); carries `variant`, `key`, `dealIds`, `ids`.
 *
 * @csspart toolbar - The period presets and dates.
 * @csspart chart - The chart's box.
 * @csspart table - The table of numbers (scrolls sideways when narrow).
 *
 * @cssproperty --crm-funnel-report-chart-color - Colour of the funnel and bars. Defaults to `--crm-color-primary`.
 * @cssproperty --crm-funnel-report-chart-height - Height of the chart. Defaults to `18rem`.
 *
 * @cssstate loading - Waiting for the first rows.
 * @cssstate empty - Nothing happened in the period.
 * @cssstate error - The report could not be read.
 */
@customElement('crm-funnel-report')
export class CrmFunnelReport extends CrmElement {
  static override styles = [...CrmElement.styles, styles];

  /** Which report: `stages` (deal funnel), `leads` (leads → customers → orders), `sources`, `managers`. */
  @property({ reflect: true }) variant: ReportVariant = 'stages';

  /** The pipeline of the `stages` funnel; unset, the store's first pipeline. */
  @property() pipeline: string | undefined;

  /** First day of the period, `YYYY-MM-DD` (local); unset, the first day of this month. */
  @property() from: string | undefined;

  /** Last day of the period, inclusive, `YYYY-MM-DD`; unset, the last day of this month. */
  @property() to: string | undefined;

  /** `stages` only: just the deals of this manager (user id). */
  @property() manager: string | undefined;

  /** `stages` only: just the deals from this acquisition source (id). */
  @property() source: string | undefined;

  /**
   * The rows to show instead of the store's (unbound use): `FunnelRow[]` for
   * `stages`/`leads`, `SourceRow[]` for `sources`, `ManagerRow[]` for
   * `managers` (from `crm-elements/store`). `null` means "on the way" (loading).
   */
  @property({ attribute: false }) rows: ReportRows | null | undefined;

  /** The heading level of the report's title within the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private preset: PeriodPreset | undefined;
  @query('canvas') private canvas: HTMLCanvasElement | undefined;
  @query('.probe') private probe: HTMLElement | undefined;
  private chart: Chart | undefined;
  private readonly internals = this.attachInternals();

  private readonly report = new LiveQueryController<ReportRows, Args>(this, {
    store: () => this.stores.store,
    enabled: () => this.rows === undefined,
    args: () => [this.variant, this.pipeline || undefined, periodInstants(...this.period()), this.manager || undefined, this.source || undefined],
    query: (store, ...args) => readReport(store, ...args),
  });

  /** The period shown, `[from, to]` inclusive `YYYY-MM-DD`. */
  private period(): [string, string] {
    const month = presetRange('month');
    return [this.from || month.from, this.to || month.to];
  }

  private choosePreset(preset: PeriodPreset): void {
    this.preset = preset;
    if (preset === 'custom') return;
    const range = presetRange(preset);
    [this.from, this.to] = [range.from, range.to];
  }

  private chooseDates(from: string, to: string): void {
    this.preset = 'custom';
    if (periodInstants(from, to)) [this.from, this.to] = [from, to];
  }

  private pick(row: AnyReportRow): void {
    const ids = 'ids' in row ? row.ids : row.dealIds;
    this.dispatchEvent(new CrmReportDrilldownEvent(this.variant, row.key, row.dealIds, ids));
  }

  private reportTitle(): string {
    return this.localize.term(`funnelReport.title.${this.variant}`);
  }

  private current(): { status: 'pending' | 'complete' | 'error'; rows?: ReportRows; error?: unknown } {
    if (this.rows === null) return { status: 'pending' };
    if (this.rows !== undefined) return { status: 'complete', rows: this.rows };
    return { status: this.report.status, ...(this.report.value ? { rows: this.report.value } : {}), error: this.report.error };
  }

  override render() {
    const [from, to] = this.period();
    const { status, rows, error } = this.current();
    const empty = rows !== undefined && isEmpty(this.variant, rows);
    setStates(this.internals, { loading: status === 'pending' && !rows, empty: status === 'complete' && empty, error: status === 'error' });
    const heading = Math.min(6, Math.max(1, this.headingLevel || 2));
    const caption = this.localize.term('funnelReport.caption', this.reportTitle(), this.localize.formatDate(from), this.localize.formatDate(to));
    return html`<section aria-busy=${status === 'pending' ? 'true' : 'false'}>
      <div class="title" role="heading" aria-level=${heading}>${this.reportTitle()}</div>
      ${renderPeriodToolbar(this.localize, { preset: this.preset ?? presetOf(from, to), from, to }, { preset: (p) => this.choosePreset(p), dates: (f, t) => this.chooseDates(f, t) })}
      ${status === 'error'
        ? html`<p class="error" role="alert">${this.localize.errorMessage(error)}</p>`
        : !rows
          ? html`<p class="note">${this.localize.term('common.loading')}</p>`
          : empty
            ? html`<p class="note"><strong>${this.localize.term(this.variant === 'stages' && rows.length === 0 ? 'funnelReport.noPipelines' : 'funnelReport.empty')}</strong>
                ${this.localize.term('funnelReport.emptyHint')}</p>`
            : html`<div class="chart" part="chart">
                  <canvas role="img" aria-label=${this.localize.term('funnelReport.chartSummary', this.reportTitle())}></canvas>
                  ${colourProbe}
                </div>
                ${renderReportTable(this.localize, this.variant, rows, caption, (row) => this.pick(row))}`}
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const rows = this.current().rows;
    if (!this.canvas || !this.probe || !rows) {
      this.chart?.destroy();
      this.chart = undefined;
      return;
    }
    void this.draw(this.canvas, this.probe, rows);
  }

  private async draw(canvas: HTMLCanvasElement, probe: HTMLElement, rows: ReportRows): Promise<void> {
    const list = rows as AnyReportRow[];
    const money = this.variant === 'sources' || this.variant === 'managers';
    const spec = {
      kind: money ? ('bars' as const) : ('funnel' as const),
      labels: list.map((row) => rowLabel(this.localize, this.variant, row)),
      values: list.map((row) => ('reached' in row ? row.reached : row.revenue / 100)),
      series: money ? this.localize.term('funnelReport.revenueAxis') : this.localize.term('funnelReport.reached'),
      format: (value: number) => (money ? this.localize.money({ minor: Math.round(value * 100), currency: 'UAH' }, { maximumFractionDigits: 0 }) : this.localize.formatNumber(value)),
      locale: this.localize.lang(),
      pick: (index: number) => list[index] && this.pick(list[index]),
    };
    try {
      this.chart = await drawChart(canvas, spec, readColours(probe), this.chart);
    } catch {
      // The table holds the same numbers; a chart that cannot load leaves it alone.
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-funnel-report': CrmFunnelReport;
  }
}
