import type { Deal } from '../store/types.js';

/** Fired when the user opens a deal (clicks its title, or presses Enter on it). */
export class CrmDealSelectEvent extends Event {
  static readonly eventName = 'crm-deal-select';

  constructor(readonly deal: Deal) {
    super(CrmDealSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-deal-select': CrmDealSelectEvent;
  }
}
