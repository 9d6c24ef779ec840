import type { ConvertLeadInput } from '../store/leads.js';
import type { Id } from '../store/types.js';

/**
 * Fired before a lead is converted into a customer, with what the user chose
 * in the conversion dialog. Cancelable: `preventDefault()` vetoes the
 * conversion and nothing is written.
 */
export class CrmLeadConvertRequestEvent extends Event {
  static readonly eventName = 'crm-lead-convert-request';

  constructor(
    readonly leadId: Id,
    readonly input: ConvertLeadInput,
  ) {
    super(CrmLeadConvertRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-convert-request': CrmLeadConvertRequestEvent;
  }
}
