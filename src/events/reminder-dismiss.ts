import type { Reminder } from '../store/types.js';

/** Fired after a reminder was dismissed; `reminder` is the record as written (`status: 'dismissed'`). */
export class CrmReminderDismissEvent extends Event {
  static readonly eventName = 'crm-reminder-dismiss';

  constructor(readonly reminder: Reminder) {
    super(CrmReminderDismissEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-reminder-dismiss': CrmReminderDismissEvent;
  }
}
