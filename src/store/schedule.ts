import type { StoreContext } from './context.js';
import type { CrmStore } from './store.js';

// TODO(issue 3): operations of this aggregate.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ServicesRepository {}

export function createServicesRepository(_ctx: StoreContext, _store: CrmStore): ServicesRepository {
  return {};
}

// TODO(issue 3): operations of this aggregate.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScheduleRepository {}

export function createScheduleRepository(_ctx: StoreContext, _store: CrmStore): ScheduleRepository {
  return {};
}
