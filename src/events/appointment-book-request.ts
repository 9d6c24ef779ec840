import type { Id, Instant } from '../store/types.js';

/** What the user is about to book: the slot chosen, and (once known) the service and the client. */
export interface AppointmentBookDraft {
  specialistId: Id;
  start: Instant;
  serviceId?: Id;
  client?: { type: 'counterparty' | 'lead'; id: Id };
  /** A lead to be created with the booking (typed in the booking dialog), in place of `client`; nothing is written if the booking is vetoed. */
  newLead?: { name: string; phones?: string[] };
  comment?: string;
}

/**
 * Fired before an appointment is booked from the journal. Cancelable: call
 * `preventDefault()` to veto the booking; nothing is written. Unbound (the
 * journal given `.data`), it is fired when the user picks a free slot, and
 * the page books the appointment itself.
 */
export class CrmAppointmentBookRequestEvent extends Event {
  static readonly eventName = 'crm-appointment-book-request';

  constructor(
    /** The booking as far as the user has filled it. */
    readonly draft: AppointmentBookDraft,
  ) {
    super(CrmAppointmentBookRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-appointment-book-request': CrmAppointmentBookRequestEvent;
  }
}
