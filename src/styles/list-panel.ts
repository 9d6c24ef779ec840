import { css } from 'lit';

/**
 * The frame of a tall list element (`crm-lead-list`, `crm-interaction-log`): a
 * flex column host whose internal elements (dialogs, forms) follow its
 * `theme`, a bordered `section` that fills it, and a `.toolbar` with the
 * `.title` and the muted `.count`. The element adds its block size, the
 * toolbar's `align-items` and whatever else is its own.
 */
export const listPanelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
  }
  /* Internal elements (forms, dialogs) follow this element's theme. */
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
    gap: var(--_crm-space-s) var(--_crm-space-m);
    padding: var(--_crm-space-m) var(--_crm-space-l) 0;
  }
  .title {
    font-size: var(--_crm-font-size-l);
    font-weight: 600;
  }
  .count {
    color: var(--_crm-color-text-muted);
  }
`;
