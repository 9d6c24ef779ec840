/**
 * The CRM's domain store, with no UI: `import { openStore } from 'crm-elements/store'`.
 * @packageDocumentation
 */
export { CrmDatabase } from './database.js';
export { CrmError, crmErrorMessageKeys } from './errors.js';
export type { CrmErrorCode, CrmErrorMessageKey, CrmErrorOptions } from './errors.js';
export { DEFAULT_DATABASE_NAME, getStore, openStore, deleteStore } from './store.js';
export { observeQuery } from './live.js';
export type { Subscription } from './live.js';
export type { CrmStore } from './store.js';
export { defaultSettings } from './settings.js';
export type { Settings, SettingKey, SettingRecord, SettingsRepository } from './settings.js';
export { seedSampleData, sampleBusiness } from './sample-data.js';
export type { Money } from './money.js';
