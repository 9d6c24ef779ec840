import type { Id } from '../store/types.js';

/**
 * Fired before a lost lead is taken back into work. Cancelable:
 * `preventDefault()` vetoes it and nothing is written.
 */
export class CrmLeadReopenRequestEvent extends Event {
  static readonly eventName = 'crm-lead-reopen-request';

  constructor(readonly leadId: Id) {
    super(CrmLeadReopenRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-reopen-request': CrmLeadReopenRequestEvent;
  }
}
