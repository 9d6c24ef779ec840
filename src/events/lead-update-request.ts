import type { LeadPatch } from '../store/leads.js';
import type { Id } from '../store/types.js';

/**
 * Fired before an edited lead is saved, with the changed fields as a
 * `LeadPatch` (an empty string clears an optional field). Cancelable:
 * `preventDefault()` vetoes the save and nothing is written.
 */
export class CrmLeadUpdateRequestEvent extends Event {
  static readonly eventName = 'crm-lead-update-request';

  constructor(
    readonly leadId: Id,
    readonly patch: LeadPatch,
  ) {
    super(CrmLeadUpdateRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-update-request': CrmLeadUpdateRequestEvent;
  }
}
