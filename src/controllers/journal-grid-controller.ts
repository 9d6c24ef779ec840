import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A place in the journal's grid: a slot, or one appointment of the cell at (`col`, `row`). */
export interface GridRef {
  col: number;
  row: number;
  appointmentId?: string;
}

/** What occupies a place of the grid: a cell spanning rows, holding some appointments (none for a slot). */
export interface GridCellInfo {
  row: number;
  span: number;
  appointmentIds: readonly string[];
}

/** The appointment being carried by keyboard and where it would land now. */
export interface GridCarry {
  appointmentId: string;
  span: number;
  from: { col: number; row: number };
  col: number;
  row: number;
}

export type GridCarryStep = { kind: 'pickup' | 'over' | 'cancel'; carry: GridCarry };

export interface JournalGridOptions {
  size(): { cols: number; rows: number };
  /** The cell covering (`col`, `row`). */
  cellAt(col: number, row: number): GridCellInfo;
  /** Where an appointment is now, if shown. */
  locate(appointmentId: string): { col: number; row: number } | undefined;
  /** How many rows a carriable (booked) appointment spans; `undefined` when it cannot move. */
  carriable(appointmentId: string): number | undefined;
  /** Moves DOM focus to the place. */
  focus(ref: GridRef): void;
  /** Enter on a place: book a free slot, open an appointment's actions. */
  activate(ref: GridRef): void;
  announce(step: GridCarryStep): void;
  /** The user dropped the carried appointment at another place. */
  drop(carry: GridCarry): void;
  /** Rows moved by PageUp / PageDown. */
  pageRows?(): number;
  dir?(): string;
}

/**
 * The journal's grid by keyboard (the ARIA grid pattern with a roving tab
 * stop): arrows move between slots and appointments, Home/End to the first
 * and last column, PageUp/PageDown by an hour, Enter activates. Space picks a
 * booked appointment up; arrows then move it by a slot or a specialist, Enter
 * or Space drops it, Escape puts it back.
 */
export class JournalGridController implements ReactiveController {
  carrying: GridCarry | undefined;
  private active: GridRef = { col: 0, row: 0 };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: JournalGridOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.carrying = undefined;
  }

  /** The tab stop, repaired against the grid now: it follows an appointment that moved. */
  get focus(): GridRef {
    const { cols, rows } = this.options.size();
    const id = this.active.appointmentId;
    const at = id ? this.options.locate(id) : undefined;
    if (id && at) return { ...at, appointmentId: id };
    return this.refAt(Math.min(this.active.col, cols - 1), Math.min(this.active.row, rows - 1));
  }

  isTabStop(ref: GridRef): boolean {
    const focus = this.focus;
    return focus.col === ref.col && focus.appointmentId === ref.appointmentId && (ref.appointmentId !== undefined || focus.row === ref.row);
  }

  /** Makes a place the tab stop (it got focus by mouse, or the grid changed). */
  setFocus(ref: GridRef): void {
    if (this.active.col === ref.col && this.active.row === ref.row && this.active.appointmentId === ref.appointmentId) return;
    this.active = ref;
    this.host.requestUpdate();
  }

  /** Puts the carried appointment back, announcing it. */
  cancel(): void {
    const carry = this.carrying;
    if (!carry) return;
    this.carrying = undefined;
    this.options.announce({ kind: 'cancel', carry });
    this.host.requestUpdate();
  }

  /** Picks an appointment up to move it by keyboard (Space, or "Reschedule" in its menu); `false` when it cannot move. */
  pickUp(ref: GridRef): boolean {
    const span = ref.appointmentId ? this.options.carriable(ref.appointmentId) : undefined;
    if (!ref.appointmentId || span === undefined) return false;
    const row = ref.row;
    this.active = ref;
    this.carrying = { appointmentId: ref.appointmentId, span, from: { col: ref.col, row }, col: ref.col, row };
    this.options.announce({ kind: 'pickup', carry: this.carrying });
    this.host.requestUpdate();
    return true;
  }

  handleKey(event: KeyboardEvent, ref: GridRef): void {
    if (event.altKey || event.metaKey) return;
    const swapped = { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft' }[event.key];
    const key = this.options.dir?.() === 'rtl' && swapped ? swapped : event.key;
    const handled = this.carrying ? this.carryKey(key) : this.browseKey(key, ref, event.ctrlKey);
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  private refAt(col: number, row: number, last = false): GridRef {
    const cell = this.options.cellAt(Math.max(0, col), Math.max(0, row));
    const ids = cell.appointmentIds;
    return ids.length ? { col, row: cell.row, appointmentId: ids[last ? ids.length - 1 : 0] } : { col, row };
  }

  private move(next: GridRef): void {
    this.active = next;
    this.host.requestUpdate();
    this.options.focus(next);
  }

  private browseKey(key: string, ref: GridRef, ctrl: boolean): boolean {
    const { cols, rows } = this.options.size();
    const cell = this.options.cellAt(ref.col, ref.row);
    const index = ref.appointmentId ? cell.appointmentIds.indexOf(ref.appointmentId) : -1;
    const page = this.options.pageRows?.() ?? 4;
    switch (key) {
      case 'ArrowDown':
        if (index >= 0 && index < cell.appointmentIds.length - 1) this.move({ ...ref, appointmentId: cell.appointmentIds[index + 1] });
        else if (cell.row + cell.span < rows) this.move(this.refAt(ref.col, cell.row + cell.span));
        return true;
      case 'ArrowUp':
        if (index > 0) this.move({ ...ref, appointmentId: cell.appointmentIds[index - 1] });
        else if (cell.row > 0) this.move(this.refAt(ref.col, cell.row - 1, true));
        return true;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const col = ref.col + (key === 'ArrowRight' ? 1 : -1);
        if (col >= 0 && col < cols) this.move(this.refAt(col, ref.row));
        return true;
      }
      case 'Home':
      case 'End':
        this.move(ctrl ? this.refAt(key === 'Home' ? 0 : cols - 1, key === 'Home' ? 0 : rows - 1) : this.refAt(key === 'Home' ? 0 : cols - 1, ref.row));
        return true;
      case 'PageUp':
      case 'PageDown':
        this.move(this.refAt(ref.col, Math.min(rows - 1, Math.max(0, ref.row + (key === 'PageDown' ? page : -page)))));
        return true;
      case 'Enter':
        this.options.activate(ref);
        return true;
      case ' ':
        if (ref.appointmentId) this.pickUp(ref);
        return ref.appointmentId !== undefined;
      default:
        return false;
    }
  }

  private carryKey(key: string): boolean {
    const carry = this.carrying!;
    const { cols, rows } = this.options.size();
    const step = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] }[key];
    if (step) {
      const col = Math.min(cols - 1, Math.max(0, carry.col + step[0]!));
      const row = Math.min(Math.max(0, rows - carry.span), Math.max(0, carry.row + step[1]!));
      if (col !== carry.col || row !== carry.row) {
        Object.assign(carry, { col, row });
        this.options.announce({ kind: 'over', carry });
        this.host.requestUpdate();
      }
      return true;
    }
    if (key === 'Enter' || key === ' ') {
      if (carry.col === carry.from.col && carry.row === carry.from.row) this.cancel();
      else {
        this.carrying = undefined;
        this.host.requestUpdate();
        this.options.drop(carry);
      }
      return true;
    }
    if (key === 'Escape') {
      this.cancel();
      return true;
    }
    return ['Home', 'End', 'PageUp', 'PageDown'].includes(key);
  }
}
