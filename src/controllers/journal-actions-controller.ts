import type { CrmJournalCancelDialog } from '../components/shared/journal-cancel-dialog.js';
import { localDate, refusal } from './journal-layout.js';
import type { CrmActionMenu } from '../components/shared/action-menu.js';
import { CrmAppointmentBookRequestEvent, type AppointmentBookDraft } from '../events/appointment-book-request.js';
import { CrmAppointmentChangeRequestEvent, type AppointmentAction } from '../events/appointment-change-request.js';
import { CrmAppointmentChangeEvent } from '../events/appointment-change.js';
import { CrmError, type CrmErrorMessageKey } from '../store/errors.js';
import type { CrmStore } from '../store/store.js';
import type { Appointment, Instant } from '../store/types.js';
import type { JournalDataController } from './journal-data-controller.js';
import type { CrmLocalizeController } from './localize-controller.js';

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
 * the change event and an announcement.
 */
export class JournalActionsController {
  constructor(private readonly options: JournalActionsOptions) {}

  private get term() {
    return this.options.localize.term.bind(this.options.localize);
  }

  /** "Марія Олійник, 10:30". */
  place(specialistId: string, start: Instant): string {
    const time = this.options.localize.formatDateTime(start, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    return this.term('journal.place', this.options.data.specialistName(specialistId), time);
  }

  clientOf(appointment: Appointment): string {
    return this.options.data.clientName(appointment) ?? this.term('journal.unknownClient');
  }

  /** Fires the cancelable book request; `false` when the page vetoed it. */
  requestBooking(draft: AppointmentBookDraft): boolean {
    const request = new CrmAppointmentBookRequestEvent(draft);
    this.options.host.dispatchEvent(request);
    if (request.defaultPrevented) this.options.announce(this.term('journal.vetoed'));
    return !request.defaultPrevented;
  }

  /** After a booking the store wrote (or the page accepted). */
  booked(appointment: Appointment, clientName?: string): void {
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
