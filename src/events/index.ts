export { CrmStoragePersistEvent } from './storage-persist.js';
