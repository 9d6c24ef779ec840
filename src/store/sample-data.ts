import { tableNames } from './database.js';
import { generateSampleData, type SampleDataOptions } from './sample/generate.js';
import { contextOf, type CrmStore } from './store.js';

export { generateSampleData };
export type { SampleDataOptions, SampleDataset } from './sample/generate.js';

/** The sample business's name, for checks that the sample data is there. */
export const sampleBusiness = { businessName: 'Майстерня «Дубовий лист»', currency: 'UAH' } as const;

export interface SeedOptions extends SampleDataOptions {
  /** Called after each chunk with the rows written so far and in all. */
  onProgress?: (written: number, total: number) => void;
}

/** Rows per transaction at large scales; the default data set goes in one. */
const CHUNK = 5_000;

/**
 * Fills an empty store with the generated sample business, once: a store that
 * already has a business name is left as it is. The default data set is
 * written in one transaction (all or nothing); larger scales in chunks with
 * progress. Returns whether anything was written.
 */
export async function seedSampleData(store: CrmStore, options: SeedOptions = {}): Promise<boolean> {
  if (await store.settings.get('businessName')) return false;
  const ctx = contextOf(store);
  // The store's clock is "today" for the data unless the caller names another day.
  const data = generateSampleData({ ...options, now: options.now ?? ctx.now() });
  const total = tableNames.reduce((sum, name) => sum + (data[name]?.length ?? 0), 0);
  const tables = tableNames.map((name) => ctx.db.table(name));
  if (total <= CHUNK * 10) {
    await ctx.write(tables, async () => {
      for (const name of tableNames) if (data[name]?.length) await ctx.db.table(name).bulkPut(data[name]);
    });
    options.onProgress?.(total, total);
    return true;
  }
  let written = 0;
  // Settings last: a half-finished seed (a closed tab) is seeded again on the next start.
  for (const name of [...tableNames.filter((n) => n !== 'settings'), 'settings' as const]) {
    const rows = data[name] ?? [];
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await ctx.write([ctx.db.table(name)], async () => {
        await ctx.db.table(name).bulkPut(chunk);
      });
      written += chunk.length;
      options.onProgress?.(written, total);
    }
  }
  return true;
}
