import type { Appointment } from '../store/types.js';
import type { AppointmentAction } from './appointment-change-request.js';

/** What happened: a booking, or one of the actions on an appointment. */
export type AppointmentChange = { type: 'book' } | AppointmentAction;

/**
 * Fired after the user booked, rescheduled, cancelled, completed or marked a
 * no-show an appointment in the journal. Bound, `appointment` is the record
 * the store wrote; unbound, the appointment as it would be after the change.
 */
export class CrmAppointmentChangeEvent extends Event {
  static readonly eventName = 'crm-appointment-change';

  constructor(
    /** The appointment after the change. */
    readonly appointment: Appointment,
    /** What changed. */
    readonly change: AppointmentChange,
  ) {
    super(CrmAppointmentChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-appointment-change': CrmAppointmentChangeEvent;
  }
}
