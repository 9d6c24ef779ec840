import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Appointment } from '../store/types.js';

export interface JournalDragOptions {
  /** The text the drag carries (the client's name). */
  label(appointment: Appointment): string;
  /** A drag starts: a keyboard carry in progress is put back. */
  started(): void;
  /** The appointment was dropped on the slot at (`col`, `row`). */
  dropped(appointment: Appointment, col: number, row: number): void;
}

/**
 * Dragging an appointment of the journal's day grid with the mouse: which one
 * is dragged, the slot it is over (shown as the drop target) and the drop. The
 * keyboard alternative is `JournalGridController`'s carry.
 *
 * @internal
 */
export class JournalDragController implements ReactiveController {
  /** The appointment being dragged. */
  dragged: Appointment | undefined;
  /** The slot the dragged appointment is over. */
  target: { col: number; row: number } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: JournalDragOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.dragged = this.target = undefined;
  }

  private set(dragged: Appointment | undefined, target: { col: number; row: number } | undefined): void {
    this.dragged = dragged;
    this.target = target;
    this.host.requestUpdate();
  }

  /** The day grid's drag listeners. */
  readonly handlers = {
    onDragStart: (event: DragEvent, appointment: Appointment): void => {
      this.options.started();
      event.dataTransfer?.setData('text/plain', this.options.label(appointment));
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      this.set(appointment, undefined);
    },
    onDragEnd: (): void => this.set(undefined, undefined),
    onDragOver: (event: DragEvent, col: number, row: number): void => {
      if (!this.dragged) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      if (this.target?.col !== col || this.target.row !== row) this.set(this.dragged, { col, row });
    },
    onDrop: (event: DragEvent, col: number, row: number): void => {
      event.preventDefault();
      const dragged = this.dragged;
      this.set(undefined, undefined);
      if (dragged) this.options.dropped(dragged, col, row);
    },
  };
}
