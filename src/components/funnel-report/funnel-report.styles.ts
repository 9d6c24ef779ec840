import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_chart-color: var(--crm-funnel-report-chart-color, var(--_crm-color-primary));
    --_chart-height: var(--crm-funnel-report-chart-height, 18rem);
  }
  section {
    display: grid;
    gap: var(--_crm-space-m);
    padding: var(--_crm-space-l);
    border: 1px solid var(--_crm-color-border);
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface);
    min-inline-size: 0;
  }
  .title {
    font-size: var(--_crm-font-size-l);
    font-weight: 600;
  }
  .period {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_crm-space-s);
  }
  .preset[aria-pressed='true'] {
    background: var(--_crm-color-primary);
    border-color: var(--_crm-color-primary);
    color: var(--_crm-color-on-primary);
  }
  .date {
    display: grid;
    gap: var(--_crm-space-xs);
    font-size: var(--_crm-font-size-s);
    color: var(--_crm-color-text-muted);
  }
  input {
    font: inherit;
    font-size: var(--_crm-font-size-m);
    min-block-size: 2.25rem;
    padding: 0 var(--_crm-space-s);
    border: 1px solid var(--_crm-color-border);
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface);
    color: var(--_crm-color-text);
  }
  .chart {
    position: relative;
    block-size: var(--_chart-height);
  }
  .probe {
    position: absolute;
    inline-size: 0;
    block-size: 0;
    overflow: hidden;
  }
  .probe .primary {
    color: var(--_chart-color);
  }
  .probe .text {
    color: var(--_crm-color-text);
  }
  .probe .muted {
    color: var(--_crm-color-text-muted);
  }
  .probe .border {
    color: var(--_crm-color-border);
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--_crm-space-s);
  }
  th,
  td {
    padding: var(--_crm-space-xs) var(--_crm-space-s);
    border-block-end: 1px solid var(--_crm-color-border);
    text-align: start;
    vertical-align: baseline;
  }
  thead th {
    font-size: var(--_crm-font-size-s);
    font-weight: 600;
    color: var(--_crm-color-text-muted);
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 500;
    overflow-wrap: anywhere;
    min-inline-size: 8rem;
  }
  .drill {
    min-block-size: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_crm-color-primary);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 2px;
    font-weight: inherit;
  }
  .note {
    margin: 0;
    color: var(--_crm-color-text-muted);
  }
  .note strong {
    display: block;
    color: var(--_crm-color-text);
  }
  .error {
    margin: 0;
    color: var(--_crm-color-danger);
  }
`;
