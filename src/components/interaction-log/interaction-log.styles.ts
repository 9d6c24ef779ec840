import { css } from 'lit';
import { listPanelStyles } from '../../styles/list-panel.js';

export const styles = [
  listPanelStyles,
  css`
  :host {
    block-size: var(--crm-interaction-log-block-size, 40rem);
    min-block-size: 20rem;
    --_day-height: var(--crm-interaction-log-day-height, 2rem);
  }
  .toolbar {
    align-items: baseline;
  }
  /* Reminders and the form scroll on their own when tall, so the feed always keeps most of the height. */
  .top {
    flex: 0 1 auto;
    max-block-size: 50%;
    overflow: auto;
    border-block-end: 1px solid var(--_crm-color-border);
  }
  crm-reminder-notices {
    padding: var(--_crm-space-s) var(--_crm-space-l) 0;
  }
  crm-interaction-quick-form {
    padding: var(--_crm-space-s) var(--_crm-space-l);
  }
`,
];
