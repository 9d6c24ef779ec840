import type { StoreContext } from './context.js';
import type { CrmStore } from './store.js';

// TODO(issue 3): operations of this aggregate.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface KpiRepository {}

export function createKpiRepository(_ctx: StoreContext, _store: CrmStore): KpiRepository {
  return {};
}
