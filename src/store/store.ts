import { Dexie } from 'dexie';
import { createAppointmentsRepository, type AppointmentsRepository } from './appointments.js';
import { createBackupRepository, type BackupRepository } from './backup.js';
import {
  createLostReasonsRepository,
  createSourcesRepository,
  createTagsRepository,
  type LostReasonsRepository,
  type SourcesRepository,
  type TagsRepository,
} from './catalogues.js';
import { createClaimsRepository, type ClaimsRepository } from './claims.js';
import { createContactsRepository, type ContactsRepository } from './contacts.js';
import { createStoreContext, type StoreContext, type StoreContextOptions } from './context.js';
import { createCounterpartiesRepository, type CounterpartiesRepository } from './counterparties.js';
import { CrmDatabase, DEFAULT_DATABASE_NAME } from './database.js';
import { openDatabase } from './migrations.js';
import { createDealsRepository, type DealsRepository } from './deals.js';
import { createInteractionsRepository, type InteractionsRepository } from './interactions.js';
import { createKpiRepository, type KpiRepository } from './kpi.js';
import { createReportsRepository, type ReportsRepository } from './reports/index.js';
import { createLeadsRepository, type LeadsRepository } from './leads.js';
import { createNotesRepository, type NotesRepository } from './notes.js';
import { createOrdersRepository, type OrdersRepository } from './orders.js';
import { createPartnersRepository, type PartnersRepository } from './partners.js';
import { createPipelinesRepository, type PipelinesRepository } from './pipelines.js';
import { createProposalsRepository, type ProposalsRepository } from './proposals.js';
import { createRemindersRepository, type RemindersRepository } from './reminders.js';
import { createScheduleRepository, createServicesRepository, type ScheduleRepository, type ServicesRepository } from './schedule.js';
import { createSettingsRepository, type SettingsRepository } from './settings.js';
import { createTasksRepository, type TasksRepository } from './tasks.js';
import { createUsersRepository, type UsersRepository } from './users.js';

export { DEFAULT_DATABASE_NAME };

/**
 * One CRM database and its operations, grouped by aggregate
 * (`store.leads.convert`, `store.deals.moveToStage`, …). Reads are plain
 * functions a `liveQuery` can wrap; writes validate, run in one transaction
 * and return the written record; failures are `CrmError`s.
 */
export interface CrmStore {
  /** The IndexedDB database name; one store per name and page. */
  readonly name: string;
  /** Business-wide settings: name, default currency. */
  readonly settings: SettingsRepository;
  /** Managers and specialists (J1). */
  readonly users: UsersRepository;
  /** Acquisition sources, with planned spend per month (H1–H3). */
  readonly sources: SourcesRepository;
  /** Tags for counterparties, contacts and leads. */
  readonly tags: TagsRepository;
  /** Why leads and deals are lost: the list `markLost`/`lose` choose from. */
  readonly lostReasons: LostReasonsRepository;
  /** Counterparties: legal entities, individuals, ФОП (A1), with their relationship stages (H5). */
  readonly counterparties: CounterpartiesRepository;
  /** Partners grouping several counterparties (A2). */
  readonly partners: PartnersRepository;
  /** Contact persons and their links to counterparties with a role (A3). */
  readonly contacts: ContactsRepository;
  /** Leads: create, find duplicates, convert with their history, mark lost, from an unknown caller (A4, A5, A7). */
  readonly leads: LeadsRepository;
  /** Calls, meetings, messages… planned or done, the unprocessed queue and timelines (B1–B4). */
  readonly interactions: InteractionsRepository;
  /** Tasks and their transitions, redirect history kept (C1). */
  readonly tasks: TasksRepository;
  /** Notes with optional reminders (C2). */
  readonly notes: NotesRepository;
  /** Reminders due, snoozed, dismissed (B3). */
  readonly reminders: RemindersRepository;
  /** Pipelines and their stages (D1). */
  readonly pipelines: PipelinesRepository;
  /** Deals, stage moves with history, win/lose, the board with totals over all deals (D2, D3). */
  readonly deals: DealsRepository;
  /** Commercial proposals with revisions, competitor offers, acceptance into an order (E1–E4). */
  readonly proposals: ProposalsRepository;
  /** Customer orders and payments: revenue, profit, debt (A6, H7). */
  readonly orders: OrdersRepository;
  /** Claims with their action plans (F1). */
  readonly claims: ClaimsRepository;
  /** Services with durations and prices (G1). */
  readonly services: ServicesRepository;
  /** Specialists’ working hours, breaks and days off (G1). */
  readonly schedule: ScheduleRepository;
  /** The appointment journal: booking, free slots, load (G2). */
  readonly appointments: AppointmentsRepository;
  /** KPI targets per month and manager (H8). */
  readonly kpi: KpiRepository;
  /** Sales funnel, sources, ABC/XYZ, relationship stages, manager efficiency (H1–H6). */
  readonly reports: ReportsRepository;
  /** Full JSON backup and restore; a person’s data exported or erased (I4). */
  readonly backup: BackupRepository;
  /**
   * Opens the database now (running pending upgrades), surfacing problems
   * early: `UPGRADE_BLOCKED` while another tab keeps an older version open,
   * `QUOTA_EXCEEDED`, or `STORAGE`.
   */
  open(): Promise<this>;
  /**
   * Closes the connection (other tabs can then upgrade or delete the database).
   * The store stays usable: the next read or write opens it again.
   */
  close(): void;
  /** Deletes the database with every record; the store stays usable and starts empty. */
  delete(): Promise<void>;
}

const stores = new Map<string, CrmStore>();
const contexts = new WeakMap<CrmStore, StoreContext>();

/** The context behind a store: for modules of the store itself (sample data, backup), never for elements. */
export function contextOf(store: CrmStore): StoreContext {
  const ctx = contexts.get(store);
  if (!ctx) throw new Error('not a store made by createStore()');
  return ctx;
}

/**
 * A store over `db`, outside the page's registry: for the sample-data
 * generator (a clock in the past), tests (a pinned clock) and workers.
 */
export function createStore(db: CrmDatabase, options: StoreContextOptions = {}): CrmStore {
  const ctx = createStoreContext(db, options);
  const store = { name: db.name } as { -readonly [K in keyof CrmStore]: CrmStore[K] };
  Object.assign(store, {
    settings: createSettingsRepository(ctx),
    users: createUsersRepository(ctx, store),
    sources: createSourcesRepository(ctx, store),
    tags: createTagsRepository(ctx, store),
    lostReasons: createLostReasonsRepository(ctx, store),
    counterparties: createCounterpartiesRepository(ctx, store),
    partners: createPartnersRepository(ctx, store),
    contacts: createContactsRepository(ctx, store),
    leads: createLeadsRepository(ctx, store),
    interactions: createInteractionsRepository(ctx, store),
    tasks: createTasksRepository(ctx, store),
    notes: createNotesRepository(ctx, store),
    reminders: createRemindersRepository(ctx, store),
    pipelines: createPipelinesRepository(ctx, store),
    deals: createDealsRepository(ctx, store),
    proposals: createProposalsRepository(ctx, store),
    orders: createOrdersRepository(ctx, store),
    claims: createClaimsRepository(ctx, store),
    services: createServicesRepository(ctx, store),
    schedule: createScheduleRepository(ctx, store),
    appointments: createAppointmentsRepository(ctx, store),
    kpi: createKpiRepository(ctx, store),
    reports: createReportsRepository(ctx),
    backup: createBackupRepository(ctx, store),
    async open() {
      // Rejects with UPGRADE_BLOCKED instead of waiting while another tab keeps an older version open.
      await openDatabase(db);
      return store;
    },
    close() {
      db.close({ disableAutoOpen: false });
    },
    async delete() {
      await db.delete({ disableAutoOpen: false });
    },
  } satisfies Omit<CrmStore, 'name'>);
  contexts.set(store, ctx);
  return store;
}

/**
 * The store for a database name, created on first use and shared by every
 * caller on the page afterwards. The database opens lazily on the first query.
 */
export function getStore(name: string = DEFAULT_DATABASE_NAME): CrmStore {
  let store = stores.get(name);
  if (!store) {
    store = createStore(new CrmDatabase(name));
    stores.set(name, store);
  }
  return store;
}

/** `getStore(name)`, opened: what `<crm-provider database="…">` gives its elements. */
export function openStore(name: string = DEFAULT_DATABASE_NAME): Promise<CrmStore> {
  return getStore(name).open();
}

/**
 * Deletes the database of that name with every record. A store of that name
 * (and every element showing it) stays usable and starts empty.
 */
export async function deleteStore(name: string): Promise<void> {
  const store = stores.get(name);
  if (store) await store.delete();
  else await Dexie.delete(name);
}
