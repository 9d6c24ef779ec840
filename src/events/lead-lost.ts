import type { Lead } from '../store/types.js';

/** Fired after a lead was marked lost; `lead` is the record as written, with `lostReasonId`. */
export class CrmLeadLostEvent extends Event {
  static readonly eventName = 'crm-lead-lost';

  constructor(readonly lead: Lead) {
    super(CrmLeadLostEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-lost': CrmLeadLostEvent;
  }
}
