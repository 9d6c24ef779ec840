import type { Reminder } from '../store/types.js';

/**
 * Fired before the user dismisses a due reminder. Cancelable:
 * `preventDefault()` vetoes it and nothing is written. Unbound (plain data),
 * this is the only event: the page closes the reminder itself and updates `.reminders`.
 */
export class CrmReminderDismissRequestEvent extends Event {
  static readonly eventName = 'crm-reminder-dismiss-request';

  constructor(readonly reminder: Reminder) {
    super(CrmReminderDismissRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-reminder-dismiss-request': CrmReminderDismissRequestEvent;
  }
}
