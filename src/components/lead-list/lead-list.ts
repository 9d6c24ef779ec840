import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CataloguesController, type CatalogueLists } from '../../controllers/catalogues-controller.js';
import { LiveQueryController } from '../../controllers/live-query-controller.js';
import { PagedListController } from '../../controllers/paged-list-controller.js';
import { CrmLeadCreateEvent } from '../../events/lead-create.js';
import { CrmLeadCreateRequestEvent } from '../../events/lead-create-request.js';
import { CrmLeadSelectEvent } from '../../events/lead-select.js';
import type { LeadInput, LeadSort } from '../../store/leads.js';
import type { Lead, LeadStatus } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { setStates } from '../shared/custom-states.js';
import { leadFilterStyles, renderLeadFilters } from '../shared/lead-filters.js';
import type { CrmLeadCreateDialog } from '../shared/lead-create-dialog.js';
import { filterLeads, leadRowStyles, renderLeadHeader, renderLeadRow, type LeadListFilter } from '../shared/lead-rows.js';
import { styles } from './lead-list.styles.js';

/** "New lead" is loaded on first use (and stays cached): the list paints without it. */
const loadCreateDialog = () => import('../shared/lead-create-dialog.js');

/** Search results read at most: a search is for finding a few leads, not for paging through thousands. */
const SEARCH_LIMIT = 500;

/**
 * The leads directory: text search, filters by status, tag, source and
 * manager, an order, and "new lead" with a duplicate warning.
 *
 * **Large lists.** The count shown is the store's (`leads.count`) over every
 * matching lead. Rows are virtualized (`@lit-labs/virtualizer`): the
 * virtualizer's items are just the indices `0 … count − 1`, and only the rows
 * around the visible range are read — one live `leads.list({ offset, limit })`
 * query over a window of a few hundred rows that moves as the user scrolls
 * (`PagedListController`). Rows not read yet show as placeholders. So 100 000
 * leads cost the DOM about as many rows as fit on screen and the memory of one
 * window. A text search reads the store's search results (at most 500, by
 * name) and filters and orders them in memory; so does an unbound list with the
 * leads it was given.
 *
 * Bound (no `.leads`), it reads the store found through `<crm-provider>` and
 * writes a new lead with `leads.create`. Unbound (`.leads` set), it touches no
 * store: "new lead" only fires `crm-lead-create-request`.
 *
 * @summary Leads: search, filters, virtualized rows and "new lead" with a duplicate warning.
 *
 * @event {CrmLeadSelectEvent} crm-lead-select - The user chose a lead (click, Enter or Space on a row, or "Open" in the duplicate warning).
 * @event {CrmLeadCreateRequestEvent} crm-lead-create-request - The user saves a new lead; cancelable, nothing is written if prevented.
 * @event {CrmLeadCreateEvent} crm-lead-create - A new lead was written to the store (bound).
 *
 * @csspart toolbar - The title, the count and the "new lead" button.
 * @csspart filters - The search field and the filters.
 * @csspart grid - The leads' grid.
 * @csspart new-button - The "new lead" button.
 *
 * @cssproperty --crm-lead-list-row-height - Height of a row. Defaults to `3.25rem`.
 * @cssproperty --crm-lead-list-block-size - Height of the element when the page sets none. Defaults to `32rem`.
 *
 * @cssstate loading - The leads are being read.
 * @cssstate empty - No lead matches.
 */
@customElement('crm-lead-list')
export class CrmLeadList extends CrmElement {
  static override styles = [...CrmElement.styles, formStyles, leadRowStyles, leadFilterStyles, ...styles];

  /** Leads to show instead of the store's (unbound use): searched, filtered and ordered in memory. */
  @property({ attribute: false }) leads: Lead[] | undefined;

  /** Users, sources and tags for names and pickers (unbound use); unset, the store's. */
  @property({ attribute: false }) catalogues: Partial<CatalogueLists> | undefined;

  /** Status filter: `open` (new and in progress, the default), `all`, or one status. */
  @property() status: 'open' | 'all' | LeadStatus = 'open';

  /** Only leads from this acquisition source (id). */
  @property() source = '';

  /** Only leads of this manager (user id). */
  @property() manager = '';

  /** Only leads with this tag (id). */
  @property() tag = '';

  /** The order: `-createdAt` (newest first, the default), `createdAt`, `-updatedAt`, `updatedAt`, `name`, `-name`. */
  @property() sort: LeadSort = '-createdAt';

  /** The search text (name, company, phone, e-mail or tax code, by word prefix). */
  @property() query = '';

  /** The chosen lead's id, marked in the list; set when the user chooses one. */
  @property({ attribute: 'selected-id' }) selectedId: string | undefined;

  /** The heading level of the element's title within the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The row in the tab order (roving focus). */
  @state() private activeIndex = 0;
  @state() private announcement = '';
  /** "New lead" has been asked for: its dialog is loaded and rendered. */
  @state() private creating = false;
  @query('crm-lead-create-dialog') private dialog!: CrmLeadCreateDialog;
  @query('.rows') private rowsElement: (HTMLElement & VirtualizerHostElement) | undefined;

  private readonly internals = this.attachInternals();
  private rendered = { first: 0, last: 0 };
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private indices: number[] = [];
  private memory: { key: unknown[]; rows: Lead[] } | undefined;
  private attempt = 0;

  private readonly boundStore = () => this.stores.store;
  /** Unbound (`leads` given), names come from `catalogues` only: no store is read. */
  private readonly catalogueLists = new CataloguesController(this, this.boundStore, () => !this.leads);

  private readonly pager = new PagedListController<Lead, LeadListFilter>(this, {
    store: this.boundStore,
    filter: () => (this.leads || this.query.trim() ? undefined : this.filter),
    count: (store, { sort: _sort, ...filter }) => store.leads.count(filter),
    page: (store, filter, offset, limit) => store.leads.list({ ...filter, offset, limit }),
  });

  private readonly found = new LiveQueryController(this, {
    store: this.boundStore,
    args: (): [string, number] => [this.leads ? '' : this.query.trim(), this.attempt],
    query: (store, text: string, _attempt: number) => (text ? store.leads.search(text, { limit: SEARCH_LIMIT, includeClosed: true }) : undefined),
  });

  private get filter(): LeadListFilter {
    const status = this.status === 'all' ? undefined : this.status === 'open' ? ['new', 'in-progress' as const] : [this.status];
    return {
      status: status as LeadStatus[] | undefined,
      sourceId: this.source || undefined,
      managerId: this.manager || undefined,
      tagId: this.tag || undefined,
      sort: this.sort,
    };
  }

  /** Leads filtered in memory (unbound, or search results), or `undefined` when the store pages them. */
  private get memoryRows(): Lead[] | undefined {
    const source = this.leads ?? (this.query.trim() ? this.found.value : undefined);
    if (!source) return undefined;
    const key = [source, JSON.stringify(this.filter), this.query];
    if (!this.memory || key.some((part, i) => part !== this.memory!.key[i])) this.memory = { key, rows: filterLeads(source, this.filter, this.query) };
    return this.memory.rows;
  }

  private get state(): { status: 'pending' | 'error' | 'complete'; error?: unknown; total: number } {
    if (this.leads) return { status: 'complete', total: this.memoryRows!.length };
    if (this.query.trim()) {
      if (this.found.status === 'error') return { status: 'error', error: this.found.error, total: 0 };
      return { status: this.found.value ? 'complete' : 'pending', total: this.memoryRows?.length ?? 0 };
    }
    return { status: this.pager.status, error: this.pager.error, total: this.pager.count };
  }

  private rowAt(index: number): Lead | undefined {
    const rows = this.memoryRows;
    return rows ? rows[index] : this.pager.rowAt(index);
  }

  private get filtered(): boolean {
    return !!(this.query.trim() || this.source || this.manager || this.tag || this.status !== 'open');
  }

  private resetFilters(): void {
    this.query = this.source = this.manager = this.tag = '';
    this.status = 'open';
  }

  private select(leadId: string, lead?: Lead): void {
    this.selectedId = leadId;
    this.dispatchEvent(new CrmLeadSelectEvent(leadId, lead));
  }

  private retry(): void {
    this.attempt += 1;
    this.pager.retry();
  }

  private onSearchInput(value: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.query = value), 200);
  }

  private onRangeChanged(event: RangeChangedEvent): void {
    this.rendered = { first: event.first, last: event.last };
    if (!this.memoryRows) this.pager.showRange(event.first, event.last);
  }

  /** Makes row `index` the active one, scrolls it into view and focuses it once the virtualizer has drawn it. */
  private async moveTo(index: number): Promise<void> {
    const total = this.state.total;
    if (!total) return;
    this.activeIndex = Math.min(Math.max(index, 0), total - 1);
    await this.updateComplete;
    this.rowsElement?.[virtualizerRef]?.element(this.activeIndex)?.scrollIntoView({ block: 'nearest' });
    for (let frame = 0; frame < 60; frame += 1) {
      const row = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.activeIndex}"]`);
      if (row) return row.focus();
      await new Promise(requestAnimationFrame);
      await this.updateComplete;
    }
  }

  private onRowsKeydown(event: KeyboardEvent): void {
    const row = (event.target as Element).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, this.rendered.last - this.rendered.first - 4);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: this.state.total - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      void this.moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(index);
    }
  }

  private choose(index: number): void {
    const lead = this.rowAt(index);
    this.activeIndex = index;
    if (lead) this.select(lead.id, lead);
  }

  private async openCreate(): Promise<void> {
    const { findLeadDuplicates } = await loadCreateDialog();
    this.creating = true;
    await this.updateComplete;
    const unbound = this.leads;
    const outcome = await this.dialog.open({
      findDuplicates: async ({ phones, emails, taxCode }: LeadInput) =>
        unbound ? findLeadDuplicates(unbound, { name: '', phones, emails, taxCode }) : this.stores.store.leads.findDuplicates({ phones, emails, taxCode }),
      commit: async (input) => {
        const request = new CrmLeadCreateRequestEvent(input);
        this.dispatchEvent(request);
        if (request.defaultPrevented) return false;
        if (unbound) return true;
        const lead = await this.stores.store.leads.create(input);
        this.announcement = this.localize.term('leadList.created', lead.name);
        this.dispatchEvent(new CrmLeadCreateEvent(lead));
        return true;
      },
    });
    if (outcome && 'open' in outcome) this.select(outcome.open.id, unbound?.find((lead) => lead.id === outcome.open.id));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.catalogueLists.override = this.catalogues;
    const filters = ['leads', 'status', 'source', 'manager', 'tag', 'sort', 'query'] as const;
    if (filters.some((name) => changed.has(name)) && this.hasUpdated) {
      this.activeIndex = 0;
      this.rendered = { first: 0, last: 0 };
      if (this.rowsElement) this.rowsElement.scrollTop = 0;
    }
  }

  protected override updated(): void {
    const { status, total } = this.state;
    setStates(this.internals, { loading: status === 'pending', empty: status === 'complete' && total === 0 });
  }

  private renderBody(status: string, total: number, error: unknown) {
    const term = this.localize.term.bind(this.localize);
    if (status === 'pending') return html`<p class="state" role="status">${term('common.loading')}</p>`;
    if (status === 'error')
      return html`<div class="state" role="alert">
        <p><strong>${term('common.loadFailed')}</strong></p>
        <p>${this.localize.errorMessage(error)}</p>
        <button @click=${this.retry}>${term('common.retry')}</button>
      </div>`;
    if (total === 0)
      return html`<div class="state">
        <p><strong>${term(this.filtered ? 'leadList.noMatches' : 'leadList.empty')}</strong></p>
        <p>${term(this.filtered ? 'leadList.noMatchesHint' : 'leadList.emptyHint')}</p>
        ${this.filtered ? html`<button @click=${this.resetFilters}>${term('leadList.resetFilters')}</button>` : nothing}
      </div>`;
    if (this.indices.length !== total) this.indices = Array.from({ length: total }, (_, i) => i);
    const context = { localize: this.localize, sourceName: (id?: string) => this.catalogueLists.sourceName(id), userName: (id?: string) => this.catalogueLists.userName(id) };
    return html`<div class="grid" role="grid" aria-labelledby="title" aria-rowcount=${total + 1} part="grid">
      ${renderLeadHeader(context)}
      <div class="rows" role="rowgroup" @rangeChanged=${this.onRangeChanged} @keydown=${this.onRowsKeydown}
        @click=${(e: Event) => { const row = (e.target as Element).closest<HTMLElement>('[data-index]'); if (row) this.choose(Number(row.dataset.index)); }}>
        ${virtualize({
          items: this.indices,
          scroller: true,
          renderItem: (index: number) => {
            const lead = this.rowAt(index);
            // Keep one row in the tab order even when the active one has scrolled away.
            const { first, last } = this.rendered;
            const tabbable = this.activeIndex >= first && this.activeIndex <= last ? this.activeIndex : first;
            return renderLeadRow(lead, index, { active: index === tabbable, selected: !!lead && lead.id === this.selectedId }, context);
          },
        })}
      </div>
    </div>`;
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const { status, total, error } = this.state;
    const capped = !this.leads && this.query.trim() && (this.found.value?.length ?? 0) >= SEARCH_LIMIT;
    const count = status !== 'complete' ? '' : capped ? term('leadList.countCapped', total) : term('leadList.count', total);
    return html`<section aria-labelledby="title">
      <div class="toolbar" part="toolbar">
        <div id="title" class="title" role="heading" aria-level=${this.headingLevel}>${term('leadList.title')}</div>
        <span class="count" role="status">${count}</span>
        <button class="primary" part="new-button" @click=${this.openCreate}>+ ${term('leadList.new')}</button>
      </div>
      ${renderLeadFilters(this.localize, this.catalogueLists, this, (value) => this.onSearchInput(value))} ${this.renderBody(status, total, error)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.creating
        ? html`<crm-lead-create-dialog .catalogues=${this.leads ? { users: [], sources: [], tags: [], ...this.catalogues } : this.catalogues}></crm-lead-create-dialog>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-lead-list': CrmLeadList;
  }
}
