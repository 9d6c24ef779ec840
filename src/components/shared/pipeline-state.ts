import { css, html, type TemplateResult } from 'lit';
import type { DealBoardStatus } from '../../controllers/deal-board-controller.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';

/**
 * What a deal board shows before (or instead of) its columns: loading, a
 * missing pipeline, no pipelines at all, or a failed read.
 *
 * @internal
 */
export function renderPipelineState(status: DealBoardStatus, localize: CrmLocalizeController, error: unknown): TemplateResult {
  switch (status) {
    case 'loading':
      return html`<div class="board" aria-busy="true">
        <p class="note" role="status">${localize.term('common.loading')}</p>
        <div class="skeleton" aria-hidden="true"><div></div><div></div><div></div><div></div></div>
      </div>`;
    case 'not-found':
      return html`<p class="state error" role="alert">${localize.term('pipeline.notFound')}</p>`;
    case 'no-pipelines':
      return html`<p class="state">${localize.term('pipeline.noPipelines')}</p>`;
    default:
      return html`<p class="state error" role="alert">${localize.errorMessage(error)}</p>`;
  }
}

/** Notes, state messages, the error banner and the loading skeleton. */
export const pipelineStateStyles = css`
  .note,
  .state {
    margin: 0;
    color: var(--_crm-color-text-muted);
  }
  .state {
    padding: var(--_crm-space-xl);
    background: var(--_crm-color-surface);
    text-align: center;
    border: 1px dashed var(--_crm-color-border);
    border-radius: var(--_crm-radius);
  }
  .state.error,
  .failure {
    color: var(--_crm-color-danger);
  }
  .failure {
    margin: 0;
    padding: var(--_crm-space-s) var(--_crm-space-m);
    border: 1px solid currentColor;
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface);
  }
  .failure:empty {
    display: none;
  }
  .skeleton {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: var(--_column-width);
    gap: var(--_crm-space-m);
    overflow: hidden;
  }
  .skeleton > div {
    block-size: calc(var(--_column-height) / 2);
    border-radius: var(--_crm-radius);
    background: var(--_column-background);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton > div {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
`;
