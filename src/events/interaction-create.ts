import type { Interaction } from '../store/types.js';

/** Fired after an interaction the user logged was registered; `interaction` is the record as written. */
export class CrmInteractionCreateEvent extends Event {
  static readonly eventName = 'crm-interaction-create';

  constructor(readonly interaction: Interaction) {
    super(CrmInteractionCreateEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-interaction-create': CrmInteractionCreateEvent;
  }
}
