import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_row: var(--crm-appointment-journal-row-height, 1.5rem);
    --_height: var(--crm-appointment-journal-height, 36rem);
    --_column: var(--crm-appointment-journal-column-width, 10rem);
    --_now: var(--crm-appointment-journal-now-color, var(--_crm-color-danger));
    --_shade: color-mix(in srgb, var(--_crm-color-text-muted) 14%, var(--_crm-color-surface));
  }
  section {
    display: grid;
    gap: var(--_crm-space-m);
    padding: var(--_crm-space-m);
    background: var(--_crm-color-surface);
    border-radius: var(--_crm-radius);
    min-inline-size: 0;
  }
  header { display: flex; flex-wrap: wrap; align-items: center; }
  header { justify-content: space-between; gap: var(--_crm-space-m); }
  .title { font-size: var(--_crm-font-size-l); font-weight: 700; display: flex; flex-wrap: wrap; gap: 0 var(--_crm-space-m); align-items: baseline; }
  .title .when { font-size: var(--_crm-font-size-m); font-weight: 400; color: var(--_crm-color-text-muted); }
  .note, .state { margin: 0; color: var(--_crm-color-text-muted); }
  .state { padding: var(--_crm-space-xl); text-align: center; border: 1px dashed var(--_crm-color-border); border-radius: var(--_crm-radius); }
  .state.error, .failure { color: var(--_crm-color-danger); }
  .failure { margin: 0; padding: var(--_crm-space-s) var(--_crm-space-m); border: 1px solid currentColor; border-radius: var(--_crm-radius); }
  .failure:empty { display: none; }
`;
