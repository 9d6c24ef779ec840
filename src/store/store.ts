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
  readonly settings: SettingsRepository;
  readonly users: UsersRepository;
  readonly sources: SourcesRepository;
  readonly tags: TagsRepository;
  readonly lostReasons: LostReasonsRepository;
  readonly counterparties: CounterpartiesRepository;
  readonly partners: PartnersRepository;
  readonly contacts: ContactsRepository;
  readonly leads: LeadsRepository;
  readonly interactions: InteractionsRepository;
  readonly tasks: TasksRepository;
  readonly notes: NotesRepository;
  readonly reminders: RemindersRepository;
  readonly pipelines: PipelinesRepository;
  readonly deals: DealsRepository;
  readonly proposals: ProposalsRepository;
  readonly orders: OrdersRepository;
  readonly claims: ClaimsRepository;
  readonly services: ServicesRepository;
  readonly schedule: ScheduleRepository;
  readonly appointments: AppointmentsRepository;
  readonly kpi: KpiRepository;
  readonly backup: BackupRepository;
  /** Opens the database now, surfacing version or quota errors early. */
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
