import { createContext } from '@lit/context';
import type { CrmStore } from '../store/store.js';

/**
 * The store an element reads and writes, provided by the nearest
 * `<crm-provider>`. The key is a global symbol so that two copies of the
 * library on one page still find each other's providers.
 */
export const storeContext = createContext<CrmStore>(Symbol.for('crm-elements/store'));
