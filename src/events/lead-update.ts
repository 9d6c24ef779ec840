import type { Lead } from '../store/types.js';

/** Fired after an edited lead was saved; `lead` is the record as written. */
export class CrmLeadUpdateEvent extends Event {
  static readonly eventName = 'crm-lead-update';

  constructor(readonly lead: Lead) {
    super(CrmLeadUpdateEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-lead-update': CrmLeadUpdateEvent;
  }
}
