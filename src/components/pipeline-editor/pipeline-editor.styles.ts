import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-inline-size: var(--crm-pipeline-editor-max-inline-size, 48rem);
  }
  section {
    display: grid;
    gap: var(--_crm-space-m);
    padding: var(--_crm-space-l);
    border: 1px solid var(--_crm-color-border);
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface-raised);
  }
  p {
    margin: 0;
  }
  .hint,
  .state {
    color: var(--_crm-color-text-muted);
    font-size: var(--_crm-font-size-s);
  }
  .state.field-error {
    color: var(--_crm-color-danger);
    font-size: inherit;
  }
`;
