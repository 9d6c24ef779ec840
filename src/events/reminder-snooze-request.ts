import type { Instant, Reminder } from '../store/types.js';

/**
 * Fired before the user snoozes a due reminder. Cancelable: `preventDefault()`
 * vetoes it and nothing is written. Unbound (plain data), this is the only
 * event: the page moves the reminder itself and updates `.reminders`.
 */
export class CrmReminderSnoozeRequestEvent extends Event {
  static readonly eventName = 'crm-reminder-snooze-request';

  constructor(
    /** The reminder as it is now. */
    readonly reminder: Reminder,
    /** The chosen new due time. */
    readonly until: Instant,
  ) {
    super(CrmReminderSnoozeRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-reminder-snooze-request': CrmReminderSnoozeRequestEvent;
  }
}
