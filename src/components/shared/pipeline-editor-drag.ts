import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Stage } from '../../store/types.js';

/** The drag data type of a stage row, so drops from elsewhere are ignored. */
const stageType = 'application/x-crm-stage';

/**
 * Native drag and drop of `crm-pipeline-editor`'s stage rows: remembers the
 * dragged stage, shows where it would land (before or after the row under
 * the pointer) and, on drop, hands the new order to `reorder`. The keyboard
 * alternative (buttons, Alt+↑/↓) lives in the rows.
 *
 * @internal
 */
export class StageDragController implements ReactiveController {
  /** The stage being dragged. */
  draggedId: string | undefined;
  /** The row under the pointer and the edge the stage would land at. */
  target: { stageId: string; edge: 'before' | 'after' } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly order: () => string[],
    private readonly reorder: (stageId: string, order: string[]) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.handlers.end();
  }

  /** Where `stageId` lands, as an edge of the row under the pointer. */
  edgeOf(stageId: string): 'before' | 'after' | undefined {
    return this.target?.stageId === stageId && this.draggedId !== stageId ? this.target.edge : undefined;
  }

  readonly handlers = {
    start: (stage: Stage, event: DragEvent) => {
      if (!event.dataTransfer) return;
      this.draggedId = stage.id;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData(stageType, stage.id);
      this.host.requestUpdate();
    },
    over: (stage: Stage, event: DragEvent) => {
      if (this.draggedId === undefined) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      const row = event.currentTarget as HTMLElement;
      const box = row.getBoundingClientRect();
      const edge = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
      if (this.target?.stageId !== stage.id || this.target.edge !== edge) {
        this.target = { stageId: stage.id, edge };
        this.host.requestUpdate();
      }
    },
    drop: (stage: Stage, event: DragEvent) => {
      const dragged = this.draggedId;
      const edge = this.target?.stageId === stage.id ? this.target.edge : undefined;
      this.handlers.end();
      if (dragged === undefined || edge === undefined || dragged === stage.id) return;
      event.preventDefault();
      const order = this.order().filter((id) => id !== dragged);
      const at = order.indexOf(stage.id) + (edge === 'after' ? 1 : 0);
      order.splice(at, 0, dragged);
      if (order.join() !== this.order().join()) this.reorder(dragged, order);
    },
    end: () => {
      if (this.draggedId === undefined && this.target === undefined) return;
      this.draggedId = undefined;
      this.target = undefined;
      this.host.requestUpdate();
    },
  };
}
