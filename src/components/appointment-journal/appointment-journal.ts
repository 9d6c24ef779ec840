import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { JournalActionsController } from '../../controllers/journal-actions-controller.js';
import { JournalDragController } from '../../controllers/journal-drag-controller.js';
import { JournalDataController, type JournalData, type JournalSpecialist } from '../../controllers/journal-data-controller.js';
import { JournalGridController, type GridCarryStep, type GridRef } from '../../controllers/journal-grid-controller.js';
import type { Appointment } from '../../store/types.js';
import { CrmElement } from '../crm-element.js';
import { setStates } from '../shared/custom-states.js';
import type { SlotChooseEvent } from '../shared/first-free-slot.js';
import { placeNowLine, renderDayGrid, renderLoad, type JournalGridContext } from '../shared/journal-day-grid.js';
import { journalGridStyles } from '../shared/journal-grid.styles.js';
import { addDays, cellInfo, dayGrid, locate, localDate, rowOf, weekDates, type DayGrid } from '../../controllers/journal-layout.js';
import { journalToolbarStyles, renderJournalToolbar } from '../shared/journal-toolbar.js';
import type { renderWeekGrid } from '../shared/journal-week-grid.js';
import '../shared/action-menu.js';
import { styles } from './appointment-journal.styles.js';

export type { JournalData, JournalService, JournalSpecialist } from '../../controllers/journal-data-controller.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The week grid, loaded the first time a week is shown (the day view paints without it). */
let weekGrid: typeof renderWeekGrid | undefined;

/**
 * The specialists' appointment journal (G2). Day view: a column per
 * specialist with the day's load, time down the side, working hours, breaks
 * and days off shaded, appointments as blocks, a "now" line today. Week view:
 * a row per specialist, a cell per day with its appointments and load.
 * A free slot clicked or chosen by keyboard opens booking; an appointment
 * opens its actions (reschedule, cancel, done, no-show). Appointments move by
 * dragging, or by keyboard: Space picks one up, arrows move it by a slot or a
 * specialist, Enter drops, Escape cancels. The store's refusal (double booking,
 * off hours, a break, a day off) is shown and the day stays as it was.
 *
 * Bound (no `.data`), it reads the store live and writes through
 * `store.appointments`; unbound (`.data`), it touches no store and only fires
 * events (a free slot fires `crm-appointment-book-request` for the page to book).
 *
 * @summary The appointment journal: specialists' day and week, booking, rescheduling, cancelling.
 *
 * @event {CrmAppointmentBookRequestEvent} crm-appointment-book-request - Before a booking is written; cancelable. Unbound: the user picked a free slot.
 * @event {CrmAppointmentChangeRequestEvent} crm-appointment-change-request - Before a reschedule, cancel, done or no-show; cancelable.
 * @event {CrmAppointmentChangeEvent} crm-appointment-change - After a booking, reschedule, cancel, done or no-show.
 *
 * @csspart header - The title and the navigation.
 * @csspart toolbar - The navigation: previous, today, next, date, day/week, first free time.
 * @csspart grid - The scrolling schedule grid.
 * @csspart appointment - An appointment block.
 *
 * @cssproperty --crm-appointment-journal-row-height - Height of one time slot row. Defaults to `1.5rem`.
 * @cssproperty --crm-appointment-journal-height - Maximum height of the grid before it scrolls. Defaults to `36rem`.
 * @cssproperty --crm-appointment-journal-column-width - Minimum width of a specialist's column. Defaults to `10rem`.
 * @cssproperty --crm-appointment-journal-now-color - The "now" line. Defaults to `--crm-color-danger`.
 *
 * @cssstate loading - The data has not arrived yet.
 * @cssstate empty - No appointments on the dates shown.
 * @cssstate dragging - An appointment is being dragged or carried.
 */
@customElement('crm-appointment-journal')
export class CrmAppointmentJournal extends CrmElement {
  static override styles = [...CrmElement.styles, journalGridStyles, journalToolbarStyles, styles];

  /** The day shown (`YYYY-MM-DD`, local); unset, today. The week view shows the week holding it. */
  @property({ reflect: true }) date: string | undefined;

  /** `day`: specialists × time; `week`: specialists × days. */
  @property({ reflect: true }) view: 'day' | 'week' = 'day';

  /** Only these specialists (comma-separated user ids); unset, every active specialist. */
  @property() specialists: string | undefined;

  /** Only specialists who provide this service (id); booking starts with it chosen. */
  @property() service: string | undefined;

  /** Minutes per time row of the day view. */
  @property({ type: Number, attribute: 'slot-minutes' }) slotMinutes = 15;

  /** The data to show instead of the store's (unbound use); `null` shows the loading state. */
  @property({ attribute: false }) data: JournalData | null | undefined;

  /** The heading level of the journal's title. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private announcement = '';
  @state() private failure = '';
  @state() private firstFreeOpen = false;

  private readonly internals = this.attachInternals();
  private grid: DayGrid | undefined;
  private clock: ReturnType<typeof setInterval> | undefined;

  private readonly journal = new JournalDataController(this, {
    store: () => this.stores.store,
    localize: this.localize,
    given: () => this.data,
    query: () => ({ dates: this.dates, specialistIds: this.specialistIds, serviceId: this.service || undefined }),
  });

  private changes: Promise<JournalActionsController> | undefined;

  /** Booking, the actions menu and changes (with the cancel dialog): loaded on first use, then kept. */
  private actions(): Promise<JournalActionsController> {
    this.changes ??= import('../../controllers/journal-actions-controller.js').then(({ JournalActionsController }) => {
      const options = { host: this, data: this.journal, store: () => this.stores.store, localize: this.localize };
      return new JournalActionsController({ ...options, announce: (text) => this.say(text), fail: (text) => (this.failure = text) });
    });
    return this.changes;
  }

  private readonly drag = new JournalDragController(this, {
    label: (a) => this.journal.clientOf(a),
    started: () => this.keyboard.cancel(),
    dropped: (a, col, row) => void this.reschedule(a, col, row, false),
  });

  private readonly keyboard = new JournalGridController(this, {
    size: () => (this.view === 'week' ? { cols: 7, rows: this.shown.length } : { cols: this.grid?.columns.length ?? 0, rows: this.grid?.rows.length ?? 0 }),
    cellAt: (col, row) => cellInfo(this.grid, col, row),
    locate: (id) => locate(this.grid, id),
    carriable: (id) => {
      const a = this.journal.appointment(id);
      return a?.status === 'booked' && this.grid ? Math.max(1, Math.ceil((a.end - a.start) / this.grid.stepMs)) : undefined;
    },
    focus: (ref) => void this.focusRef(ref),
    activate: (ref) => void this.activate(ref),
    announce: (step) => this.announceCarry(step),
    drop: (carry) => {
      const a = this.journal.appointment(carry.appointmentId);
      if (a) void this.reschedule(a, carry.col, carry.row, true);
    },
    pageRows: () => Math.max(1, Math.round(3_600_000 / (this.grid?.stepMs ?? 900_000))),
    dir: () => this.localize.dir(),
  });

  /** The same words again must still be heard: vary them invisibly. */
  private say(text: string): void {
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
  }

  private get currentDate(): string {
    return this.date && DATE.test(this.date) ? this.date : localDate(Date.now());
  }

  private get dates(): string[] {
    return this.view === 'week' ? weekDates(this.currentDate) : [this.currentDate];
  }

  private get specialistIds(): string[] | undefined {
    const ids = this.specialists?.split(',').map((id) => id.trim()).filter(Boolean);
    return ids?.length ? ids : undefined;
  }

  /** The specialists shown: the store's (already filtered), or the page's filtered by `specialists` and `service`. */
  private get shown(): JournalSpecialist[] {
    const data = this.journal.data;
    if (!data || this.journal.bound) return data?.specialists ?? [];
    const ids = this.specialistIds;
    const service = data.services?.find((s) => s.id === this.service);
    return data.specialists.filter((s) => (!ids || ids.includes(s.id)) && (!service || !service.specialistIds.length || service.specialistIds.includes(s.id)));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  private async focusRef(ref: GridRef): Promise<void> {
    await this.updateComplete;
    const selector = ref.appointmentId ? `[data-appointment="${CSS.escape(ref.appointmentId)}"]` : `[data-col="${ref.col}"][data-row="${ref.row}"]`;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.focus();
    target?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  private announceCarry({ kind, carry }: GridCarryStep): void {
    const a = this.journal.appointment(carry.appointmentId);
    if (!a) return;
    const client = this.journal.clientOf(a);
    const place = this.journal.place(this.grid?.columns[carry.col]?.specialist.id ?? a.specialistId, this.startAt(a, carry.row));
    const term = this.localize.term.bind(this.localize);
    this.say(kind === 'pickup' ? term('journal.pickedUp', client, place) : kind === 'over' ? term('journal.over', place) : term('journal.carryCancelled', client));
  }

  /** Where an appointment would start on `row`: the row's start (keeping an off-grid start's offset). */
  private startAt(a: Appointment, row: number): number {
    const rows = this.grid?.rows ?? [];
    return (rows[row] ?? a.start) + (a.start - (rows[rowOf(this.grid, a.start)] ?? a.start));
  }

  private async reschedule(a: Appointment, col: number, row: number, follow: boolean): Promise<void> {
    const specialistId = this.grid?.columns[col]?.specialist.id;
    if (!specialistId) return;
    if (follow) this.keyboard.setFocus({ col, row, appointmentId: a.id });
    const moved = await (await this.actions()).change(a, { type: 'reschedule', start: this.startAt(a, row), specialistId });
    if (!follow) return;
    // The live read draws the move a moment after the write: focus follows the block once it is in its new cell
    // (unless the user has gone elsewhere meanwhile).
    const there = () => locate(this.grid, a.id)?.col === col && locate(this.grid, a.id)?.row === row;
    const away = () => !this.matches(':focus-within') && document.activeElement !== document.body;
    for (let frame = 0; moved && frame < 60 && !there() && !away(); frame += 1) await new Promise(requestAnimationFrame);
    if (!away()) void this.focusRef(this.keyboard.focus);
  }

  private async activate(ref: GridRef, anchor?: HTMLElement): Promise<void> {
    if (this.view === 'week') {
      this.date = this.dates[ref.col];
      this.view = 'day';
      return;
    }
    const column = this.grid?.columns[ref.col];
    if (!column) return;
    if (ref.appointmentId) return this.openActions(ref, anchor);
    const cell = column.cover[ref.row];
    if (cell?.kind !== 'free') {
      const key = { closed: 'error.outsideWorkingHours', break: 'error.duringBreak', off: 'error.dayOff' }[cell?.kind as 'closed'] as 'error.dayOff';
      this.failure = this.localize.term('journal.notBookable', this.localize.term(key));
      return;
    }
    await this.book({ specialistId: column.specialist.id, start: this.grid!.rows[ref.row]! });
    void this.focusRef(this.keyboard.focus);
  }

  private async book(slot: { specialistId: string; start: number; serviceId?: string }): Promise<void> {
    const serviceId = slot.serviceId || this.service || undefined;
    const dialog = this.renderRoot.querySelector('crm-appointment-booking-dialog');
    await (await this.actions()).book({ ...slot, ...(serviceId ? { serviceId } : {}) }, dialog);
  }

  private async openActions(ref: GridRef, anchor?: HTMLElement): Promise<void> {
    const a = this.journal.appointment(ref.appointmentId!);
    if (!a || a.status !== 'booked') return;
    const target = anchor ?? this.renderRoot.querySelector<HTMLElement>(`[data-appointment="${CSS.escape(a.id)}"]`)!;
    const root = this.renderRoot;
    const choice = await (await this.actions()).menu(a, target, root.querySelector('crm-action-menu')!, root.querySelector('crm-journal-cancel-dialog')!);
    if (choice === 'reschedule') this.keyboard.pickUp(ref);
    else void this.focusRef(this.keyboard.focus);
  }

  private get gridContext(): JournalGridContext {
    return {
      localize: this.localize,
      loadOf: (id, date) => this.journal.load(id, date),
      clientName: (a) => this.journal.clientOf(a),
      serviceName: (a) => this.journal.serviceName(a),
      isTabStop: (ref) => this.keyboard.isTabStop(ref),
      carry: this.keyboard.carrying,
      draggedId: this.drag.dragged?.id,
      dropTarget: this.drag.target,
      onKeydown: (event, ref) => this.keyboard.handleKey(event, ref),
      onFocus: (ref) => this.keyboard.setFocus(ref),
      onActivate: (ref, event) => {
        this.keyboard.setFocus(ref);
        void this.activate(ref, event.currentTarget as HTMLElement);
      },
      ...this.drag.handlers,
    };
  }

  protected override willUpdate(): void {
    if (this.view === 'week' && !weekGrid) void this.loadWeekGrid();
    const data = this.journal.data;
    this.grid =
      data && this.view === 'day' ? dayGrid(this.currentDate, this.shown, data.plans, data.appointments, this.slotMinutes || 15) : undefined;
    const live = (data?.appointments ?? []).filter((a) => a.status !== 'cancelled' && this.dates.includes(localDate(a.start)));
    const states = { loading: this.journal.status === 'loading' || (this.view === 'week' && !weekGrid), empty: !!data && live.length === 0, dragging: !!(this.drag.dragged || this.keyboard.carrying) };
    setStates(this.internals, states);
  }

  private async loadWeekGrid(): Promise<void> {
    weekGrid = (await import('../shared/journal-week-grid.js')).renderWeekGrid;
    this.requestUpdate();
  }

  protected override updated(): void {
    placeNowLine(this.renderRoot, this.grid, this.localize);
  }

  private renderBody() {
    const term = this.localize.term.bind(this.localize);
    const status = this.internals.states.has('loading') ? 'loading' : this.journal.status;
    if (status === 'loading') return html`<p class="state" role="status" aria-busy="true">${term('common.loading')}</p>`;
    if (status === 'error') return html`<p class="state error" role="alert">${this.localize.errorMessage(this.journal.error)}</p>`;
    if (this.shown.length === 0) return html`<p class="state">${term('journal.noSpecialists')}</p>`;
    const dates = this.dates;
    const dateLabel = (d: string) => this.localize.formatDate(d, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    if (this.view === 'week') {
      const ctx = { localize: this.localize, dates, today: localDate(Date.now()), specialists: this.shown, data: this.journal, keyboard: this.keyboard };
      const load = (id: string, date: string) => renderLoad(this.localize, this.journal.load(id, date));
      const label = term('journal.weekGrid', dateLabel(dates[0]!), dateLabel(dates[6]!));
      return weekGrid!({ ...ctx, renderLoad: load, onOpenDay: (date) => void this.activate({ col: dates.indexOf(date), row: 0 }) }, label);
    }
    const grid = this.grid!;
    const everyoneOff = grid.columns.every((c) => c.plan?.dayOff);
    const note = everyoneOff ? term('journal.everyoneOff') : this.internals.states.has('empty') ? term('journal.emptyDay') : '';
    return html`${note ? html`<p class="note">${note}</p>` : nothing}${renderDayGrid(this.gridContext, grid, term('journal.dayGrid', dateLabel(grid.date)))}`;
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const dates = this.dates;
    const heading =
      this.view === 'week'
        ? `${this.localize.formatDate(dates[0]!, { day: 'numeric', month: 'short' })} – ${this.localize.formatDate(dates[6]!, { day: 'numeric', month: 'short', year: 'numeric' })}`
        : this.localize.formatDate(this.currentDate, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    return html`<section aria-labelledby="title" @focusout=${this.onFocusOut}>
        <header part="header">
          <div class="title" id="title" role="heading" aria-level=${this.headingLevel}>${term('journal.title')}<span class="when">${heading}</span></div>
          ${renderJournalToolbar({
            localize: this.localize,
            date: this.currentDate,
            view: this.view,
            firstFree: this.journal.bound,
            firstFreeOpen: this.firstFreeOpen,
            onStep: (days) => (this.date = addDays(this.currentDate, days)),
            onToday: () => (this.date = localDate(Date.now())),
            onDate: (date) => (this.date = date),
            onView: (view) => (this.view = view),
            onFirstFree: () => this.toggleFirstFree(),
          })}
        </header>
        <p class="visually-hidden" id="help">${term('journal.help')}</p>
        ${this.firstFreeOpen && this.journal.bound
          ? html`<crm-first-free-slot id="first-free" service-id=${this.service ?? ''} from=${this.currentDate} heading-level=${this.headingLevel + 1}
              @slot-choose=${this.onSlotChoose}></crm-first-free-slot>`
          : nothing}
        <div class="failure" role="alert">${this.failure}</div>
        ${this.renderBody()}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
      <crm-action-menu></crm-action-menu>
      <crm-journal-cancel-dialog></crm-journal-cancel-dialog>
      ${this.journal.bound ? html`<crm-appointment-booking-dialog></crm-appointment-booking-dialog>` : nothing}`;
  }

  /** Opens or closes "First free time"; the panel upgrades in place once its module has loaded (on first use). */
  private toggleFirstFree(): void {
    this.firstFreeOpen = !this.firstFreeOpen;
    void import('../shared/first-free-slot.js');
  }

  /** A slot chosen in "First free time" books through the journal's dialog, which fires the journal's events. */
  private onSlotChoose(event: SlotChooseEvent): void {
    event.preventDefault();
    void this.book(event.detail);
  }

  /** Leaving the carried appointment (Tab, a click elsewhere) puts it back. */
  private onFocusOut(event: FocusEvent): void {
    const carry = this.keyboard.carrying;
    if (carry && (event.relatedTarget as HTMLElement | null)?.dataset?.appointment !== carry.appointmentId) this.keyboard.cancel();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-appointment-journal': CrmAppointmentJournal;
  }
}
