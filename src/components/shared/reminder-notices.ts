/**
 * `<crm-reminder-notices>` — in-page notices of due reminders (B3), for embedding in other elements.
 *
 * API:
 * - Bound (default): reads the store of the nearest `<crm-provider>` live; a reminder falling due while the
 *   element is on the page appears without a reload. Snooze/dismiss write `store.reminders.snooze/dismiss`.
 * - Unbound: set `.reminders` (`DueReminder[]`: `{ reminder, target? }`, plain data); no store is touched,
 *   pending ones with `dueAt ≤ now` are shown (and appear when their time comes); only the `…-request` events fire,
 *   the page writes and passes new data.
 * - `.now: () => number` — the clock (default `Date.now`), for tests and demos.
 * - `user-id` — only this user's reminders; `limit` (default 5) — notices shown, the rest counted;
 *   `heading-level` (default 3); `quiet` — no system notifications and no "Enable notifications" button.
 * - `dueReminders` (read-only) — what is due now.
 * - Events: `crm-reminder-snooze-request` (cancelable; `reminder`, `until`) → `crm-reminder-snooze` (`reminder` as written);
 *   `crm-reminder-dismiss-request` (cancelable; `reminder`) → `crm-reminder-dismiss`.
 * - Renders nothing visible while nothing is due (only an empty `role=status`, which announces new notices).
 * - Theming: `--crm-reminder-notices-accent` (notice edge, defaults to `--crm-color-warning`); parts `list`, `notice`.
 */
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ReminderController, type DueReminder } from '../../controllers/reminder-controller.js';
import { CrmReminderDismissRequestEvent } from '../../events/reminder-dismiss-request.js';
import { CrmReminderDismissEvent } from '../../events/reminder-dismiss.js';
import { CrmReminderSnoozeRequestEvent } from '../../events/reminder-snooze-request.js';
import { CrmReminderSnoozeEvent } from '../../events/reminder-snooze.js';
import type { Id, Instant } from '../../store/types.js';
import { CrmElement } from '../crm-element.js';

const styles = css`
  :host {
    display: block;
    background: var(--_crm-color-surface);
    --_accent: var(--crm-reminder-notices-accent, var(--_crm-color-warning));
  }
  section,
  ul {
    display: grid;
    gap: var(--_crm-space-s);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: grid;
    gap: var(--_crm-space-xs);
    padding: var(--_crm-space-m);
    border: 1px solid var(--_crm-color-border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface-raised);
  }
  p {
    margin: 0;
  }
  .title,
  .what {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .kind,
  .when,
  .status {
    color: var(--_crm-color-text-muted);
    font-weight: normal;
    font-size: var(--_crm-font-size-s);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space-s);
  }
  .enable {
    justify-self: start;
  }
`;

type Snooze = '10m' | '1h' | 'tomorrow';

/**
 * Notices of due reminders with "Відкласти" (10 minutes, 1 hour, tomorrow 9:00) and "Закрити". A notice appearing
 * never takes focus; after a snooze or dismissal focus moves to the next notice (or to the status message).
 * Used inside other elements (e.g. `crm-interaction-log`); not part of the public API.
 *
 * @internal
 * @event {CrmReminderSnoozeRequestEvent} crm-reminder-snooze-request - Before a snooze; cancelable. `reminder`, `until`.
 * @event {CrmReminderSnoozeEvent} crm-reminder-snooze - After a snooze was written. `reminder`.
 * @event {CrmReminderDismissRequestEvent} crm-reminder-dismiss-request - Before a dismissal; cancelable. `reminder`.
 * @event {CrmReminderDismissEvent} crm-reminder-dismiss - After a dismissal was written. `reminder`.
 * @csspart list - The list of notices.
 * @csspart notice - One notice.
 * @cssproperty --crm-reminder-notices-accent - Colour of a notice's leading edge. Defaults to `--crm-color-warning`.
 */
@customElement('crm-reminder-notices')
export class CrmReminderNotices extends CrmElement {
  static override styles = [...CrmElement.styles, styles];

  /** Reminders to show instead of the store's (unbound use): the element touches no store. */
  @property({ attribute: false }) reminders: DueReminder[] | undefined;

  /** The clock (epoch ms); `Date.now` unless set. */
  @property({ attribute: false }) now: () => Instant = Date.now;

  /** Only the reminders of this user; unset, everyone's. */
  @property({ attribute: 'user-id' }) userId: Id | undefined;

  /** How many notices are shown at most; the rest are counted. */
  @property({ type: Number }) limit = 5;

  /** The heading level of the notices' title within the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** No system notifications and no "Enable notifications" button. */
  @property({ type: Boolean }) quiet = false;

  @state() private menuFor: Id | undefined;
  @state() private message = '';
  @state() private messageVisible = false;

  private readonly watch = new ReminderController(this, {
    store: () => this.stores.store,
    data: () => this.reminders,
    now: () => this.now(),
    userId: () => this.userId,
    limit: () => this.limit,
    notify: () => !this.quiet,
    describe: (due) => ({ title: `${this.kindOf(due)}: ${this.titleOf(due)}`, body: this.whenOf(due) }),
  });
  private announced = new Set<Id>();
  /** Reminders being written: a second press must not write twice. */
  private readonly busy = new Set<Id>();
  private refocus: { id: Id; index: number; button: 'snooze' | 'dismiss' } | undefined;

  /** The reminders due now, oldest first (the first `limit` with what they point at). */
  get dueReminders(): readonly DueReminder[] {
    return this.watch.due;
  }

  private kindOf({ reminder, target }: DueReminder): string {
    if (target?.type === 'interaction') return this.localize.term(`interaction.kind.${target.record.kind}`);
    return this.localize.term(reminder.targetType === 'task' ? 'reminders.task' : reminder.targetType === 'note' ? 'reminders.note' : 'reminders.reminder');
  }

  private titleOf({ reminder, target }: DueReminder): string {
    const title = target?.type === 'interaction' ? target.record.subject : target?.type === 'task' ? target.record.title : target?.record.text;
    return title || reminder.text || this.localize.term('reminders.untitled');
  }

  private whenOf({ reminder, target }: DueReminder): string {
    const at = target?.type === 'interaction' ? target.record.at : target?.type === 'task' ? target.record.deadline : reminder.dueAt;
    const args = [this.localize.formatDateTime(at), this.localize.relative(at, this.now())] as const;
    return target?.type === 'task' ? this.localize.term('reminders.deadline', ...args) : this.localize.term('reminders.at', ...args);
  }

  private until(choice: Snooze): Instant {
    const now = this.now();
    if (choice !== 'tomorrow') return now + (choice === '10m' ? 10 : 60) * 60_000;
    const morning = new Date(now);
    morning.setDate(morning.getDate() + 1);
    return morning.setHours(9, 0, 0, 0);
  }

  private say(message: string, visible = true): void {
    this.message = message;
    this.messageVisible = visible;
  }

  private async act(due: DueReminder, index: number, choice: Snooze | 'dismiss'): Promise<void> {
    const { reminder } = due;
    if (this.busy.has(reminder.id)) return;
    const until = choice === 'dismiss' ? 0 : this.until(choice);
    const request = choice === 'dismiss' ? new CrmReminderDismissRequestEvent(reminder) : new CrmReminderSnoozeRequestEvent(reminder, until);
    if (!this.dispatchEvent(request)) return;
    this.refocus = { id: reminder.id, index, button: choice === 'dismiss' ? 'dismiss' : 'snooze' };
    if (this.reminders) return;
    const store = this.stores.store;
    this.busy.add(reminder.id);
    try {
      if (choice === 'dismiss') {
        const written = await store.reminders.dismiss(reminder.id);
        this.say(this.localize.term('reminders.dismissed', this.titleOf(due)));
        this.dispatchEvent(new CrmReminderDismissEvent(written));
      } else {
        const written = await store.reminders.snooze(reminder.id, until);
        this.say(this.localize.term('reminders.snoozed', this.titleOf(due), this.localize.formatDateTime(until)));
        this.dispatchEvent(new CrmReminderSnoozeEvent(written));
      }
    } catch (error) {
      this.refocus = undefined;
      this.say(this.localize.errorMessage(error));
    } finally {
      this.busy.delete(reminder.id);
    }
  }

  private toggleMenu(id: Id): void {
    this.menuFor = this.menuFor === id ? undefined : id;
    if (this.menuFor) void this.updateComplete.then(() => this.shadowRoot!.querySelector<HTMLElement>('.menu button')?.focus());
  }

  private closeMenu(event: KeyboardEvent, id: Id): void {
    if (event.key !== 'Escape' || this.menuFor !== id) return;
    event.stopPropagation();
    this.menuFor = undefined;
    void this.updateComplete.then(() => this.shadowRoot!.querySelector<HTMLElement>(`[data-id="${id}"] .snooze`)?.focus());
  }

  private async enableNotifications(): Promise<void> {
    const answer = await Notification.requestPermission();
    this.say(this.localize.term(answer === 'granted' ? 'reminders.enabled' : 'reminders.denied'));
    await this.updateComplete;
    this.shadowRoot!.querySelector<HTMLElement>('[role="status"]')?.focus();
  }

  protected override willUpdate(): void {
    const due = this.watch.due.slice(0, this.limit);
    const fresh = due.filter(({ reminder }) => !this.announced.has(reminder.id));
    this.announced = new Set(due.map(({ reminder }) => reminder.id));
    if (fresh.length === 1) this.say(this.localize.term('reminders.arrived', this.titleOf(fresh[0]!)), false);
    else if (fresh.length > 1) this.say(this.localize.term('reminders.arrivedMany', fresh.length), false);
  }

  protected override updated(): void {
    const refocus = this.refocus;
    if (!refocus || this.watch.due.some(({ reminder }) => reminder.id === refocus.id)) return;
    this.refocus = undefined;
    // Only when focus went down with the removed notice (it falls back to <body>): never take it from elsewhere.
    if (this.shadowRoot!.activeElement || document.activeElement !== document.body) return;
    const notices = this.shadowRoot!.querySelectorAll<HTMLElement>('li');
    const next = notices[Math.min(refocus.index, notices.length - 1)];
    (next?.querySelector<HTMLElement>(`.${refocus.button}`) ?? this.shadowRoot!.querySelector<HTMLElement>('[role="status"]'))?.focus();
  }

  private renderNotice(due: DueReminder, index: number) {
    const id = due.reminder.id;
    const open = this.menuFor === id;
    const choices: Array<[Snooze, string]> = [
      ['10m', this.localize.term('reminders.snooze10m')],
      ['1h', this.localize.term('reminders.snooze1h')],
      ['tomorrow', this.localize.term('reminders.snoozeTomorrow', this.localize.formatDateTime(this.until('tomorrow'), { timeStyle: 'short' }))],
    ];
    return html`<li part="notice" data-id=${id} @keydown=${(event: KeyboardEvent) => this.closeMenu(event, id)}>
      <p class="what" id=${`what-${id}`}><span class="kind">${this.kindOf(due)}</span> ${this.titleOf(due)}</p>
      <p class="when">${this.whenOf(due)}</p>
      <div class="actions">
        <button class="snooze" aria-expanded=${open ? 'true' : 'false'} aria-describedby=${`what-${id}`} @click=${() => this.toggleMenu(id)}>
          ${this.localize.term('reminders.snooze')}
        </button>
        <button class="dismiss" aria-describedby=${`what-${id}`} @click=${() => this.act(due, index, 'dismiss')}>
          ${this.localize.term('reminders.dismiss')}
        </button>
      </div>
      ${open
        ? html`<div class="actions menu" role="group" aria-label=${this.localize.term('reminders.snoozeFor')}>
            ${choices.map(([choice, label]) => html`<button @click=${() => this.act(due, index, choice)}>${label}</button>`)}
          </div>`
        : nothing}
    </li>`;
  }

  protected override render() {
    const due = this.watch.due;
    const shown = due.slice(0, this.limit);
    const system = globalThis.Notification as typeof Notification | undefined;
    const offerPermission = !this.quiet && shown.length > 0 && system?.permission === 'default';
    const failed = this.watch.status === 'error';
    return html`
      ${shown.length
        ? html`<section aria-labelledby="title">
            <div id="title" class="title" role="heading" aria-level=${this.headingLevel}>${this.localize.term('reminders.title', due.length)}</div>
            <ul part="list">${repeat(shown, ({ reminder }) => reminder.id, (item, index) => this.renderNotice(item, index))}</ul>
            ${due.length > shown.length ? html`<p class="status">${this.localize.term('reminders.more', due.length - shown.length)}</p>` : nothing}
            ${offerPermission ? html`<button class="enable" @click=${this.enableNotifications}>${this.localize.term('reminders.enable')}</button>` : nothing}
          </section>`
        : nothing}
      <p role="status" tabindex="-1" class=${this.messageVisible || failed ? 'status' : 'visually-hidden'}>
        ${failed ? this.localize.term('reminders.error') : this.message}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-reminder-notices': CrmReminderNotices;
  }
}
