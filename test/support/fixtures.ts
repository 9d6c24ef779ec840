import { deleteStore, getStore, type CrmStore } from '../../src/store/index.js';

const created = new Set<string>();

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

/** Deletes every database the test created; call in `afterEach`. */
export async function deleteTestStores(): Promise<void> {
  await Promise.all([...created].map((name) => deleteStore(name)));
  created.clear();
}

/** Lets pending IndexedDB work and live-query notifications run. */
export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
