import type { StoreContext } from '../context.js';
import { createCustomerReports, type CustomerReports } from './customers.js';
import { createSalesReports, type SalesReports } from './sales.js';

/** The reports (H1–H6): live reads over all the data, computed by pure functions. */
export interface ReportsRepository extends SalesReports, CustomerReports {}

export function createReportsRepository(ctx: StoreContext): ReportsRepository {
  return { ...createSalesReports(ctx), ...createCustomerReports(ctx) };
}
