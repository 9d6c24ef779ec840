/**
 * Fired after the user asked for persistent storage and the browser answered.
 * `persisted` tells whether the browser now keeps the data until the user
 * clears it.
 */
export class CrmStoragePersistEvent extends Event {
  static readonly eventName = 'crm-storage-persist';

  constructor(readonly persisted: boolean) {
    super(CrmStoragePersistEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-storage-persist': CrmStoragePersistEvent;
  }
}
