/**
 * The CRM's domain store, with no UI: `import { openStore } from 'crm-elements/store'`.
 * @packageDocumentation
 */
export { CrmDatabase, schemaVersions, tableNames } from './database.js';
export type { TableName } from './database.js';
export { CrmError, crmErrorMessageKeys, toCrmError } from './errors.js';
export type { CrmErrorCode, CrmErrorMessageKey, CrmErrorOptions } from './errors.js';
export { DEFAULT_DATABASE_NAME, createStore, getStore, openStore, deleteStore } from './store.js';
export type { CrmStore } from './store.js';
export type { StoreContextOptions } from './context.js';
export { observeQuery } from './live.js';
export type { Subscription } from './live.js';
export { defaultSettings } from './settings.js';
export type { Settings, SettingKey, SettingRecord, SettingsRepository } from './settings.js';
export { seedSampleData, sampleBusiness } from './sample-data.js';
export { formatPhone, normalizePhone, isValidEdrpou, isValidRnokpp, isValidTaxCode } from './ukrainian.js';
export type { Money } from './money.js';
export type * from './types.js';
