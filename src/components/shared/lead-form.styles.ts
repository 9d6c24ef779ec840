import { css } from 'lit';

/** Styles of `<crm-lead-form>` beyond the shared form styles. @internal */
export const leadFormStyles = css`
  :host {
    display: block;
    background: var(--_crm-color-surface);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(13rem, 100%), 1fr));
    column-gap: var(--_crm-space-m);
  }
  .rows {
    display: grid;
    align-content: start;
    gap: var(--_crm-space-xs);
    margin-block-end: var(--_crm-space-m);
  }
  .row {
    display: flex;
    gap: var(--_crm-space-xs);
    align-items: center;
  }
  .row > input {
    flex: 1;
  }
  .row > select {
    flex: 0 0 9rem;
  }
  .rows > legend {
    padding: 0;
    margin-block-end: var(--_crm-space-xs);
  }
  button.icon {
    padding-inline: var(--_crm-space-s);
    min-inline-size: 2.25rem;
  }
  button.add {
    justify-self: start;
    padding-block: var(--_crm-space-xs);
    min-block-size: 2rem;
    color: var(--_crm-color-primary);
    border-style: dashed;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space-xs) var(--_crm-space-m);
  }
  .tags label {
    display: inline-flex;
    gap: var(--_crm-space-xs);
    align-items: center;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
`;
