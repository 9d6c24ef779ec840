import type { Table } from 'dexie';
import type { CrmDatabase } from './database.js';
import { toCrmError } from './errors.js';

/**
 * What every repository gets: the database, a clock and an id source (both
 * replaceable, so the sample-data generator can write history in the past and
 * tests can pin time), and `write`, the one way to change data.
 */
export interface StoreContext {
  readonly db: CrmDatabase;
  /** The current instant; operations stamp `createdAt`/`updatedAt` and history with it. */
  now(): number;
  /** A new record id (`crypto.randomUUID()` unless replaced). */
  newId(): string;
  /**
   * Runs `work` in one read-write transaction over `tables`: it all commits or
   * nothing does. Whatever IndexedDB throws comes out as a `CrmError`.
   */
  write<R>(tables: Table[], work: () => Promise<R>): Promise<R>;
}

export interface StoreContextOptions {
  now?: () => number;
  newId?: () => string;
}

export function createStoreContext(db: CrmDatabase, options: StoreContextOptions = {}): StoreContext {
  return {
    db,
    now: options.now ?? Date.now,
    newId: options.newId ?? (() => crypto.randomUUID()),
    async write(tables, work) {
      try {
        return await db.transaction('rw', tables, work);
      } catch (error) {
        throw toCrmError(error);
      }
    },
  };
}
