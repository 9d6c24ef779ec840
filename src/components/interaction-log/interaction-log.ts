import { virtualize, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CataloguesController, type CatalogueLists } from '../../controllers/catalogues-controller.js';
import { PagedListController } from '../../controllers/paged-list-controller.js';
import type { InteractionAction } from '../../events/interaction-change-request.js';
import type { Interaction, InteractionDirection, InteractionKind, InteractionStatus, SubjectRef } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { setStates } from '../shared/custom-states.js';
import { entryStyles, entryTexts, feedStyles, renderFeedState, renderInteractionEntry, type EntryContext } from '../shared/interaction-entry.js';
import { filterStyles, renderInteractionFilters, type InteractionFilterValues } from '../shared/interaction-filters.js';
import { countInteractions, dayKey, dayLabel, feedLayout, filterInteractions, readInteractionPage, type InteractionLogFilter } from '../shared/interaction-log-data.js';
import '../shared/interaction-quick-form.js';
import type { InteractionDraft } from '../shared/interaction-quick-form.js';
import type { LogActionsHost } from '../shared/interaction-log-actions.js';
import type { CrmInteractionRescheduleDialog } from '../shared/interaction-reschedule-dialog.js';
import { styles } from './interaction-log.styles.js';

/** The kinds of subject a log can be bound to. */
export type InteractionLogSubjectType = 'lead' | 'counterparty' | 'contact' | 'deal' | 'claim';
const subjectTypes: readonly string[] = ['lead', 'counterparty', 'contact', 'deal', 'claim'];
// What the first paint does not show loads just after it: the reminder notices (shown when a reminder
// falls due), the reschedule dialog, and what registering or changing an interaction does.
const once = <T>(load: () => Promise<T>) => ((loaded?: Promise<T>) => () => (loaded ??= load()))();
const loadActions = once(() => import('../shared/interaction-log-actions.js'));
const loadDialog = once(() => import('../shared/interaction-reschedule-dialog.js'));
const loadReminders = once(() => import('../shared/reminder-notices.js'));

/** The day of the topmost entry in view (pinned above the feed). */
type TopDay = { day: string; at: number };

/**
 * The contact history (B1–B4, A7): a timeline of interactions, newest first,
 * grouped by day, with a quick registration form, filters by kind, direction
 * and state, and per-entry actions — complete or reschedule a planned one,
 * mark one processed, and make a lead of an unknown caller.
 *
 * **Which interactions.** `subject-type` + `subject-id`: that lead's,
 * counterparty's, contact's, deal's or claim's timeline; neither: every
 * interaction; `mode="unprocessed"`: the queue of unprocessed ones (B2).
 * Planned items are marked, overdue ones stay in place, marked overdue.
 * Reminders falling due while the page is open show as notices above the form.
 *
 * **Large logs.** The count is the store's. Entries are virtualized: only
 * those in view are in the DOM, and only a window around them is read (one
 * live query, `PagedListController`), so 100 000 interactions scroll with a
 * constant number of nodes. Each day's heading is drawn in its first entry;
 * the day of the topmost entry stays pinned above the feed.
 *
 * Bound (no `.interactions`) it writes through the store: `interactions.register`,
 * `complete`, `markProcessed`, `reschedule`, `leads.fromInteraction`. Unbound
 * (`.interactions` set) it touches no store and only fires the request events.
 *
 * @summary Interaction timeline with quick registration, filters, actions and the unprocessed queue.
 *
 * @event {CrmInteractionCreateRequestEvent} crm-interaction-create-request - The user registers an interaction; cancelable.
 * @event {CrmInteractionCreateEvent} crm-interaction-create - The interaction was written (bound).
 * @event {CrmInteractionChangeRequestEvent} crm-interaction-change-request - The user completes, marks processed, reschedules or makes a lead of one (`action`); cancelable.
 * @event {CrmInteractionChangeEvent} crm-interaction-change - The change was written (bound).
 * @event {CrmLeadCreateEvent} crm-lead-create - A lead was made of an unknown caller (bound).
 *
 * @csspart toolbar - The title and the count.
 * @csspart reminders - The in-page notices of due reminders (B3: snooze, dismiss; `<crm-reminder-notices>`).
 * @csspart form - The quick registration form.
 * @csspart filters - The filters.
 * @csspart feed - The scrolling feed of entries.
 *
 * @cssproperty --crm-interaction-log-block-size - Height of the element when the page sets none. Defaults to `40rem`.
 * @cssproperty --crm-interaction-log-day-height - Height of a day heading. Defaults to `2rem`.
 *
 * @cssstate loading - The interactions are being read.
 * @cssstate empty - No interaction matches.
 */
@customElement('crm-interaction-log')
export class CrmInteractionLog extends CrmElement {
  static override styles = [...CrmElement.styles, formStyles, entryStyles, feedStyles, filterStyles, ...styles];

  /** The kind of subject whose timeline to show: `lead`, `counterparty`, `contact`, `deal` or `claim`; unset, every interaction. */
  @property({ attribute: 'subject-type' }) subjectType: InteractionLogSubjectType | undefined;

  /** The id of the subject whose timeline to show. */
  @property({ attribute: 'subject-id' }) subjectId: string | undefined;

  /** `unprocessed`: the queue of interactions not yet handled (B2) instead of a timeline. */
  @property({ reflect: true }) mode: '' | 'unprocessed' = '';

  /** Interactions to show instead of the store's (unbound use): filtered and ordered in memory; no store is touched. */
  @property({ attribute: false }) interactions: Interaction[] | undefined;

  /** Users for authors' names (unbound use); unset, the store's. */
  @property({ attribute: false }) catalogues: Partial<CatalogueLists> | undefined;

  /** Kind filter (one kind, e.g. `call`); empty, all kinds. */
  @property() kind: InteractionKind | '' = '';

  /** Direction filter (`incoming`, `outgoing`, `none`); empty, all. */
  @property() direction: InteractionDirection | '' = '';

  /** State filter (`planned`, `done`, `cancelled`); empty, all. */
  @property() status: InteractionStatus | '' = '';

  /** Leave out the in-page reminder notices (e.g. a second log on the same page already shows them). */
  @property({ type: Boolean, attribute: 'hide-reminders' }) hideReminders = false;

  /** The heading level of the element's title; day headings are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private activeIndex = 0;
  @state() private announcement = '';
  @state() private actionError = '';
  /** The topmost entry in view; only a change of its day re-renders (the pinned day). */
  private firstVisible = 0;
  @state({ hasChanged: (a?: TopDay, b?: TopDay) => a?.day !== b?.day }) private top: TopDay | undefined;
  private measuredFeed: HTMLElement | undefined;
  @state() private expanded = new Set<string>();
  @query('crm-interaction-reschedule-dialog') private dialog!: CrmInteractionRescheduleDialog;
  @query('.feed') private feed: (HTMLElement & VirtualizerHostElement) | undefined;

  private readonly internals = this.attachInternals();
  private rendered = { first: 0, last: 0 };
  private indices: number[] = [];
  private memory: { key: unknown[]; rows: Interaction[] } | undefined;

  private readonly boundStore = () => this.stores.store;
  private readonly catalogueLists = new CataloguesController(this, this.boundStore, () => !this.interactions);
  private readonly pager = new PagedListController<Interaction, InteractionLogFilter>(this, {
    store: this.boundStore,
    filter: () => (this.interactions ? undefined : this.filter),
    count: countInteractions,
    page: readInteractionPage,
    pageSize: 50,
  });

  private get subjectRef(): SubjectRef | undefined {
    return this.subjectType && subjectTypes.includes(this.subjectType) && this.subjectId ? { type: this.subjectType, id: this.subjectId } : undefined;
  }

  private get filter(): InteractionLogFilter {
    const unprocessed = this.mode === 'unprocessed';
    return {
      mode: unprocessed ? 'unprocessed' : this.subjectRef ? 'subject' : 'all',
      subject: unprocessed ? undefined : this.subjectRef,
      kinds: this.kind ? [this.kind] : undefined,
      direction: this.direction || undefined,
      status: this.status || undefined,
    };
  }

  private get memoryRows(): Interaction[] | undefined {
    if (!this.interactions) return undefined;
    const key = [this.interactions, JSON.stringify(this.filter)];
    if (!this.memory || key.some((part, i) => part !== this.memory!.key[i])) this.memory = { key, rows: filterInteractions(this.interactions, this.filter) };
    return this.memory.rows;
  }

  private get state(): { status: 'pending' | 'error' | 'complete'; error?: unknown; total: number } {
    if (this.interactions) return { status: 'complete', total: this.memoryRows!.length };
    return { status: this.pager.status, error: this.pager.error, total: this.pager.count };
  }

  private rowAt(index: number): Interaction | undefined {
    return this.memoryRows ? this.memoryRows[index] : this.pager.rowAt(index);
  }

  private resetFilters(): void {
    this.kind = this.direction = this.status = '';
  }

  private readonly actionsHost: LogActionsHost = {
    element: this,
    localize: this.localize,
    store: () => this.stores.store,
    unbound: () => this.interactions !== undefined,
    subject: () => this.subjectRef,
    announce: (text) => (this.announcement = text),
  };

  /** The quick form's `commit`: the same function every render, so the form is not drawn again with the feed. */
  private readonly commitDraft = (draft: InteractionDraft) => this.register(draft);

  /** Registers the quick form's draft (see `registerDraft`). */
  private async register(draft: InteractionDraft): Promise<boolean> {
    return (await loadActions()).registerDraft(this.actionsHost, draft);
  }

  /** Completes, marks processed, reschedules or makes a lead of an interaction (see `changeInteraction`). */
  private async change(action: InteractionAction, item: Interaction, at?: number): Promise<boolean> {
    return (await loadActions()).changeInteraction(this.actionsHost, action, item, at);
  }

  private async act(action: InteractionAction, item: Interaction, index: number): Promise<void> {
    this.actionError = '';
    let done = false;
    if (action === 'reschedule') {
      await loadDialog();
      await customElements.whenDefined('crm-interaction-reschedule-dialog');
      done = (await this.dialog.open({ interaction: item, commit: (at) => this.change('reschedule', item, at) })) !== undefined;
    } else {
      try {
        done = await this.change(action, item);
      } catch (error) {
        this.actionError = this.localize.errorMessage(error);
      }
    }
    // The entry's buttons change or it leaves the queue: keep the keyboard user on the entry.
    if (!done) return;
    this.activeIndex = index;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`article[data-index="${index}"]`)?.focus();
  }

  private onFeedClick(event: Event): void {
    const target = event.target as Element;
    const entry = target.closest<HTMLElement>('[data-index]');
    const button = target.closest<HTMLButtonElement>('button[data-action]');
    if (!entry) return;
    const index = Number(entry.dataset.index);
    this.activeIndex = index;
    const item = this.rowAt(index);
    if (!button || !item) return;
    const action = button.dataset.action!;
    if (action !== 'toggle') return void this.act(action as InteractionAction, item, index);
    const expanded = new Set(this.expanded);
    if (!expanded.delete(item.id)) expanded.add(item.id);
    this.expanded = expanded;
  }

  private onFeedKeydown(event: KeyboardEvent): void {
    const entry = event.target as HTMLElement;
    if (!entry.matches('article[data-index]')) return;
    const index = Number(entry.dataset.index);
    const page = Math.max(1, this.rendered.last - this.rendered.first - 2);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: this.state.total - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    void this.moveTo(moves[event.key]!);
  }

  /** Makes entry `index` the active one, scrolls it into view and focuses it once drawn. */
  private async moveTo(index: number): Promise<void> {
    const total = this.state.total;
    if (!total) return;
    this.activeIndex = Math.min(Math.max(index, 0), total - 1);
    const target = this.activeIndex;
    await this.updateComplete;
    const { focusFeedEntry } = await import('../shared/interaction-feed-focus.js');
    await focusFeedEntry(this.renderRoot as ShadowRoot, this.feed, target, () => this.activeIndex === target && this.state.total > target);
  }

  private onRangeChanged(event: RangeChangedEvent): void {
    this.rendered = { first: event.first, last: event.last };
    if (!this.memoryRows) this.pager.showRange(event.first, event.last);
  }

  private onVisibilityChanged(event: VisibilityChangedEvent): void {
    this.firstVisible = event.first;
    this.top = this.topOf(event.first);
    // The scrollbar's gutter is stable: measured once per feed, not on every scroll (a forced layout).
    if (this.feed && this.measuredFeed !== this.feed) {
      this.measuredFeed = this.feed;
      this.style.setProperty('--_scrollbar', `${this.feed.offsetWidth - this.feed.clientWidth}px`);
    }
  }

  private topOf(index: number): TopDay | undefined {
    const row = this.rowAt(index);
    return row ? { day: dayKey(row.at), at: row.at } : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.catalogueLists.override = this.catalogues;
    const filters = ['interactions', 'subjectType', 'subjectId', 'mode', 'kind', 'direction', 'status'] as const;
    if (filters.some((name) => changed.has(name)) && this.hasUpdated) {
      this.activeIndex = this.firstVisible = 0;
      this.rendered = { first: 0, last: 0 };
      if (this.feed) this.feed.scrollTop = 0;
    }
    this.top = this.topOf(this.firstVisible);
  }

  protected override updated(): void {
    if (!this.hideReminders) void loadReminders();
    void loadDialog();
    void loadActions();
    const { status, total } = this.state;
    setStates(this.internals, { loading: status === 'pending', empty: status === 'complete' && total === 0 });
  }

  private renderBody(status: string, total: number, error: unknown) {
    const empty = status !== 'complete' || total === 0;
    if (empty) return renderFeedState(this.localize, { status, error, filtered: !!(this.kind || this.direction || this.status), queue: this.mode === 'unprocessed', retry: () => this.pager.retry(), reset: () => this.resetFilters() });
    if (this.indices.length !== total) this.indices = Array.from({ length: total }, (_, i) => i);
    const term = this.localize.term.bind(this.localize);
    const now = Date.now();
    const context: EntryContext = {
      localize: this.localize,
      texts: entryTexts(this.localize, now),
      now,
      headingLevel: Math.min(this.headingLevel + 1, 6),
      total,
      userName: (id) => this.catalogueLists.userName(id),
      expanded: this.expanded,
    };
    const { first, last } = this.rendered;
    // Keep one entry in the tab order even when the active one has scrolled away.
    const tabbable = this.activeIndex >= first && this.activeIndex <= last ? this.activeIndex : first;
    const top = this.top;
    return html`<div class="feed-wrap">
      <div
        class="feed"
        role="feed"
        aria-label=${term('interactionLog.feed')}
        aria-busy=${status === 'complete' ? 'false' : 'true'}
        part="feed"
        @rangeChanged=${this.onRangeChanged}
        @visibilityChanged=${this.onVisibilityChanged}
        @click=${this.onFeedClick}
        @keydown=${this.onFeedKeydown}
      >
        ${virtualize({
          items: this.indices,
          scroller: true,
          layout: feedLayout(),
          renderItem: (index: number) => renderInteractionEntry(this.rowAt(index), index === 0 ? null : this.rowAt(index - 1), index, index === tabbable, context),
        })}
      </div>
      ${top ? html`<div class="day current-day" aria-hidden="true">${dayLabel(top.at, now, this.localize)}</div>` : nothing}
    </div>`;
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const { status, total, error } = this.state;
    const queue = this.mode === 'unprocessed';
    return html`<section aria-labelledby="title">
      <div class="toolbar" part="toolbar">
        <div id="title" class="title" role="heading" aria-level=${this.headingLevel}>${term(queue ? 'interactionLog.titleUnprocessed' : 'interactionLog.title')}</div>
        <span class="count" role="status">${status === 'complete' ? term('interactionLog.count', total) : ''}</span>
      </div>
      <div class="top">
        ${this.hideReminders ? nothing : html`<crm-reminder-notices part="reminders" limit="2" heading-level=${Math.min(this.headingLevel + 1, 6)} .reminders=${this.interactions ? [] : undefined}></crm-reminder-notices>`}
        <crm-interaction-quick-form part="form" .askFrom=${!this.subjectRef} .commit=${this.commitDraft}></crm-interaction-quick-form>
      </div>
      ${renderInteractionFilters(this.localize, this as unknown as InteractionFilterValues)}
      ${this.actionError ? html`<p class="action-error" role="alert">${this.actionError}</p>` : nothing}
      ${this.renderBody(status, total, error)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <crm-interaction-reschedule-dialog></crm-interaction-reschedule-dialog>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-interaction-log': CrmInteractionLog;
  }
}
