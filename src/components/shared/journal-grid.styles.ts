import { css } from 'lit';

/** The day and week grids of `crm-appointment-journal`. @internal */
export const journalGridStyles = css`
  .scroller { overflow: auto; max-block-size: var(--_height); border: 1px solid var(--_crm-color-border); border-radius: var(--_crm-radius); }
  .canvas { position: relative; display: inline-block; vertical-align: top; min-inline-size: 100%; }
  table { border-collapse: separate; border-spacing: 0; inline-size: 100%; }
  th, td { border-block-end: 1px solid var(--_crm-color-border); border-inline-start: 1px solid var(--_crm-color-border); padding: 0; }
  thead th {
    position: sticky; inset-block-start: 0; z-index: 2; background: var(--_crm-color-surface-raised);
    padding: var(--_crm-space-s); text-align: start; vertical-align: top; min-inline-size: var(--_column);
  }
  th.corner, th.time, th.specialist[scope='row'] { min-inline-size: 4.5rem; white-space: nowrap; position: sticky; inset-inline-start: 0; z-index: 1; background: var(--_crm-color-surface-raised); }
  thead th.corner { z-index: 3; }
  .week th.specialist[scope='row'] { inline-size: 12rem; white-space: normal; padding: var(--_crm-space-s); text-align: start; overflow-wrap: anywhere; }
  .week thead th { inline-size: 8rem; min-inline-size: 8rem; }
  .name { display: block; font-weight: 600; overflow-wrap: anywhere; }
  .load { display: flex; align-items: center; gap: var(--_crm-space-xs); font-size: var(--_crm-font-size-s); color: var(--_crm-color-text-muted); font-weight: 400; }
  .bar { flex: 1; block-size: 0.375rem; border-radius: 1rem; background: var(--_crm-color-border); overflow: hidden; min-inline-size: 2rem; }
  .fill { display: block; block-size: 100%; inline-size: calc(var(--_load, 0) * 100%); background: var(--_crm-color-primary); }
  tbody tr { block-size: var(--_row); }
  th.time { font-size: var(--_crm-font-size-s); font-weight: 400; color: var(--_crm-color-text-muted); text-align: end; padding-inline: var(--_crm-space-s); vertical-align: top; }
  tr.hour > th, tr.hour > td { border-block-start: 1px solid var(--_crm-color-text-muted); }
  .minor { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  td.slot { cursor: default; font-size: var(--_crm-font-size-s); padding-inline: var(--_crm-space-xs); color: var(--_crm-color-text-muted); overflow: hidden; }
  td.free { cursor: pointer; }
  td.free .plus { visibility: hidden; color: var(--_crm-color-primary); font-weight: 700; }
  td.free:hover .plus, td.free:focus .plus { visibility: visible; }
  td.closed { background: var(--_shade); }
  td.break { background: repeating-linear-gradient(135deg, var(--_shade) 0 6px, var(--_crm-color-surface) 6px 12px); }
  td.off { background: repeating-linear-gradient(45deg, var(--_shade) 0 4px, var(--_crm-color-surface-raised) 4px 10px); }
  .label { font-weight: 600; color: var(--_crm-color-text); background: var(--_crm-color-surface); padding-inline: var(--_crm-space-xs); border-radius: 0.25rem; }
  td.target { outline: 2px dashed var(--_crm-color-primary); outline-offset: -2px; }
  td.appts { vertical-align: top; padding: 1px; block-size: 1px; }
  .stack { display: flex; flex-direction: column; gap: 1px; block-size: 100%; }
  .appt {
    flex: 1; min-block-size: calc(var(--_row) - 2px); overflow: hidden; cursor: grab; font-size: var(--_crm-font-size-s); line-height: 1.25;
    padding: 0.125rem var(--_crm-space-xs); border-radius: 0.25rem; border-inline-start: 3px solid var(--_crm-color-primary);
    background: color-mix(in srgb, var(--_crm-color-primary) 14%, var(--_crm-color-surface)); display: flex; flex-wrap: wrap; gap: 0 var(--_crm-space-xs); align-content: start;
  }
  .appt .when { font-variant-numeric: tabular-nums; font-weight: 600; }
  .appt .client { font-weight: 600; overflow-wrap: anywhere; }
  .appt .service, .appt .status { color: var(--_crm-color-text-muted); overflow-wrap: anywhere; }
  .appt.done { border-inline-start-color: var(--_crm-color-success); background: var(--_crm-color-surface-raised); cursor: default; }
  .appt.no-show { border-inline-start-color: var(--_crm-color-warning); background: var(--_crm-color-surface-raised); cursor: default; }
  .appt.no-show .client { text-decoration: line-through; }
  .appt.carried { opacity: 0.6; outline: 2px solid var(--_crm-color-focus); }
  .appt:focus-visible, td:focus-visible { outline: 2px solid var(--_crm-color-focus); outline-offset: -2px; }
  .now {
    position: absolute; z-index: 1; pointer-events: none; inset-inline: var(--_now-left, 0) 0; inset-block-start: var(--_now-top, 0);
    border-block-start: 2px solid var(--_now);
  }
  .now[hidden] { display: none; }
  .week td.day { padding: var(--_crm-space-s); vertical-align: top; cursor: pointer; }
  .week td.off { color: var(--_crm-color-text-muted); }
  .week .count { display: block; }
  .week .today, .week th.today { box-shadow: inset 0 3px 0 var(--_crm-color-primary); }
`;
