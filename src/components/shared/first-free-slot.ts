import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LiveQueryController } from '../../controllers/live-query-controller.js';
import type { FreeSlot, FreeSlotsQuery } from '../../store/appointments.js';
import { addDays, localDate } from '../../store/slots.js';
import type { CalendarDate, Id, Instant, Service, User } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import './appointment-booking-dialog.js';
import type { CrmAppointmentBookingDialog } from './appointment-booking-dialog.js';
import { selectField, textField } from './fields.js';

export type { FreeSlot } from '../../store/appointments.js';

/** The slot a user chose. */
export interface SlotChoice {
  specialistId: Id;
  start: Instant;
  serviceId: Id;
}

/**
 * Internal, fired on `<crm-first-free-slot>` itself when the user chooses a
 * slot: it neither bubbles nor crosses shadow roots. Cancelable: unless its
 * listener calls `preventDefault()`, the element opens its own booking dialog
 * prefilled with the slot (bound use only).
 */
export class SlotChooseEvent extends Event {
  static readonly eventName = 'slot-choose';
  constructor(readonly detail: SlotChoice) {
    super(SlotChooseEvent.eventName, { bubbles: false, composed: false, cancelable: true });
  }
}

interface DayGroup {
  date: CalendarDate;
  rows: Array<{ specialistId: Id; slots: FreeSlot[] }>;
}

/** Slots by local day, and within a day by specialist in `order` (the store's name order). */
function groupByDay(slots: readonly FreeSlot[], order: readonly Id[]): DayGroup[] {
  const days = new Map<CalendarDate, Map<Id, FreeSlot[]>>();
  for (const slot of slots) {
    const date = localDate(slot.start);
    const day = days.get(date) ?? new Map<Id, FreeSlot[]>();
    days.set(date, day);
    const list = day.get(slot.specialistId) ?? [];
    list.push(slot);
    day.set(slot.specialistId, list);
  }
  const rank = (id: Id) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...days].map(([date, bySpecialist]) => ({
    date,
    rows: [...bySpecialist]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([specialistId, list]) => ({ specialistId, slots: list })),
  }));
}

/**
 * "First free slot" of `crm-appointment-journal`: for a service, from a date,
 * with one specialist or any, the free starts (`store.appointments.freeSlots`)
 * grouped by day and specialist, `days` days at a time with "show later days".
 * The slot buttons are one tab stop: the arrows, Home and End move between
 * them. Choosing one fires the internal `slot-choose` event (see
 * `SlotChooseEvent`); unless it is cancelled, the element's own booking dialog
 * opens prefilled, and the list follows the store live.
 *
 * Unbound: give `slots` (and `specialists`, `services` for the names); no store
 * is read and no dialog opens, only `slot-choose` is fired.
 *
 * @internal
 * @event slot-choose - Internal, non-bubbling, cancelable (`SlotChooseEvent`).
 * @csspart slots - The list of days and their slots.
 */
@customElement('crm-first-free-slot')
export class CrmFirstFreeSlot extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    formStyles,
    css`
      :host {
        display: block;
      }
      .title {
        margin: 0 0 var(--_crm-space-m);
        font-weight: 600;
      }
      .controls {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: 0 var(--_crm-space-m);
      }
      .status {
        margin: 0 0 var(--_crm-space-m);
        color: var(--_crm-color-text-muted);
      }
      .day {
        margin-block-end: var(--_crm-space-l);
      }
      .day > [role='heading'] {
        margin: 0 0 var(--_crm-space-s);
        font-weight: 600;
        font-size: var(--_crm-font-size-s);
      }
      .row {
        display: grid;
        grid-template-columns: minmax(8rem, 12rem) minmax(0, 1fr);
        gap: var(--_crm-space-s);
        align-items: baseline;
        margin-block-end: var(--_crm-space-s);
      }
      .name {
        overflow-wrap: anywhere;
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_crm-space-xs);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      ul button {
        min-block-size: 2rem;
        padding: var(--_crm-space-xs) var(--_crm-space-s);
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** The service to find time for. */
  @property({ attribute: 'service-id' }) serviceId = '';

  /** One specialist; empty means any who provides the service. */
  @property({ attribute: 'specialist-id' }) specialistId = '';

  /** The first day searched, `YYYY-MM-DD`; today when empty. */
  @property() from = '';

  /** How many days one page searches ("show later days" adds as many). */
  @property({ type: Number }) days = 7;

  /** The grid of starts, in minutes. */
  @property({ type: Number, attribute: 'step-minutes' }) stepMinutes = 30;

  /** No slot before this instant (epoch ms); the moment the element connected when unset. */
  @property({ attribute: false }) notBefore?: Instant;

  /** The heading level of the title (2–6); the days are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Slots to show instead of the store's (unbound use). */
  @property({ attribute: false }) slots?: FreeSlot[];

  /** Specialists to name and offer instead of the store's. */
  @property({ attribute: false }) specialists?: User[];

  /** Services to offer instead of the store's. */
  @property({ attribute: false }) services?: Service[];

  @state() private pages = 1;
  @state() private focusIndex = 0;
  @state() private announcement = '';
  @query('crm-appointment-booking-dialog') private dialog?: CrmAppointmentBookingDialog;

  private connectedAt = Date.now();

  private get unbound(): boolean {
    return this.slots !== undefined;
  }

  private readonly storeSpecialists = new LiveQueryController(this, {
    store: () => this.stores.store,
    enabled: () => !this.specialists && !this.unbound,
    query: (store) => store.schedule.specialists(),
  });
  private readonly storeServices = new LiveQueryController(this, {
    store: () => this.stores.store,
    enabled: () => !this.services && !this.unbound,
    query: (store) => store.services.list(),
  });
  private readonly found = new LiveQueryController<FreeSlot[], [FreeSlotsQuery]>(this, {
    store: () => this.stores.store,
    enabled: () => !this.unbound && this.serviceId !== '',
    args: () => [this.query],
    query: (store, q) => store.appointments.freeSlots(q),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.connectedAt = Date.now();
  }

  private get firstDay(): CalendarDate {
    return this.from || localDate(this.notBefore ?? this.connectedAt);
  }

  private get lastDay(): CalendarDate {
    return addDays(this.firstDay, Math.max(1, this.days) * this.pages - 1);
  }

  private get query(): FreeSlotsQuery {
    return {
      serviceId: this.serviceId,
      from: this.firstDay,
      to: this.lastDay,
      stepMinutes: this.stepMinutes,
      notBefore: this.notBefore ?? this.connectedAt,
      ...(this.specialistId ? { specialistId: this.specialistId } : {}),
    };
  }

  private get specialistList(): User[] {
    return this.specialists ?? this.storeSpecialists.value ?? [];
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('serviceId') || changed.has('specialistId') || changed.has('from')) {
      this.pages = 1;
      this.focusIndex = 0;
      this.announcement = '';
    }
  }

  private get buttons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-slot]')];
  }

  private onSlotKeydown(event: KeyboardEvent): void {
    const buttons = this.buttons;
    const current = buttons.indexOf(event.target as HTMLButtonElement);
    if (current < 0) return;
    const moves: Record<string, number> = {
      ArrowRight: current + (this.localize.dir() === 'rtl' ? -1 : 1),
      ArrowLeft: current + (this.localize.dir() === 'rtl' ? 1 : -1),
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = Math.min(buttons.length - 1, Math.max(0, next));
    this.focusIndex = target;
    buttons[target]!.focus();
  }

  private async choose(slot: FreeSlot, index: number): Promise<void> {
    this.focusIndex = index;
    const choice: SlotChoice = { specialistId: slot.specialistId, start: slot.start, serviceId: this.serviceId };
    if (!this.dispatchEvent(new SlotChooseEvent(choice)) || this.unbound || !this.dialog) return;
    const appointment = await this.dialog.open(choice);
    if (appointment) {
      this.announcement = this.localize.term('booking.slots.booked', this.localize.formatDateTime(appointment.start));
    }
  }

  private renderControls() {
    const services = (this.services ?? this.storeServices.value ?? []).filter((s) => s.archived === 0 || s.id === this.serviceId);
    return html`<div class="controls">
      ${selectField({
        id: 'slots-service',
        label: this.localize.term('booking.service'),
        value: this.serviceId,
        emptyLabel: this.localize.term('booking.chooseService'),
        options: services.map((s) => ({ value: s.id, label: s.name })),
        onChange: (value) => (this.serviceId = value),
      })}
      ${selectField({
        id: 'slots-specialist',
        label: this.localize.term('booking.specialist'),
        value: this.specialistId,
        emptyLabel: this.localize.term('booking.slots.anySpecialist'),
        options: this.specialistList.map((u) => ({ value: u.id, label: u.name })),
        onChange: (value) => (this.specialistId = value),
      })}
      ${textField({
        id: 'slots-from',
        label: this.localize.term('booking.slots.from'),
        type: 'date',
        value: this.firstDay,
        onInput: (value) => {
          if (value) this.from = value;
        },
      })}
    </div>`;
  }

  private renderSlots(slots: readonly FreeSlot[]) {
    const names = new Map(this.specialistList.map((u) => [u.id, u.name]));
    const groups = groupByDay(slots, this.specialistList.map((u) => u.id));
    const level = Math.min(6, Math.max(2, this.headingLevel) + 1);
    const until = this.localize.formatDate(this.lastDay, { day: 'numeric', month: 'long' });
    let index = 0;
    const focusIndex = Math.min(this.focusIndex, Math.max(0, slots.length - 1));
    return html`<p class="status" role="status">
        ${this.announcement ||
        (slots.length ? this.localize.term('booking.slots.until', slots.length, until) : this.localize.term('booking.slots.none', until))}
      </p>
      <div part="slots" @keydown=${this.onSlotKeydown}>
        ${groups.map(
          (group) => html`<section class="day">
            <div role="heading" aria-level=${level}>
              ${this.localize.formatDate(group.date, { weekday: 'long', day: 'numeric', month: 'long' })}
            </div>
            ${group.rows.map((row) => {
              const name = names.get(row.specialistId) ?? '';
              return html`<div class="row">
                <span class="name">${name}</span>
                <ul aria-label=${name}>
                  ${row.slots.map((slot) => {
                    const at = index++;
                    return html`<li>
                      <button type="button" data-slot tabindex=${at === focusIndex ? 0 : -1} @click=${() => this.choose(slot, at)}>
                        ${this.localize.formatDateTime(slot.start, { timeStyle: 'short' })}
                      </button>
                    </li>`;
                  })}
                </ul>
              </div>`;
            })}
          </section>`,
        )}
      </div>
      <button type="button" class="more" @click=${() => this.pages++}>${this.localize.term('booking.slots.more')}</button>`;
  }

  private renderResults() {
    if (this.unbound) return this.renderSlots(this.slots!);
    if (!this.serviceId) return html`<p class="status">${this.localize.term('booking.slots.chooseService')}</p>`;
    return this.found.render({
      // A re-query ("show later days") keeps the list in place until the new one arrives.
      pending: () =>
        this.found.value
          ? this.renderSlots(this.found.value)
          : html`<p class="status" role="status">${this.localize.term('booking.slots.loading')}</p>`,
      complete: (slots) => this.renderSlots(slots),
      error: (error) => html`<p class="field-error" role="alert">${this.localize.errorMessage(error)}</p>`,
    });
  }

  protected override render() {
    const level = Math.min(6, Math.max(2, this.headingLevel));
    return html`<div role="heading" aria-level=${level} class="title">${this.localize.term('booking.slots.title')}</div>
      ${this.renderControls()} ${this.renderResults()}
      ${this.unbound ? nothing : html`<crm-appointment-booking-dialog></crm-appointment-booking-dialog>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-first-free-slot': CrmFirstFreeSlot;
  }
}
