import { html, nothing, type TemplateResult } from 'lit';
import type { JournalDataController, JournalSpecialist } from '../../controllers/journal-data-controller.js';
import type { JournalGridController } from '../../controllers/journal-grid-controller.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { CalendarDate } from '../../store/types.js';
import { localDate } from '../../store/slots.js';

/** What the week grid needs from its element. @internal */
export interface JournalWeekContext {
  localize: CrmLocalizeController;
  dates: CalendarDate[];
  today: CalendarDate;
  specialists: JournalSpecialist[];
  data: JournalDataController;
  /** Roving focus over the cells: days are its columns, specialists its rows. */
  keyboard: JournalGridController;
  /** A specialist's load on a date, drawn like the day view's (its `renderLoad`). */
  renderLoad(specialistId: string, date: CalendarDate): TemplateResult | typeof nothing;
  onOpenDay(date: CalendarDate): void;
}

/**
 * The week view: a row per specialist and a column per day, each cell the
 * day's appointment count and load (or "day off"); Enter or a click opens the day.
 *
 * @internal
 */
export function renderWeekGrid(ctx: JournalWeekContext, label: string): TemplateResult {
  const { localize } = ctx;
  const term = localize.term.bind(localize);
  const cell = (specialist: JournalSpecialist, date: CalendarDate, col: number, row: number) => {
    const plan = ctx.data.plan(specialist.id, date);
    const count = (ctx.data.data?.appointments ?? []).filter((a) => a.specialistId === specialist.id && a.status !== 'cancelled' && localDate(a.start) === date).length;
    const ref = { col, row };
    const off = plan?.dayOff ? term('journal.dayOff') : !plan?.hours ? term('journal.noHours') : '';
    return html`<td
      class="day ${off ? 'off' : ''} ${date === ctx.today ? 'today' : ''}"
      data-col=${col}
      data-row=${row}
      tabindex=${ctx.keyboard.isTabStop(ref) ? 0 : -1}
      @keydown=${(event: KeyboardEvent) => ctx.keyboard.handleKey(event, ref)}
      @focus=${() => ctx.keyboard.setFocus(ref)}
      @click=${() => ctx.onOpenDay(date)}
    >
      ${off ? html`<span class="label">${off}</span>` : nothing}
      ${count || !off ? html`<span class="count">${term('journal.appointments', count)}</span>` : nothing}
      ${ctx.renderLoad(specialist.id, date)}
    </td>`;
  };
  return html`<div class="scroller" part="grid">
    <table role="grid" class="week" aria-label=${label} aria-describedby="help">
      <thead>
        <tr>
          <th scope="col" class="corner">${term('journal.specialist')}</th>
          ${ctx.dates.map(
            (date) => html`<th scope="col" class=${date === ctx.today ? 'today' : ''}>
              ${localize.formatDate(date, { weekday: 'short', day: 'numeric', month: 'short' })}
            </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${ctx.specialists.map(
          (specialist, row) => html`<tr>
            <th scope="row" class="specialist">${specialist.name}</th>
            ${ctx.dates.map((date, col) => cell(specialist, date, col, row))}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
