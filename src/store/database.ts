import { Dexie, type DBCore, type EntityTable, type Middleware, type Table } from 'dexie';
import { DEAL_STAGE_TOTALS, dealStageTotalsKeeper, dealStageTotalsOf, type DealStageTotals } from './deal-stage-totals.js';
import type { SettingRecord } from './settings.js';
import type * as T from './types.js';

export type { DealStageTotals } from './deal-stage-totals.js';

/** The database a page opens when no `<crm-provider database="…">` names another. */
export const DEFAULT_DATABASE_NAME = 'crm-elements';

/**
 * Schema version 1 (frozen: `test/fixtures/v1-database.json` holds a copy): table name → primary key and indexes (Dexie syntax:
 * `&` unique, `*` multi-entry, `[a+b]` compound). Indexes are the ones the
 * elements and reports query; every later version is appended to
 * `schemaVersions` with an upgrade function, never edited in place.
 */
export const schemaV1 = {
  settings: 'key',
  users: 'id, name, *roles, active',
  counterparties:
    'id, name, kind, &edrpou, rnokpp, *phones, *emails, *tags, *searchTokens, managerId, sourceId, partnerId, relationshipStage, archived, leadId, updatedAt',
  partners: 'id, name, archived',
  contacts: 'id, name, *phones, *emails, *tags, *searchTokens, sourceId, archived',
  contactLinks: 'id, contactId, counterpartyId, &[contactId+counterpartyId]',
  leads: 'id, name, status, sourceId, managerId, *tags, *phones, *emails, taxCode, *searchTokens, createdAt, updatedAt',
  sources: 'id, &name, archived',
  tags: 'id, &name',
  interactions:
    'id, at, kind, status, direction, processed, [subjectType+subjectId+at], *participantKeys, dealId, claimId, proposalId, sourceId, authorId, remindAt, [processed+at]',
  tasks: 'id, status, performerId, authorId, checkerId, deadline, [subjectType+subjectId], [performerId+status]',
  notes: 'id, authorId, [subjectType+subjectId], remindAt, createdAt',
  reminders: 'id, dueAt, status, [status+dueAt], [targetType+targetId], userId',
  pipelines: 'id, name, archived',
  stages: 'id, pipelineId, [pipelineId+order]',
  deals:
    'id, pipelineId, stageId, status, [pipelineId+stageId], [pipelineId+stageId+updatedAt], managerId, sourceId, [clientType+clientId], expectedCloseDate, closedAt, createdAt, updatedAt',
  dealStageHistory: 'id, dealId, [dealId+at], pipelineId, stageId, at',
  lostReasons: 'id, &name, archived',
  proposals: 'id, dealId, status, &[dealId+revision]',
  competitorOffers: 'id, dealId',
  orders: 'id, dealId, proposalId, counterpartyId, status, date',
  payments: 'id, orderId, counterpartyId, date',
  claims: 'id, counterpartyId, orderId, dealId, status, createdAt',
  services: 'id, name, archived',
  workingHours: 'id, specialistId, [specialistId+weekday]',
  breaks: 'id, specialistId, [specialistId+weekday]',
  daysOff: 'id, specialistId, &[specialistId+date], date',
  appointments: 'id, specialistId, serviceId, [specialistId+start], start, status, [clientType+clientId]',
  relationshipStageHistory: 'id, counterpartyId, [counterpartyId+at], stage, at',
  kpiTargets: 'id, metric, period, managerId, [metric+period]',
} as const;

/** Every schema version in order. Append; never edit a released one. */
export const schemaVersions: ReadonlyArray<{
  version: number;
  stores: Record<string, string>;
  upgrade?: Parameters<ReturnType<Dexie['version']>['upgrade']>[0];
}> = [
  { version: 1, stores: schemaV1 },
  {
    // Indexes the boards, calendars and reports read by: open deals of a
    // pipeline, a pipeline's stage history over a period, a performer's tasks by
    // deadline, and the leads converted into a counterparty.
    version: 2,
    stores: {
      deals: `${schemaV1.deals}, [pipelineId+status], [managerId+closedAt]`,
      dealStageHistory: `${schemaV1.dealStageHistory}, [pipelineId+at]`,
      tasks: `${schemaV1.tasks}, [performerId+deadline]`,
      leads: `${schemaV1.leads}, counterpartyId`,
    },
    // History entries get the createdAt/updatedAt every record has: the instant they record.
    async upgrade(tx) {
      for (const table of ['dealStageHistory', 'relationshipStageHistory']) {
        await tx
          .table(table)
          .toCollection()
          .modify((entry: { at: number; createdAt?: number; updatedAt?: number }) => {
            entry.createdAt ??= entry.at;
            entry.updatedAt ??= entry.at;
          });
      }
    },
  },
  {
    // The leads directory pages through 100 000 leads by date without reading
    // them all: open leads (new or in progress) by one flag, or one status.
    version: 3,
    stores: {
      leads: `${schemaV1.leads}, counterpartyId, [open+createdAt], [open+updatedAt], [status+createdAt], [status+updatedAt]`,
    },
    async upgrade(tx) {
      await tx
        .table('leads')
        .toCollection()
        .modify((lead: T.Lead) => void setLeadOpen(lead));
    },
  },
  {
    // The pipeline board reads each column's newest open deals by index
    // (`[stageId+status+updatedAt]`, reverse, limit) and each column's count
    // and sums from `dealStageTotals`, which the database keeps itself
    // (see deal-stage-totals.ts): 7 × 50 records and a few totals rows,
    // however many deals the pipeline has.
    version: 4,
    stores: {
      deals: `${schemaV1.deals}, [pipelineId+status], [managerId+closedAt], [stageId+status+updatedAt]`,
      dealStageTotals: '[pipelineId+stageId+status]',
    },
    async upgrade(tx) {
      await tx.table(DEAL_STAGE_TOTALS).bulkPut(dealStageTotalsOf(await tx.table('deals').toArray()));
    },
  },
];

/** Tables the database derives from others: never written by operations, never backed up. */
export const derivedTableNames: readonly string[] = [DEAL_STAGE_TOTALS];

const openLeadStatuses: ReadonlySet<string> = new Set<T.LeadStatus>(['new', 'in-progress']);

/** Sets the derived `open` flag of a lead record from its status (in place). */
function setLeadOpen(lead: T.Lead): T.Lead {
  lead.open = openLeadStatuses.has(lead.status) ? 1 : 0;
  return lead;
}

/**
 * Keeps derived index fields right whoever writes a record (an operation, a
 * restore, an upgrade): every lead put or added gets `open` from its status.
 */
const derivedFields: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'crm-derived-fields',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'leads') return table;
      return {
        ...table,
        mutate(request) {
          if (request.type === 'add' || request.type === 'put') request.values.forEach((value) => setLeadOpen(value as T.Lead));
          return table.mutate(request);
        },
      };
    },
  }),
};

/** The names of every table, for backup, erase and tests. */
export type TableName = keyof typeof schemaV1;
export const tableNames = Object.keys(schemaV1) as TableName[];

/**
 * The CRM's IndexedDB database. Each later version adds tables or indexes with
 * an upgrade function, and a test opens a database written by the version before.
 */
export class CrmDatabase extends Dexie {
  declare settings: EntityTable<SettingRecord, 'key'>;
  declare users: EntityTable<T.User, 'id'>;
  declare counterparties: EntityTable<T.Counterparty, 'id'>;
  declare partners: EntityTable<T.Partner, 'id'>;
  declare contacts: EntityTable<T.Contact, 'id'>;
  declare contactLinks: EntityTable<T.ContactLink, 'id'>;
  declare leads: EntityTable<T.Lead, 'id'>;
  declare sources: EntityTable<T.AcquisitionSource, 'id'>;
  declare tags: EntityTable<T.Tag, 'id'>;
  declare interactions: EntityTable<T.Interaction & { participantKeys: string[] }, 'id'>;
  declare tasks: EntityTable<T.Task, 'id'>;
  declare notes: EntityTable<T.Note, 'id'>;
  declare reminders: EntityTable<T.Reminder, 'id'>;
  declare pipelines: EntityTable<T.Pipeline, 'id'>;
  declare stages: EntityTable<T.Stage, 'id'>;
  declare deals: EntityTable<T.Deal, 'id'>;
  declare dealStageHistory: EntityTable<T.DealStageChange, 'id'>;
  declare lostReasons: EntityTable<T.LostReason, 'id'>;
  declare proposals: EntityTable<T.Proposal, 'id'>;
  declare competitorOffers: EntityTable<T.CompetitorOffer, 'id'>;
  declare orders: EntityTable<T.Order, 'id'>;
  declare payments: EntityTable<T.Payment, 'id'>;
  declare claims: EntityTable<T.Claim, 'id'>;
  declare services: EntityTable<T.Service, 'id'>;
  declare workingHours: EntityTable<T.WorkingHours, 'id'>;
  declare breaks: EntityTable<T.Break, 'id'>;
  declare daysOff: EntityTable<T.DayOff, 'id'>;
  declare appointments: EntityTable<T.Appointment, 'id'>;
  declare relationshipStageHistory: EntityTable<T.RelationshipStageChange, 'id'>;
  declare kpiTargets: EntityTable<T.KpiTarget, 'id'>;
  /** Derived (see `DealStageTotals`): read it, never write it. */
  declare dealStageTotals: Table<DealStageTotals, [T.Id, T.Id, T.DealStatus]>;

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    super(name);
    for (const { version, stores, upgrade } of schemaVersions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(derivedFields);
    this.use(dealStageTotalsKeeper);
  }
}
