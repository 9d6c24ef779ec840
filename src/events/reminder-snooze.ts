import type { Reminder } from '../store/types.js';

/** Fired after a reminder was snoozed; `reminder` is the record as written, with its new `dueAt`. */
export class CrmReminderSnoozeEvent extends Event {
  static readonly eventName = 'crm-reminder-snooze';

  constructor(readonly reminder: Reminder) {
    super(CrmReminderSnoozeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-reminder-snooze': CrmReminderSnoozeEvent;
  }
}
