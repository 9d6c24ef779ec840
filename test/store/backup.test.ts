import { expect } from '@open-wc/testing';
import { Dexie, cmp, type IndexableType } from 'dexie';
import { exportDB } from 'dexie-export-import';
import type { BackupProgress, PersonTable } from '../../src/store/backup.js';
import { CrmDatabase, derivedTableNames, tableNames } from '../../src/store/database.js';
import { currentSchemaVersion } from '../../src/store/migrations.js';
import { deleteTestStores, uniqueDatabaseName } from '../support/fixtures.js';
import { refused, snapshot, testStore } from '../support/store.js';

type Row = Record<string, unknown>;
type Rows = Record<string, Row[]>;

interface V1Fixture {
  tables: Rows;
}

/**
 * The records of test/fixtures/v1-database.json (one Ukrainian kitchen-furniture
 * business, every table) as the current database stores them: leads carry the
 * `open` flag the database derives from their status.
 */
async function fixtureTables(): Promise<Rows> {
  const response = await fetch(new URL('../fixtures/v1-database.json', import.meta.url));
  const tables = ((await response.json()) as V1Fixture).tables;
  tables.leads = tables.leads!.map((lead) => ({ ...lead, open: lead.status === 'new' || lead.status === 'in-progress' ? 1 : 0 }));
  return tables;
}

const NOW = Date.parse('2025-05-12T09:00:00Z');

/** A store over a fresh database (deleted after the test), with its database at hand and a pinned clock. */
const newStore = () => testStore('backup', NOW);

async function fill(db: CrmDatabase, tables: Rows): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const [name, rows] of Object.entries(tables)) await db.table(name).bulkPut(structuredClone(rows));
  });
}

/** `tables` as `snapshot` returns them: every table present, rows in key order. */
function inKeyOrder(db: CrmDatabase, tables: Rows): Rows {
  const all: Rows = {};
  for (const table of db.tables) {
    if (derivedTableNames.includes(table.name)) continue;
    const keyPath = table.schema.primKey.keyPath as string;
    all[table.name] = [...(tables[table.name] ?? [])].sort((a, b) => cmp(a[keyPath] as IndexableType, b[keyPath] as IndexableType));
  }
  return all;
}

const rowCount = (tables: Rows) => Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);

/** A backup as parsed JSON, to break on purpose. */
interface BackupJson {
  crmElements: { format: string; schemaVersion: number; exportedAt: number };
  formatName: string;
  data: {
    tables: Array<{ name: string; schema: string; rowCount: number }>;
    data: Array<{ tableName: string; inbound: boolean; rows: Row[] }>;
  };
}

async function parseBackup(blob: Blob): Promise<BackupJson> {
  return JSON.parse(await blob.text()) as BackupJson;
}

const asBlob = (json: unknown) => new Blob([JSON.stringify(json)], { type: 'application/json' });

const byId = (id: unknown) => (row: Row) => row.id === id;

describe('backup.exportAll', () => {
  afterEach(deleteTestStores);

  it('writes every record of every table as JSON behind a CRM Elements header of the current schema version', async () => {
    const tables = await fixtureTables();
    const { store, db } = newStore();
    await fill(db, tables);

    const blob = await store.backup.exportAll();
    expect(blob.type).to.equal('application/json');
    const backup = await parseBackup(blob);
    expect(backup.crmElements).to.deep.equal({ format: 'crm-elements-backup', schemaVersion: currentSchemaVersion, exportedAt: NOW });
    expect(backup.formatName).to.equal('dexie');
    expect(backup.data.data.map((table) => table.tableName)).to.have.members(tableNames);
    const expected = inKeyOrder(db, tables);
    // Arrays carry a Typeson marker (`$types`) that restore reads back.
    const plain = (rows: Row[]) => rows.map(({ $types: _types, ...row }) => row);
    for (const { tableName, rows } of backup.data.data) expect(plain(rows), tableName).to.deep.equal(expected[tableName]);
    expect(backup.data.tables.find((table) => table.name === 'counterparties')?.rowCount).to.equal(2);
  });

  it('reports progress until every row of every table is done', async () => {
    const tables = await fixtureTables();
    const { store, db } = newStore();
    await fill(db, tables);
    const reports: BackupProgress[] = [];

    await store.backup.exportAll({ onProgress: (progress) => reports.push(progress) });
    const last = reports.at(-1)!;
    expect(last).to.deep.equal({
      totalTables: tableNames.length,
      completedTables: tableNames.length,
      totalRows: rowCount(tables),
      completedRows: rowCount(tables),
      done: true,
    });
    expect(reports.length).to.be.greaterThan(1);
  });
});

describe('backup.restore', () => {
  afterEach(deleteTestStores);

  it('fills an empty database with every record of a backup and says how much it wrote', async () => {
    const tables = await fixtureTables();
    const source = newStore();
    await fill(source.db, tables);
    const blob = await source.store.backup.exportAll();

    const target = newStore();
    const result = await target.store.backup.restore(blob);
    expect(result).to.deep.equal({ tables: tableNames.length, records: rowCount(tables) });
    expect(await snapshot(target.db)).to.deep.equal(inKeyOrder(target.db, tables));
    expect(await target.store.settings.get('businessName')).to.equal('ТОВ «Кухні Полтави»');
  });

  it('replaces what the database held: records the backup does not have are gone', async () => {
    const tables = await fixtureTables();
    const source = newStore();
    await fill(source.db, tables);
    const blob = await source.store.backup.exportAll();

    const target = newStore();
    await target.db.tags.put({ id: crypto.randomUUID(), name: 'Тимчасовий', createdAt: NOW, updatedAt: NOW });
    await target.store.settings.set('businessName', 'ФОП Стара Назва');
    await target.store.backup.restore(blob);
    expect(await snapshot(target.db)).to.deep.equal(inKeyOrder(target.db, tables));
  });

  it('brings back properties set to undefined and dates exactly as they were', async () => {
    const { store, db } = newStore();
    const tag = { id: crypto.randomUUID(), name: 'Опт', color: undefined, createdAt: NOW, updatedAt: NOW };
    const note = { id: crypto.randomUUID(), text: 'Передзвонити після свят', reviewedOn: new Date('2025-01-08T10:00:00Z'), createdAt: NOW, updatedAt: NOW };
    await db.tags.put(tag);
    await db.notes.put(note);
    const blob = await store.backup.exportAll();

    const target = newStore();
    await target.store.backup.restore(blob);
    const restoredTag = await target.db.tags.get(tag.id);
    expect(restoredTag).to.deep.equal(tag);
    expect(Object.hasOwn(restoredTag!, 'color')).to.equal(true);
    expect(await target.db.notes.get(note.id)).to.deep.equal(note);
  });

  it('reports progress up to done with every row counted', async () => {
    const tables = await fixtureTables();
    const source = newStore();
    await fill(source.db, tables);
    const blob = await source.store.backup.exportAll();
    const reports: BackupProgress[] = [];

    const target = newStore();
    await target.store.backup.restore(blob, { onProgress: (progress) => reports.push(progress) });
    expect(reports[0]).to.include({ completedRows: 0, done: false });
    expect(reports.at(-1)).to.deep.equal({
      totalTables: tableNames.length,
      completedTables: tableNames.length,
      totalRows: rowCount(tables),
      completedRows: rowCount(tables),
      done: true,
    });
  });

  describe('refuses a file that is not a valid CRM Elements backup, leaving the database as it was', () => {
    async function expectRefused(file: unknown, reason: string): Promise<void> {
      const tables = await fixtureTables();
      const { store, db } = newStore();
      await fill(db, tables);
      const before = await snapshot(db);

      const error = await refused(store.backup.restore(file as Blob));
      expect(error).to.include({ code: 'VALIDATION', field: 'file', messageKey: 'error.backupInvalid' });
      expect(error.params.reason).to.equal(reason);
      expect(await snapshot(db)).to.deep.equal(before);
    }

    async function validBackup(): Promise<BackupJson> {
      const source = newStore();
      await fill(source.db, await fixtureTables());
      return parseBackup(await source.store.backup.exportAll());
    }

    it('a cut-off file', async () => {
      const source = newStore();
      await fill(source.db, await fixtureTables());
      const blob = await source.store.backup.exportAll();
      await expectRefused(blob.slice(0, Math.floor(blob.size / 2)), 'notJson');
    });

    it('something that is not a file', async () => {
      await expectRefused('{"crmElements":{}}', 'notAFile');
    });

    it('a plain Dexie export without the CRM Elements header', async () => {
      const other = new Dexie(uniqueDatabaseName('other'));
      other.version(1).stores({ notes: 'id' });
      await other.table('notes').put({ id: 'n1', text: 'чужа база' });
      const blob = await exportDB(other);
      other.close();
      await expectRefused(blob, 'notCrmBackup');
    });

    it('a backup from a newer schema version than this code knows', async () => {
      const backup = await validBackup();
      backup.crmElements.schemaVersion = currentSchemaVersion + 1;
      await expectRefused(asBlob(backup), 'schemaVersion');
    });

    it('a backup with a table this schema does not have', async () => {
      const backup = await validBackup();
      backup.data.data.push({ tableName: 'invoices', inbound: true, rows: [{ id: 'inv-1', number: 'РН-0001' }] });
      await expectRefused(asBlob(backup), 'unknownTable');
    });

    it('a row without its id', async () => {
      const backup = await validBackup();
      delete backup.data.data.find((table) => table.tableName === 'deals')!.rows[0]!.id;
      await expectRefused(asBlob(backup), 'missingKey');
    });

    it('the same id twice in one table', async () => {
      const backup = await validBackup();
      const leads = backup.data.data.find((table) => table.tableName === 'leads')!;
      leads.rows.push({ ...leads.rows[0]!, name: 'Двійник' });
      backup.data.tables.find((table) => table.name === 'leads')!.rowCount += 1;
      await expectRefused(asBlob(backup), 'duplicateKey');
    });

    it('rows missing against the row count the backup declares', async () => {
      const backup = await validBackup();
      backup.data.data.find((table) => table.tableName === 'tasks')!.rows.pop();
      await expectRefused(asBlob(backup), 'rowCount');
    });

    it('a value of a type a CRM record cannot hold', async () => {
      const backup = await validBackup();
      const note = backup.data.data.find((table) => table.tableName === 'notes')!.rows[0]!;
      Object.assign(note, { attachment: { type: 'image/png', stringContents: '' }, $types: { attachment: 'blob' } });
      await expectRefused(asBlob(backup), 'unsupportedValue');
    });
  });

  it('fails half-way without a trace: a unique index broken late in the file leaves every record as it was', async () => {
    const tables = await fixtureTables();
    const source = newStore();
    await fill(source.db, tables);
    const backup = await parseBackup(await source.store.backup.exportAll());
    // Two tags of one name pass the file checks; the unique index on tags.name refuses the second while writing.
    const tags = backup.data.data.find((table) => table.tableName === 'tags')!;
    tags.rows.push({ ...tags.rows[0]!, id: crypto.randomUUID() });
    backup.data.tables.find((table) => table.name === 'tags')!.rowCount += 1;

    const { store, db } = newStore();
    await db.tags.put({ id: crypto.randomUUID(), name: 'Постійний клієнт', createdAt: NOW, updatedAt: NOW });
    await db.leads.put({ ...tables.leads![1]!, name: 'Лід, що має лишитися' } as never);
    await store.settings.set('businessName', 'ФОП Гончаренко');
    const before = await snapshot(db);
    const reports: BackupProgress[] = [];

    const error = await refused(store.backup.restore(asBlob(backup), { onProgress: (p) => reports.push(p) }));
    expect(error).to.include({ code: 'VALIDATION', field: 'file', messageKey: 'error.backupInvalid' });
    expect(error.params.reason).to.equal('constraint');
    // It did get going: tables before `tags` had been written when it failed.
    expect(reports.at(-1)!.completedRows).to.be.greaterThan(0);
    expect(reports.at(-1)!.done).to.equal(false);
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('backup.exportPerson', () => {
  afterEach(deleteTestStores);

  /** The fixture's ids, by what they are. */
  async function fixture() {
    const tables = await fixtureTables();
    const { store, db } = newStore();
    await fill(db, tables);
    const company = tables.counterparties!.find((row) => row.kind === 'legal')!;
    const contact = tables.contacts![0]!;
    const openLead = tables.leads!.find((row) => row.status === 'in-progress')!;
    const convertedLead = tables.leads!.find((row) => row.status === 'converted')!;
    return { tables, store, db, company, contact, openLead, convertedLead };
  }

  const withoutKeys = ({ participantKeys: _keys, ...interaction }: Row) => interaction;

  it('gathers everything about a counterparty: its record and source lead, links, deals with history, proposals, orders, payments, claims, timeline', async () => {
    const { tables, store, company, contact, convertedLead } = await fixture();
    const result = await store.backup.exportPerson({ type: 'counterparty', id: company.id as string });

    expect(result).to.include({ format: 'crm-elements-person', schemaVersion: currentSchemaVersion, exportedAt: NOW });
    expect(result.person).to.deep.equal({ type: 'counterparty', id: company.id });
    const { records } = result;
    expect(records.counterparties).to.deep.equal([company]);
    expect(records.leads).to.deep.equal([convertedLead]);
    expect(records.contacts).to.deep.equal([]);
    expect(records.contactLinks).to.deep.equal(tables.contactLinks!.filter((link) => link.contactId === contact.id));
    for (const table of ['deals', 'dealStageHistory', 'proposals', 'competitorOffers', 'orders', 'payments', 'claims', 'relationshipStageHistory', 'tasks', 'notes'] as const) {
      expect(records[table], table).to.have.deep.members(tables[table]!);
    }
    const theirs = tables.interactions!.filter((row) => row.subjectType === 'counterparty');
    expect(theirs).to.have.length(3);
    expect(records.interactions).to.have.deep.members(theirs.map(withoutKeys));
    // The meeting with the other lead, its reminder and appointment are someone else's.
    expect(records.reminders).to.deep.equal([]);
    expect(records.appointments).to.deep.equal([]);
  });

  it('gathers a contact person: record, links and the interactions they took part in', async () => {
    const { tables, store, contact } = await fixture();
    const { records } = await store.backup.exportPerson({ type: 'contact', id: contact.id as string });
    expect(records.contacts).to.deep.equal([contact]);
    expect(records.contactLinks).to.deep.equal(tables.contactLinks);
    const call = tables.interactions!.find((row) => (row.participantKeys as string[]).includes(`contact:${contact.id as string}`))!;
    expect(records.interactions).to.deep.equal([withoutKeys(call)]);
    for (const table of ['leads', 'counterparties', 'deals', 'orders', 'payments', 'claims', 'tasks', 'notes', 'reminders', 'appointments'] as const) {
      expect(records[table], table).to.deep.equal([]);
    }
  });

  it('gathers a lead: record, planned meeting with its reminder, and the booked appointment', async () => {
    const { tables, store, openLead } = await fixture();
    const { records } = await store.backup.exportPerson({ type: 'lead', id: openLead.id as string });
    expect(records.leads).to.deep.equal([openLead]);
    expect(records.interactions).to.deep.equal(tables.interactions!.filter((row) => row.subjectId === openLead.id).map(withoutKeys));
    expect(records.reminders).to.deep.equal(tables.reminders);
    expect(records.appointments).to.deep.equal(tables.appointments);
    expect(records.counterparties).to.deep.equal([]);
  });

  it('includes tasks and notes about the person’s tasks, and reminders of both', async () => {
    const { tables, store, db, company } = await fixture();
    const dealTask = tables.tasks![0]!;
    const followUp = { ...dealTask, id: crypto.randomUUID(), title: 'Перевірити, чи КП отримали', subjectType: 'task', subjectId: dealTask.id };
    const note = { id: crypto.randomUUID(), text: 'Андрій у відпустці до 10-го', subjectType: 'task', subjectId: followUp.id, createdAt: NOW, updatedAt: NOW };
    const reminder = { id: crypto.randomUUID(), dueAt: NOW, status: 'pending', targetType: 'note', targetId: note.id, createdAt: NOW, updatedAt: NOW };
    await db.tasks.put(followUp as never);
    await db.notes.put(note as never);
    await db.reminders.put(reminder as never);

    const { records } = await store.backup.exportPerson({ type: 'counterparty', id: company.id as string });
    expect(records.tasks).to.have.deep.members([dealTask, followUp]);
    expect(records.notes).to.have.deep.members([...tables.notes!, note]);
    expect(records.reminders).to.deep.equal([reminder]);
  });

  it('refuses an unknown person with NOT_FOUND and a malformed reference with VALIDATION', async () => {
    const { store } = await fixture();
    const missing = await refused(store.backup.exportPerson({ type: 'lead', id: crypto.randomUUID() }));
    expect(missing).to.include({ code: 'NOT_FOUND', field: 'id', messageKey: 'error.notFound' });
    const wrongType = await store.backup.exportPerson({ type: 'deal' as 'lead', id: crypto.randomUUID() }).catch((e: unknown) => e);
    expect(wrongType).to.include({ code: 'VALIDATION', field: 'type' });
    const noId = await store.backup.exportPerson({ type: 'contact', id: '' }).catch((e: unknown) => e);
    expect(noId).to.include({ code: 'VALIDATION', field: 'id', messageKey: 'error.required' });
  });
});

describe('backup.erasePerson', () => {
  afterEach(deleteTestStores);

  async function filled() {
    const tables = await fixtureTables();
    const { store, db } = newStore();
    await fill(db, tables);
    return { tables, store, db };
  }

  const none: Record<PersonTable, number> = {
    leads: 0,
    counterparties: 0,
    contacts: 0,
    contactLinks: 0,
    interactions: 0,
    tasks: 0,
    notes: 0,
    reminders: 0,
    deals: 0,
    dealStageHistory: 0,
    proposals: 0,
    competitorOffers: 0,
    orders: 0,
    payments: 0,
    claims: 0,
    appointments: 0,
    relationshipStageHistory: 0,
  };

  /** `tables` without the records `exportPerson` returned. */
  function without(tables: Rows, records: Record<string, Row[]>): Rows {
    const left: Rows = {};
    for (const [name, rows] of Object.entries(tables)) {
      const gone = new Set((records[name] ?? []).map((row) => row.id));
      left[name] = rows.filter((row) => !gone.has(row.id));
    }
    return left;
  }

  it('deletes a counterparty with everything about it and leaves every other record untouched', async () => {
    const { tables, store, db } = await filled();
    const company = tables.counterparties!.find((row) => row.kind === 'legal')!;
    const ref = { type: 'counterparty' as const, id: company.id as string };
    const { records } = await store.backup.exportPerson(ref);

    const result = await store.backup.erasePerson(ref);
    expect(result).to.deep.equal({
      person: ref,
      deleted: {
        ...none,
        counterparties: 1,
        leads: 1,
        contactLinks: 1,
        interactions: 3,
        tasks: 1,
        notes: 1,
        deals: 1,
        dealStageHistory: 3,
        proposals: 1,
        competitorOffers: 1,
        orders: 1,
        payments: 1,
        claims: 1,
        relationshipStageHistory: 1,
      },
      detached: { interactions: 0, counterparties: 0 },
    });
    expect(await snapshot(db)).to.deep.equal(inKeyOrder(db, without(tables, records as unknown as Record<string, Row[]>)));
    // The contact person is a person of their own: kept.
    expect(await db.contacts.count()).to.equal(1);
  });

  it('takes an erased contact out of the interactions of others and keeps those interactions', async () => {
    const { tables, store, db } = await filled();
    const contact = tables.contacts![0]!;
    const result = await store.backup.erasePerson({ type: 'contact', id: contact.id as string });
    expect(result.deleted).to.deep.equal({ ...none, contacts: 1, contactLinks: 1 });
    expect(result.detached).to.deep.equal({ interactions: 1, counterparties: 0 });

    const call = tables.interactions!.find((row) => (row.participantKeys as string[]).includes(`contact:${contact.id as string}`))!;
    const kept = await db.interactions.get(call.id as string);
    expect(kept).to.deep.equal({
      ...call,
      participants: [{ type: 'counterparty', id: call.subjectId }],
      participantKeys: [`counterparty:${call.subjectId as string}`],
      updatedAt: NOW,
    });
    expect(await db.interactions.where('participantKeys').equals(`contact:${contact.id as string}`).count()).to.equal(0);
    const expected = without(tables, { contacts: [contact], contactLinks: tables.contactLinks! });
    expected.interactions = expected.interactions!.map((row) => (row.id === call.id ? (kept as unknown as Row) : row));
    expect(await snapshot(db)).to.deep.equal(inKeyOrder(db, expected));
  });

  it('deletes a lead with its meeting, reminder and appointment', async () => {
    const { tables, store, db } = await filled();
    const lead = tables.leads!.find((row) => row.status === 'in-progress')!;
    const result = await store.backup.erasePerson({ type: 'lead', id: lead.id as string });
    expect(result.deleted).to.deep.equal({ ...none, leads: 1, interactions: 1, reminders: 1, appointments: 1 });
    const meeting = tables.interactions!.find((row) => row.subjectId === lead.id)!;
    expect(await snapshot(db)).to.deep.equal(
      inKeyOrder(db, without(tables, { leads: [lead], interactions: [meeting], reminders: tables.reminders!, appointments: tables.appointments! })),
    );
  });

  it('unlinks the counterparty a lead was converted into when that lead is erased', async () => {
    const { tables, store, db } = await filled();
    const lead = tables.leads!.find((row) => row.status === 'converted')!;
    const result = await store.backup.erasePerson({ type: 'lead', id: lead.id as string });
    expect(result.deleted).to.deep.equal({ ...none, leads: 1 });
    expect(result.detached).to.deep.equal({ interactions: 0, counterparties: 1 });
    const company = { ...tables.counterparties!.find(byId(lead.counterpartyId))! };
    delete company.leadId;
    expect(await db.counterparties.get(lead.counterpartyId as string)).to.deep.equal({ ...company, updatedAt: NOW });
    expect(await db.counterparties.where('leadId').equals(lead.id as string).count()).to.equal(0);
  });

  it('refuses an unknown person and writes nothing', async () => {
    const { store, db } = await filled();
    const before = await snapshot(db);
    const error = await refused(store.backup.erasePerson({ type: 'counterparty', id: crypto.randomUUID() }));
    expect(error).to.include({ code: 'NOT_FOUND', field: 'id' });
    const malformed = await store.backup.erasePerson({ type: 'user' as 'lead', id: 'x' }).catch((e: unknown) => e);
    expect(malformed).to.include({ code: 'VALIDATION', field: 'type' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('backup.erasePerson: interactions about someone else', () => {
  afterEach(deleteTestStores);

  it('keeps those the customer only took part in, without the erased deals and earlier lead among their participants', async () => {
    const { store } = testStore('erase-links', Date.UTC(2026, 2, 2, 9, 0));
    const { pipeline } = await store.pipelines.create({ name: 'Продажі' });
    const lead = await store.leads.create({ name: 'Олена Коваль', phones: ['067 123 45 67'] });
    const { counterparty, deal } = await store.leads.convert(lead.id, { deal: { pipelineId: pipeline.id, title: 'Кухня' } });
    const designer = await store.contacts.create({ name: 'Ірина Мельник' });
    const meeting = await store.interactions.register({
      kind: 'meeting',
      subject: 'Обговорення кухні з дизайнеркою',
      subjectRef: { type: 'contact', id: designer.id },
      participants: [{ type: 'deal', id: deal!.id }, { type: 'lead', id: lead.id }],
    });
    // Linked to the customer's deal, it is the customer's own record: erased with them.
    const call = await store.interactions.register({
      kind: 'call',
      subject: 'Дзвінок щодо кухні',
      subjectRef: { type: 'contact', id: designer.id },
      dealId: deal!.id,
    });

    await store.backup.erasePerson({ type: 'counterparty', id: counterparty.id });

    const kept = (await store.interactions.get(meeting.id))!;
    expect(kept).to.include({ subjectType: 'contact', subjectId: designer.id });
    expect(kept.participants).to.deep.equal([]);
    expect(await store.interactions.get(call.id)).to.equal(undefined);
    expect(await store.deals.get(deal!.id)).to.equal(undefined);
    expect(await store.leads.get(lead.id)).to.equal(undefined);
    expect((await store.interactions.timeline({ type: 'contact', id: designer.id })).map((i) => i.id)).to.deep.equal([meeting.id]);
  });
});
