import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { CrmElement, LiveQueryController } from 'crm-elements';

/** "Угоди": a pipeline picker, the board, and the pipeline's stages editor. */
@customElement('demo-deals')
export class DemoDeals extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      :host {
        display: grid;
        gap: var(--_crm-space-l);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_crm-space-m);
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: var(--_crm-space-s);
      }
      select {
        font: inherit;
        color: inherit;
        background: var(--_crm-color-surface);
        border: 1px solid var(--_crm-color-border);
        border-radius: calc(var(--_crm-radius) / 2);
        padding: var(--_crm-space-s);
      }
      details {
        background: var(--_crm-color-surface);
        border: 1px solid var(--_crm-color-border);
        border-radius: var(--_crm-radius);
        padding: var(--_crm-space-m) var(--_crm-space-l);
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
    `,
  ];

  @state() private chosen: string | undefined;

  private readonly pipelines = new LiveQueryController(this, {
    store: () => this.stores.store,
    query: (store) => store.pipelines.list(),
  });

  protected override render() {
    const pipelines = this.pipelines.value ?? [];
    const pipelineId = pipelines.some((pipeline) => pipeline.id === this.chosen) ? this.chosen : pipelines[0]?.id;
    if (!pipelineId) return nothing;
    return html`<div class="toolbar">
        <label>
          ${this.localize.term('field.pipeline')}
          <select @change=${(event: Event) => (this.chosen = (event.target as HTMLSelectElement).value)}>
            ${pipelines.map((pipeline) => html`<option value=${pipeline.id} ?selected=${pipeline.id === pipelineId}>${pipeline.name}</option>`)}
          </select>
        </label>
      </div>
      <crm-deal-pipeline pipeline=${pipelineId} heading-level="3"></crm-deal-pipeline>
      <details>
        <summary>${this.localize.term('shell.stages')}</summary>
        <crm-pipeline-editor pipeline=${pipelineId} heading-level="3"></crm-pipeline-editor>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-deals': DemoDeals;
  }
}
