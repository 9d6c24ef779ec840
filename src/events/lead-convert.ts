import type { ConvertLeadResult } from '../store/leads.js';

/**
 * Fired after a lead was converted into a customer: `result` holds the
 * converted lead, the counterparty, the deal (if one was opened) and how much
 * of the lead's history moved to the customer.
 */
export class CrmLeadConvertEvent extends Event {
  static readonly eventName = 'crm-lead-convert';

  constructor(readonly result: ConvertLeadResult) {
    super(CrmLeadConvertEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-convert': CrmLeadConvertEvent;
  }
}
