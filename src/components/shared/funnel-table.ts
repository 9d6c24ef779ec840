import { html, nothing, type TemplateResult } from 'lit';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { FunnelRow, ManagerRow, SourceRow } from '../../store/reports/sales.js';

/** What `crm-funnel-report` shows. @internal */
export type ReportVariant = 'stages' | 'leads' | 'sources' | 'managers';
/** The rows of a report variant. @internal */
export type ReportRows = FunnelRow[] | SourceRow[] | ManagerRow[];
/** A row of any variant. @internal */
export type AnyReportRow = FunnelRow | SourceRow | ManagerRow;

type Cell = string | number;
/** What the table's texts need of the element's `localize`. */
type Texts = Pick<CrmLocalizeController, 'term' | 'formatNumber' | 'money'>;
interface Column<R> {
  head: string;
  cell: (row: R) => Cell;
}

/** The name a row shows: stage / source / manager name, a lead-funnel step, or "no source" / "no manager". @internal */
export function rowLabel(localize: Pick<CrmLocalizeController, 'term'>, variant: ReportVariant, row: AnyReportRow): string {
  if (variant === 'leads') return localize.term(`funnelReport.step.${row.key as 'leads' | 'customers' | 'orders'}`);
  if (row.key === '') return localize.term(variant === 'sources' ? 'funnelReport.noSource' : 'funnelReport.noManager');
  return row.label;
}

/** Money per currency: `1 200 ₴ + 300 $`; `0 ₴` for none. @internal */
export function sumsText(localize: Pick<CrmLocalizeController, 'money'>, sums: Record<string, number>): string {
  const parts = Object.entries(sums)
    .filter(([, minor]) => minor !== 0)
    .map(([currency, minor]) => localize.money({ minor, currency }, { maximumFractionDigits: 0 }));
  return parts.length ? parts.join(' + ') : localize.money({ minor: 0, currency: 'UAH' }, { maximumFractionDigits: 0 });
}

function columns(localize: Texts, variant: ReportVariant): Column<never>[] {
  const t = localize.term.bind(localize);
  const none = t('common.none');
  const pct = (value: number | null) => (value === null ? none : localize.formatNumber(value, { style: 'percent', maximumFractionDigits: 1 }));
  const uah = (minor: number | null) => (minor === null ? none : localize.money({ minor, currency: 'UAH' }, { maximumFractionDigits: 0 }));
  const n = (value: number | null) => (value === null ? none : localize.formatNumber(value));
  const days = (value: number | null) => (value === null ? none : t('funnelReport.days', Math.round(value * 10) / 10));
  if (variant === 'sources') {
    const cols: Column<SourceRow>[] = [
      { head: t('funnelReport.leads'), cell: (r) => n(r.leads) },
      { head: t('funnelReport.deals'), cell: (r) => n(r.deals) },
      { head: t('funnelReport.won'), cell: (r) => n(r.wonDeals) },
      { head: t('funnelReport.revenue'), cell: (r) => sumsText(localize, r.revenueByCurrency) },
      { head: t('funnelReport.revenueShare'), cell: (r) => pct(r.share.revenue) },
      { head: t('funnelReport.plannedSpend'), cell: (r) => uah(r.plannedSpend) },
      { head: t('funnelReport.actualSpend'), cell: (r) => (r.actualSpend === null ? none : uah(r.actualSpend)) },
      { head: t('funnelReport.expectedRevenue'), cell: (r) => uah(r.expectedRevenue) },
      { head: t('funnelReport.profit'), cell: (r) => uah(r.profit) },
      { head: t('funnelReport.roi'), cell: (r) => pct(r.roi) },
    ];
    return cols as Column<never>[];
  }
  if (variant === 'managers') {
    const cols: Column<ManagerRow>[] = [
      { head: t('funnelReport.interactions'), cell: (r) => n(r.interactions) },
      { head: t('funnelReport.won'), cell: (r) => n(r.won) },
      { head: t('funnelReport.lost'), cell: (r) => n(r.lost) },
      { head: t('funnelReport.conversion'), cell: (r) => pct(r.conversion) },
      { head: t('funnelReport.revenue'), cell: (r) => sumsText(localize, r.revenueByCurrency) },
      { head: t('funnelReport.cycle'), cell: (r) => days(r.averageCycleDays) },
    ];
    return cols as Column<never>[];
  }
  const cols: Column<FunnelRow>[] = [
    { head: t('funnelReport.reached'), cell: (r) => n(r.reached) },
    { head: t('funnelReport.fromPrevious'), cell: (r) => pct(r.fromPrevious) },
    { head: t('funnelReport.fromStart'), cell: (r) => pct(r.fromStart) },
    { head: t('funnelReport.dropOff'), cell: (r) => n(r.dropOff) },
    { head: t('funnelReport.sum'), cell: (r) => sumsText(localize, r.sums) },
  ];
  if (variant === 'stages') cols.push({ head: t('funnelReport.medianDays'), cell: (r) => days(r.medianDays) });
  return cols as Column<never>[];
}

/** The first column's heading per variant. */
function keyHead(localize: Texts, variant: ReportVariant): string {
  const keys = { stages: 'funnelReport.stage', leads: 'funnelReport.step', sources: 'field.source', managers: 'field.manager' } as const;
  return localize.term(keys[variant]);
}

/**
 * The report's numbers as a table — the accessible form of the chart: a
 * caption, column and row headers (`scope`), and in each row header a button
 * that drills down into the row's records. @internal
 */
export function renderReportTable(
  localize: CrmLocalizeController,
  variant: ReportVariant,
  rows: ReportRows,
  caption: string,
  pick: (row: AnyReportRow) => void,
): TemplateResult {
  const cols = columns(localize, variant);
  const showKey = variant === 'leads' ? 'funnelReport.showRecords' : 'funnelReport.showDeals';
  return html`<div class="table-scroll" part="table" tabindex="0" role="region" aria-label=${caption}>
    <table>
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${keyHead(localize, variant)}</th>
          ${cols.map((col) => html`<th scope="col" class="num">${col.head}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${(rows as AnyReportRow[]).map((row) => {
          const label = rowLabel(localize, variant, row);
          const ids = 'ids' in row ? row.ids : row.dealIds;
          return html`<tr data-key=${row.key}>
            <th scope="row">
              ${ids.length
                ? html`<button type="button" class="drill" aria-label=${localize.term(showKey, label)} @click=${() => pick(row)}>${label}</button>`
                : html`<span class="name">${label}</span>`}
            </th>
            ${cols.map((col) => html`<td class="num">${col.cell(row as never)}</td>`)}
          </tr>`;
        })}
      </tbody>
    </table>
  </div>${nothing}`;
}
