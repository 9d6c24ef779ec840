import type { Appointment, Id, Instant } from '../store/types.js';

/** What the user does to an appointment. */
export type AppointmentAction =
  | { type: 'reschedule'; start: Instant; specialistId: Id }
  | { type: 'cancel'; reason?: string }
  | { type: 'complete' }
  | { type: 'no-show' };

/**
 * Fired before the user reschedules, cancels, completes or marks a no-show an
 * appointment in the journal. Cancelable: `preventDefault()` vetoes it and the
 * appointment stays as it is.
 */
export class CrmAppointmentChangeRequestEvent extends Event {
  static readonly eventName = 'crm-appointment-change-request';

  constructor(
    /** The appointment as it is now. */
    readonly appointment: Appointment,
    /** What is about to happen to it. */
    readonly action: AppointmentAction,
  ) {
    super(CrmAppointmentChangeRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-appointment-change-request': CrmAppointmentChangeRequestEvent;
  }
}
