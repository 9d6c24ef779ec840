import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_cell-color: var(--crm-classification-cell-color, var(--_crm-color-primary));
    --_bar-color: var(--crm-classification-bar-color, var(--_crm-color-primary));
  }
  section {
    display: grid;
    gap: var(--_crm-space-l);
    padding: var(--_crm-space-l);
    border: 1px solid var(--_crm-color-border);
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface);
  }
  section section {
    padding: 0;
    border: 0;
    gap: var(--_crm-space-s);
  }
  header p,
  p {
    margin: 0;
  }
  .title {
    font-size: var(--_crm-font-size-l);
    font-weight: 600;
  }
  .subtitle,
  .strong,
  caption {
    font-weight: 600;
  }
  caption {
    text-align: start;
    padding-block-end: var(--_crm-space-s);
  }
  .thresholds {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space-l);
  }
  .thresholds .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space-s);
  }
  .thresholds .field {
    inline-size: 9.5rem;
    margin-block-end: 0;
  }
  .matrix-area {
    display: grid;
    gap: var(--_crm-space-m);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  .matrix {
    table-layout: fixed;
    max-inline-size: 48rem;
  }
  .matrix th {
    font-size: var(--_crm-font-size-s);
    color: var(--_crm-color-text-muted);
    padding: var(--_crm-space-xs) var(--_crm-space-s);
    text-align: start;
  }
  .matrix td {
    border: 1px solid var(--_crm-color-border);
    padding: 0;
    background: color-mix(in srgb, var(--_cell-color) var(--_mix, 0%), var(--_crm-color-surface));
  }
  .matrix thead td {
    border: 0;
    background: none;
  }
  .matrix .level-1 {
    --_mix: 8%;
  }
  .matrix .level-2 {
    --_mix: 16%;
  }
  .matrix .level-3 {
    --_mix: 24%;
  }
  .matrix .level-4 {
    --_mix: 34%;
  }
  .matrix button {
    display: grid;
    gap: 2px;
    inline-size: 100%;
    padding: var(--_crm-space-s);
    border: 0;
    border-radius: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .matrix button[aria-pressed='true'] {
    outline: 3px solid var(--_crm-color-text);
    outline-offset: -3px;
  }
  .matrix button:focus-visible {
    outline: 3px solid var(--_crm-color-focus);
    outline-offset: -3px;
  }
  .code {
    font-weight: 700;
  }
  .money {
    font-variant-numeric: tabular-nums;
  }
  .list th,
  .list td {
    padding: var(--_crm-space-xs) var(--_crm-space-s);
    border-block-end: 1px solid var(--_crm-color-border);
    text-align: start;
  }
  .list .num {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .list .name {
    overflow-wrap: anywhere;
  }
  .stages ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_crm-space-s);
    max-inline-size: 36rem;
  }
  .stages li {
    display: grid;
    grid-template-columns: 9rem 3rem 1fr;
    align-items: center;
    gap: var(--_crm-space-s);
  }
  .stages .count {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  meter {
    inline-size: 100%;
    block-size: 0.75rem;
  }
  meter::-webkit-meter-bar {
    background: var(--_crm-color-surface-raised);
    border: 1px solid var(--_crm-color-border);
    border-radius: 999px;
  }
  meter::-webkit-meter-optimum-value {
    background: var(--_bar-color);
    border-radius: 999px;
  }
  .placeholder {
    padding: var(--_crm-space-l);
    text-align: center;
    color: var(--_crm-color-text-muted);
  }
  .placeholder.error {
    color: var(--_crm-color-danger);
  }
`;
