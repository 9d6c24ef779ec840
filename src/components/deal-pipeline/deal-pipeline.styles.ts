import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_column-width: var(--crm-deal-pipeline-column-width, 17rem);
    --_column-height: var(--crm-deal-pipeline-height, 34rem);
    --_column-background: var(--crm-deal-pipeline-column-background, var(--_crm-color-surface-raised));
  }
  .board {
    display: grid;
    gap: var(--_crm-space-m);
    min-inline-size: 0;
    padding: var(--_crm-space-m);
    background: var(--_crm-color-surface);
    border-radius: var(--_crm-radius);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_crm-space-xs) var(--_crm-space-l);
  }
  .title {
    font-size: var(--_crm-font-size-l);
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .total {
    margin: 0;
    color: var(--_crm-color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .columns {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: var(--_column-width);
    gap: var(--_crm-space-m);
    overflow-x: auto;
    padding-block-end: var(--_crm-space-s);
    scroll-padding-inline: var(--_crm-space-m);
  }
`;
