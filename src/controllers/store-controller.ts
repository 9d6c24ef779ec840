import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { storeContext } from '../context/store-context.js';
import { getStore } from '../store/store.js';
import type { CrmStore } from '../store/store.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Finds the store for an element: the one the nearest `<crm-provider>`
 * provides, or the page's default store when there is none. Follows a
 * provider's `database` change, and a move out from under a provider, and
 * re-renders the host.
 */
export class StoreController implements ReactiveController {
  /** The store a provider answered with since the host last connected. */
  private provided: CrmStore | undefined;

  constructor(private readonly host: Host) {
    // Added before this controller, so a provider answers during the host's
    // connect, before `hostConnected` below runs.
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => {
        this.provided = store;
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  /** The store in effect: the provided one, else the default (`crm-elements` database). */
  get store(): CrmStore {
    return this.provided ?? getStore();
  }

  /** Whether a `<crm-provider>` supplies the store (rather than the page default). */
  get isProvided(): boolean {
    return this.provided !== undefined;
  }

  hostConnected(): void {
    if (!this.provided) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.provided = undefined;
  }
}
