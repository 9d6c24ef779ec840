import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LiveQueryController } from '../../controllers/live-query-controller.js';
import { CrmClassificationSelectEvent } from '../../events/classification-select.js';
import { defaultAbcXyzThresholds, type AbcXyzCell, type AbcXyzThresholds } from '../../store/reports/abc-xyz.js';
import type { RelationshipRules } from '../../store/reports/relationship.js';
import type { CalendarDate } from '../../store/types.js';
import { CrmElement } from '../crm-element.js';
import { classifyData, defaultPeriod, endOfDay, type ClassificationData, type ClassificationView } from '../shared/classification-data.js';
import { cellCustomers, classificationMatrix } from '../shared/classification-matrix.js';
import { stageBreakdown } from '../shared/classification-stages.js';
import {
  checkThresholds,
  draftOf,
  thresholdsForm,
  type ThresholdDraft,
  type ThresholdField,
  type ThresholdProblem,
} from '../shared/classification-thresholds.js';
import { setStates } from '../shared/custom-states.js';
import { formStyles } from '../../styles/forms.js';
import { styles } from './customer-classification.styles.js';

export type { ClassificationData } from '../shared/classification-data.js';

/** `"80 15 5"` or `"80,15,5"` → `[80, 15, 5]`. */
const numberList = { fromAttribute: (value: string | null) => value?.split(/[\s,;]+/).filter(Boolean).map(Number) };

/**
 * The ABC/XYZ classification of customers over a period (3×3 matrix of
 * counts and revenue; choose a cell to list its customers), the customers per
 * relationship stage, and a form to change the class thresholds, which
 * re-computes at once. Bound, it reads the store's orders live; set `.data`
 * to classify customers and orders of your own without a store.
 *
 * @summary ABC/XYZ matrix, relationship stages and editable thresholds.
 *
 * @event {CrmClassificationSelectEvent} crm-classification-select - The user chose a matrix cell; `cell` and `customerIds`.
 *
 * @csspart matrix - The ABC/XYZ table.
 * @csspart customers - The chosen cell's customers.
 * @csspart stages - The relationship-stage breakdown.
 * @csspart thresholds - The thresholds form.
 *
 * @cssproperty --crm-classification-cell-color - The colour whose intensity shows a cell's revenue. Defaults to `--crm-color-primary`.
 * @cssproperty --crm-classification-bar-color - The colour of the stage bars. Defaults to `--crm-color-primary`.
 *
 * @cssstate loading - Waiting for data.
 * @cssstate empty - No customer bought anything in the period.
 * @cssstate error - The data could not be read.
 */
@customElement('crm-customer-classification')
export class CrmCustomerClassification extends CrmElement {
  static override styles = [...CrmElement.styles, formStyles, styles];

  /** First day of the period (`YYYY-MM-DD`); default: the first day of the month 11 months ago. */
  @property({ reflect: true }) from: CalendarDate | undefined;
  /** Last day of the period; default today. Relationship stages are judged at its end. */
  @property({ reflect: true }) to: CalendarDate | undefined;
  /** ABC revenue shares in %, summing to 100 (attribute `abc="80 15 5"`). */
  @property({ converter: numberList }) abc: number[] = [...defaultAbcXyzThresholds.abc];
  /** Largest monthly-revenue variation (CV, %) of X and of Y (attribute `xyz="10 25"`). */
  @property({ converter: numberList }) xyz: number[] = [...defaultAbcXyzThresholds.xyz];
  /** The rules of the relationship stages; unset fields take the defaults (2 purchases in 12 months; lapsed after 180 days). */
  @property({ attribute: false }) rules: Partial<RelationshipRules> = {};
  /** Currency of the revenue: only orders in it count. */
  @property() currency = 'UAH';
  /** Customers and orders to classify without a store (unbound). Wins over the store. */
  @property({ attribute: false }) data: ClassificationData | undefined;
  /** Unbound: shows the loading state while the host fetches `data`. */
  @property({ type: Boolean, reflect: true }) loading = false;
  /** The heading level of the element's title within the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private applied: AbcXyzThresholds = defaultAbcXyzThresholds;
  @state() private draft: ThresholdDraft = draftOf(defaultAbcXyzThresholds);
  @state() private problems: Partial<Record<ThresholdField, ThresholdProblem>> = {};
  @state() private selected: AbcXyzCell | undefined;
  @state() private announcement = '';

  private readonly internals = this.attachInternals();

  private readonly live = new LiveQueryController<ClassificationView, string[]>(this, {
    store: () => this.stores.store,
    enabled: () => !this.data && !this.loading,
    // Plain strings, so equal thresholds or rules given anew do not re-read.
    args: () => [this.period.from, this.period.to, this.applied.abc.join(), this.applied.xyz.join(), this.currency, JSON.stringify(this.rules)],
    query: async (store, from, to): Promise<ClassificationView> => {
      if (!from || !to) throw new Error('no period');
      const [report, stages] = await Promise.all([
        store.reports.abcXyz({ from, to, thresholds: this.applied, currency: this.currency }),
        store.reports.relationshipStages({ at: endOfDay(to), rules: this.rules }),
      ]);
      return { report, counts: stages.counts, rules: stages.rules };
    },
  });

  /** The period classified: `from`/`to`, or the defaults. */
  get period(): { from: CalendarDate; to: CalendarDate } {
    const fallback = defaultPeriod();
    return { from: this.from || fallback.from, to: this.to || fallback.to };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('abc') || changed.has('xyz')) {
      const thresholds = { abc: this.abc.slice(0, 3), xyz: this.xyz.slice(0, 2) } as unknown as AbcXyzThresholds;
      this.draft = draftOf(thresholds);
      const checked = checkThresholds(this.draft, undefined);
      this.problems = checked.problems;
      if (checked.thresholds) this.applied = checked.thresholds;
    }
    const view = this.view;
    setStates(this.internals, {
      loading: view === 'loading',
      error: view === 'error',
      empty: typeof view === 'object' && view.report.customers.length === 0,
    });
  }

  /** The classification to draw, or where it is. */
  private get view(): ClassificationView | 'loading' | 'error' {
    if (this.data) return classifyData(this.data, this.period, this.applied, this.rules);
    if (this.loading || this.live.status === 'pending') return this.live.value ?? 'loading';
    if (this.live.status === 'error') return 'error';
    return this.live.value!;
  }

  private onThreshold(field: ThresholdField, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    const checked = checkThresholds(this.draft, field);
    this.problems = checked.problems;
    if (checked.thresholds) {
      this.applied = checked.thresholds;
      this.announcement = 'recomputed';
    }
  }

  private select(cell: AbcXyzCell, view: ClassificationView): void {
    this.selected = cell;
    const found = view.report.matrix.find((entry) => entry.cell === cell)!;
    this.dispatchEvent(new CrmClassificationSelectEvent(cell, found.customerIds));
  }

  protected override render() {
    const view = this.view;
    const { from, to } = this.period;
    const sub = Math.min(this.headingLevel + 1, 6);
    return html`<section aria-labelledby="title" aria-busy=${view === 'loading' ? 'true' : 'false'}>
      <header>
        <div id="title" class="title" role="heading" aria-level=${this.headingLevel}>${this.localize.term('classification.title')}</div>
        <p class="hint">${this.localize.term('classification.period', this.localize.formatDate(from), this.localize.formatDate(to))}</p>
      </header>
      ${thresholdsForm(this.localize, this.draft, this.problems, (field, value) => this.onThreshold(field, value))}
      ${view === 'loading'
        ? html`<p class="placeholder">${this.localize.term('common.loading')}</p>`
        : view === 'error'
          ? html`<p class="placeholder error" role="alert">${this.localize.term('common.loadFailed')}: ${this.localize.errorMessage(this.live.error)}</p>`
          : this.renderView(view, sub)}
      <p role="status" class="visually-hidden">
        ${this.announcement && typeof view === 'object'
          ? this.localize.term('classification.recomputed', this.localize.term('classification.customers', view.report.customers.length))
          : ''}
      </p>
    </section>`;
  }

  private renderView(view: ClassificationView, sub: number) {
    const currency = this.data ? this.currency : ((view.report as { currency?: string }).currency ?? this.currency);
    const empty = view.report.customers.length === 0;
    return html`<div class="matrix-area">
        <p id="matrix-hint" class="hint">${this.localize.term('classification.matrixHint')}</p>
        ${empty
          ? html`<div class="placeholder">
              <p class="strong">${this.localize.term('classification.empty')}</p>
              <p class="hint">${this.localize.term('classification.emptyHint')}</p>
            </div>`
          : html`${classificationMatrix(this.localize, view, currency, this.selected, (cell) => this.select(cell, view))}
              <p class="hint total">
                ${this.localize.term(
                  'classification.total',
                  this.localize.term('classification.customers', view.report.customers.length),
                  this.localize.money({ minor: view.report.revenue, currency }),
                )}
              </p>`}
        ${this.selected && !empty ? cellCustomers(this.localize, view, currency, this.selected, sub) : nothing}
      </div>
      ${stageBreakdown(this.localize, view, sub)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-customer-classification': CrmCustomerClassification;
  }
}
