import { css, html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { Stage } from '../../store/types.js';
import { inlineNameForm } from './pipeline-editor-forms.js';

/** The controls of a stage row that keep focus when the row moves. */
export type StageControl = 'rename' | 'up' | 'down' | 'remove';

/** What a stage row asks of the editor that renders it. */
export interface StageRowActions {
  startRename(stage: Stage): void;
  move(stage: Stage, by: -1 | 1, control: StageControl | undefined): void;
  remove(stage: Stage): void;
  saveRename(stage: Stage): void;
  cancelRename(): void;
  setDraft(value: string): void;
  /** Native drag and drop of rows (mouse and touch; the keyboard has Alt+↑/↓). */
  drag: {
    start(stage: Stage, event: DragEvent): void;
    over(stage: Stage, event: DragEvent): void;
    drop(stage: Stage, event: DragEvent): void;
    end(): void;
  };
}

export interface StageRowState {
  stage: Stage;
  /** 0-based place in the list. */
  index: number;
  total: number;
  /** Open deals at the stage; `undefined` hides the count. */
  count: number | undefined;
  /** The row shows the rename field. */
  editing: boolean;
  draft: string;
  /** The localized error shown at the rename field. */
  error: string | undefined;
  /** A drag is over this row: where the dragged stage would land. */
  dropEdge: 'before' | 'after' | undefined;
  dragging: boolean;
}

/** The move buttons: up, then down. */
const moves = [
  { control: 'up', by: -1, term: 'pipelineEditor.moveUp', arrow: '↑' },
  { control: 'down', by: 1, term: 'pipelineEditor.moveDown', arrow: '↓' },
] as const;

/** Which of the row's controls holds focus, so a move keeps focus on it. */
function controlOf(event: Event): StageControl | undefined {
  const target = event.composedPath()[0];
  return target instanceof HTMLElement ? (target.dataset['control'] as StageControl | undefined) : undefined;
}

/**
 * One stage of `crm-pipeline-editor`: its place, name, open-deal count and
 * buttons (rename, move up/down, remove), or the inline rename form. Alt+↑ and
 * Alt+↓ anywhere in the row move the stage.
 *
 * @internal
 */
export function stageRow(row: StageRowState, actions: StageRowActions, localize: CrmLocalizeController): TemplateResult {
  const { stage } = row;
  const onKeydown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || row.editing) return;
    event.preventDefault();
    actions.move(stage, event.key === 'ArrowUp' ? -1 : 1, controlOf(event));
  };
  return html`<li
    class=${classMap({ stage: true, dragging: row.dragging, [`drop-${row.dropEdge}`]: row.dropEdge !== undefined })}
    data-stage-id=${stage.id}
    draggable=${row.editing ? 'false' : 'true'}
    @keydown=${onKeydown}
    @dragstart=${(event: DragEvent) => actions.drag.start(stage, event)}
    @dragover=${(event: DragEvent) => actions.drag.over(stage, event)}
    @drop=${(event: DragEvent) => actions.drag.drop(stage, event)}
    @dragend=${() => actions.drag.end()}
  >
    <span class="grip" aria-hidden="true" title=${localize.term('pipelineEditor.drag', stage.name)}></span>
    <span class="position" aria-hidden="true">${row.index + 1}</span>
    ${row.editing
      ? inlineNameForm(
          {
            id: `rename-${stage.id}`,
            label: localize.term('pipelineEditor.newName', stage.name),
            labelHidden: true,
            draft: row.draft,
            error: row.error,
            limit: 80,
          },
          { setDraft: actions.setDraft, save: () => actions.saveRename(stage), cancel: actions.cancelRename },
          localize,
        )
      : html`<span class="name">${stage.name}</span>
          ${row.count === undefined ? nothing : html`<span class="count">${localize.term('pipelineEditor.deals', row.count)}</span>`}
          <span class="buttons">
            <button
              type="button"
              data-control="rename"
              aria-label=${localize.term('pipelineEditor.rename', stage.name)}
              @click=${() => actions.startRename(stage)}
            >
              ${localize.term('pipelineEditor.renameShort')}
            </button>
            ${moves.map(
              ({ control, by, term, arrow }) =>
                html`<button
                  type="button"
                  class="icon"
                  data-control=${control}
                  aria-label=${localize.term(term, stage.name)}
                  aria-disabled=${(by < 0 ? row.index === 0 : row.index === row.total - 1) ? 'true' : 'false'}
                  @click=${() => actions.move(stage, by, control)}
                >
                  <span aria-hidden="true">${arrow}</span>
                </button>`,
            )}
            <button
              type="button"
              data-control="remove"
              aria-label=${localize.term('pipelineEditor.remove', stage.name)}
              @click=${() => actions.remove(stage)}
            >
              ${localize.term('action.remove')}
            </button>
          </span>`}
  </li>`;
}

/** Styles of the stage rows, for the editor's shadow root. */
export const stageRowStyles = css`
  .stages {
    display: grid;
    gap: var(--_crm-space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
    /* Rows lay out by the list's own width, wherever the host puts the editor. */
    container-type: inline-size;
  }
  .stage {
    display: grid;
    grid-template-columns: auto 2rem minmax(0, 1fr) auto auto;
    align-items: center;
    gap: var(--_crm-space-s) var(--_crm-space-m);
    padding: var(--_crm-space-s) var(--_crm-space-m);
    border: 1px solid var(--_crm-color-border);
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface);
  }
  .stage:focus-within {
    border-color: var(--_crm-color-focus);
  }
  .stage.dragging {
    opacity: 0.5;
  }
  .stage.drop-before {
    box-shadow: 0 -3px 0 var(--_crm-color-primary);
  }
  .stage.drop-after {
    box-shadow: 0 3px 0 var(--_crm-color-primary);
  }
  .grip {
    inline-size: 0.75rem;
    block-size: 1.25rem;
    cursor: grab;
    background: radial-gradient(circle, var(--_crm-color-text-muted) 1.5px, transparent 1.6px) 0 0 / 0.375rem 0.4167rem;
  }
  .position {
    font-variant-numeric: tabular-nums;
    color: var(--_crm-color-text-muted);
    text-align: end;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .count {
    color: var(--_crm-color-text-muted);
    font-size: var(--_crm-font-size-s);
    white-space: nowrap;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_crm-space-xs);
  }
  .buttons button {
    min-block-size: 2rem;
    padding: var(--_crm-space-xs) var(--_crm-space-m);
  }
  .buttons button.icon {
    inline-size: 2rem;
    padding-inline: 0;
  }
  button[aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .stage .inline-name {
    grid-column: 3 / -1;
  }
  @container (max-width: 42rem) {
    .stage {
      grid-template-columns: auto 2rem minmax(0, 1fr) auto;
    }
    .buttons {
      grid-column: 3 / -1;
      justify-content: flex-start;
    }
  }
`;
