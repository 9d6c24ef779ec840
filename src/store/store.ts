import { Dexie } from 'dexie';
import { CrmDatabase, DEFAULT_DATABASE_NAME } from './database.js';

export { DEFAULT_DATABASE_NAME };
import { createSettingsRepository, type SettingsRepository } from './settings.js';

/**
 * One CRM database and its operations, grouped by aggregate
 * (`store.settings`, later `store.leads`, `store.deals`, …). Reads are plain
 * functions a `liveQuery` can wrap; writes validate, run in one transaction
 * and return the written record.
 */
export interface CrmStore {
  /** The IndexedDB database name; one store per name and page. */
  readonly name: string;
  readonly settings: SettingsRepository;
  /** Opens the database now, surfacing version or quota errors early. */
  open(): Promise<this>;
  /**
   * Closes the connection (other tabs can then upgrade or delete the database).
   * The store stays usable: the next read or write opens it again.
   */
  close(): void;
  /** Deletes the database with every record; the store stays usable and starts empty. */
  delete(): Promise<void>;
}

const stores = new Map<string, CrmStore>();

function createStore(name: string): CrmStore {
  const db = new CrmDatabase(name);
  const store: CrmStore = {
    name,
    settings: createSettingsRepository(db),
    async open() {
      await db.open();
      return this;
    },
    close() {
      db.close({ disableAutoOpen: false });
    },
    async delete() {
      await db.delete({ disableAutoOpen: false });
    },
  };
  return store;
}

/**
 * The store for a database name, created on first use and shared by every
 * caller on the page afterwards. The database opens lazily on the first query.
 */
export function getStore(name: string = DEFAULT_DATABASE_NAME): CrmStore {
  let store = stores.get(name);
  if (!store) {
    store = createStore(name);
    stores.set(name, store);
  }
  return store;
}

/** `getStore(name)`, opened: what `<crm-provider database="…">` gives its elements. */
export function openStore(name: string = DEFAULT_DATABASE_NAME): Promise<CrmStore> {
  return getStore(name).open();
}

/**
 * Deletes the database of that name with every record. A store of that name
 * (and every element showing it) stays usable and starts empty.
 */
export async function deleteStore(name: string): Promise<void> {
  const store = stores.get(name);
  if (store) await store.delete();
  else await Dexie.delete(name);
}
