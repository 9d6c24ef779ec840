// What the store tests share: a store with a pinned clock over a fresh
// database, rows written straight into tables another module owns, the
// refusal check, before/after snapshots, and the client-base records a
// counterparty or contact refers to.
import { expect } from '@open-wc/testing';
import { CrmDatabase, CrmError, createStore, tableNames, type Counterparty, type CrmStore, type Lead, type User, type UserRole } from '../../src/store/index.js';
import { contextOf } from '../../src/store/store.js';
import { freshDatabase } from './fixtures.js';

/** Awaits an operation that must be refused with a `CrmError`, and returns the error. */
export async function refused(operation: Promise<unknown>): Promise<CrmError> {
  const error = await operation.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the operation should have been refused').to.be.instanceOf(CrmError);
  return error as CrmError;
}

/**
 * Every row of every table (or of the tables named), in key order, read in
 * one transaction: to show a refused operation changed nothing.
 */
export async function snapshot(of: CrmStore | CrmDatabase, tables: readonly string[] = tableNames): Promise<Record<string, unknown[]>> {
  const db = of instanceof CrmDatabase ? of : contextOf(of).db;
  return db.transaction('r', tables, async () =>
    Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await db.table(name).toArray()]))),
  );
}

export interface TestStore {
  db: CrmDatabase;
  store: CrmStore;
  /** The instant the store stamps records with; set it, or move it with `tick`. */
  clock: { now: number };
  /** Moves the clock on (a minute unless told) and returns the new instant. */
  tick(ms?: number): number;
}

/**
 * A store over a fresh database (closed and deleted by `deleteTestStores()`),
 * its clock pinned at `start`; without `start` it keeps the real clock.
 */
export function testStore(label: string, start?: number): TestStore {
  const db = freshDatabase(label);
  const clock = { now: start ?? 0 };
  const store = createStore(db, start === undefined ? {} : { now: () => clock.now });
  return { db, store, clock, tick: (ms = 60_000) => (clock.now += ms) };
}

/** A user row to write straight into `db.users`: an active manager unless told, stamped `at`. */
export function userRow(fields: Partial<User> & Pick<User, 'name'>, at = Date.now()): User {
  return { id: crypto.randomUUID(), roles: ['manager'], active: 1, createdAt: at, updatedAt: at, ...fields };
}

/** A counterparty row to write straight into `db.counterparties`: a regular legal entity with no channels unless told, stamped `at`. */
export function counterpartyRow(fields: Partial<Counterparty> & Pick<Counterparty, 'name'>, at = Date.now()): Counterparty {
  return {
    id: crypto.randomUUID(),
    kind: 'legal',
    phones: [],
    emails: [],
    messengers: [],
    addresses: [],
    tags: [],
    relationshipStage: 'regular',
    archived: 0,
    searchTokens: [],
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

/** A lead row to write straight into `db.leads`: a new lead with no channels unless told, stamped `at`. */
export function leadRow(fields: Partial<Lead> & Pick<Lead, 'name'>, at = Date.now()): Lead {
  return { id: crypto.randomUUID(), status: 'new', phones: [], emails: [], messengers: [], tags: [], searchTokens: [], createdAt: at, updatedAt: at, ...fields };
}

/** Writes a user straight into `db.users`, a specialist unless `roles` say otherwise, and returns it. */
export async function addUser(db: CrmDatabase, name: string, roles: UserRole[] = ['specialist'], active: 0 | 1 = 1): Promise<User> {
  const user = userRow({ name, roles, active });
  await db.users.add(user);
  return user;
}

/** A manager, a source, two tags and a partner to refer to. */
export async function partyReferences(store: CrmStore) {
  return {
    manager: await store.users.create({ name: 'Олена Коваль', roles: ['manager'] }),
    otherManager: await store.users.create({ name: 'Богдан Гнатюк', roles: ['manager'] }),
    source: await store.sources.create({ name: 'Google Ads' }),
    vip: await store.tags.create({ name: 'VIP' }),
    wholesale: await store.tags.create({ name: 'Опт' }),
    partner: await store.partners.create({ name: 'Група «Карпатські меблі»' }),
  };
}
