import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    block-size: var(--crm-lead-list-block-size, 32rem);
    min-block-size: 16rem;
    --_row-height: var(--crm-lead-list-row-height, 3.25rem);
  }
  /* Internal elements (the dialog and its form) follow this element's theme. */
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
    align-items: center;
    gap: var(--_crm-space-s) var(--_crm-space-m);
    padding: var(--_crm-space-m) var(--_crm-space-l) 0;
  }
  .title {
    font-size: var(--_crm-font-size-l);
    font-weight: 600;
  }
  .count {
    flex: 1;
    color: var(--_crm-color-text-muted);
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
`;
