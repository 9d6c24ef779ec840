import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { CrmElement } from 'crm-elements';

/** "Звіти": the sales funnel and the customers' ABC/XYZ classification. */
@customElement('demo-reports')
export class DemoReports extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      :host {
        display: grid;
        gap: var(--_crm-space-xl);
      }
    `,
  ];

  protected override render() {
    return html`<crm-funnel-report heading-level="3"></crm-funnel-report>
      <crm-customer-classification heading-level="3"></crm-customer-classification>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-reports': DemoReports;
  }
}
