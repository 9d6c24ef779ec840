// S1: importing `scale.records` leads (rows of a CSV file, written as people
// write them) through the store — validation of every row, reference checks,
// search tokens, one transaction of 1 000-row bulkAdds — ÷ the identical
// records written by Dexie `bulkPut` in 1 000-row chunks, and ÷ raw IndexedDB
// (a transaction per 1 000 rows, a `put` per row). Every run writes into an
// empty, already-open database made before the clock starts.
import type Dexie from 'dexie';
import { getStore, isValidEdrpou, type CrmStore, type LeadInput } from '../../src/store/index.js';
import { Random } from '../../src/store/sample/random.js';
import * as words from '../../src/store/sample/vocabulary.js';
import { floorDatabase, freshName, type BenchCase } from '../harness.js';

const CHUNK = 1_000;
const CATALOGUES = ['users', 'sources', 'tags'] as const;

type Row = Record<string, unknown>;

let inputs: LeadInput[];
/** The raw catalogue rows every fresh database starts with (fixed ids the inputs name). */
let catalogue: Record<(typeof CATALOGUES)[number], Row[]>;
/** The lead records the store writes for `inputs`, read back raw: what the floors write, ids renewed per run. */
let templates: Row[];

/** `count` lead rows as an import file gives them: phones and e-mails written any way people write them. */
function leadInputs(count: number, refs: { users: Row[]; sources: Row[]; tags: Row[] }): LeadInput[] {
  const random = new Random(20_261_107);
  const digits = (length: number) => Array.from({ length }, () => random.int(0, 9)).join('');
  const edrpou = () => {
    for (;;) {
      const prefix = `${random.int(1, 4)}${digits(6)}`;
      for (let check = 0; check < 10; check += 1) if (isValidEdrpou(`${prefix}${check}`)) return `${prefix}${check}`;
    }
  };
  return Array.from({ length: count }, () => {
    const female = random.chance(0.5);
    const [male, fem] = random.pick(words.surnames);
    const name = `${random.pick(female ? words.firstNames.female : words.firstNames.male)} ${female ? fem : male}`;
    const code = random.pick(words.operatorCodes);
    const number = digits(7);
    const phone = random.chance(0.5)
      ? `0${code} ${number.slice(0, 3)} ${number.slice(3, 5)} ${number.slice(5)}`
      : `+38 (0${code}) ${number.slice(0, 3)}-${number.slice(3, 5)}-${number.slice(5)}`;
    const company = random.chance(0.3) ? `${random.pick(words.legalForms)} «${random.pick(words.companyWords)}»` : undefined;
    const input: LeadInput = {
      name,
      phones: [phone],
      sourceId: random.pick(refs.sources).id as string,
      managerId: random.pick(refs.users).id as string,
    };
    if (company) input.company = company;
    if (company && random.chance(0.5)) input.taxCode = edrpou();
    if (random.chance(0.6)) input.emails = [`${words.transliterate(name)}${random.int(1, 99)}@${random.pick(words.mailDomains)}`.replace(/^./, (c) => c.toUpperCase())];
    if (random.chance(0.3)) input.tags = [random.pick(refs.tags).id as string];
    if (random.chance(0.2)) input.comment = 'Просить перетелефонувати після 18:00 щодо кухні на замовлення';
    return input;
  });
}

/** A new database with our schema and the catalogue rows, closed again: the state every run starts from. */
async function preparedDatabase(prefix: string): Promise<string> {
  const name = freshName(prefix);
  const db = floorDatabase(name);
  await db.open();
  await db.transaction('rw', [...CATALOGUES], async () => {
    for (const table of CATALOGUES) await db.table(table).bulkAdd(catalogue[table]);
  });
  db.close();
  return name;
}

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function deleteRaw(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** The renewed floor rows: the store's records with fresh random ids (keys spread as the store's are). */
const floorRows = () => templates.map((row) => ({ ...row, id: crypto.randomUUID() }));

async function leadCount(name: string): Promise<number> {
  const db = floorDatabase(name);
  const count = await db.table('leads').count();
  db.close();
  return count;
}

async function runOurs(): Promise<{ ms: number; name: string }> {
  const name = await preparedDatabase('s1-ours');
  const store: CrmStore = getStore(name);
  await store.open();
  const start = performance.now();
  await store.leads.import(inputs);
  const ms = performance.now() - start;
  store.close();
  return { ms, name };
}

async function runDexie(): Promise<{ ms: number; name: string }> {
  const name = await preparedDatabase('s1-dexie');
  const rows = floorRows();
  const db: Dexie = floorDatabase(name);
  await db.open();
  const table = db.table('leads');
  const start = performance.now();
  for (let at = 0; at < rows.length; at += CHUNK) await table.bulkPut(rows.slice(at, at + CHUNK));
  const ms = performance.now() - start;
  db.close();
  return { ms, name };
}

async function runRaw(): Promise<{ ms: number; name: string }> {
  const name = await preparedDatabase('s1-raw');
  const rows = floorRows();
  const db = await openRaw(name);
  const start = performance.now();
  for (let at = 0; at < rows.length; at += CHUNK) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('leads', 'readwrite');
      const leads = tx.objectStore('leads');
      for (let i = at; i < Math.min(at + CHUNK, rows.length); i += 1) leads.put(rows[i]);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
  const ms = performance.now() - start;
  db.close();
  return { ms, name };
}

export const cases: BenchCase[] = [
  {
    id: 'S1',
    title: 'import of leads (scale.records rows) through the store',
    store: true,
    variants: ['ours', 'Dexie bulkPut', 'raw IndexedDB'],
    compare: [
      { floor: 'Dexie bulkPut', target: 1.15 },
      { floor: 'raw IndexedDB', target: 1.3 },
    ],
    async setup(scale) {
      // The catalogue, made by the store once, then copied raw (same ids) into every fresh database.
      const scratch = getStore(freshName('s1-scratch'));
      await scratch.users.create({ name: 'Олена Коваль', roles: ['manager'] });
      await scratch.users.create({ name: 'Андрій Мельник', roles: ['manager'] });
      await scratch.users.create({ name: 'Ірина Шевчук', roles: ['manager'] });
      for (const source of words.sources) await scratch.sources.create({ name: source.name, channel: source.channel });
      for (const tag of words.tags) await scratch.tags.create(tag);
      const raw = floorDatabase(scratch.name);
      catalogue = {
        users: (await raw.table('users').toArray()) as Row[],
        sources: (await raw.table('sources').toArray()) as Row[],
        tags: (await raw.table('tags').toArray()) as Row[],
      };
      inputs = leadInputs(scale.records, catalogue);
      // The records the store builds from these inputs, written once and read back as stored.
      await scratch.leads.import(inputs);
      templates = (await raw.table('leads').toArray()) as Row[];
      raw.close();
      await scratch.delete();
      if (templates.length !== inputs.length) throw new Error(`S1 setup wrote ${templates.length} of ${inputs.length} leads`);
    },
    async run(variant) {
      const { ms, name } = variant === 'ours' ? await runOurs() : variant === 'Dexie bulkPut' ? await runDexie() : await runRaw();
      // Untimed: prove the run wrote every row, then drop the database so disk use stays flat.
      const written = await leadCount(name);
      await deleteRaw(name);
      return { ms, result: String(written) };
    },
    async teardown() {
      templates = [];
      inputs = [];
    },
  },
];
