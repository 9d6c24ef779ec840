// S4: 200 interactions registered in a burst through the store (validation,
// reference checks, one transaction) ÷ the same rows written by Dexie in one
// transaction.
import type Dexie from 'dexie';
import type { CrmStore, RegisterInteractionInput } from '../../src/store/index.js';
import { floorDatabase, freshName, freshStore, timed, track, type BenchCase } from '../harness.js';

const BURST = 200;
let store: CrmStore;
let floor: Dexie;
let inputs: RegisterInteractionInput[];
let templates: Record<string, unknown>[];
let batch = 0;

export const cases: BenchCase[] = [
  {
    id: 'S4',
    title: '200 interactions registered in a burst',
    store: true,
    variants: ['ours', 'one transaction'],
    compare: [{ floor: 'one transaction', target: 1.5 }],
    async setup() {
      store = track(freshStore('s4'));
      floor = track(floorDatabase(freshName('s4-floor')));
      const lead = await store.leads.create({ name: 'Олена Коваль', phones: ['+380671234567'] });
      await floor.open();
      await floor.table('leads').put(await store.leads.get(lead.id));
      const at = Date.UTC(2026, 10, 2, 9);
      inputs = Array.from({ length: BURST }, (_, i) => ({
        kind: i % 3 ? 'call' : 'email',
        direction: i % 2 ? 'incoming' : 'outgoing',
        at: at + i * 60_000,
        subject: `Дзвінок щодо замовлення №${1000 + i}`,
        body: 'Клієнт уточнював терміни доставки та спосіб оплати.',
        subjectRef: { type: 'lead', id: lead.id },
      }));
      // The floor writes exactly the row the store writes (read raw from its database), ids renewed per run.
      const [written] = await store.interactions.registerMany(inputs.slice(0, 1));
      const raw = floorDatabase(store.name);
      const row = (await raw.table('interactions').get(written!.id)) as Record<string, unknown>;
      raw.close();
      templates = inputs.map((input) => ({ ...row, at: input.at, kind: input.kind, direction: input.direction, subject: input.subject }));
    },
    async run(variant) {
      batch += 1;
      if (variant === 'ours') {
        const ms = await timed(() => store.interactions.registerMany(inputs));
        return { ms, result: String(BURST) };
      }
      const rows = templates.map((row, i) => ({ ...row, id: `floor-${batch}-${i}` }));
      const table = floor.table('interactions');
      const ms = await timed(() => floor.transaction('rw', table, () => table.bulkAdd(rows)));
      return { ms, result: String(rows.length) };
    },
  },
];
