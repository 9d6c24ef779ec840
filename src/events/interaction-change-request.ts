import type { Interaction } from '../store/types.js';

/** What the user asked to do with an interaction. */
export type InteractionAction = 'complete' | 'process' | 'reschedule' | 'create-lead';

/**
 * Fired before an interaction is changed by the user — completed (`complete`),
 * marked processed (`process`), moved to another time (`reschedule`, with
 * `at`), or turned into a lead (`create-lead`, an unknown caller's A7).
 * Cancelable: `preventDefault()` vetoes it and nothing is written.
 */
export class CrmInteractionChangeRequestEvent extends Event {
  static readonly eventName = 'crm-interaction-change-request';

  constructor(
    readonly action: InteractionAction,
    readonly interaction: Interaction,
    /** For `reschedule`: the new time (epoch ms). */
    readonly at?: number,
  ) {
    super(CrmInteractionChangeRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-interaction-change-request': CrmInteractionChangeRequestEvent;
  }
}
