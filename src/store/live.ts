import { liveQuery, type Subscription } from 'dexie';

export type { Subscription };

/**
 * An observable of a query's result that emits again whenever a write, in
 * this tab or another, touches what the query read. Inside `query`, call only
 * store reads: other async work (fetch, timers) breaks the tracking.
 */
export function observeQuery<T>(query: () => Promise<T> | T): {
  subscribe(observer: { next(value: T): void; error(error: unknown): void }): Subscription;
} {
  return liveQuery(query);
}
