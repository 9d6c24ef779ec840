import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A column of a board as the keyboard sees it. */
export interface DragLane {
  id: string;
  /** The ids of the items it shows, in order. */
  items: readonly string[];
  /** Only a drop target (e.g. "won", "lost"): a carried item may go there, focus never rests there. */
  dropOnly?: boolean;
}

/** What the user just did, for the host to announce. */
export type KeyboardDragStep =
  | { kind: 'pickup'; item: string; lane: string }
  | { kind: 'over'; item: string; lane: string }
  | { kind: 'cancel'; item: string; lane: string };

export interface KeyboardDragOptions {
  /** The board's lanes in order, drop-only ones included. */
  lanes(): readonly DragLane[];
  /** Moves DOM focus to the item, or to the lane's empty placeholder when `item` is undefined, scrolling it into view. */
  focus(lane: string, item: string | undefined): void;
  /** Tells the user what happened (a live region). */
  announce(step: KeyboardDragStep): void;
  /** The user dropped the carried item on another lane. */
  drop(item: string, from: string, to: string): void;
  /** `rtl` swaps Left and Right, so they follow the lanes on screen. */
  dir?(): string;
}

/** The roving focus position: the one item (or empty lane) in the Tab order. */
export interface DragFocus {
  lane: string;
  item: string | undefined;
  index: number;
}

/**
 * Roving focus and keyboard drag and drop over the lanes of a board (WCAG
 * 2.5.7): arrows move focus between items (up/down) and lanes (left/right);
 * Space picks the focused item up, Left/Right carry it over the lanes and the
 * drop-only targets after them, Space or Enter drops it, Escape (or leaving)
 * cancels. The host renders the tab stop (`isTabStop`) and the carried state,
 * and performs the drop.
 */
export class KeyboardDragController implements ReactiveController {
  /** The item being carried: where from, and over which lane now. */
  carrying: { item: string; from: string; over: string } | undefined;

  private active: DragFocus | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: KeyboardDragOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.carrying = undefined;
  }

  /** The tab stop, repaired against the lanes now: it follows an item that moved, else keeps its place. */
  get focus(): DragFocus | undefined {
    const lanes = this.options.lanes().filter((lane) => !lane.dropOnly);
    const active = this.active;
    if (active) {
      for (const lane of lanes) {
        const index = active.item === undefined ? -1 : lane.items.indexOf(active.item);
        if (index >= 0) return { lane: lane.id, item: active.item, index };
      }
      const lane = lanes.find((candidate) => candidate.id === active.lane);
      if (lane) return this.at(lane, active.index);
    }
    const first = lanes.find((lane) => lane.items.length > 0) ?? lanes[0];
    return first ? this.at(first, 0) : undefined;
  }

  /** Whether the item (or, with `item` undefined, the empty lane) takes Tab. */
  isTabStop(lane: string, item: string | undefined): boolean {
    const focus = this.focus;
    return focus !== undefined && focus.lane === lane && focus.item === item;
  }

  /** Makes the item (or empty lane) the tab stop, e.g. when it gets focus by mouse or after a move. */
  setFocus(lane: string, item: string | undefined): void {
    const found = this.options.lanes().find((candidate) => candidate.id === lane);
    this.active = { lane, item, index: item === undefined ? 0 : Math.max(0, found?.items.indexOf(item) ?? 0) };
    this.host.requestUpdate();
  }

  /** Drops the carried item without moving it, announcing that. */
  cancel(): void {
    const carried = this.carrying;
    if (!carried) return;
    this.carrying = undefined;
    this.options.announce({ kind: 'cancel', item: carried.item, lane: carried.from });
    this.host.requestUpdate();
  }

  /** Handles a keydown on an item (or on an empty lane's placeholder, `item` undefined). */
  handleKey(event: KeyboardEvent, lane: string, item: string | undefined): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const swapped = { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft' }[event.key];
    const key = this.options.dir?.() === 'rtl' && swapped ? swapped : event.key;
    const handled = this.carrying ? this.carryKey(key) : this.browseKey(key, lane, item);
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  private at(lane: DragLane, index: number): DragFocus {
    const clamped = Math.min(Math.max(index, 0), Math.max(lane.items.length - 1, 0));
    return { lane: lane.id, item: lane.items[clamped], index: clamped };
  }

  private moveFocus(next: DragFocus): void {
    this.active = next;
    this.host.requestUpdate();
    this.options.focus(next.lane, next.item);
  }

  private browseKey(key: string, laneId: string, item: string | undefined): boolean {
    const lanes = this.options.lanes().filter((lane) => !lane.dropOnly);
    const laneIndex = lanes.findIndex((lane) => lane.id === laneId);
    const lane = lanes[laneIndex];
    if (!lane) return false;
    const index = item === undefined ? 0 : Math.max(0, lane.items.indexOf(item));
    const step = { ArrowUp: -1, ArrowDown: 1, Home: -Infinity, End: Infinity }[key];
    if (step !== undefined) {
      this.moveFocus(this.at(lane, Number.isFinite(step) ? index + step : step < 0 ? 0 : lane.items.length - 1));
      return true;
    }
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const next = lanes[laneIndex + (key === 'ArrowRight' ? 1 : -1)];
      if (next) this.moveFocus(this.at(next, index));
      return true;
    }
    if (key === ' ' && item !== undefined) {
      this.active = { lane: lane.id, item, index };
      this.carrying = { item, from: lane.id, over: lane.id };
      this.options.announce({ kind: 'pickup', item, lane: lane.id });
      this.host.requestUpdate();
      return true;
    }
    return false;
  }

  private carryKey(key: string): boolean {
    const carried = this.carrying!;
    const lanes = this.options.lanes();
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const index = lanes.findIndex((lane) => lane.id === carried.over);
      const next = lanes[index + (key === 'ArrowRight' ? 1 : -1)];
      if (next) {
        carried.over = next.id;
        this.options.announce({ kind: 'over', item: carried.item, lane: next.id });
        this.host.requestUpdate();
      }
      return true;
    }
    if (key === ' ' || key === 'Enter') {
      if (carried.over === carried.from) {
        this.cancel();
        return true;
      }
      this.carrying = undefined;
      this.host.requestUpdate();
      this.options.drop(carried.item, carried.from, carried.over);
      return true;
    }
    if (key === 'Escape') {
      this.cancel();
      return true;
    }
    // Up, Down, Home, End would only scroll while carrying.
    return ['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key);
  }
}
