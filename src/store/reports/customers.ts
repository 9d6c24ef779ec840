import type { StoreContext } from '../context.js';

/**
 * Live reads of the customer reports (H4, H5): ABC/XYZ classification and
 * relationship stages, computed by the pure functions of this folder.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CustomerReports {}

export function createCustomerReports(_ctx: StoreContext): CustomerReports {
  return {};
}
