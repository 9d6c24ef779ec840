import type { Lead } from '../store/types.js';

/**
 * Fired by `crm-lead-list` when the user chooses a lead: a click on its row,
 * Enter or Space on the focused row, or "Open existing" in the duplicate
 * warning. `leadId` names it; `lead` is the record when the list has it.
 */
export class CrmLeadSelectEvent extends Event {
  static readonly eventName = 'crm-lead-select';

  constructor(
    readonly leadId: string,
    readonly lead?: Lead,
  ) {
    super(CrmLeadSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-select': CrmLeadSelectEvent;
  }
}
