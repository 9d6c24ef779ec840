import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_meter-color: var(--crm-storage-status-meter-color, var(--_crm-color-primary));
  }
  section {
    display: grid;
    gap: var(--_crm-space-s);
    padding: var(--_crm-space-l);
    border: 1px solid var(--_crm-color-border);
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface);
  }
  p {
    margin: 0;
  }
  .title {
    font-weight: 600;
  }
  .persistence,
  .notice {
    color: var(--_crm-color-text-muted);
    font-size: var(--_crm-font-size-s);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  meter {
    inline-size: 100%;
    block-size: 0.5rem;
  }
  meter::-webkit-meter-bar {
    background: var(--_crm-color-surface-raised);
    border: 1px solid var(--_crm-color-border);
    border-radius: 999px;
  }
  meter::-webkit-meter-optimum-value {
    background: var(--_meter-color);
    border-radius: 999px;
  }
  button {
    justify-self: start;
  }
`;
