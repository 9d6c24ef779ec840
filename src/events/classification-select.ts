import type { AbcXyzCell } from '../store/reports/abc-xyz.js';
import type { Id } from '../store/types.js';

/**
 * Fired when the user chooses a cell of the ABC/XYZ matrix (click, Enter or
 * Space): `cell` is `AX` … `CZ`, `customerIds` the customers in it, largest
 * revenue first.
 */
export class CrmClassificationSelectEvent extends Event {
  static readonly eventName = 'crm-classification-select';

  constructor(
    readonly cell: AbcXyzCell,
    readonly customerIds: readonly Id[],
  ) {
    super(CrmClassificationSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-classification-select': CrmClassificationSelectEvent;
  }
}
