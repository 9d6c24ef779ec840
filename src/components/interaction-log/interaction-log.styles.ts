import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    block-size: var(--crm-interaction-log-block-size, 40rem);
    min-block-size: 20rem;
    --_day-height: var(--crm-interaction-log-day-height, 2rem);
  }
  /* Internal elements (the form, the dialog) follow this element's theme. */
  :host([theme='light']) {
    --crm-color-scheme: light;
  }
  :host([theme='dark']) {
    --crm-color-scheme: dark;
  }
  section {
    flex: 1;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
    border: 1px solid var(--_crm-color-border);
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface);
    overflow: hidden;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_crm-space-s) var(--_crm-space-m);
    padding: var(--_crm-space-m) var(--_crm-space-l) 0;
  }
  .title {
    font-size: var(--_crm-font-size-l);
    font-weight: 600;
  }
  .count {
    color: var(--_crm-color-text-muted);
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
`;
