import { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import { customElement } from 'lit/decorators.js';

/** What of a `Virtualizer` (@lit-labs/virtualizer 2.1) the batching below reads and calls: private members. */
interface VirtualizerInternals {
  _updateLayout(): void;
  _updateView(): void;
  _initObservers(): void;
  _childrenSizeChanged(entries: ResizeObserverEntry[]): void;
  _childrenRO: Pick<ResizeObserver, 'observe' | 'unobserve' | 'disconnect'> | null;
  _layout: { items: unknown; reflowIfNeeded(): void } | null;
  _connected: boolean;
  _items: unknown[];
  _childMeasurements: Record<number, unknown> | null;
  _measureCallback: ((measurements: Record<number, unknown>) => void) | null;
}

const methods = ['_updateLayout', '_updateView', '_initObservers', '_childrenSizeChanged'] as const;
const fields = ['_childrenRO', '_layout', '_connected', '_items', '_childMeasurements', '_measureCallback'] as const;

/** Runs `step` for each list; one list failing does not keep the others from laying out (its error is reported). */
function each(lists: readonly VirtualizerInternals[], step: (list: VirtualizerInternals) => void): void {
  for (const list of lists) {
    try {
      step(list);
    } catch (error) {
      reportError(error);
    }
  }
}

const waiting = new Set<VirtualizerInternals>();

/** Every waiting list reads the page's geometry (and takes its measurements), then every one draws. */
function layOut(): void {
  const batch = [...waiting].filter((list) => list._layout && list._connected);
  waiting.clear();
  each(batch, (list) => {
    list._layout!.items = list._items;
    list._updateView();
    if (list._childMeasurements !== null) {
      list._measureCallback?.(list._childMeasurements);
      list._childMeasurements = null;
    }
  });
  each(batch, (list) => list._layout!.reflowIfNeeded());
}

/** One observer for the items of every list: their sizes arrive in one callback, so all lists measure before any draws. */
const owners = new WeakMap<Element, { list: VirtualizerInternals; targets: Set<Element> }>();
let itemsObserver: ResizeObserver | undefined;

function observeItems(entries: ResizeObserverEntry[]): void {
  const byList = new Map<VirtualizerInternals, ResizeObserverEntry[]>();
  for (const entry of entries) {
    const owner = owners.get(entry.target);
    if (!owner) continue;
    // The virtualizer observes each item it draws and never lets go: an item taken out of the page is let go here.
    if (!entry.target.isConnected) {
      itemsObserver!.unobserve(entry.target);
      owner.targets.delete(entry.target);
      owners.delete(entry.target);
    }
    const changes = byList.get(owner.list);
    if (changes) changes.push(entry);
    else byList.set(owner.list, [entry]);
  }
  each([...byList.keys()], (list) => list._childrenSizeChanged(byList.get(list)!));
}

function sharedItemsObserver(list: VirtualizerInternals): NonNullable<VirtualizerInternals['_childrenRO']> {
  const observer = (itemsObserver ??= new ResizeObserver(observeItems));
  const targets = new Set<Element>();
  return {
    observe(target: Element, options?: ResizeObserverOptions) {
      owners.set(target, { list, targets });
      targets.add(target);
      observer.observe(target, options);
    },
    unobserve(target: Element) {
      targets.delete(target);
      owners.delete(target);
      observer.unobserve(target);
    },
    disconnect() {
      for (const target of targets) {
        observer.unobserve(target);
        owners.delete(target);
      }
      targets.clear();
    },
  };
}

/** Makes `list` lay out with the others; a virtualizer without the members this relies on is left as it is. */
function batch(value: unknown): void {
  const list = value as VirtualizerInternals;
  if (!methods.every((name) => typeof list[name] === 'function') || !fields.every((name) => name in list)) return;
  list._updateLayout = () => {
    waiting.add(list);
    if (waiting.size === 1) queueMicrotask(layOut);
  };
  const initObservers = list._initObservers;
  list._initObservers = () => {
    list._childrenRO?.disconnect();
    initObservers.call(list);
    list._childrenRO?.disconnect();
    list._childrenRO = sharedItemsObserver(list);
  };
}

/**
 * `<lit-virtualizer>` laying out together with the other lists of the page:
 * a board's seven lanes each read the page's geometry (a forced style and
 * layout) and then draw their cards, and each measures its cards in a
 * ResizeObserver callback of its own and redraws them — so each lane's read
 * waited for the layout of what the lane before it drew: fourteen style and
 * layout passes on a board's first frame. Here the lanes' layout passes run
 * in one microtask (all read, then all draw) and their cards' sizes arrive
 * in one ResizeObserver callback. This relies on private members of
 * @lit-labs/virtualizer 2.1 (pinned); a version without them lays out as a
 * plain `<lit-virtualizer>`.
 *
 * @internal
 */
@customElement('crm-lane-list')
export class CrmLaneList extends LitVirtualizer {
  #virtualizer: unknown;

  // Set by each virtualizer's constructor, before it connects: the moment to join the batch.
  get [virtualizerRef](): unknown {
    return this.#virtualizer;
  }

  set [virtualizerRef](virtualizer: unknown) {
    if (virtualizer && virtualizer !== this.#virtualizer) batch(virtualizer);
    this.#virtualizer = virtualizer;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-lane-list': CrmLaneList;
  }
}
