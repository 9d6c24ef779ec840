import { Dexie, type EntityTable } from 'dexie';
import type { SettingRecord } from './settings.js';

/** The database a page opens when no `<crm-provider database="…">` names another. */
export const DEFAULT_DATABASE_NAME = 'crm-elements';

/**
 * The CRM's IndexedDB schema. Each later version adds tables or indexes with an
 * upgrade function, and a test opens a database written by the version before.
 */
export class CrmDatabase extends Dexie {
  declare settings: EntityTable<SettingRecord, 'key'>;

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      settings: 'key',
    });
  }
}
