import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { CrmElement } from 'crm-elements';

/** "Ліди": the leads directory beside the chosen lead's card. */
@customElement('demo-leads')
export class DemoLeads extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(20rem, 2fr);
        gap: var(--_crm-space-xl);
        align-items: start;
      }
      crm-lead-list {
        block-size: min(75vh, 52rem);
      }
      .placeholder {
        padding: var(--_crm-space-xl);
        border: 1px dashed var(--_crm-color-border);
        border-radius: var(--_crm-radius);
        color: var(--_crm-color-text-muted);
      }
      @media (max-width: 60rem) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @state() private leadId: string | undefined;

  protected override render() {
    return html`<crm-lead-list heading-level="3" @crm-lead-select=${(event: HTMLElementEventMap['crm-lead-select']) => (this.leadId = event.leadId)}></crm-lead-list>
      ${this.leadId
        ? html`<crm-lead-card lead-id=${this.leadId} heading-level="3"></crm-lead-card>`
        : html`<p class="placeholder">${this.localize.term('shell.chooseLead')}</p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-leads': DemoLeads;
  }
}
