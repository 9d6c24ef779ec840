import type { Interaction } from '../store/types.js';
import type { InteractionAction } from './interaction-change-request.js';

/** Fired after the user's change to an interaction was written; `interaction` is the record as written. */
export class CrmInteractionChangeEvent extends Event {
  static readonly eventName = 'crm-interaction-change';

  constructor(
    readonly action: InteractionAction,
    readonly interaction: Interaction,
  ) {
    super(CrmInteractionChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-interaction-change': CrmInteractionChangeEvent;
  }
}
