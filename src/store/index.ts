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
export { seedSampleData, sampleBusiness, generateSampleData } from './sample-data.js';
export type { SampleDataOptions, SampleDataset, SeedOptions } from './sample-data.js';
export { formatPhone, normalizePhone, isValidEdrpou, isValidRnokpp, isValidTaxCode } from './ukrainian.js';
export type { Money } from './money.js';
export type * from './types.js';
export { proposalTotals } from './proposals.js';
export { defaultStageNames } from './pipelines.js';
export type * from './users.js';
export type * from './catalogues.js';
export type * from './records.js';
export type * from './duplicates.js';
export type { SearchOptions } from './search.js';
export type * from './counterparties.js';
export type * from './partners.js';
export type * from './contacts.js';
export type * from './leads.js';
export type * from './interactions.js';
export type * from './tasks.js';
export type * from './notes.js';
export type * from './reminders.js';
export type * from './pipelines.js';
export type * from './deals.js';
export type * from './proposals.js';
export type * from './orders.js';
export type * from './claims.js';
export type * from './schedule.js';
export type * from './appointments.js';
export type * from './kpi.js';
export type * from './backup.js';
export { currentSchemaVersion, openDatabase } from './migrations.js';
export type * from './migrations.js';
