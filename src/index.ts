/**
 * CRM Elements: every element registered, plus the public types.
 * `import 'crm-elements'` is all a page needs.
 * @packageDocumentation
 */
export { CrmElement } from './components/crm-element.js';
export { CrmProvider } from './components/provider/provider.js';
export { CrmStorageStatus } from './components/storage-status/storage-status.js';
export { CrmLeadCard } from './components/lead-card/lead-card.js';
export { CrmLeadList } from './components/lead-list/lead-list.js';
export { CrmDealPipeline } from './components/deal-pipeline/deal-pipeline.js';
export type { DealBoardData } from './components/deal-pipeline/deal-pipeline.js';
export { CrmPipelineEditor } from './components/pipeline-editor/pipeline-editor.js';
export { CrmInteractionLog } from './components/interaction-log/interaction-log.js';
export { CrmFunnelReport } from './components/funnel-report/funnel-report.js';
export { CrmCustomerClassification } from './components/customer-classification/customer-classification.js';
export { CrmAppointmentJournal } from './components/appointment-journal/appointment-journal.js';
export type { JournalData, JournalService, JournalSpecialist } from './components/appointment-journal/appointment-journal.js';
export { CataloguesController } from './controllers/catalogues-controller.js';
export type { CatalogueLists } from './controllers/catalogues-controller.js';
export { LiveQueryController } from './controllers/live-query-controller.js';
export type { LiveQueryOptions, LiveQueryRenderers, LiveQueryStatus } from './controllers/live-query-controller.js';
export { CrmLocalizeController } from './controllers/localize-controller.js';
export { StoreController } from './controllers/store-controller.js';
export { storeContext } from './context/store-context.js';
export * from './events/index.js';
export { hostStyles, tokenDefaults, sizeTokenDefaults } from './styles/index.js';
export type { CrmToken } from './styles/index.js';
export { supportedLocales, defaultLocale, resolveLocale, uk, en } from './i18n/index.js';
export type { CrmLocale, CrmMessageKey, CrmTranslation } from './i18n/index.js';
export * from './store/index.js';
