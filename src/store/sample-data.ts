import type { CrmStore } from './store.js';

/** Sample data for a first start: a Ukrainian small business. */
export const sampleBusiness = {
  businessName: 'Майстерня «Дубовий лист»',
  currency: 'UAH',
} as const;

/**
 * Fills an empty store with sample data, once: a store that already has a
 * business name is left as it is. Returns whether anything was written.
 */
export async function seedSampleData(store: CrmStore): Promise<boolean> {
  if (await store.settings.get('businessName')) return false;
  await store.settings.set('businessName', sampleBusiness.businessName);
  await store.settings.set('currency', sampleBusiness.currency);
  return true;
}
