import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { LiveQueryController } from '../../controllers/live-query-controller.js';
import type { BookInput } from '../../store/appointments.js';
import { CrmError } from '../../store/errors.js';
import { providesService } from '../../store/schedule.js';
import { localDate, localInstant } from '../../store/slots.js';
import { formatPhone } from '../../store/ukrainian.js';
import type { CrmStore } from '../../store/store.js';
import type { Appointment, CalendarDate, Id, Instant, Service, User } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { ClientPickerController, clientPickerStyles, matchesClient, type ClientOption } from './client-picker.js';
import { errorAt, formFooter, selectField, textField } from './fields.js';

export type { BookInput } from '../../store/appointments.js';
export type { ClientOption } from './client-picker.js';

/** What `open()` prefills. */
export interface BookingPrefill {
  specialistId?: Id | undefined;
  /** The start (epoch ms); its local date and time fill the date and time fields. */
  start?: Instant | undefined;
  serviceId?: Id | undefined;
  /** The day (`YYYY-MM-DD`) when no `start` is given; today when neither is. */
  date?: CalendarDate | undefined;
  /** A client chosen already. */
  client?: ClientOption | undefined;
}

/** The fields that show their own errors; any other error is shown for the whole form. */
const FIELDS = ['client', 'lead', 'serviceId', 'specialistId', 'date', 'start', 'comment'] as const;
const SEARCH_LIMIT = 8;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function timeOf(at: Instant): string {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function phoneOf(phones: readonly string[]): string | undefined {
  return phones[0] === undefined ? undefined : formatPhone(phones[0]);
}

/** Searches the store's counterparties and open leads, counterparties first, by name within each. */
async function searchStore(store: CrmStore, text: string): Promise<ClientOption[]> {
  const [counterparties, leads] = await Promise.all([
    store.counterparties.search(text, { limit: SEARCH_LIMIT }),
    store.leads.search(text, { limit: SEARCH_LIMIT }),
  ]);
  return [
    ...counterparties.map((c): ClientOption => ({ type: 'counterparty', id: c.id, name: c.name, detail: phoneOf(c.phones) })),
    ...leads.map((l): ClientOption => ({ type: 'lead', id: l.id, name: l.name, detail: l.company ?? phoneOf(l.phones) })),
  ];
}

/** The store's error about the lead typed in place (`newLead.…`), on the form's lead fields (`lead.…`). */
function asLeadError(error: unknown): unknown {
  if (!(error instanceof CrmError) || !error.field?.startsWith('newLead')) return error;
  const field = error.field.slice('newLead.'.length) || 'name';
  return new CrmError(error.code, error.messageKey, { field: `lead.${field}`, params: { ...error.params } });
}

/**
 * The modal booking dialog of `crm-appointment-journal`: find the client as
 * you type (counterparties and open leads; arrows + Enter) or create a lead in
 * place (name + phone), pick the service (its duration sets the end, shown
 * read-only), the specialist, the date and start time, a comment. Checks the
 * form, then asks `beforeCommit`, then books through `commit` or
 * `store.appointments.book`. A store refusal (double booking, outside working
 * hours, a break, a day off, a service the specialist does not provide) is
 * shown at its field and the dialog stays open. Fires no events: its owner
 * fires the public ones.
 *
 * Bound (no `commit`), it reads specialists, services and clients from the
 * store and writes through it. Unbound (`commit` set), it touches no store:
 * give it `specialists`, `services` and `clients`; "new lead" is not offered.
 *
 * @internal
 * @csspart dialog - The `<dialog>`.
 */
@customElement('crm-appointment-booking-dialog')
export class CrmAppointmentBookingDialog extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    formStyles,
    clientPickerStyles,
    css`
      dialog {
        inline-size: min(36rem, calc(100vw - 2 * var(--_crm-space-l)));
      }
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        align-items: start;
        gap: 0 var(--_crm-space-m);
      }
      .client {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: start;
        gap: 0 var(--_crm-space-s);
      }
      .client > button {
        margin-block-start: calc(var(--_crm-font-size-s) * 1.4 + var(--_crm-space-xs));
      }
      fieldset.lead {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        /* A field showing an error grows; the one beside it keeps its height. */
        align-items: start;
        gap: 0 var(--_crm-space-m);
      }
      fieldset.lead > legend {
        padding: 0;
        margin-block-end: var(--_crm-space-s);
      }
      fieldset.lead > .hint {
        grid-column: 1 / -1;
        margin-block-end: var(--_crm-space-m);
      }
      .span {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /**
   * Asked with the input just before it is written; `false` aborts silently
   * (nothing written, the dialog stays open as it is). The journal fires its
   * cancelable `crm-appointment-book-request` here. A lead created in place is
   * written before this is asked.
   */
  @property({ attribute: false }) beforeCommit?: (input: BookInput) => boolean;

  /** Books in place of `store.appointments.book` (unbound use); a `CrmError` it throws is shown like the store's. */
  @property({ attribute: false }) commit?: (input: BookInput) => Promise<Appointment>;

  /** Specialists to offer instead of the store's active ones. */
  @property({ attribute: false }) specialists?: User[];

  /** Services to offer instead of the store's active ones. */
  @property({ attribute: false }) services?: Service[];

  /** Clients to search instead of the store (by the words of name and detail). */
  @property({ attribute: false }) clients?: ClientOption[];

  @state() private newLead = false;
  @state() private leadName = '';
  @state() private leadPhone = '';
  @state() private serviceId = '';
  @state() private specialistId = '';
  @state() private date = '';
  @state() private time = '';
  @state() private comment = '';

  private readonly submitter = new FormSubmitController(this);
  private readonly modal = new ModalController<BookingPrefill, Appointment>(this);
  private readonly picker = new ClientPickerController(this, 'booking-client', (text) => this.searchClients(text));
  private readonly storeSpecialists = new LiveQueryController(this, {
    store: () => this.stores.store,
    enabled: () => this.isOpen && !this.specialists && !this.unbound,
    query: (store) => store.schedule.specialists(),
  });
  private readonly storeServices = new LiveQueryController(this, {
    store: () => this.stores.store,
    enabled: () => this.isOpen && !this.services && !this.unbound,
    query: (store) => store.services.list(),
  });

  private get isOpen(): boolean {
    return this.modal.request !== undefined;
  }

  private get unbound(): boolean {
    return this.commit !== undefined;
  }

  /**
   * Opens the dialog, prefilled, and focuses the client search. Resolves with
   * the booked appointment, or `undefined` when cancelled (button, Escape) or
   * opened anew.
   */
  open(prefill: BookingPrefill = {}): Promise<Appointment | undefined> {
    this.newLead = false;
    this.leadName = this.leadPhone = this.comment = '';
    this.serviceId = prefill.serviceId ?? '';
    this.specialistId = prefill.specialistId ?? '';
    this.date = prefill.start !== undefined ? localDate(prefill.start) : (prefill.date ?? localDate(Date.now()));
    this.time = prefill.start !== undefined ? timeOf(prefill.start) : '';
    this.picker.reset(prefill.client);
    this.submitter.reset();
    return this.modal.open(prefill, () => this.renderRoot.querySelector<HTMLElement>('#booking-client')?.focus());
  }

  /** Closes the dialog as cancelled. */
  close(): void {
    this.modal.finish();
  }

  private searchClients(text: string): Promise<ClientOption[]> {
    if (this.clients) return Promise.resolve(this.clients.filter((client) => matchesClient(client, text)).slice(0, SEARCH_LIMIT * 2));
    if (this.unbound) return Promise.resolve([]);
    return searchStore(this.stores.store, text);
  }

  private get offeredSpecialists(): User[] {
    return this.specialists ?? this.storeSpecialists.value ?? [];
  }

  /** The active services the chosen specialist provides, and the chosen service whatever it is (the store says why it will not do). */
  private get offeredServices(): Service[] {
    const all = this.services ?? this.storeServices.value ?? [];
    return all.filter(
      (s) => s.id === this.serviceId || (s.archived === 0 && (!this.specialistId || providesService(s, this.specialistId))),
    );
  }

  private get service(): Service | undefined {
    return (this.services ?? this.storeServices.value ?? []).find((s) => s.id === this.serviceId);
  }

  private get start(): Instant | undefined {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.date) && TIME.test(this.time) ? localInstant(this.date, this.time) : undefined;
  }

  /** The form's own checks, top to bottom; the first failure is thrown for its field. */
  private check(): void {
    const required = (field: string, key: 'error.required' | 'error.date' | 'error.time' = 'error.required') =>
      new CrmError('VALIDATION', key, { field });
    if (this.newLead ? !this.leadName.trim() : !this.picker.chosen) throw required(this.newLead ? 'lead.name' : 'client');
    if (!this.serviceId) throw required('serviceId');
    if (!this.specialistId) throw required('specialistId');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.date)) throw required('date', 'error.date');
    if (!TIME.test(this.time)) throw required('start', 'error.time');
  }

  /** The client: the one found, or the lead typed in place (written by the store with the booking, in one transaction). */
  private clientInput(): Pick<BookInput, 'client' | 'newLead'> {
    if (this.newLead && !this.unbound) {
      const phone = this.leadPhone.trim();
      return { newLead: { name: this.leadName.trim(), ...(phone ? { phones: [phone] } : {}) } };
    }
    const client = this.picker.chosen!;
    return { client: { type: client.type, id: client.id } };
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.submitter.run(async () => {
      this.check();
      const comment = this.comment.trim();
      const input: BookInput = {
        specialistId: this.specialistId,
        serviceId: this.serviceId,
        start: this.start!,
        ...this.clientInput(),
        ...(comment ? { comment } : {}),
      };
      if (this.beforeCommit && this.beforeCommit(input) === false) return;
      try {
        const appointment = await (this.commit ? this.commit(input) : this.stores.store.appointments.book(input));
        this.modal.finish(appointment);
      } catch (error) {
        throw asLeadError(error);
      }
    });
  }

  private async toggleNewLead(): Promise<void> {
    this.newLead = !this.newLead;
    if (this.newLead && !this.leadName) this.leadName = this.picker.text.trim();
    this.submitter.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.newLead ? '#booking-lead-name' : '#booking-client')?.focus();
  }

  private renderClient(error: unknown, message: (e: CrmError) => string) {
    const toggle = this.unbound
      ? nothing
      : html`<button type="button" aria-pressed=${this.newLead ? 'true' : 'false'} @click=${this.toggleNewLead}>
          ${this.localize.term(this.newLead ? 'booking.findExisting' : 'booking.newLead')}
        </button>`;
    if (!this.newLead) {
      return html`<div class="client">
        ${this.picker.render({
          label: this.localize.term('field.client'),
          hint: this.localize.term('booking.clientHint'),
          error: errorAt(error, 'client', message),
          localize: this.localize,
        })}
        ${toggle}
      </div>`;
    }
    return html`<div class="client">
      <fieldset class="lead">
        <legend>${this.localize.term('booking.newLead')}</legend>
        ${textField({
          id: 'booking-lead-name',
          label: this.localize.term('field.name'),
          value: this.leadName,
          required: true,
          autocomplete: 'off',
          error: errorAt(error, 'lead.name', message),
          onInput: (value) => (this.leadName = value),
        })}
        ${textField({
          id: 'booking-lead-phone',
          label: this.localize.term('field.phone'),
          type: 'tel',
          value: this.leadPhone,
          autocomplete: 'off',
          error: errorAt(error, 'lead.phones', message),
          onInput: (value) => (this.leadPhone = value),
        })}
        <p class="hint">${this.localize.term('booking.newLeadHint')}</p>
      </fieldset>
      ${toggle}
    </div>`;
  }

  private renderTime(error: unknown, message: (e: CrmError) => string) {
    const failure = errorAt(error, 'start', message);
    const start = this.start;
    const service = this.service;
    const span =
      start !== undefined && service
        ? this.localize.term(
            'booking.span',
            `${this.localize.formatDateTime(start, { timeStyle: 'short' })}–${this.localize.formatDateTime(
              start + service.durationMinutes * 60_000,
              { timeStyle: 'short' },
            )}`,
          )
        : '';
    const describedBy = ['booking-time-span', failure ? 'booking-time-error' : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="booking-time">${this.localize.term('booking.time')}</label>
      <input
        id="booking-time"
        type="time"
        required
        .value=${live(this.time)}
        aria-invalid=${failure ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        @input=${(event: Event) => (this.time = (event.target as HTMLInputElement).value)}
      />
      <p class="hint span" id="booking-time-span">${span}</p>
      <p class="field-error" id="booking-time-error">${failure ?? ''}</p>
    </div>`;
  }

  protected override render() {
    const message = (e: CrmError) => this.localize.errorMessage(e);
    const error = this.submitter.error;
    return html`<dialog part="dialog" aria-labelledby="booking-title" @close=${this.modal.onClose}>
      ${this.isOpen
        ? html`<form @submit=${this.submit} novalidate>
            <h2 id="booking-title">${this.localize.term('booking.title')}</h2>
            ${this.renderClient(error, message)}
            ${selectField({
              id: 'booking-service',
              label: this.localize.term('booking.service'),
              value: this.serviceId,
              required: true,
              emptyLabel: this.localize.term('booking.chooseService'),
              options: this.offeredServices.map((s) => ({
                value: s.id,
                label: this.localize.term('booking.serviceOption', s.name, s.durationMinutes, this.localize.money(s.price)),
              })),
              error: errorAt(error, 'serviceId', message),
              onChange: (value) => (this.serviceId = value),
            })}
            ${selectField({
              id: 'booking-specialist',
              label: this.localize.term('booking.specialist'),
              value: this.specialistId,
              required: true,
              emptyLabel: this.localize.term('booking.chooseSpecialist'),
              options: this.offeredSpecialists.map((u) => ({ value: u.id, label: u.name })),
              error: errorAt(error, 'specialistId', message),
              onChange: (value) => (this.specialistId = value),
            })}
            <div class="row">
              ${textField({
                id: 'booking-date',
                label: this.localize.term('booking.date'),
                type: 'date',
                value: this.date,
                required: true,
                error: errorAt(error, 'date', message),
                onInput: (value) => (this.date = value),
              })}
              ${this.renderTime(error, message)}
            </div>
            ${textField({
              id: 'booking-comment',
              label: this.localize.term('field.comment'),
              value: this.comment,
              multiline: true,
              error: errorAt(error, 'comment', message),
              onInput: (value) => (this.comment = value),
            })}
            ${formFooter(this.localize, {
              error,
              fields: FIELDS,
              saving: this.submitter.saving,
              submitLabel: this.localize.term('booking.submit'),
              onCancel: () => this.modal.finish(),
            })}
          </form>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-appointment-booking-dialog': CrmAppointmentBookingDialog;
  }
}
