import type { LeadInput } from '../store/leads.js';

/**
 * Fired by `crm-lead-list` when the user saves a new lead, after any duplicate
 * warning was answered and before anything is written. Cancelable:
 * `preventDefault()` vetoes it and nothing is written. An unbound list (given
 * `.leads`) writes nothing itself: the host creates the lead from `input`.
 */
export class CrmLeadCreateRequestEvent extends Event {
  static readonly eventName = 'crm-lead-create-request';

  constructor(readonly input: LeadInput) {
    super(CrmLeadCreateRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-create-request': CrmLeadCreateRequestEvent;
  }
}
