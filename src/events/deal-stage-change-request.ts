import type { Deal } from '../store/types.js';

/** Where a deal is being moved: another stage of its pipeline, or closed as won or lost. */
export type DealStageTarget = { type: 'stage'; stageId: string } | { type: 'won' } | { type: 'lost' };

/**
 * Fired before a deal is moved to another stage, won or lost by the user
 * (drag and drop, keyboard or the "Move to…" menu). Cancelable: call
 * `preventDefault()` to veto the move; the deal then stays where it was.
 */
export class CrmDealStageChangeRequestEvent extends Event {
  static readonly eventName = 'crm-deal-stage-change-request';

  constructor(
    /** The deal as it is before the move. */
    readonly deal: Deal,
    /** The stage it leaves. */
    readonly fromStageId: string,
    /** Where it goes. */
    readonly to: DealStageTarget,
  ) {
    super(CrmDealStageChangeRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-deal-stage-change-request': CrmDealStageChangeRequestEvent;
  }
}
