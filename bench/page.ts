/// <reference types="vite/client" />
// The benchmark page: every module in cases/ exports its cases as `cases`; the
// Node runner (run.mjs) drives them through `window.crmBench`.
import { collectGarbage, dropAll, type BenchCase, type Sample, type Scale } from './harness.js';

const modules = import.meta.glob<{ cases: BenchCase[] }>('./cases/*.ts', { eager: true });
const all = new Map<string, BenchCase>();
for (const module of Object.values(modules)) for (const item of module.cases) all.set(item.id, item);

function get(id: string): BenchCase {
  const found = all.get(id);
  if (!found) throw new Error(`no bench case ${id}`);
  return found;
}

const api = {
  /** The cases, without their functions. */
  list: () =>
    [...all.values()]
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
      .map(({ id, title, store, variants, compare, checks }) => ({ id, title, store, variants, compare, checks: checks ?? [] })),
  setup: (id: string, scale: Scale) => get(id).setup(scale),
  async run(id: string, variant: string): Promise<Sample> {
    collectGarbage();
    return get(id).run(variant);
  },
  async teardown(id: string) {
    await get(id).teardown?.();
    await dropAll();
  },
};

declare global {
  interface Window {
    crmBench: typeof api;
  }
}
window.crmBench = api;
document.documentElement.dataset['ready'] = 'true';
