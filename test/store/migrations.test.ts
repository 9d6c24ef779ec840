import { expect } from '@open-wc/testing';
import { Dexie, cmp, type IndexableType, type Table } from 'dexie';
import { CrmDatabase, derivedTableNames, schemaV1, schemaVersions, tableNames } from '../../src/store/database.js';
import { CrmError, toCrmError } from '../../src/store/errors.js';
import { currentSchemaVersion, declareSchemaVersions, openDatabase } from '../../src/store/migrations.js';
import { createStore, getStore } from '../../src/store/store.js';
import { deleteTestStores, settle, uniqueDatabaseName } from '../support/fixtures.js';

/** test/fixtures/v1-database.json: the v1 store definitions, frozen, and records written by version 1. */
interface V1Fixture {
  schemaVersion: 1;
  stores: Record<string, string>;
  tables: Record<string, Array<Record<string, unknown>>>;
}

async function loadFixture(): Promise<V1Fixture> {
  const response = await fetch(new URL('../fixtures/v1-database.json', import.meta.url));
  return (await response.json()) as V1Fixture;
}

/** Writes the fixture the way version 1 did: a raw Dexie declaring only the frozen v1 stores. */
async function writeV1Database(name: string, fixture: V1Fixture): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(fixture.stores);
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await v1.table(table).bulkPut(structuredClone(rows));
  });
  v1.close();
}

/** The fixture's rows of a table in primary-key order (what `toArray()` returns). */
function inKeyOrder(table: Table, rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const keyPath = table.schema.primKey.keyPath!;
  return [...rows].sort((a, b) => cmp(Dexie.getByKeyPath(a, keyPath) as IndexableType, Dexie.getByKeyPath(b, keyPath) as IndexableType));
}

function isKey(value: unknown): value is IndexableType {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  return Array.isArray(value) && value.every(isKey);
}

/** Resolves with the raw IndexedDB connection of another tab that ignores every request to close. */
function openStubbornConnection(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * What the versions after 1 do to version-1 records: version 2 gives history
 * entries the createdAt/updatedAt every record has, from their `at`; version 3
 * flags open leads (new or in progress) for the leads list's indexes.
 */
function upgradedRows(table: string, rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  if (table === 'dealStageTotals') return dealStageTotalsOf(rows);
  if (table === 'leads') return rows.map((row) => ({ ...row, open: row.status === 'new' || row.status === 'in-progress' ? 1 : 0 }));
  if (table !== 'dealStageHistory' && table !== 'relationshipStageHistory') return rows;
  return rows.map((row) => ({ ...row, createdAt: row.createdAt ?? row.at, updatedAt: row.updatedAt ?? row.at }));
}

/**
 * What version 4 derives from the version-1 deals: a `dealStageTotals` row per
 * pipeline, stage and status with their count and sums (and count) per currency.
 */
function dealStageTotalsOf(deals: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const rows = new Map<string, { pipelineId: unknown; stageId: unknown; status: unknown; count: number; sums: Record<string, number>; counts: Record<string, number> }>();
  for (const deal of deals) {
    const key = JSON.stringify([deal.pipelineId, deal.stageId, deal.status]);
    const row = rows.get(key) ?? { pipelineId: deal.pipelineId, stageId: deal.stageId, status: deal.status, count: 0, sums: {}, counts: {} };
    const { minor, currency } = deal.amount as { minor: number; currency: string };
    row.count += 1;
    row.sums[currency] = (row.sums[currency] ?? 0) + minor;
    row.counts[currency] = (row.counts[currency] ?? 0) + 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** The version-1 rows of a table of the current schema: a derived table's from the tables it is derived from. */
function fixtureRows(fixture: V1Fixture, table: string): Array<Record<string, unknown>> | undefined {
  return table === 'dealStageTotals' ? fixture.tables.deals : fixture.tables[table];
}

/** The current database with a trial next version appended, as the next release would declare it. */
class TrialNextVersionDatabase extends CrmDatabase {
  upgradedCounterparties = 0;

  constructor(name: string) {
    super(name);
    declareSchemaVersions(this, [
      {
        version: currentSchemaVersion + 1,
        stores: { counterparties: `${schemaV1.counterparties}, country`, attachments: 'id, [subjectType+subjectId]' },
        upgrade: async (tx) => {
          this.upgradedCounterparties = await tx
            .table('counterparties')
            .toCollection()
            .modify((counterparty: { country?: string }) => {
              counterparty.country = 'UA';
            });
        },
      },
    ]);
  }
}

const stillWaiting = (ms: number) => settle(ms).then(() => 'still waiting' as const);

describe('migrations: the version-1 fixture', () => {
  afterEach(deleteTestStores);

  it('holds at least one record for every table of version 1, and version 1 in database.ts is still the frozen one', async () => {
    const fixture = await loadFixture();
    expect(fixture.schemaVersion).to.equal(1);
    // A released version is never edited: schemaVersions[0] must still say what the fixture froze.
    expect(schemaVersions[0]!.version).to.equal(1);
    expect({ ...schemaVersions[0]!.stores }).to.deep.equal(fixture.stores);
    expect(Object.keys(fixture.tables)).to.have.members(Object.keys(fixture.stores));
    for (const [table, rows] of Object.entries(fixture.tables)) expect(rows, table).to.not.be.empty;
  });

  it('opens with the current code and finds every record of every table intact', async () => {
    const fixture = await loadFixture();
    const name = uniqueDatabaseName('v1');
    await writeV1Database(name, fixture);

    const store = await getStore(name).open();
    expect(await store.settings.all()).to.deep.equal({ businessName: 'ТОВ «Кухні Полтави»', currency: 'UAH' });

    const db = new CrmDatabase(name);
    await db.open();
    expect(db.verno).to.equal(currentSchemaVersion);
    for (const table of db.tables) {
      const rows = fixtureRows(fixture, table.name);
      expect(rows, `fixture has no rows for ${table.name}`).to.exist;
      expect(await table.toArray(), table.name).to.deep.equal(inKeyOrder(table, upgradedRows(table.name, rows!)));
    }
    // Version 4 counted the version-1 deals into the totals the board reads.
    expect(await db.dealStageTotals.count()).to.be.greaterThan(0);
    expect(db.tables.map((table) => table.name)).to.have.members([...tableNames, ...derivedTableNames]);
    db.close();
  });

  it('answers a query on every index of the current schema from the version-1 records', async () => {
    const fixture = await loadFixture();
    const name = uniqueDatabaseName('v1');
    await writeV1Database(name, fixture);
    const db = new CrmDatabase(name);
    await db.open();

    for (const table of db.tables) {
      const rows = upgradedRows(table.name, fixtureRows(fixture, table.name)!);
      const keyPath = table.schema.primKey.keyPath!;
      for (const row of rows) {
        const key = Dexie.getByKeyPath(row, keyPath) as IndexableType;
        expect(await table.get(key), `${table.name} ${JSON.stringify(key)}`).to.deep.equal(row);
      }

      for (const index of table.schema.indexes) {
        let queried = 0;
        for (const row of rows) {
          const value = Dexie.getByKeyPath(row, index.keyPath!) as unknown;
          const keys = index.multi && Array.isArray(value) ? value : [value];
          for (const key of keys) {
            if (!isKey(key) || (index.compound && (!Array.isArray(key) || key.length !== index.keyPath!.length))) continue;
            const found = await table.where(index.name).equals(key).primaryKeys();
            expect(found, `${table.name}.${index.name} = ${JSON.stringify(key)}`).to.deep.include(Dexie.getByKeyPath(row, keyPath));
            queried += 1;
          }
        }
        expect(queried, `no fixture row of ${table.name} has a value for ${index.name}`).to.be.greaterThan(0);
      }
    }
    // The compound indexes the elements lean on, asked the way they ask.
    const deal = fixture.tables.deals![0]!;
    expect(await db.deals.where('[pipelineId+stageId]').equals([deal.pipelineId as string, deal.stageId as string]).count()).to.equal(1);
    const lead = fixture.tables.leads!.find((row) => row.status === 'in-progress')!;
    expect(await db.interactions.where('participantKeys').equals(`lead:${lead.id as string}`).count()).to.equal(1);
    db.close();
  });

  it('runs the upgrades of every later version, including a trial next one, on a version-1 database and keeps every record', async () => {
    const fixture = await loadFixture();
    const name = uniqueDatabaseName('v1');
    await writeV1Database(name, fixture);

    const db = new TrialNextVersionDatabase(name);
    await createStore(db).open();
    expect(db.verno).to.equal(currentSchemaVersion + 1);
    expect(db.upgradedCounterparties).to.equal(fixture.tables.counterparties!.length);

    for (const [tableName, rows] of Object.entries(fixture.tables)) {
      const table = db.table(tableName);
      const upgraded = upgradedRows(tableName, rows);
      const expected = tableName === 'counterparties' ? upgraded.map((row) => ({ ...row, country: 'UA' })) : upgraded;
      expect(await table.toArray(), tableName).to.deep.equal(inKeyOrder(table, expected));
    }
    // The new index answers on upgraded records; the new table exists, empty.
    expect(await db.counterparties.where('country').equals('UA').count()).to.equal(fixture.tables.counterparties!.length);
    expect(await db.table('attachments').count()).to.equal(0);
    db.close();
  });
});

describe('migrations: an upgrade another tab blocks', () => {
  afterEach(deleteTestStores);

  /** Version 1 on disk, held open by a connection that never closes on request. */
  async function blockedByOtherTab(): Promise<{ name: string; other: IDBDatabase }> {
    const name = uniqueDatabaseName('blocked');
    await writeV1Database(name, await loadFixture());
    const other = await openStubbornConnection(name);
    expect(other.version).to.equal(10); // Dexie's version 1
    return { name, other };
  }

  it('openDatabase rejects with UPGRADE_BLOCKED, and the upgrade goes ahead once the other tab closes', async () => {
    const { name, other } = await blockedByOtherTab();
    const db = new TrialNextVersionDatabase(name);
    try {
      const error = await Promise.race([openDatabase(db).then(() => 'opened', (e: unknown) => e), stillWaiting(3_000)]);
      expect(error).to.be.instanceOf(CrmError);
      expect(error).to.include({ code: 'UPGRADE_BLOCKED', messageKey: 'error.upgradeBlocked' });
      // Asked again while still blocked: the same answer at once.
      const again = await openDatabase(db).catch((e: unknown) => e);
      expect(again).to.include({ code: 'UPGRADE_BLOCKED' });
    } finally {
      other.close();
    }
    await db.open();
    await openDatabase(db);
    expect(db.verno).to.equal(currentSchemaVersion + 1);
    expect(await db.counterparties.where('country').equals('UA').count()).to.equal(2);
    db.close();
  });

  it('store.open() rejects with UPGRADE_BLOCKED instead of waiting', async () => {
    const { name, other } = await blockedByOtherTab();
    const db = new TrialNextVersionDatabase(name);
    const store = createStore(db);
    try {
      const outcome = await Promise.race([store.open().then(() => 'opened', (e: unknown) => e), stillWaiting(3_000)]);
      expect(outcome, 'store.open() must reject (store.ts: open() via openDatabase(db))').to.be.instanceOf(CrmError);
      expect(outcome).to.include({ code: 'UPGRADE_BLOCKED', messageKey: 'error.upgradeBlocked' });
    } finally {
      other.close();
    }
    await db.open();
    expect(db.verno).to.equal(currentSchemaVersion + 1);
    db.close();
  });
});

describe('toCrmError: storage failures', () => {
  it('turns a QuotaExceededError into QUOTA_EXCEEDED', () => {
    const quota = new DOMException('Сховище переповнене', 'QuotaExceededError');
    const error = toCrmError(quota);
    expect(error).to.include({ code: 'QUOTA_EXCEEDED', messageKey: 'error.quotaExceeded' });
    expect(error.cause).to.equal(quota);
  });

  it('turns an AbortError wrapping a quota failure (Dexie’s inner, or cause) into QUOTA_EXCEEDED', () => {
    const quota = new DOMException('Сховище переповнене', 'QuotaExceededError');
    expect(toCrmError(new Dexie.AbortError('Transaction aborted', quota))).to.include({ code: 'QUOTA_EXCEEDED' });
    expect(toCrmError(Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota }))).to.include({ code: 'QUOTA_EXCEEDED' });
    expect(toCrmError(new Error('aborted', { cause: quota }))).to.include({ code: 'QUOTA_EXCEEDED' });
  });

  it('does not call every abort a full disk', () => {
    expect(toCrmError(new Dexie.AbortError('Transaction aborted'))).to.include({ code: 'STORAGE', messageKey: 'error.storage' });
    expect(toCrmError(new DOMException('aborted', 'AbortError'))).to.include({ code: 'STORAGE' });
  });
});
