import { css } from 'lit';

/** Fields, their errors, and modal dialogs, alike in every element. */
export const formStyles = css`
  .field {
    display: grid;
    gap: var(--_crm-space-xs);
    margin-block-end: var(--_crm-space-m);
  }
  .field > label,
  fieldset > legend {
    font-size: var(--_crm-font-size-s);
    font-weight: 600;
    color: var(--_crm-color-text-muted);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_crm-color-surface);
    border: 1px solid var(--_crm-color-border);
    border-radius: calc(var(--_crm-radius) / 2);
    padding: var(--_crm-space-s);
    min-inline-size: 0;
  }
  input[type='checkbox'],
  input[type='radio'] {
    padding: 0;
    inline-size: auto;
  }
  textarea {
    resize: vertical;
    min-block-size: 4.5em;
  }
  [aria-invalid='true'] {
    border-color: var(--_crm-color-danger);
  }
  .field-error {
    margin: 0;
    color: var(--_crm-color-danger);
    font-size: var(--_crm-font-size-s);
  }
  .field-error:empty {
    display: none;
  }
  .hint {
    margin: 0;
    color: var(--_crm-color-text-muted);
    font-size: var(--_crm-font-size-s);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_crm-space-s);
    margin-block-start: var(--_crm-space-l);
  }
  /* The submit button of a destructive action (formFooter's tone 'danger'). */
  button.danger {
    background: var(--_crm-color-danger);
    border-color: var(--_crm-color-danger);
    color: var(--_crm-color-on-primary);
  }
  dialog {
    color: inherit;
    background: var(--_crm-color-surface);
    border: 1px solid var(--_crm-color-border);
    border-radius: var(--_crm-radius);
    box-shadow: var(--_crm-shadow);
    padding: var(--_crm-space-xl);
    inline-size: min(32rem, calc(100vw - 2 * var(--_crm-space-l)));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h2 {
    margin: 0 0 var(--_crm-space-l);
    font-size: var(--_crm-font-size-l);
  }
`;
