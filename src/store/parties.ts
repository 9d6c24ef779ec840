import type { StoreContext } from './context.js';
import type { CrmStore } from './store.js';

// TODO(issue 3): operations of this aggregate.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CounterpartiesRepository {}

export function createCounterpartiesRepository(_ctx: StoreContext, _store: CrmStore): CounterpartiesRepository {
  return {};
}

// TODO(issue 3): operations of this aggregate.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PartnersRepository {}

export function createPartnersRepository(_ctx: StoreContext, _store: CrmStore): PartnersRepository {
  return {};
}

// TODO(issue 3): operations of this aggregate.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ContactsRepository {}

export function createContactsRepository(_ctx: StoreContext, _store: CrmStore): ContactsRepository {
  return {};
}
