import type { Lead } from '../store/types.js';

/** Fired by a bound `crm-lead-list` after the user's new lead was written to the store; `lead` is the record. */
export class CrmLeadCreateEvent extends Event {
  static readonly eventName = 'crm-lead-create';

  constructor(readonly lead: Lead) {
    super(CrmLeadCreateEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-create': CrmLeadCreateEvent;
  }
}
