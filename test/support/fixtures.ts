import { waitUntil as openWcWaitUntil } from '@open-wc/testing';
import { CrmDatabase, deleteStore, getStore, type CrmStore } from '../../src/store/index.js';

const created = new Set<string>();
const connections: CrmDatabase[] = [];

/** A database name no other test uses. */
export function uniqueDatabaseName(label = 'test'): string {
  const name = `${label}-${crypto.randomUUID()}`;
  created.add(name);
  return name;
}

/** A store over a fresh, empty database, deleted by `deleteTestStores()`. */
export function freshStore(label?: string): CrmStore {
  return getStore(uniqueDatabaseName(label));
}

/** A connection to a fresh, empty database, closed and deleted by `deleteTestStores()`. */
export function freshDatabase(label?: string): CrmDatabase {
  const db = new CrmDatabase(uniqueDatabaseName(label));
  connections.push(db);
  return db;
}

/** Closes the connections of `freshDatabase()`, then deletes every database the test created; call in `afterEach`. */
export async function deleteTestStores(): Promise<void> {
  for (const db of connections.splice(0)) db.close();
  await Promise.all([...created].map((name) => deleteStore(name)));
  created.clear();
}

/** Lets pending IndexedDB work and live-query notifications run; `settle(2)` lets the clock move on. */
export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * `waitUntil` of @open-wc/testing with a 5 s default instead of 1 s: IndexedDB
 * and cross-tab notifications on a busy 2-core CI machine take their time.
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}

/** Waits until an async check of the store holds (5 s at most), or throws `message`. */
export async function storeHolds(check: () => Promise<boolean>, message: string): Promise<void> {
  for (const end = Date.now() + 5000; Date.now() < end; await settle(50)) if (await check()) return;
  throw new Error(message);
}
