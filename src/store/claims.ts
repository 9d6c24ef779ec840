import type { StoreContext } from './context.js';
import type { CrmStore } from './store.js';

// TODO(issue 3): operations of this aggregate.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClaimsRepository {}

export function createClaimsRepository(_ctx: StoreContext, _store: CrmStore): ClaimsRepository {
  return {};
}
