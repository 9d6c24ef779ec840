import type { StoreContext } from './context.js';
import type { CrmStore } from './store.js';

// TODO(issue 3): operations of this aggregate.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SourcesRepository {}

export function createSourcesRepository(_ctx: StoreContext, _store: CrmStore): SourcesRepository {
  return {};
}

// TODO(issue 3): operations of this aggregate.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TagsRepository {}

export function createTagsRepository(_ctx: StoreContext, _store: CrmStore): TagsRepository {
  return {};
}

// TODO(issue 3): operations of this aggregate.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LostReasonsRepository {}

export function createLostReasonsRepository(_ctx: StoreContext, _store: CrmStore): LostReasonsRepository {
  return {};
}
