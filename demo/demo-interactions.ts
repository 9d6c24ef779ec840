import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { CrmElement } from 'crm-elements';

/** "Взаємодії": the queue of unprocessed requests beside the whole history. */
@customElement('demo-interactions')
export class DemoInteractions extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(20rem, 2fr) minmax(0, 3fr);
        gap: var(--_crm-space-xl);
        align-items: start;
      }
      section {
        display: grid;
        gap: var(--_crm-space-s);
      }
      h3 {
        margin: 0;
        font-size: var(--_crm-font-size-l);
      }
      crm-interaction-log {
        block-size: min(75vh, 52rem);
      }
      @media (max-width: 60rem) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  protected override render() {
    return html`<section aria-labelledby="unprocessed">
        <h3 id="unprocessed">${this.localize.term('shell.unprocessed')}</h3>
        <crm-interaction-log mode="unprocessed" heading-level="4"></crm-interaction-log>
      </section>
      <section aria-labelledby="history">
        <h3 id="history">${this.localize.term('shell.history')}</h3>
        <crm-interaction-log heading-level="4" hide-reminders></crm-interaction-log>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-interactions': DemoInteractions;
  }
}
