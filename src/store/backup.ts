/**
 * I4 backup and restore, and the data-subject requests: everything the CRM
 * holds about one person, exported or erased.
 *
 * A backup is the JSON of `dexie-export-import` (every table of the current
 * schema, so tables added later are included without changes here) with a
 * `crmElements` header in front naming the schema version that wrote it. A
 * restore validates the whole file before it touches a table and then replaces
 * every table in one transaction: it all lands or nothing does.
 */
import { Dexie, type Table } from 'dexie';
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { derivedTableNames, type CrmDatabase } from './database.js';
import { CrmError, notFound, toCrmError } from './errors.js';
import { participantKey, participantKeysOf, toInteraction, type InteractionRow } from './interactions.js';
import { currentSchemaVersion } from './migrations.js';
import type { CrmStore } from './store.js';
import type * as T from './types.js';
import { id as idSchema, parseInput } from './validation.js';

// ── backup file ─────────────────────────────────────────────────────────────

/** The `format` of a backup's header. */
export const BACKUP_FORMAT = 'crm-elements-backup';

/** The `crmElements` header in front of a backup's `dexie-export-import` JSON. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  /** The schema version of the database that wrote the backup. */
  schemaVersion: number;
  /** When the backup was written, epoch ms. */
  exportedAt: T.Instant;
}

/** How far an export or a restore has got; the last call has `done: true`. */
export interface BackupProgress {
  totalTables: number;
  completedTables: number;
  totalRows: number;
  completedRows: number;
  done: boolean;
}

export interface BackupOptions {
  /** Called as tables and rows are processed (outside the transaction). */
  onProgress?: (progress: BackupProgress) => void;
}

/** What a restore wrote: the tables the backup held and their records. */
export interface RestoreResult {
  tables: number;
  records: number;
}

// ── data-subject requests ───────────────────────────────────────────────────

/** A person a data-subject request is about. */
export interface PersonRef {
  type: 'lead' | 'contact' | 'counterparty';
  id: T.Id;
}

/** Every record about a person, by table. */
export interface PersonRecords {
  leads: T.Lead[];
  counterparties: T.Counterparty[];
  contacts: T.Contact[];
  contactLinks: T.ContactLink[];
  interactions: T.Interaction[];
  tasks: T.Task[];
  notes: T.Note[];
  reminders: T.Reminder[];
  deals: T.Deal[];
  dealStageHistory: T.DealStageChange[];
  proposals: T.Proposal[];
  competitorOffers: T.CompetitorOffer[];
  orders: T.Order[];
  payments: T.Payment[];
  claims: T.Claim[];
  appointments: T.Appointment[];
  relationshipStageHistory: T.RelationshipStageChange[];
}

export type PersonTable = keyof PersonRecords;

/** The `format` of a person export. */
export const PERSON_EXPORT_FORMAT = 'crm-elements-person';

/** The answer to a data-subject access request: plain data, ready for `JSON.stringify`. */
export interface PersonExport {
  format: typeof PERSON_EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: T.Instant;
  person: PersonRef;
  records: PersonRecords;
}

/** What `erasePerson` did. */
export interface PersonErasure {
  person: PersonRef;
  /** Records deleted, per table (every table of `PersonRecords`, 0 when none). */
  deleted: Record<PersonTable, number>;
  /** Records kept but no longer pointing at the person. */
  detached: {
    /** Interactions about someone else in which the person took part: they lose the person from `participants`. */
    interactions: number;
    /** Counterparties converted from an erased lead: they lose `leadId`. */
    counterparties: number;
  };
}

/** Full backup and restore, and export or erasure of everything about one person. */
export interface BackupRepository {
  /**
   * Writes every record of every table to a JSON `Blob` (`dexie-export-import`
   * format with a `crmElements` header: `BackupHeader`), read in one
   * transaction so the copy is consistent.
   */
  exportAll(options?: BackupOptions): Promise<Blob>;
  /**
   * Replaces the whole database with a backup written by `exportAll`. The file
   * is checked first: it must be JSON with a CRM Elements header of a schema
   * version no newer than this code's, name only tables this schema has, agree
   * with its own row counts, and every row must have its primary key, once.
   * Otherwise it refuses with `VALIDATION` `error.backupInvalid`, field `file`
   * (`params.reason` says what is wrong). Then every table is cleared and
   * refilled in ONE transaction: a failure half-way (a unique index the file
   * breaks — also `error.backupInvalid` — or a full disk, `QUOTA_EXCEEDED`)
   * leaves the database exactly as it was. Tables the backup does not hold end
   * up empty. Rows of an older schema version are written as they are (upgrade
   * functions run when a database opens, not here): a later version that
   * reshapes records must reshape an older backup's rows here too.
   */
  restore(file: Blob, options?: BackupOptions): Promise<RestoreResult>;
  /**
   * Everything the CRM holds about a lead, contact or counterparty, for a
   * data-subject access request: the person's record (for a counterparty also
   * the lead it was converted from), contact links, interactions they are the
   * subject of or take part in, tasks and notes about them (and about their
   * deals, proposals, orders, claims and those tasks), reminders of those,
   * their deals with stage history, proposals, competitor offers, orders,
   * payments, claims, appointments and relationship-stage history. Read in one
   * transaction; usable inside `liveQuery`. Refuses a malformed reference with
   * `VALIDATION` and an unknown person with `NOT_FOUND` (field `id`).
   */
  exportPerson(ref: PersonRef): Promise<PersonExport>;
  /**
   * Deletes everything `exportPerson` returns, in ONE transaction, except
   * interactions about someone else in which the person only took part: those
   * are kept with the person removed from their participants. A counterparty
   * converted from an erased lead keeps its record but loses `leadId`. Returns
   * the counts. Refuses like `exportPerson`; a refusal writes nothing.
   */
  erasePerson(ref: PersonRef): Promise<PersonErasure>;
}

const personRefSchema = v.object({
  type: v.picklist(['lead', 'contact', 'counterparty'], 'error.invalid'),
  id: idSchema,
});

/** Rows written per `bulkPut` during a restore, between progress reports. */
const RESTORE_CHUNK = 1_000;

export function createBackupRepository(ctx: StoreContext, _store: CrmStore): BackupRepository {
  const { db } = ctx;

  return {
    async exportAll(options = {}) {
      const { onProgress } = options;
      // Loaded on first use: the export add-on stays out of the store's first load.
      const { exportDB } = await import('dexie-export-import');
      let body: Blob;
      try {
        body = await exportDB(db, {
          // Derived tables (totals kept by middleware) are rebuilt from the rows they derive from.
          skipTables: [...derivedTableNames],
          progressCallback: (progress) => {
            onProgress?.({ ...progress, totalRows: progress.totalRows ?? 0 });
            return true;
          },
        });
      } catch (error) {
        throw toCrmError(error);
      }
      const header: BackupHeader = { format: BACKUP_FORMAT, schemaVersion: currentSchemaVersion, exportedAt: ctx.now() };
      // `{"crmElements":{…},` + the export without its opening brace.
      return new Blob([`{"crmElements":${JSON.stringify(header)},`, body.slice(1)], { type: 'application/json' });
    },

    async restore(file, options = {}) {
      const backup = await readBackup(db, file);
      const progress: BackupProgress = {
        totalTables: backup.length,
        completedTables: 0,
        totalRows: backup.reduce((sum, { rows }) => sum + rows.length, 0),
        completedRows: 0,
        done: false,
      };
      const report = () => {
        const { onProgress } = options;
        if (onProgress) Dexie.ignoreTransaction(() => onProgress({ ...progress }));
      };
      report();
      try {
        await ctx.write(db.tables, async () => {
          for (const table of db.tables) await table.clear();
          for (const { table, rows } of backup) {
            for (let start = 0; start < rows.length; start += RESTORE_CHUNK) {
              const chunk = rows.slice(start, start + RESTORE_CHUNK);
              await table.bulkPut(chunk);
              progress.completedRows += chunk.length;
              report();
            }
            progress.completedTables += 1;
            report();
          }
        });
      } catch (error) {
        throw isConstraintFailure(error) ? invalidBackup('constraint', {}, error) : toCrmError(error);
      }
      progress.done = true;
      report();
      return { tables: progress.totalTables, records: progress.totalRows };
    },

    async exportPerson(ref) {
      const person = parseInput(personRefSchema, ref);
      try {
        const found = await db.transaction('r', personTables(db), () => collectPerson(db, person));
        return {
          format: PERSON_EXPORT_FORMAT,
          schemaVersion: currentSchemaVersion,
          exportedAt: ctx.now(),
          person,
          records: { ...found.records, interactions: found.records.interactions.map(toInteraction) },
        };
      } catch (error) {
        throw toCrmError(error);
      }
    },

    async erasePerson(ref) {
      const person = parseInput(personRefSchema, ref);
      return ctx.write(personTables(db), async () => {
        const { records, participantOnly } = await collectPerson(db, person);
        const kept = new Set(ids(participantOnly));
        const deleted = {} as Record<PersonTable, number>;
        for (const name of personTableNames) {
          let rows: ReadonlyArray<{ id: T.Id }> = records[name];
          if (name === 'interactions') rows = rows.filter((row) => !kept.has(row.id));
          await db.table(name).bulkDelete(rows.map((row) => row.id));
          deleted[name] = rows.length;
        }

        // Interactions that stay (about someone else) lose every reference to what
        // was erased: the person, and their deals, leads, claims, proposals, orders, tasks.
        const erasedKeys = new Set<string>();
        const erasedIds = new Set<T.Id>();
        for (const [table, type] of erasableSubjects) {
          for (const row of records[table] as ReadonlyArray<{ id: T.Id }>) {
            erasedKeys.add(participantKey({ type, id: row.id }));
            erasedIds.add(row.id);
          }
        }
        const deletedInteractions = new Set(ids(records.interactions).filter((id) => !kept.has(id)));
        const touching = distinct(
          participantOnly,
          await db.interactions.where('participantKeys').anyOf([...erasedKeys]).toArray(),
          await db.interactions.where('dealId').anyOf(ids(records.deals)).toArray(),
          await db.interactions.where('claimId').anyOf(ids(records.claims)).toArray(),
          await db.interactions.where('proposalId').anyOf(ids(records.proposals)).toArray(),
        ).filter((row) => !deletedInteractions.has(row.id));
        const updatedAt = ctx.now();
        await db.interactions.bulkPut(
          touching.map((row): InteractionRow => {
            const participants = row.participants.filter((ref) => !erasedKeys.has(participantKey(ref)));
            const subject = { type: row.subjectType, id: row.subjectId };
            const detached: InteractionRow = { ...row, participants, participantKeys: participantKeysOf(subject, participants), updatedAt };
            for (const link of ['dealId', 'claimId', 'proposalId'] as const) {
              if (detached[link] !== undefined && erasedIds.has(detached[link])) delete detached[link];
            }
            return detached;
          }),
        );

        let counterparties = 0;
        if (person.type === 'lead') {
          counterparties = await db.counterparties
            .where('leadId')
            .equals(person.id)
            .modify((counterparty) => {
              delete counterparty.leadId;
              counterparty.updatedAt = updatedAt;
            });
        }
        return { person, deleted, detached: { interactions: touching.length, counterparties } };
      });
    },
  };
}

// ── restore: reading and checking the file ──────────────────────────────────

interface TableBackup {
  table: Table;
  rows: unknown[];
}

function invalidBackup(reason: string, params: Record<string, string | number> = {}, cause?: unknown): CrmError {
  return new CrmError('VALIDATION', 'error.backupInvalid', { field: 'file', params: { reason, ...params }, cause });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses and checks a backup before anything is written; returns its rows per table, revived. */
async function readBackup(db: CrmDatabase, file: unknown): Promise<TableBackup[]> {
  if (!(file instanceof Blob)) throw invalidBackup('notAFile');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch (error) {
    throw invalidBackup('notJson', {}, error);
  }
  if (!isRecord(parsed)) throw invalidBackup('notJson');

  const header = parsed.crmElements;
  if (!isRecord(header) || header.format !== BACKUP_FORMAT) throw invalidBackup('notCrmBackup');
  const { schemaVersion } = header;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > currentSchemaVersion) {
    throw invalidBackup('schemaVersion', { schemaVersion: String(schemaVersion), supported: currentSchemaVersion });
  }

  const data = parsed.data;
  if (parsed.formatName !== 'dexie' || !isRecord(data) || !Array.isArray(data.data)) throw invalidBackup('notCrmBackup');

  const known = new Map(db.tables.map((table) => [table.name, table]));
  const rowsByTable = new Map<string, unknown[]>();
  for (const entry of data.data) {
    if (!isRecord(entry) || typeof entry.tableName !== 'string' || !Array.isArray(entry.rows) || entry.inbound !== true) {
      throw invalidBackup('malformedTable');
    }
    if (derivedTableNames.includes(entry.tableName)) continue;
    if (!known.has(entry.tableName)) throw invalidBackup('unknownTable', { table: entry.tableName });
    let rows = rowsByTable.get(entry.tableName);
    if (!rows) rowsByTable.set(entry.tableName, (rows = []));
    for (const row of entry.rows) rows.push(reviveRow(row, entry.tableName));
  }

  // The export's own table list: a truncated or edited file disagrees with it.
  for (const meta of Array.isArray(data.tables) ? data.tables : []) {
    if (!isRecord(meta) || typeof meta.name !== 'string') throw invalidBackup('malformedTable');
    if (derivedTableNames.includes(meta.name)) continue;
    if (!known.has(meta.name)) throw invalidBackup('unknownTable', { table: meta.name });
    if (typeof meta.rowCount === 'number' && meta.rowCount !== (rowsByTable.get(meta.name)?.length ?? 0)) {
      throw invalidBackup('rowCount', { table: meta.name });
    }
  }

  const backup: TableBackup[] = [];
  for (const [name, rows] of rowsByTable) {
    const table = known.get(name)!;
    const keyPath = table.schema.primKey.keyPath;
    if (keyPath === undefined || keyPath === null) throw invalidBackup('malformedTable', { table: name });
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const key = isRecord(row) ? Dexie.getByKeyPath(row, keyPath) : undefined;
      if (!isValidKey(key)) throw invalidBackup('missingKey', { table: name, row: index });
      const unique = JSON.stringify(key);
      if (seen.has(unique)) throw invalidBackup('duplicateKey', { table: name, row: index });
      seen.add(unique);
    });
    backup.push({ table, rows });
  }
  return backup;
}

/** A primary key a backup may hold: a non-empty string, a finite number, or a compound of those. */
function isValidKey(key: unknown): boolean {
  if (typeof key === 'string') return key.length > 0;
  if (typeof key === 'number') return Number.isFinite(key);
  return Array.isArray(key) && key.length > 0 && key.every(isValidKey);
}

/** What a reviver returns for an array slot that was a hole. */
const HOLE = Symbol('hole');

/**
 * `dexie-export-import` writes values JSON cannot hold in Typeson form: the
 * row gets `$types`, a map from property path to type: every array
 * (`arrayNonindexKeys`), a property set to `undefined`, a hole in an array, a
 * `Date`, `NaN`. These are the types a CRM record can hold; any other (a
 * `Blob`, a `Map`…) makes the backup invalid.
 */
const revivers: Record<string, (value: unknown) => unknown> = {
  arrayNonindexKeys: (value) => {
    if (Array.isArray(value) || typeof value !== 'object' || value === null) return value;
    const array: unknown[] = [];
    for (const [key, item] of Object.entries(value)) (array as unknown as Record<string, unknown>)[key] = item;
    return array;
  },
  undef: () => undefined,
  sparseUndefined: () => HOLE,
  date: (value) => new Date(value === 'NaN' ? Number.NaN : Number(value)),
  nan: () => Number.NaN,
  infinity: () => Number.POSITIVE_INFINITY,
  negativeInfinity: () => Number.NEGATIVE_INFINITY,
};

function reviveRow(row: unknown, table: string): unknown {
  if (!isRecord(row) || !Object.hasOwn(row, '$types')) return row;
  const types = row.$types;
  // A value that has a `$types` property of its own.
  if (types === true) return row.$;
  if (!isRecord(types)) throw invalidBackup('unsupportedValue', { table });
  let value: unknown = row;
  let paths = types;
  if (isRecord(types.$)) {
    value = row.$;
    paths = types.$;
  } else {
    delete row.$types;
  }
  const unsupported = (type: unknown) => invalidBackup('unsupportedValue', { table, type: String(type) });
  // Deepest paths first, as Typeson revives them.
  const entries = Object.entries(paths).sort(([a], [b]) => b.split('.').length - a.split('.').length);
  for (const [path, type] of entries) {
    const reviver = typeof type === 'string' ? revivers[type] : undefined;
    if (!reviver || path === '') throw unsupported(type);
    const steps = path.split('.').map((step) => step.replace(/~1/g, '.').replace(/~0/g, '~'));
    const last = steps.pop()!;
    let parent: unknown = value;
    for (const step of steps) parent = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[step] : undefined;
    if (typeof parent !== 'object' || parent === null) throw unsupported(type);
    const holder = parent as Record<string, unknown>;
    const revived = reviver(holder[last]);
    if (revived === HOLE) delete holder[last];
    else holder[last] = revived;
  }
  return value;
}

/** A unique index the restored rows break (Dexie reports it as a `ConstraintError` or a `BulkError` of them). */
function isConstraintFailure(error: unknown): boolean {
  const cause = error instanceof CrmError ? error.cause : error;
  const { name, failures } = (cause ?? {}) as { name?: string; failures?: unknown };
  if (name === 'ConstraintError') return true;
  return (
    name === 'BulkError' &&
    Array.isArray(failures) &&
    failures.some((failure) => (failure as { name?: string } | undefined)?.name === 'ConstraintError')
  );
}

// ── data-subject requests: collecting a person's records ────────────────────

/** The erased tables whose records interactions can name as subject or participant, with their subject type. */
const erasableSubjects: ReadonlyArray<[PersonTable, T.SubjectType]> = [
  ['leads', 'lead'],
  ['counterparties', 'counterparty'],
  ['contacts', 'contact'],
  ['deals', 'deal'],
  ['claims', 'claim'],
  ['proposals', 'proposal'],
  ['orders', 'order'],
  ['tasks', 'task'],
];

const personTableNames = [
  'leads',
  'counterparties',
  'contacts',
  'contactLinks',
  'interactions',
  'tasks',
  'notes',
  'reminders',
  'deals',
  'dealStageHistory',
  'proposals',
  'competitorOffers',
  'orders',
  'payments',
  'claims',
  'appointments',
  'relationshipStageHistory',
] as const satisfies readonly PersonTable[];

/** The tables a person's records live in: the scope of `exportPerson` and `erasePerson`. */
function personTables(db: CrmDatabase): Table[] {
  return personTableNames.map((name) => db.table(name));
}

interface CollectedPerson {
  records: Omit<PersonRecords, 'interactions'> & { interactions: InteractionRow[] };
  /** Interactions about someone else that the person only takes part in (included in `records.interactions`). */
  participantOnly: InteractionRow[];
}

/** Distinct records by id, in first-seen order. */
function distinct<R extends { id: T.Id }>(...lists: R[][]): R[] {
  const byId = new Map<T.Id, R>();
  for (const list of lists) for (const record of list) if (!byId.has(record.id)) byId.set(record.id, record);
  return [...byId.values()];
}

const ids = (records: ReadonlyArray<{ id: T.Id }>) => records.map((record) => record.id);

/** Reads every record about `person`. Call inside a transaction over `personTables(db)`. */
async function collectPerson(db: CrmDatabase, person: PersonRef): Promise<CollectedPerson> {
  const leads: T.Lead[] = [];
  const counterparties: T.Counterparty[] = [];
  const contacts: T.Contact[] = [];
  const people: T.SubjectRef[] = [person];

  if (person.type === 'lead') {
    const lead = await db.leads.get(person.id);
    if (!lead) throw notFound('id', person.id);
    leads.push(lead);
  } else if (person.type === 'contact') {
    const contact = await db.contacts.get(person.id);
    if (!contact) throw notFound('id', person.id);
    contacts.push(contact);
  } else {
    const counterparty = await db.counterparties.get(person.id);
    if (!counterparty) throw notFound('id', person.id);
    counterparties.push(counterparty);
    // The leads converted into it are the same party's earlier records: the one it
    // was created from (`leadId`) and any converted into it later (`counterpartyId`).
    const converted = await db.leads.where('counterpartyId').equals(counterparty.id).toArray();
    const origin = counterparty.leadId ? await db.leads.get(counterparty.leadId) : undefined;
    for (const lead of distinct(origin ? [origin] : [], converted)) {
      leads.push(lead);
      people.push({ type: 'lead', id: lead.id });
    }
  }

  const clients = people.filter((ref) => ref.type !== 'contact').map((ref) => [ref.type, ref.id]);
  const counterpartyIds = people.filter((ref) => ref.type === 'counterparty').map((ref) => ref.id);
  const contactLinks = distinct(
    person.type === 'contact' ? await db.contactLinks.where('contactId').equals(person.id).toArray() : [],
    await db.contactLinks.where('counterpartyId').anyOf(counterpartyIds).toArray(),
  );
  const deals = await db.deals.where('[clientType+clientId]').anyOf(clients).toArray();
  const appointments = await db.appointments.where('[clientType+clientId]').anyOf(clients).toArray();
  const dealIds = ids(deals);
  const orders = distinct(
    await db.orders.where('counterpartyId').anyOf(counterpartyIds).toArray(),
    await db.orders.where('dealId').anyOf(dealIds).toArray(),
  );
  const orderIds = ids(orders);
  const payments = distinct(
    await db.payments.where('counterpartyId').anyOf(counterpartyIds).toArray(),
    await db.payments.where('orderId').anyOf(orderIds).toArray(),
  );
  const claims = distinct(
    await db.claims.where('counterpartyId').anyOf(counterpartyIds).toArray(),
    await db.claims.where('dealId').anyOf(dealIds).toArray(),
    await db.claims.where('orderId').anyOf(orderIds).toArray(),
  );
  const proposals = await db.proposals.where('dealId').anyOf(dealIds).toArray();
  const competitorOffers = await db.competitorOffers.where('dealId').anyOf(dealIds).toArray();
  const dealStageHistory = await db.dealStageHistory.where('dealId').anyOf(dealIds).toArray();
  const relationshipStageHistory = await db.relationshipStageHistory.where('counterpartyId').anyOf(counterpartyIds).toArray();

  // What tasks, notes and interactions may be about: the person and their records.
  const subjects: T.SubjectRef[] = [
    ...people,
    ...dealIds.map((id) => ({ type: 'deal' as const, id })),
    ...ids(proposals).map((id) => ({ type: 'proposal' as const, id })),
    ...orderIds.map((id) => ({ type: 'order' as const, id })),
    ...ids(claims).map((id) => ({ type: 'claim' as const, id })),
  ];
  const subjectKeys = new Set(subjects.map(participantKey));
  const claimIds = new Set(ids(claims));
  const proposalIds = new Set(ids(proposals));
  const dealIdSet = new Set(dealIds);

  let interactions = distinct(
    await db.interactions.where('participantKeys').anyOf([...subjectKeys]).toArray(),
    await db.interactions.where('dealId').anyOf(dealIds).toArray(),
    await db.interactions.where('claimId').anyOf([...claimIds]).toArray(),
    await db.interactions.where('proposalId').anyOf([...proposalIds]).toArray(),
  );
  let tasks: T.Task[] = [];
  let notes: T.Note[] = [];
  // Tasks, notes and interactions about those tasks, and so on down.
  let about = subjects;
  while (about.length > 0) {
    const pairs = about.map((ref) => [ref.type, ref.id]);
    const newTasks = (await db.tasks.where('[subjectType+subjectId]').anyOf(pairs).toArray()).filter(
      (task) => !subjectKeys.has(participantKey({ type: 'task', id: task.id })),
    );
    notes = distinct(notes, await db.notes.where('[subjectType+subjectId]').anyOf(pairs).toArray());
    tasks = distinct(tasks, newTasks);
    about = newTasks.map((task) => ({ type: 'task' as const, id: task.id }));
    for (const ref of about) subjectKeys.add(participantKey(ref));
    if (about.length > 0) {
      interactions = distinct(interactions, await db.interactions.where('participantKeys').anyOf(about.map(participantKey)).toArray());
    }
  }

  const isAboutThem = (row: InteractionRow) =>
    subjectKeys.has(participantKey({ type: row.subjectType, id: row.subjectId })) ||
    (row.dealId !== undefined && dealIdSet.has(row.dealId)) ||
    (row.claimId !== undefined && claimIds.has(row.claimId)) ||
    (row.proposalId !== undefined && proposalIds.has(row.proposalId));
  const participantOnly = interactions.filter((row) => !isAboutThem(row));
  const theirs = interactions.filter(isAboutThem);

  const reminders = await db.reminders
    .where('[targetType+targetId]')
    .anyOf([
      ...ids(theirs).map((id) => ['interaction', id]),
      ...ids(notes).map((id) => ['note', id]),
      ...ids(tasks).map((id) => ['task', id]),
    ])
    .toArray();

  return {
    records: {
      leads,
      counterparties,
      contacts,
      contactLinks,
      interactions,
      tasks,
      notes,
      reminders,
      deals,
      dealStageHistory,
      proposals,
      competitorOffers,
      orders,
      payments,
      claims,
      appointments,
      relationshipStageHistory,
    },
    participantOnly,
  };
}
