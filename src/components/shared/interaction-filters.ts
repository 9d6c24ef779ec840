import { css, html } from 'lit';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import { selectField } from './fields.js';
import { logDirections, logKinds, logStatuses } from './interaction-log-data.js';

/** The filter values `crm-interaction-log` exposes as properties. */
export interface InteractionFilterValues {
  kind: string;
  direction: string;
  status: string;
}

/**
 * The filter bar of `crm-interaction-log`: kind, direction and state, each
 * "all" when empty; a choice sets the log's property of the same name.
 *
 * @internal
 */
export function renderInteractionFilters(
  localize: Pick<CrmLocalizeController, 'term'>,
  values: InteractionFilterValues,
) {
  const onChange = (name: keyof InteractionFilterValues, value: string) => (values[name] = value);
  const term = localize.term.bind(localize);
  const any = term('common.any');
  return html`<div class="filters" role="group" aria-label=${term('interactionLog.filters')} part="filters">
    ${selectField({
      id: 'filter-kind',
      label: term('interactionLog.kind'),
      value: values.kind,
      emptyLabel: any,
      options: logKinds.map((value) => ({ value, label: term(`interaction.kind.${value}`) })),
      onChange: (value) => onChange('kind', value),
    })}
    ${selectField({
      id: 'filter-direction',
      label: term('interactionLog.direction'),
      value: values.direction,
      emptyLabel: any,
      options: logDirections.map((value) => ({ value, label: term(`interaction.direction.${value}`) })),
      onChange: (value) => onChange('direction', value),
    })}
    ${selectField({
      id: 'filter-status',
      label: term('interactionLog.status'),
      value: values.status,
      emptyLabel: any,
      options: logStatuses.map((value) => ({ value, label: term(`interactionLog.status.${value}`) })),
      onChange: (value) => onChange('status', value),
    })}
  </div>`;
}

export const filterStyles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(9rem, 100%), 1fr));
    gap: 0 var(--_crm-space-m);
    padding: 0 var(--_crm-space-l);
  }
  .filters .field {
    margin-block-end: var(--_crm-space-s);
  }
`;
