import type { MarkLeadLostInput } from '../store/leads.js';
import type { Id } from '../store/types.js';

/**
 * Fired before a lead is marked lost, with the reason the user chose.
 * Cancelable: `preventDefault()` vetoes it and nothing is written.
 */
export class CrmLeadLostRequestEvent extends Event {
  static readonly eventName = 'crm-lead-lost-request';

  constructor(
    readonly leadId: Id,
    readonly input: MarkLeadLostInput,
  ) {
    super(CrmLeadLostRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-lost-request': CrmLeadLostRequestEvent;
  }
}
