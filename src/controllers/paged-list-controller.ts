import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CrmStore } from '../store/store.js';
import { LiveQueryController, type LiveQueryStatus } from './live-query-controller.js';

export interface PagedListOptions<T, F> {
  /** The store to read. */
  store: () => CrmStore;
  /** The current filter (plain JSON data), or `undefined` to read nothing (the host shows other data). A change starts over. */
  filter: () => F | undefined;
  /** How many records match `filter`, over all of them (e.g. `store.leads.count`). */
  count: (store: CrmStore, filter: F) => Promise<number>;
  /** Records `offset … offset + limit` of those matching `filter`, in the filter's order (e.g. `store.leads.list`). */
  page: (store: CrmStore, filter: F, offset: number, limit: number) => Promise<T[]>;
  /** Windows start and end on multiples of this; 100 unless given. */
  pageSize?: number;
  /** Rows read beyond each end of the visible range; 2 pages unless given. */
  margin?: number;
}

interface Window<T> {
  /** The filter the rows were read for. */
  key: string;
  offset: number;
  rows: T[];
}

/**
 * A large list read a window at a time, for a virtualized view: the total
 * comes from the store's count (so it covers every matching record, not the
 * rows read), and only the rows around the visible range are read, as one
 * live query over `offset … offset + limit`. As the view scrolls, `showRange`
 * moves the window (debounced, so a fling reads once where it stops); rows not
 * read yet are `undefined` for the host to draw as placeholders. Both queries
 * are live: a write anywhere (another tab too) refreshes the count and the
 * visible rows.
 */
export class PagedListController<T, F> implements ReactiveController {
  private readonly total: LiveQueryController<number | undefined, [string, number]>;
  private readonly window: LiveQueryController<Window<T> | undefined, [string, number, number, number]>;
  private readonly pageSize: number;
  private readonly margin: number;
  private offset = 0;
  private limit: number;
  private attempt = 0;
  private filterKey = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PagedListOptions<T, F>,
  ) {
    this.pageSize = options.pageSize ?? 100;
    this.margin = options.margin ?? 2 * this.pageSize;
    this.limit = this.pageSize + 2 * this.margin;
    host.addController(this);
    // The filter travels as its JSON text: equal filters made anew on each update are the same query.
    this.total = new LiveQueryController(host, {
      store: options.store,
      args: () => [this.currentKey(), this.attempt],
      query: (store, key, _attempt) => (key ? options.count(store, JSON.parse(key) as F) : undefined),
    });
    this.window = new LiveQueryController(host, {
      store: options.store,
      args: () => [this.currentKey(), this.offset, this.limit, this.attempt],
      query: async (store, key, offset, limit, _attempt) =>
        key ? { key, offset, rows: await options.page(store, JSON.parse(key) as F, offset, limit) } : undefined,
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  private currentKey(): string {
    const filter = this.options.filter();
    const key = filter === undefined ? '' : JSON.stringify(filter);
    if (key !== this.filterKey) {
      // Another filter: start at the top again.
      this.filterKey = key;
      this.offset = 0;
      this.limit = this.pageSize + 2 * this.margin;
    }
    return key;
  }

  /** `pending` until the count is known; `error` when either read failed. */
  get status(): LiveQueryStatus {
    if (this.total.status === 'error' || this.window.status === 'error') return 'error';
    return this.total.value === undefined ? 'pending' : 'complete';
  }

  /** What a read threw, while `status` is `error`. */
  get error(): unknown {
    return this.total.error ?? this.window.error;
  }

  /** How many records match the filter (0 until known). */
  get count(): number {
    return this.total.value ?? 0;
  }

  /** The record at `index`, or `undefined` while it is not read yet (rows of the previous filter are never shown). */
  rowAt(index: number): T | undefined {
    const current = this.window.value;
    if (!current || current.key !== this.filterKey || index < current.offset) return undefined;
    return current.rows[index - current.offset];
  }

  /** The view shows rows `first … last`: read the window around them unless it is read or being read. */
  showRange(first: number, last: number): void {
    if (first >= this.offset && last < this.offset + this.limit) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const start = Math.max(0, Math.floor((first - this.margin) / this.pageSize) * this.pageSize);
      const end = Math.ceil((last + 1 + this.margin) / this.pageSize) * this.pageSize;
      this.offset = start;
      this.limit = end - start;
      this.host.requestUpdate();
    }, 120);
  }

  /** Reads everything again (after an error). */
  retry(): void {
    this.attempt += 1;
    this.host.requestUpdate();
  }
}
