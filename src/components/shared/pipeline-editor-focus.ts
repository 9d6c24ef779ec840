import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where focus goes once rendered: `selector` within the row of `stageId` (when at `index`), or within the whole root. */
export interface FocusTarget {
  selector: string;
  stageId?: string;
  /** For a move: focus only once the row has reached this 0-based place. */
  index?: number;
}

/**
 * Moves focus after `crm-pipeline-editor` renders: to a control of a stage's
 * row once the row is where it should be (a moved row may lose focus while
 * the list re-orders), or to an element of the editor.
 *
 * @internal
 */
export class StageFocusController implements ReactiveController {
  /** What to focus after the next render that shows it. */
  pending: FocusTarget | undefined;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  /** Focuses `target` as soon as a render shows it. */
  request(target: FocusTarget | undefined): void {
    this.pending = target;
    if (target) this.host.requestUpdate();
  }

  hostUpdated(): void {
    const pending = this.pending;
    if (!pending) return;
    let scope: ParentNode = this.host.renderRoot;
    if (pending.stageId !== undefined) {
      const rows = [...scope.querySelectorAll<HTMLElement>('li[data-stage-id]')];
      const at = rows.findIndex((row) => row.dataset['stageId'] === pending.stageId);
      if (at < 0 || (pending.index !== undefined && at !== pending.index)) return;
      scope = rows[at]!;
    }
    const target = scope.querySelector<HTMLElement>(pending.selector);
    if (!target) return;
    this.pending = undefined;
    target.focus();
  }
}
