import { css, html, nothing, type TemplateResult } from 'lit';
import type { LeadSort } from '../../store/leads.js';
import { matchesQuery, queryTokens, searchTokens } from '../../store/search.js';
import type { Id, Lead, LeadStatus } from '../../store/types.js';
import { formatPhone } from '../../store/ukrainian.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';

/**
 * Rows of `crm-lead-list`: the header and row templates of its grid, and the
 * filter and order it applies in memory to leads it was given (unbound) or
 * to search results.
 *
 * @internal
 */

/** The list's filter as the store's `leads.list` takes it. */
export interface LeadListFilter {
  status?: LeadStatus[] | undefined;
  sourceId?: Id | undefined;
  managerId?: Id | undefined;
  tagId?: Id | undefined;
  sort: LeadSort;
}

const collator = new Intl.Collator('uk');

/** `leads` matching `filter` and every word of `text`, in the filter's order (as `leads.list` and `leads.search` would). */
export function filterLeads(leads: readonly Lead[], filter: LeadListFilter, text: string): Lead[] {
  const query = queryTokens(text);
  const found = leads.filter(
    (lead) =>
      (!filter.status || filter.status.includes(lead.status)) &&
      (!filter.sourceId || lead.sourceId === filter.sourceId) &&
      (!filter.managerId || lead.managerId === filter.managerId) &&
      (!filter.tagId || lead.tags.includes(filter.tagId)) &&
      (!query.length ||
        matchesQuery(lead.searchTokens ?? searchTokens([lead.name, lead.company, lead.taxCode], lead.phones, lead.emails), query)),
  );
  const descending = filter.sort.startsWith('-');
  const field = filter.sort.replace('-', '') as 'name' | 'createdAt' | 'updatedAt';
  const compare = (a: Lead, b: Lead) =>
    field === 'name' ? collator.compare(a.name, b.name) || a.createdAt - b.createdAt : a[field] - b[field];
  return found.sort(descending ? (a, b) => compare(b, a) : compare);
}

/** What a row needs from its element. */
export interface LeadRowContext {
  localize: CrmLocalizeController;
  sourceName: (id: Id | undefined) => string | undefined;
  userName: (id: Id | undefined) => string | undefined;
}

/** The grid's header row. */
export function renderLeadHeader({ localize }: LeadRowContext): TemplateResult {
  return html`<div role="row" class="row head" aria-rowindex="1">
    <span role="columnheader">${localize.term('leadList.column.name')}</span>
    <span role="columnheader" class="col-phone">${localize.term('field.phone')}</span>
    <span role="columnheader">${localize.term('field.status')}</span>
    <span role="columnheader" class="col-source">${localize.term('field.source')}</span>
    <span role="columnheader" class="col-manager">${localize.term('field.manager')}</span>
    <span role="columnheader" class="col-created">${localize.term('leadList.column.created')}</span>
  </div>`;
}

/** Row `index` of the grid: the lead, or a placeholder while it is being read. Roving focus: only the active row is in the tab order. */
export function renderLeadRow(
  lead: Lead | undefined,
  index: number,
  state: { active: boolean; selected: boolean },
  { localize, sourceName, userName }: LeadRowContext,
): TemplateResult {
  const none = localize.term('common.none');
  const common = (content: TemplateResult) => html`<div
    role="row"
    class=${lead ? 'row' : 'row placeholder'}
    aria-rowindex=${index + 2}
    aria-selected=${state.selected ? 'true' : 'false'}
    aria-busy=${lead ? 'false' : 'true'}
    tabindex=${state.active ? 0 : -1}
    data-index=${index}
  >
    ${content}
  </div>`;
  if (!lead) {
    const bar = html`<span class="bar" aria-hidden="true"></span>`;
    return common(html`<span role="gridcell">${bar}<span class="visually-hidden">${localize.term('common.loading')}</span></span>
      <span role="gridcell" class="col-phone">${bar}</span><span role="gridcell">${bar}</span>
      <span role="gridcell" class="col-source">${bar}</span><span role="gridcell" class="col-manager">${bar}</span>
      <span role="gridcell" class="col-created">${bar}</span>`);
  }
  const phone = lead.phones[0];
  return common(html`<span role="gridcell" class="name">
      <span class="primary" title=${lead.name}>${lead.name}</span>
      ${lead.company ? html`<span class="secondary" title=${lead.company}>${lead.company}</span>` : nothing}
    </span>
    <span role="gridcell" class="col-phone">${phone ? formatPhone(phone) : none}</span>
    <span role="gridcell"><span class="status ${lead.status}">${localize.term(`lead.status.${lead.status}`)}</span></span>
    <span role="gridcell" class="col-source">${sourceName(lead.sourceId) ?? none}</span>
    <span role="gridcell" class="col-manager">${userName(lead.managerId) ?? none}</span>
    <span role="gridcell" class="col-created">${localize.formatDate(lead.createdAt)}</span>`);
}

/** Styles of the grid's rows. */
export const leadRowStyles = css`
  .row {
    display: grid;
    grid-template-columns: minmax(0, 2.4fr) minmax(8.5rem, 1.1fr) minmax(6.5rem, 0.9fr) minmax(0, 1fr) minmax(0, 1fr) minmax(6.5rem, 0.8fr);
    gap: var(--_crm-space-m);
    align-items: center;
    inline-size: 100%;
    block-size: var(--_row-height);
    padding-inline: var(--_crm-space-m);
    border-block-end: 1px solid var(--_crm-color-border);
    cursor: pointer;
  }
  .row > span {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .row.head {
    /* The same gutter as the scrolling rows below, so the columns line up. */
    overflow: hidden;
    scrollbar-gutter: stable;
    block-size: auto;
    padding-block: var(--_crm-space-s);
    font-size: var(--_crm-font-size-s);
    font-weight: 600;
    color: var(--_crm-color-text-muted);
    background: var(--_crm-color-surface-raised);
    cursor: default;
  }
  .row:not(.head):hover {
    background: var(--_crm-color-surface-raised);
  }
  .row[aria-selected='true'] {
    background: var(--_crm-color-surface-raised);
    box-shadow: inset 3px 0 0 var(--_crm-color-primary);
  }
  .row:focus-visible {
    outline-offset: -2px;
  }
  .name {
    display: grid;
  }
  .name > span {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .primary {
    font-weight: 600;
  }
  .secondary {
    font-size: var(--_crm-font-size-s);
    color: var(--_crm-color-text-muted);
  }
  .status {
    display: inline-block;
    vertical-align: middle;
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    padding: 0 var(--_crm-space-s);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: var(--_crm-font-size-s);
  }
  .status.new {
    color: var(--_crm-color-primary);
  }
  .status.in-progress {
    color: var(--_crm-color-warning);
  }
  .status.converted {
    color: var(--_crm-color-success);
  }
  .status.lost {
    color: var(--_crm-color-text-muted);
  }
  .bar {
    display: block;
    block-size: 0.75rem;
    inline-size: 70%;
    border-radius: 999px;
    background: var(--_crm-color-surface-raised);
  }
  @container (max-width: 46rem) {
    .row {
      grid-template-columns: minmax(0, 2fr) minmax(8.5rem, 1fr) minmax(6.5rem, 0.9fr);
    }
    .col-source,
    .col-manager,
    .col-created {
      display: none;
    }
  }
  @container (max-width: 26rem) {
    .row {
      grid-template-columns: minmax(0, 1fr) minmax(6.5rem, auto);
    }
    .col-phone {
      display: none;
    }
  }
`;
