import { html, nothing, type TemplateResult } from 'lit';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import { abcClasses, xyzClasses, type AbcXyzCell } from '../../store/reports/abc-xyz.js';
import type { ClassificationView } from './classification-data.js';

/** How many customers of a cell the list shows; the heading always gives the full count. */
export const CELL_LIST_LIMIT = 100;

/** 0–4: the cell's revenue against the largest cell's, for the colour intensity. */
function level(revenue: number, max: number): number {
  return max > 0 ? Math.ceil((revenue / max) * 4) : 0;
}

/**
 * @internal The 3×3 ABC/XYZ matrix as a table: rows A, B, C; columns X, Y, Z;
 * each cell a button with the count and the revenue, pressed while chosen.
 */
export function classificationMatrix(
  localize: CrmLocalizeController,
  view: ClassificationView,
  currency: string,
  selected: AbcXyzCell | undefined,
  onSelect: (cell: AbcXyzCell) => void,
): TemplateResult {
  const max = Math.max(...view.report.matrix.map((cell) => cell.revenue));
  return html`<table part="matrix" class="matrix" aria-describedby="matrix-hint">
    <caption>${localize.term('classification.matrix')}</caption>
    <thead>
      <tr>
        <td></td>
        ${xyzClasses.map((xyz) => html`<th scope="col">${localize.term(`classification.xyz.${xyz}`)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${abcClasses.map(
        (abc) => html`<tr>
          <th scope="row">${localize.term(`classification.abc.${abc}`)}</th>
          ${view.report.matrix
            .filter((cell) => cell.abc === abc)
            .map(
              (cell) => html`<td class="level-${level(cell.revenue, max)}">
                <button
                  type="button"
                  data-cell=${cell.cell}
                  aria-pressed=${selected === cell.cell ? 'true' : 'false'}
                  @click=${() => onSelect(cell.cell)}
                >
                  <span class="code">${cell.cell}</span>
                  <span class="count">${localize.term('classification.customers', cell.count)}</span>
                  <span class="money">${localize.money({ minor: cell.revenue, currency })}</span>
                </button>
              </td>`,
            )}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** @internal The customers of the chosen cell: name, revenue, monthly variation. */
export function cellCustomers(
  localize: CrmLocalizeController,
  view: ClassificationView,
  currency: string,
  cell: AbcXyzCell,
  headingLevel: number,
): TemplateResult {
  const customers = view.report.customers.filter((customer) => `${customer.abc}${customer.xyz}` === cell);
  const count = localize.term('classification.customers', customers.length);
  return html`<section part="customers" class="customers" aria-labelledby="customers-title">
    <div id="customers-title" class="subtitle" role="heading" aria-level=${headingLevel}>
      ${localize.term('classification.cellTitle', cell, count)}
    </div>
    ${customers.length === 0
      ? html`<p class="hint">${localize.term('classification.cellEmpty')}</p>`
      : html`<table class="list">
          <thead>
            <tr>
              <th scope="col">${localize.term('classification.customer')}</th>
              <th scope="col" class="num">${localize.term('classification.revenue')}</th>
              <th scope="col" class="num">${localize.term('classification.cv')}</th>
            </tr>
          </thead>
          <tbody>
            ${customers.slice(0, CELL_LIST_LIMIT).map(
              (customer) => html`<tr data-customer=${customer.customerId}>
                <td class="name">${customer.name}</td>
                <td class="num">${localize.money({ minor: customer.revenue, currency })}</td>
                <td class="num">${localize.formatNumber(customer.cv, { maximumFractionDigits: 1 })}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${customers.length > CELL_LIST_LIMIT
          ? html`<p class="hint">${localize.term('classification.more', CELL_LIST_LIMIT, customers.length)}</p>`
          : nothing}`}
  </section>`;
}
