import { html, nothing, type TemplateResult } from 'lit';
import type { GridCarry, GridRef } from '../../controllers/journal-grid-controller.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { DayLoad } from '../../store/appointments.js';
import type { Appointment } from '../../store/types.js';
import type { DayCell, DayColumn, DayGrid } from '../../controllers/journal-layout.js';
import { cssVars } from './css-vars.js';

/** What the day grid needs from its element. @internal */
export interface JournalGridContext {
  localize: CrmLocalizeController;
  loadOf(specialistId: string, date: string): DayLoad | undefined;
  clientName(appointment: Appointment): string;
  serviceName(appointment: Appointment): string | undefined;
  isTabStop(ref: GridRef): boolean;
  carry: GridCarry | undefined;
  draggedId: string | undefined;
  dropTarget: { col: number; row: number } | undefined;
  onKeydown(event: KeyboardEvent, ref: GridRef): void;
  onFocus(ref: GridRef): void;
  onActivate(ref: GridRef, event: Event): void;
  onDragStart(event: DragEvent, appointment: Appointment): void;
  onDragEnd(): void;
  onDragOver(event: DragEvent, col: number, row: number): void;
  onDrop(event: DragEvent, col: number, row: number): void;
}

/** `9:00`-style local time of day. */
export function timeOfDay(localize: CrmLocalizeController, at: number): string {
  return localize.formatDateTime(at, { hour: '2-digit', minute: '2-digit' });
}

/** The load as "45 %" and a bar, in a column or week cell. @internal */
export function renderLoad(localize: CrmLocalizeController, load: DayLoad | undefined): TemplateResult | typeof nothing {
  if (!load || load.workingMinutes === 0) return nothing;
  const percent = localize.formatNumber(load.load, { style: 'percent', maximumFractionDigits: 0 });
  return html`<span class="load" title=${localize.term('journal.load', percent)}>
    <span class="bar" aria-hidden="true"><span class="fill" ${cssVars({ '--_load': Math.min(1, load.load) })}></span></span>
    <span class="visually-hidden">${localize.term('journal.load', percent)}</span><span aria-hidden="true">${percent}</span>
  </span>`;
}

function inCarry(ctx: JournalGridContext, col: number, cell: DayCell): boolean {
  const carry = ctx.carry ?? (ctx.dropTarget ? { ...ctx.dropTarget, span: 1 } : undefined);
  return !!carry && carry.col === col && cell.row < carry.row + carry.span && cell.row + cell.span > carry.row;
}

function renderAppointment(ctx: JournalGridContext, grid: DayGrid, col: number, appointment: Appointment): TemplateResult {
  const { localize } = ctx;
  const ref = { col, row: Math.max(0, grid.rows.findIndex((start) => start + grid.stepMs > appointment.start)), appointmentId: appointment.id };
  const service = ctx.serviceName(appointment);
  const carried = ctx.carry?.appointmentId === appointment.id || ctx.draggedId === appointment.id;
  return html`<div
    class="appt ${appointment.status} ${carried ? 'carried' : ''}"
    part="appointment"
    data-appointment=${appointment.id}
    tabindex=${ctx.isTabStop(ref) ? 0 : -1}
    draggable=${appointment.status === 'booked' ? 'true' : 'false'}
    @keydown=${(event: KeyboardEvent) => ctx.onKeydown(event, ref)}
    @focus=${() => ctx.onFocus(ref)}
    @click=${(event: Event) => ctx.onActivate(ref, event)}
    @dragstart=${(event: DragEvent) => ctx.onDragStart(event, appointment)}
    @dragend=${() => ctx.onDragEnd()}
  >
    <span class="when">${timeOfDay(localize, appointment.start)}–${timeOfDay(localize, appointment.end)}</span>
    <span class="client">${ctx.clientName(appointment)}</span>
    ${service ? html`<span class="service">${service}</span>` : nothing}
    ${appointment.status === 'booked' ? nothing : html`<span class="status">${localize.term(`journal.status.${appointment.status}`)}</span>`}
  </div>`;
}

function slotText(ctx: JournalGridContext, column: DayColumn, cell: Extract<DayCell, { first: boolean }>): TemplateResult {
  const term = ctx.localize.term.bind(ctx.localize);
  const reason = column.plan?.dayOff?.reason;
  const label = {
    free: term('journal.free'),
    closed: column.plan?.hours ? term('journal.closed') : term('journal.noHours'),
    break: term('journal.break'),
    off: reason ? `${term('journal.dayOff')}: ${reason}` : term('journal.dayOff'),
  }[cell.kind];
  // The label is seen once per run of shaded rows; every cell still says it to a screen reader.
  const visible = cell.first && cell.kind !== 'free' && (cell.kind !== 'closed' || !column.plan?.hours);
  return visible ? html`<span class="label">${label}</span>` : html`<span class="visually-hidden">${label}</span>`;
}

function renderCell(ctx: JournalGridContext, grid: DayGrid, column: DayColumn, col: number, cell: DayCell): TemplateResult {
  const target = inCarry(ctx, col, cell) ? 'target' : '';
  const dragOver = (event: DragEvent) => ctx.onDragOver(event, col, cell.row);
  const drop = (event: DragEvent) => ctx.onDrop(event, col, cell.row);
  if (cell.kind === 'appointments') {
    return html`<td class="appts ${target}" rowspan=${cell.span} @dragover=${dragOver} @drop=${drop}>
      <div class="stack">${cell.appointments.map((a) => renderAppointment(ctx, grid, col, a))}</div>
    </td>`;
  }
  const ref = { col, row: cell.row };
  return html`<td
    class="slot ${cell.kind} ${target}"
    data-col=${col}
    data-row=${cell.row}
    tabindex=${ctx.isTabStop(ref) ? 0 : -1}
    @keydown=${(event: KeyboardEvent) => ctx.onKeydown(event, ref)}
    @focus=${() => ctx.onFocus(ref)}
    @click=${(event: Event) => ctx.onActivate(ref, event)}
    @dragover=${dragOver}
    @drop=${drop}
  >
    ${slotText(ctx, column, cell)}${cell.kind === 'free' ? html`<span class="plus" aria-hidden="true">+</span>` : nothing}
  </td>`;
}

/**
 * The day view: a grid with the specialists as columns (name and load in the
 * header) and time slots down the side; working hours, breaks and days off
 * shaded and labelled; appointments as blocks spanning their rows; the "now"
 * line over it (positioned by the element).
 *
 * @internal
 */
export function renderDayGrid(ctx: JournalGridContext, grid: DayGrid, label: string): TemplateResult {
  const { localize } = ctx;
  return html`<div class="scroller" part="grid">
    <div class="canvas">
      <table role="grid" aria-label=${label} aria-describedby="help" aria-rowcount=${grid.rows.length + 1}>
        <thead>
          <tr>
            <th scope="col" class="corner">${localize.term('journal.time')}</th>
            ${grid.columns.map(
              (column) => html`<th scope="col" class="specialist">
                <span class="name">${column.specialist.name}</span>${renderLoad(localize, ctx.loadOf(column.specialist.id, grid.date))}
              </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${grid.rows.map((start, row) => {
            const hour = new Date(start).getMinutes() === 0;
            return html`<tr class=${hour ? 'hour' : ''}>
              <th scope="row" class="time"><span class=${hour ? '' : 'minor'}>${timeOfDay(localize, start)}</span></th>
              ${grid.columns.map((column, col) => {
                const cell = column.starts[row];
                return cell ? renderCell(ctx, grid, column, col, cell) : nothing;
              })}
            </tr>`;
          })}
        </tbody>
      </table>
      <div class="now" aria-hidden="true"></div>
    </div>
  </div>`;
}

/** Places (or hides) the "now" line of a day grid through the CSSOM: no style attribute under a strict CSP. @internal */
export function placeNowLine(root: ParentNode, grid: DayGrid | undefined, localize: CrmLocalizeController): void {
  const line = root.querySelector<HTMLElement>('.now');
  if (!line) return;
  const now = Date.now();
  const row = grid ? grid.rows.findIndex((start) => start <= now && now < start + grid.stepMs) : -1;
  const tr = row >= 0 ? root.querySelectorAll<HTMLElement>('tbody tr')[row] : undefined;
  line.hidden = !tr || !grid;
  if (!tr || !grid) return;
  line.style.setProperty('--_now-top', `${tr.offsetTop + ((now - grid.rows[row]!) / grid.stepMs) * tr.offsetHeight}px`);
  line.style.setProperty('--_now-left', `${root.querySelector<HTMLElement>('.corner')?.offsetWidth ?? 0}px`);
  line.title = localize.term('journal.now', timeOfDay(localize, now));
}
