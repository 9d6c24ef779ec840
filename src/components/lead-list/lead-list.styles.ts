import { css } from 'lit';
import { listPanelStyles } from '../../styles/list-panel.js';

export const styles = [
  listPanelStyles,
  css`
  :host {
    block-size: var(--crm-lead-list-block-size, 32rem);
    min-block-size: 16rem;
    --_row-height: var(--crm-lead-list-row-height, 3.25rem);
  }
  .toolbar {
    align-items: center;
  }
  .count {
    flex: 1;
  }
  .grid {
    flex: 1;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
    container-type: inline-size;
  }
  .rows {
    flex: 1;
    min-block-size: 0;
    /* A scrollbar appearing must not resize the rows (a ResizeObserver loop in the virtualizer). */
    scrollbar-gutter: stable;
  }
  .state {
    margin: 0;
    padding: var(--_crm-space-xl) var(--_crm-space-l);
    text-align: center;
    color: var(--_crm-color-text-muted);
  }
  .state p {
    margin: 0 0 var(--_crm-space-s);
  }
  .state strong {
    color: var(--_crm-color-text);
    font-size: var(--_crm-font-size-l);
    font-weight: 600;
  }
`,
];
