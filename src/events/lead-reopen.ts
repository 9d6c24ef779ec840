import type { Lead } from '../store/types.js';

/** Fired after a lost lead was taken back into work (`in-progress`); `lead` is the record as written. */
export class CrmLeadReopenEvent extends Event {
  static readonly eventName = 'crm-lead-reopen';

  constructor(readonly lead: Lead) {
    super(CrmLeadReopenEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-reopen': CrmLeadReopenEvent;
  }
}
