// The menu's "cancel" asks for a reason: the dialog comes with the actions.
import '../components/shared/journal-cancel-dialog.js';
import type { CrmJournalCancelDialog } from '../components/shared/journal-cancel-dialog.js';
import { localDate, type DayPlan } from '../store/slots.js';
import type { CrmActionMenu } from '../components/shared/action-menu.js';
import type { CrmAppointmentBookingDialog } from '../components/shared/appointment-booking-dialog.js';
import { CrmAppointmentBookRequestEvent, type AppointmentBookDraft } from '../events/appointment-book-request.js';
import { CrmAppointmentChangeRequestEvent, type AppointmentAction } from '../events/appointment-change-request.js';
import { CrmAppointmentChangeEvent } from '../events/appointment-change.js';
import { CrmError, type CrmErrorMessageKey } from '../store/errors.js';
import type { CrmStore } from '../store/store.js';
import type { Appointment, Id, Instant } from '../store/types.js';
import type { JournalDataController } from './journal-data-controller.js';
import type { CrmLocalizeController } from './localize-controller.js';

/**
 * Why the store would refuse `[start, end)` with a specialist (the store's
 * message key), checked against the data given; for unbound use only.
 */
function refusal(plan: DayPlan | undefined, appointments: readonly Appointment[], selfId: Id, start: Instant, end: Instant): string | undefined {
  if (plan?.dayOff) return 'error.dayOff';
  if (!plan?.hours || start < plan.hours.start || end > plan.hours.end) return 'error.outsideWorkingHours';
  if (plan.breaks.some((b) => b.start < end && b.end > start)) return 'error.duringBreak';
  const other = appointments.some((a) => a.id !== selfId && a.status !== 'cancelled' && a.specialistId === plan.specialistId && a.start < end && a.end > start);
  return other ? 'error.doubleBooking' : undefined;
}

export interface JournalActionsOptions {
  /** The element the events are fired on. */
  host: HTMLElement;
  data: JournalDataController;
  store: () => CrmStore;
  localize: CrmLocalizeController;
  /** Says what happened in the live region. */
  announce(text: string): void;
  /** Shows why a change was refused (`role="alert"`), or clears it with `''`. */
  fail(text: string): void;
}

/**
 * How the journal changes appointments: the cancelable request event; bound,
 * the store's operation (a refusal leaves the day as it was and shows the
 * store's localized reason); unbound, a check against the page's data; then
 * the change event and an announcement. The journal loads it (with the
 * cancel dialog; the booking dialog follows on the first booking) on the
 * first booking, menu or move: its first paint needs none of it.
 */
export class JournalActionsController {
  constructor(private readonly options: JournalActionsOptions) {}

  private get term() {
    return this.options.localize.term.bind(this.options.localize);
  }

  private place(specialistId: string, start: Instant): string {
    return this.options.data.place(specialistId, start);
  }

  private clientOf(appointment: Appointment): string {
    return this.options.data.clientOf(appointment);
  }

  /**
   * Books a slot. Bound, through the journal's booking dialog (loaded on
   * first use), which asks the page with the cancelable request before it
   * writes; unbound, the request event is all (the page books).
   */
  async book(slot: Pick<AppointmentBookDraft, 'specialistId' | 'start' | 'serviceId'>, dialog: CrmAppointmentBookingDialog | null): Promise<void> {
    if (!this.options.data.bound || !dialog) {
      this.requestBooking(slot);
      return;
    }
    const { CrmAppointmentBookingDialog: Dialog } = await import('../components/shared/appointment-booking-dialog.js');
    // Upgraded in place once defined, unless the journal left the page meanwhile.
    if (!(dialog instanceof Dialog)) return;
    dialog.beforeCommit = (input) => this.requestBooking(input);
    const booked = await dialog.open(slot);
    if (!booked) return;
    const store = this.options.store();
    const client = await (booked.clientType === 'lead' ? store.leads.get(booked.clientId) : store.counterparties.get(booked.clientId));
    this.booked(booked, client?.name);
  }

  /** Fires the cancelable book request; `false` when the page vetoed it. */
  private requestBooking(draft: AppointmentBookDraft): boolean {
    const request = new CrmAppointmentBookRequestEvent(draft);
    this.options.host.dispatchEvent(request);
    if (request.defaultPrevented) this.options.announce(this.term('journal.vetoed'));
    return !request.defaultPrevented;
  }

  /** After a booking the store wrote (or the page accepted). */
  private booked(appointment: Appointment, clientName?: string): void {
    this.options.fail('');
    this.options.host.dispatchEvent(new CrmAppointmentChangeEvent(appointment, { type: 'book' }));
    const client = clientName ?? this.clientOf(appointment);
    this.options.announce(this.term('journal.booked', client, this.place(appointment.specialistId, appointment.start)));
  }

  /**
   * The actions menu of a booked appointment (done, no-show, cancel with an
   * optional reason, reschedule); performs the chosen one except
   * "reschedule", which it returns for the grid to pick the appointment up.
   */
  async menu(appointment: Appointment, anchor: HTMLElement, menu: CrmActionMenu, ask: CrmJournalCancelDialog): Promise<'reschedule' | undefined> {
    const term = this.term;
    const client = this.clientOf(appointment);
    const choice = await menu.open(anchor, term('journal.actions', client), [
      { value: 'reschedule', label: term('journal.reschedule') },
      { value: 'complete', label: term('journal.complete'), tone: 'success', group: true },
      { value: 'no-show', label: term('journal.noShow') },
      { value: 'cancel', label: term('journal.cancelAppointment'), tone: 'danger', group: true },
    ]);
    if (choice === 'reschedule') return choice;
    if (choice === 'complete' || choice === 'no-show') await this.change(appointment, { type: choice });
    if (choice !== 'cancel') return undefined;
    const reason = await ask.open(`${client} — ${this.place(appointment.specialistId, appointment.start)}`);
    if (reason !== undefined) await this.change(appointment, { type: 'cancel', ...(reason ? { reason } : {}) });
    anchor.focus();
    return undefined;
  }

  /** Reschedules, cancels, completes or marks a no-show; resolves `true` once done. */
  async change(appointment: Appointment, action: AppointmentAction): Promise<boolean> {
    const { host, data, localize } = this.options;
    const client = this.clientOf(appointment);
    if (action.type === 'reschedule' && action.start === appointment.start && action.specialistId === appointment.specialistId) return false;
    const request = new CrmAppointmentChangeRequestEvent(appointment, action);
    host.dispatchEvent(request);
    if (request.defaultPrevented) {
      this.options.announce(this.term('journal.vetoed'));
      return false;
    }
    this.options.fail('');
    let written: Appointment;
    try {
      written = data.bound ? await this.write(appointment, action) : this.applyLocally(appointment, action);
    } catch (error) {
      const text = this.term('journal.refused', client, localize.errorMessage(error));
      this.options.fail(text);
      return false;
    }
    host.dispatchEvent(new CrmAppointmentChangeEvent(written, action));
    const done = {
      reschedule: () => this.term('journal.moved', client, this.place(written.specialistId, written.start)),
      cancel: () => this.term('journal.cancelled', client),
      complete: () => this.term('journal.completed', client),
      'no-show': () => this.term('journal.markedNoShow', client),
    }[action.type];
    this.options.announce(done());
    return true;
  }

  private write(appointment: Appointment, action: AppointmentAction): Promise<Appointment> {
    const appointments = this.options.store().appointments;
    switch (action.type) {
      case 'reschedule':
        return appointments.reschedule(appointment.id, { start: action.start, specialistId: action.specialistId });
      case 'cancel':
        return appointments.cancel(appointment.id, action.reason ? { reason: action.reason } : {});
      case 'complete':
        return appointments.complete(appointment.id);
      case 'no-show':
        return appointments.markNoShow(appointment.id);
    }
  }

  /** Unbound: the appointment as it would be, refused like the store would refuse a move. */
  private applyLocally(appointment: Appointment, action: AppointmentAction): Appointment {
    const now = Date.now();
    if (action.type !== 'reschedule') {
      const status = action.type === 'cancel' ? 'cancelled' : action.type === 'complete' ? 'done' : 'no-show';
      return { ...appointment, status, ...(action.type === 'cancel' && action.reason ? { cancelReason: action.reason } : {}), updatedAt: now };
    }
    const end = action.start + (appointment.end - appointment.start);
    const plan = this.options.data.plan(action.specialistId, localDate(action.start));
    const key = refusal(plan, this.options.data.data?.appointments ?? [], appointment.id, action.start, end);
    if (key) throw new CrmError('CONFLICT', key as CrmErrorMessageKey, { field: 'start' });
    return { ...appointment, specialistId: action.specialistId, start: action.start, end, updatedAt: now };
  }
}
