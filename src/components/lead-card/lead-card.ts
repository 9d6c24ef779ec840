import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CataloguesController, type CatalogueLists } from '../../controllers/catalogues-controller.js';
import { LiveQueryController } from '../../controllers/live-query-controller.js';
import {
  CrmInteractionCreateEvent,
  CrmInteractionCreateRequestEvent,
  CrmLeadConvertEvent,
  CrmLeadConvertRequestEvent,
  CrmLeadLostEvent,
  CrmLeadLostRequestEvent,
  CrmLeadReopenEvent,
  CrmLeadReopenRequestEvent,
  CrmLeadUpdateEvent,
  CrmLeadUpdateRequestEvent,
} from '../../events/index.js';
import type { PipelineWithStages } from '../../store/pipelines.js';
import type { CrmStore } from '../../store/store.js';
import type { Counterparty, Id, Interaction, Lead, SubjectRef } from '../../store/types.js';
import type { QuickInteraction } from '../shared/lead-card-quick-interaction.js';
import { completeLists, leadDetailsStyles, renderLeadDetails, renderLeadHeader, type LeadCardData } from '../shared/lead-card-view.js';
import '../shared/lost-reason-dialog.js';
import { CrmElement } from '../crm-element.js';
import { setStates } from '../shared/custom-states.js';
import { styles } from './lead-card.styles.js';

const dialogTags = { edit: 'crm-lead-edit-dialog', convert: 'crm-convert-lead-dialog', lost: 'crm-lost-reason-dialog' } as const;
type DialogName = keyof typeof dialogTags;

// Rarely used pieces load on first use (and stay cached); the lost-reason dialog is shared core (the deal pipeline paints with it).
const loadConvert = () => import('../shared/convert-lead-dialog.js');
const loadQuick = () => import('../shared/lead-card-quick-interaction.js');
const loaders = { edit: () => import('../shared/lead-card-edit-dialog.js'), convert: loadConvert, lost: async () => undefined };

/** The end of the current minute: what "now" is for last/next, so the query re-runs once a minute, not on every render. */
const minuteEnd = () => Math.ceil(Date.now() / 60_000) * 60_000;

const readLead = (store: CrmStore, id: Id) =>
  store.leads.get(id).then((lead) => (lead?.counterpartyId ? store.counterparties.get(lead.counterpartyId).then((counterparty) => ({ lead, counterparty })) : lead ? { lead, counterparty: undefined } : null));

/** Whose last/next interaction the card shows: the customer's once converted, else the lead's. */
const historyOf = (value: { counterparty?: Pick<Counterparty, 'id'> | undefined } | null | undefined, leadId: Id) =>
  (value?.counterparty ? ['counterparty', value.counterparty.id] : ['lead', leadId]) as [SubjectRef['type'], Id];

/**
 * A lead at a glance — name, company, phones (as `tel:` links written the
 * Ukrainian way), e-mails, messengers, tags, source, manager, status, the last
 * interaction and the next planned one — with its actions: edit, log a quick
 * interaction, convert into a customer (optionally with a deal), mark lost
 * (a reason is required) and reopen.
 *
 * Bound (`lead-id`), it reads the lead live from the store found through
 * `<crm-provider>` and writes through store operations. Unbound (`.lead` and
 * the related plain properties), it touches no store: each action only fires
 * its cancelable `…-request` event with the input. A host may veto any write
 * with `preventDefault()` on the request.
 *
 * @summary A lead's details and actions: edit, log, convert, mark lost.
 *
 * @event {CrmLeadUpdateRequestEvent} crm-lead-update-request - Before an edit is saved; cancelable. `leadId`, `patch`.
 * @event {CrmLeadUpdateEvent} crm-lead-update - After an edit was saved. `lead`.
 * @event {CrmInteractionCreateRequestEvent} crm-interaction-create-request - Before a quick interaction is registered; cancelable. `input`.
 * @event {CrmInteractionCreateEvent} crm-interaction-create - After a quick interaction was registered. `interaction`.
 * @event {CrmLeadConvertRequestEvent} crm-lead-convert-request - Before the conversion; cancelable. `leadId`, `input`.
 * @event {CrmLeadConvertEvent} crm-lead-convert - After the conversion. `result` (lead, counterparty, deal, moved).
 * @event {CrmLeadLostRequestEvent} crm-lead-lost-request - Before the lead is marked lost; cancelable. `leadId`, `input` (reason).
 * @event {CrmLeadLostEvent} crm-lead-lost - After the lead was marked lost. `lead`.
 * @event {CrmLeadReopenRequestEvent} crm-lead-reopen-request - Before a lost lead is reopened; cancelable. `leadId`.
 * @event {CrmLeadReopenEvent} crm-lead-reopen - After a lost lead was reopened. `lead`.
 *
 * @csspart card - The card's frame.
 * @csspart header - Name, status, company and customer.
 * @csspart status - The status badge.
 * @csspart details - The list of details.
 * @csspart actions - The action buttons.
 *
 * @cssproperty --crm-lead-card-padding - Space inside the card. Defaults to `--crm-space-l`.
 * @cssproperty --crm-lead-card-label-width - Width of the detail labels on wide cards. Defaults to `11rem`.
 *
 * @cssstate loading - The lead is being read.
 * @cssstate error - No such lead, or it could not be read.
 * @cssstate lost - The lead is lost.
 * @cssstate converted - The lead became a customer.
 */
@customElement('crm-lead-card')
export class CrmLeadCard extends CrmElement {
  static override styles = [...CrmElement.styles, leadDetailsStyles, styles];

  /** The id of the lead to show from the store (bound use). Ignored while `lead` is set. */
  @property({ attribute: 'lead-id', reflect: true }) leadId: string | undefined;

  /** The lead to show (unbound use): the card touches no store and actions only fire their request events. Wins over `lead-id`. */
  @property({ attribute: false }) lead: Lead | undefined;

  /** Unbound use: the latest done interaction with the lead. */
  @property({ attribute: false }) lastInteraction: Interaction | undefined;

  /** Unbound use: the next planned interaction with the lead. */
  @property({ attribute: false }) nextAction: Interaction | undefined;

  /** Unbound use: the customer a converted lead became. */
  @property({ attribute: false }) counterparty: Pick<Counterparty, 'id' | 'name'> | undefined;

  /** Unbound use: users, sources, tags and lost reasons whose names the card shows and whose items its forms offer. */
  @property({ attribute: false }) catalogues: Partial<CatalogueLists> | undefined;

  /** Pipelines with their stages offered for a deal on conversion; unset, the store's (bound) or none (unbound). */
  @property({ attribute: false }) pipelines: PipelineWithStages[] | undefined;

  /** Unbound use: shows the loading state while the host fetches the lead. */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** The heading level of the lead's name within the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private quickOpen = false;
  @state() private announcement = '';
  @state() private wanted: ReadonlySet<DialogName> = new Set();
  @query('[role="status"]') private statusRegion!: HTMLElement;

  private readonly internals = this.attachInternals();
  private catalogueController: CataloguesController | undefined;
  private clock: ReturnType<typeof setInterval> | undefined;

  /**
   * The lead and, once converted, the customer it became (`null`: no such lead). Unbound, no query gets an id.
   * Dexie promises chained, no `await` (`readLead`): Dexie then hands an edit over at once, not a timer later.
   */
  private readonly data = new LiveQueryController(this, {
    store: () => this.stores.store,
    args: () => [this.bound ? this.leadId : undefined] as [string | undefined],
    query: (store, id) => (id ? readLead(store, id) : undefined),
  });

  /** Last/next interaction, read apart from the lead: an edit of the lead does not re-read them (nor a new interaction the lead). */
  private readonly history = new LiveQueryController(this, {
    store: () => this.stores.store,
    args: () => (this.bound ? [...historyOf(this.data.value, this.leadId!), minuteEnd()] : [undefined, '', 0]) as [SubjectRef['type'] | undefined, Id, number],
    query: async (store, type, id, now) => (type ? { key: `${type}:${id}`, ...(await store.interactions.lastAndNext({ type, id }, now)) } : undefined),
  });

  /** Whether the card reads and writes the store: `lead-id` set and no `lead`. */
  get bound(): boolean {
    return this.lead === undefined && !!this.leadId;
  }

  private get store(): CrmStore | undefined {
    return this.bound ? this.stores.store : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Relative times ("in 2 days") and the overdue mark move on with the clock.
    this.clock = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  /** What to show: the data, `null` for no such lead, `undefined` while loading or empty. */
  private get view(): LeadCardData | null | undefined {
    if (this.lead) return { lead: this.lead, counterparty: this.counterparty, last: this.lastInteraction, next: this.nextAction };
    const value = this.data.value;
    if (!this.bound || value === undefined) return undefined;
    if (value === null) return this.data.status === 'pending' ? undefined : null;
    const history = this.history.value;
    if (value.lead.id !== this.leadId || (history?.key !== historyOf(value, value.lead.id).join(':') && this.history.status !== 'error')) return undefined;
    return { ...value, last: history?.last, next: history?.next };
  }

  private get lists(): CatalogueLists {
    return this.bound && this.catalogueController ? this.catalogueController.current : completeLists(this.catalogues);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Created only once bound, so an unbound card never reads a store.
    if (this.bound) this.catalogueController ??= new CataloguesController(this, () => this.stores.store);
    const view = this.view;
    const states = {
      loading: view === undefined && (this.loading || (this.bound && this.data.status !== 'error')),
      error: view === null || (this.bound && this.data.status === 'error' && !view),
      lost: view?.lead.status === 'lost',
      converted: view?.lead.status === 'converted',
    };
    setStates(this.internals, states);
  }

  /** Fires a request event; `true` unless the host vetoed it. */
  private allowed(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  private async announce(text: string, focus = false): Promise<void> {
    // Emptied first, so the same words said twice are announced twice.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
    await this.updateComplete;
    if (focus) this.statusRegion.focus();
  }

  /** The dialog, loaded and rendered on first use only: unused dialogs cost no code and read nothing. */
  private async dialog<K extends DialogName>(name: K): Promise<HTMLElementTagNameMap[(typeof dialogTags)[K]]> {
    if (!this.wanted.has(name)) {
      await loaders[name]();
      this.wanted = new Set([...this.wanted, name]);
      await this.updateComplete;
    }
    return this.renderRoot.querySelector(dialogTags[name])!;
  }

  private async edit(lead: Lead): Promise<void> {
    const store = this.store;
    const dialog = await this.dialog('edit');
    await dialog.open({
      lead,
      catalogues: store ? undefined : this.catalogues,
      commit: async (patch) => {
        if (!this.allowed(new CrmLeadUpdateRequestEvent(lead.id, patch)) || !store) return;
        this.dispatchEvent(new CrmLeadUpdateEvent(await store.leads.update(lead.id, patch)));
        void this.announce(this.localize.term('leadCard.saved'));
      },
    });
  }

  private async logInteraction(lead: Lead, quick: QuickInteraction): Promise<void> {
    // The user logging it has handled it: it does not join the unprocessed queue.
    const input = { ...quick, status: 'done' as const, processed: true, subjectRef: { type: 'lead' as const, id: lead.id } };
    const store = this.store;
    if (!this.allowed(new CrmInteractionCreateRequestEvent(input)) || !store) return;
    this.dispatchEvent(new CrmInteractionCreateEvent(await store.interactions.register(input)));
    void this.announce(this.localize.term('leadCard.logged'));
  }

  private async openQuick(): Promise<void> {
    await loadQuick();
    this.quickOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector('crm-lead-quick-interaction')?.focus();
  }

  private async closeQuick(): Promise<void> {
    this.quickOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#log')?.focus();
  }

  private async convert(lead: Lead): Promise<void> {
    const store = this.store;
    const { conversionChoices } = await loadConvert();
    const choices = store ? await conversionChoices(store, lead) : { pipelines: [], candidates: [] };
    const dialog = await this.dialog('convert');
    let done = '';
    await dialog.open({
      lead,
      ...choices,
      pipelines: this.pipelines ?? choices.pipelines,
      commit: async (input) => {
        if (!this.allowed(new CrmLeadConvertRequestEvent(lead.id, input)) || !store) return;
        const result = await store.leads.convert(lead.id, input);
        this.dispatchEvent(new CrmLeadConvertEvent(result));
        done = this.localize.term('leadCard.converted', result.counterparty.name);
      },
    });
    // The buttons that opened it are gone once converted: keep focus in the card.
    if (done) await this.announce(done, true);
  }

  private async markLost(lead: Lead): Promise<void> {
    const store = this.store;
    const dialog = await this.dialog('lost');
    let done = '';
    await dialog.open({
      subject: lead.name,
      commit: async (input) => {
        if (!this.allowed(new CrmLeadLostRequestEvent(lead.id, input)) || !store) return;
        this.dispatchEvent(new CrmLeadLostEvent(await store.leads.markLost(lead.id, input)));
        done = this.localize.term('leadCard.markedLost');
      },
    });
    if (done) await this.announce(done, true);
  }

  private async reopen(lead: Lead): Promise<void> {
    const store = this.store;
    if (!this.allowed(new CrmLeadReopenRequestEvent(lead.id)) || !store) return;
    try {
      this.dispatchEvent(new CrmLeadReopenEvent(await store.leads.reopen(lead.id)));
      await this.announce(this.localize.term('leadCard.reopened'), true);
    } catch (error) {
      await this.announce(this.localize.errorMessage(error), true);
    }
  }

  private renderActions(lead: Lead) {
    const term = this.localize.term.bind(this.localize);
    if (lead.status === 'converted') return nothing;
    const open = lead.status !== 'lost';
    return html`<div class="actions" part="actions" role="group" aria-label=${term('leadCard.actions')}>
      <button type="button" id="edit" @click=${() => this.edit(lead)}>${term('action.edit')}</button>
      <button type="button" id="log" aria-expanded=${this.quickOpen ? 'true' : 'false'} @click=${() => (this.quickOpen ? this.closeQuick() : this.openQuick())}>
        ${term('leadCard.logInteraction')}
      </button>
      ${open
        ? html`<button type="button" id="convert" class="primary" @click=${() => this.convert(lead)}>${term('leadCard.convert')}</button>
            <button type="button" id="lost" @click=${() => this.markLost(lead)}>${term('lost.confirm')}</button>`
        : html`<button type="button" id="reopen" @click=${() => this.reopen(lead)}>${term('leadCard.reopen')}</button>`}
    </div>`;
  }

  private renderCard(data: LeadCardData) {
    const { lead } = data;
    return html`<article part="card" aria-labelledby="name">
      ${renderLeadHeader(this.localize, data, this.headingLevel)}
      ${renderLeadDetails(this.localize, data, this.lists, Date.now())} ${this.renderActions(lead)}
      ${this.quickOpen && lead.status !== 'converted'
        ? html`<crm-lead-quick-interaction
            .commit=${(quick: QuickInteraction) => this.logInteraction(lead, quick)}
            @quick-interaction-done=${this.closeQuick}
            @quick-interaction-cancel=${this.closeQuick}
          ></crm-lead-quick-interaction>`
        : nothing}
    </article>`;
  }

  private renderState(view: LeadCardData | null | undefined) {
    const term = this.localize.term.bind(this.localize);
    if (view) return this.renderCard(view);
    if (view === null) return html`<p part="card" class="message error" role="alert">${term('leadCard.notFound')}</p>`;
    if (this.bound && this.data.status === 'error')
      return html`<p part="card" class="message error" role="alert">${term('common.loadFailed')}</p>`;
    if (this.loading || this.bound) return html`<p part="card" class="message" aria-busy="true">${term('common.loading')}</p>`;
    return html`<p part="card" class="message">${term('leadCard.empty')}</p>`;
  }

  protected override render() {
    const lostReasons = this.bound ? undefined : (this.catalogues?.lostReasons ?? []);
    return html`${this.renderState(this.view)}
      <p role="status" tabindex="-1" class=${this.announcement ? 'notice' : 'notice visually-hidden'}>${this.announcement}</p>
      ${this.wanted.has('edit') ? html`<crm-lead-edit-dialog></crm-lead-edit-dialog>` : nothing}
      ${this.wanted.has('convert') ? html`<crm-convert-lead-dialog></crm-convert-lead-dialog>` : nothing}
      ${this.wanted.has('lost') ? html`<crm-lost-reason-dialog .reasons=${lostReasons}></crm-lost-reason-dialog>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-lead-card': CrmLeadCard;
  }
}
