import type { Deal } from '../store/types.js';
import type { DealStageTarget } from './deal-stage-change-request.js';

/** Where a deal went; a lost deal carries the reason the user chose. */
export type DealStageOutcome =
  | Exclude<DealStageTarget, { type: 'lost' }>
  | { type: 'lost'; reasonId: string; comment?: string };

/**
 * Fired after the user moved a deal to another stage, won or lost it. Bound to
 * a store, `deal` is the deal as the store wrote it; unbound, it is the deal as
 * it was, and the page applies the change to its own data.
 */
export class CrmDealStageChangeEvent extends Event {
  static readonly eventName = 'crm-deal-stage-change';

  constructor(
    readonly deal: Deal,
    /** The stage it left. */
    readonly fromStageId: string,
    /** Where it went. */
    readonly to: DealStageOutcome,
  ) {
    super(CrmDealStageChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-deal-stage-change': CrmDealStageChangeEvent;
  }
}
