import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_padding: var(--crm-lead-card-padding, var(--_crm-space-l));
    --_label-width: var(--crm-lead-card-label-width, 11rem);
    container-type: inline-size;
  }
  /* Dialogs and forms inside follow the card's own theme. */
  :host([theme='light']) {
    --crm-color-scheme: light;
  }
  :host([theme='dark']) {
    --crm-color-scheme: dark;
  }
  article,
  .message {
    display: grid;
    gap: var(--_crm-space-m);
    margin: 0;
    padding: var(--_padding);
    border: 1px solid var(--_crm-color-border);
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface);
    overflow-wrap: anywhere;
  }
  .message.error {
    color: var(--_crm-color-danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space-s);
    padding-block-start: var(--_crm-space-m);
    border-block-start: 1px solid var(--_crm-color-border);
  }
  .notice {
    margin: var(--_crm-space-s) 0 0;
    color: var(--_crm-color-text-muted);
    font-size: var(--_crm-font-size-s);
  }
`;
