import { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';

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

const waiting = new Set<VirtualizerInternals>();

/** Every waiting list reads the page's geometry (and its measurements), then every one draws. */
function layOut(): void {
  const batch = [...waiting].filter((list) => list._layout && list._connected);
  waiting.clear();
  for (const list of batch) {
    list._layout!.items = list._items;
    list._updateView();
    if (list._childMeasurements !== null) {
      list._measureCallback?.(list._childMeasurements);
      list._childMeasurements = null;
    }
  }
  for (const list of batch) list._layout!.reflowIfNeeded();
}

/** One observer for the items of every list: their sizes arrive in one callback, so all lists measure before any draws. */
const owners = new WeakMap<Element, VirtualizerInternals>();
let itemsObserver: ResizeObserver | undefined;

function sharedItemsObserver(list: VirtualizerInternals): NonNullable<VirtualizerInternals['_childrenRO']> {
  itemsObserver ??= new ResizeObserver((entries) => {
    const byList = new Map<VirtualizerInternals, ResizeObserverEntry[]>();
    for (const entry of entries) {
      const owner = owners.get(entry.target);
      if (owner) byList.set(owner, [...(byList.get(owner) ?? []), entry]);
    }
    for (const [owner, changes] of byList) owner._childrenSizeChanged(changes);
  });
  const observer = itemsObserver;
  const targets = new Set<Element>();
  return {
    observe(target: Element, options?: ResizeObserverOptions) {
      owners.set(target, list);
      targets.add(target);
      observer.observe(target, options);
    },
    unobserve(target: Element) {
      targets.delete(target);
      observer.unobserve(target);
    },
    disconnect() {
      for (const target of targets) observer.unobserve(target);
      targets.clear();
    },
  };
}

const internals = ['_updateLayout', '_updateView', '_initObservers', '_childrenSizeChanged'] as const;

function batch(list: VirtualizerInternals): void {
  // Another version of the virtualizer: left to its own scheduling.
  if (!internals.every((name) => typeof list[name] === 'function')) return;
  list._updateLayout = () => {
    waiting.add(list);
    if (waiting.size === 1) queueMicrotask(layOut);
  };
  const initObservers = list._initObservers;
  list._initObservers = () => {
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
 * in one ResizeObserver callback: two passes. This relies on private members
 * of @lit-labs/virtualizer 2.1 (pinned); on another version it is a plain
 * `<lit-virtualizer>`.
 *
 * @internal
 */
export class CrmLaneList extends LitVirtualizer {
  set [virtualizerRef](list: unknown) {
    // Set by the virtualizer's constructor, before it connects: the moment to join the batch.
    batch(list as VirtualizerInternals);
    Object.defineProperty(this, virtualizerRef, { value: list, configurable: true, writable: true });
  }
}
if (!customElements.get('crm-lane-list')) customElements.define('crm-lane-list', CrmLaneList);
