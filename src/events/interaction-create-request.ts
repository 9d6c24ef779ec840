import type { RegisterInteractionInput } from '../store/interactions.js';

/**
 * Fired before an interaction the user logged (e.g. a quick call note on a
 * lead card) is registered, with its input. Cancelable: `preventDefault()`
 * vetoes it and nothing is written.
 */
export class CrmInteractionCreateRequestEvent extends Event {
  static readonly eventName = 'crm-interaction-create-request';

  constructor(readonly input: RegisterInteractionInput) {
    super(CrmInteractionCreateRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-interaction-create-request': CrmInteractionCreateRequestEvent;
  }
}
