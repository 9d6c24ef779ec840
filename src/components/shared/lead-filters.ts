import { css, html } from 'lit';
import type { CataloguesController } from '../../controllers/catalogues-controller.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { LeadSort } from '../../store/leads.js';
import type { LeadStatus } from '../../store/types.js';
import { selectField } from './fields.js';

const statuses: readonly LeadStatus[] = ['new', 'in-progress', 'converted', 'lost'];
const sorts: readonly LeadSort[] = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt', 'name', '-name'];

/** The filter values of `crm-lead-list`, which the bar reads and sets. */
export interface LeadFilterValues {
  query: string;
  status: 'open' | 'all' | LeadStatus;
  tag: string;
  source: string;
  manager: string;
  sort: LeadSort;
}

/**
 * The search field and filters of `crm-lead-list`: status (open by default),
 * tag, source, manager and order. A choice sets the value on `values` (the
 * element), which re-renders; the search text goes through `onSearch`.
 *
 * @internal
 */
export function renderLeadFilters(
  localize: CrmLocalizeController,
  catalogues: CataloguesController,
  values: LeadFilterValues,
  onSearch: (text: string) => void,
) {
  const term = localize.term.bind(localize);
  const any = term('common.any');
  const picker = (id: 'tag' | 'source' | 'manager', label: string, options: ReadonlyArray<{ id: string; name: string }>) =>
    selectField({
      id,
      label,
      value: values[id],
      emptyLabel: any,
      options: options.map((o) => ({ value: o.id, label: o.name })),
      onChange: (value) => (values[id] = value),
    });
  return html`<div class="filters" role="search" part="filters">
    <div class="field search">
      <label for="search">${term('leadList.search')}</label>
      <input
        id="search"
        type="search"
        .value=${values.query}
        placeholder=${term('leadList.searchHint')}
        @input=${(e: Event) => onSearch((e.target as HTMLInputElement).value)}
      />
    </div>
    ${selectField({
      id: 'status',
      label: term('field.status'),
      value: values.status,
      options: [
        { value: 'open', label: term('leadList.status.open') },
        ...statuses.map((s) => ({ value: s, label: term(`lead.status.${s}`) })),
        { value: 'all', label: any },
      ],
      onChange: (value) => (values.status = value as LeadFilterValues['status']),
    })}
    ${picker('tag', term('leadList.tag'), catalogues.current.tags)}
    ${picker('source', term('field.source'), catalogues.current.sources)}
    ${picker('manager', term('field.manager'), catalogues.managers)}
    ${selectField({
      id: 'sort',
      label: term('leadList.sort'),
      value: values.sort,
      options: sorts.map((s) => ({ value: s, label: term(`leadList.sort.${s}`) })),
      onChange: (value) => (values.sort = value as LeadSort),
    })}
  </div>`;
}

/** Styles of the filter bar. */
export const leadFilterStyles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: var(--_crm-space-s);
    padding: var(--_crm-space-m) var(--_crm-space-l);
    border-block-end: 1px solid var(--_crm-color-border);
  }
  .filters .field {
    margin: 0;
    gap: 2px;
  }
  .filters .field.search {
    grid-column: span 2;
  }
  .filters .field-error {
    display: none;
  }
`;
