import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeQuery, type Subscription } from '../store/live.js';
import type { CrmStore } from '../store/store.js';

/** Where a live query is in its life. */
export type LiveQueryStatus = 'pending' | 'complete' | 'error';

export interface LiveQueryOptions<T, A extends readonly unknown[]> {
  /** The store to read, looked up on every update (a provider may switch it). */
  store: () => CrmStore;
  /** The query's arguments, read on every update; a change re-subscribes. */
  args?: () => A;
  /**
   * Whether to read at all, looked up on every update; `false` (e.g. an
   * element given plain data) drops the subscription and touches no store.
   */
  enabled?: () => boolean;
  /** The read, e.g. `(store, id) => store.leads.get(id)`. Only store reads inside it. */
  query: (store: CrmStore, ...args: A) => Promise<T> | T;
}

export interface LiveQueryRenderers<T, R> {
  pending?: () => R;
  complete: (value: T) => R;
  error?: (error: unknown) => R;
}

/** Equal, or plain objects/arrays whose own values are equal: `{ perStage: 50 }` made anew each update is the same argument. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

function sameArgs(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
}

/**
 * Binds a store query to an element: subscribes when the element connects,
 * unsubscribes when it disconnects, re-queries when the store or the arguments
 * change, and re-renders the element whenever the result changes — including
 * after a write in another tab.
 *
 * @example
 * private lead = new LiveQueryController(this, {
 *   store: () => this.stores.store,
 *   args: () => [this.leadId],
 *   query: (store, id) => store.leads.get(id),
 * });
 * render() { return this.lead.render({ complete: (lead) => html`${lead?.name}` }) }
 */
export class LiveQueryController<T, A extends readonly unknown[] = []> implements ReactiveController {
  /** `pending` until the first result of the current arguments arrives. */
  status: LiveQueryStatus = 'pending';
  /** The latest result. It survives a re-query (status `pending` again) until the new result arrives. */
  value: T | undefined;
  /** What the query threw, while `status` is `error`. */
  error: unknown;

  private subscription: Subscription | undefined;
  private connected = false;
  private subscribed = false;
  private subscribedStore: CrmStore | undefined;
  private subscribedArgs: A | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LiveQueryOptions<T, A>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.enabled) this.subscribe();
  }

  private get enabled(): boolean {
    return this.options.enabled?.() ?? true;
  }

  hostUpdate(): void {
    // An update still pending when the host was removed must not subscribe again.
    if (!this.connected) return;
    if (!this.enabled) {
      if (this.subscribed) this.unsubscribe();
      return;
    }
    const args = this.currentArgs();
    if (!this.subscribed || this.options.store() !== this.subscribedStore || !sameArgs(this.subscribedArgs, args)) this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe();
  }

  /** Renders the template for the current status, like `Task.render`. */
  render<R>(renderers: LiveQueryRenderers<T, R>): R | undefined {
    switch (this.status) {
      case 'pending':
        return renderers.pending?.();
      case 'error':
        return renderers.error?.(this.error);
      case 'complete':
        return renderers.complete(this.value as T);
    }
  }

  private currentArgs(): A {
    return this.options.args?.() ?? ([] as unknown as A);
  }

  private subscribe(): void {
    this.unsubscribe();
    const store = this.options.store();
    const args = this.currentArgs();
    this.subscribedStore = store;
    this.subscribedArgs = args;
    this.subscribed = true;
    this.status = 'pending';
    this.subscription = observeQuery(() => this.options.query(store, ...args)).subscribe({
      next: (value) => {
        this.value = value;
        this.error = undefined;
        this.status = 'complete';
        this.host.requestUpdate();
      },
      error: (error) => {
        this.error = error;
        this.status = 'error';
        this.host.requestUpdate();
      },
    });
  }

  private unsubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.subscribed = false;
    this.subscribedStore = undefined;
    this.subscribedArgs = undefined;
  }
}
