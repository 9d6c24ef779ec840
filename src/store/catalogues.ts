/**
 * Small catalogues the client base and the funnel refer to: acquisition
 * sources with their planned spend per month (A4, H1–H3), tags, and the
 * reasons a lead or deal is lost (A4, D2).
 */
import type { Table } from 'dexie';
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { CrmError } from './errors.js';
import type { Money } from './money.js';
import { byName, checkUniqueName, clearableText, mustGet, optionalOf, setFlag, withoutUndefined, type Patch } from './records.js';
import type { CrmStore } from './store.js';
import type { AcquisitionSource, CalendarMonth, Id, LostReason, Tag } from './types.js';
import { calendarMonth, money, parseInput, requiredText } from './validation.js';

/**
 * Refuses a name another record of `table` has (ignoring case) with
 * `DUPLICATE`, field `name`, `params.id` = the other record. Call inside a transaction.
 */
const listOf = async <T extends { name: string; archived: 0 | 1 }, TInsert>(table: Table<T, Id, TInsert>, includeArchived: boolean): Promise<T[]> =>
  (includeArchived ? await table.toArray() : await table.where('archived').equals(0).toArray()).sort(byName);

// ── acquisition sources ─────────────────────────────────────────────────────

/** What `sources.create` takes. */
export interface SourceInput {
  /** Unique, e.g. `Google Ads`, `Рекомендація`. */
  name: string;
  /** The channel it belongs to, e.g. `Реклама`, `Виставки`. */
  channel?: string | undefined;
}

const sourceSchema = v.object({ name: requiredText(120), channel: clearableText(120) }, 'error.required');

/** Acquisition sources (джерела залучення) with planned spend per month (H1). */
export interface SourcesRepository {
  /** Adds a source. Refuses `VALIDATION` (field `name`, `channel`), `DUPLICATE` (field `name`) for a name in use. */
  create(input: SourceInput): Promise<AcquisitionSource>;
  /** Renames it or changes its channel (`null`/`''` clears). Refuses as `create`, and `NOT_FOUND` (field `id`). */
  update(id: Id, patch: Patch<SourceInput>): Promise<AcquisitionSource>;
  /** Hides it from choice lists; records keep pointing at it. Refuses `NOT_FOUND`. */
  archive(id: Id): Promise<AcquisitionSource>;
  /** Offers an archived source again. Refuses `NOT_FOUND`. */
  unarchive(id: Id): Promise<AcquisitionSource>;
  /**
   * Sets the planned spend for a month (`YYYY-MM`), replacing an earlier plan
   * for it. Refuses `VALIDATION` (field `month`, `amount.minor`,
   * `amount.currency`), `NOT_FOUND` (field `sourceId`).
   */
  setPlannedSpend(sourceId: Id, month: CalendarMonth, amount: Money | { minor: number; currency?: string }): Promise<AcquisitionSource>;
  /**
   * Records what was actually spent on the source in a month (`YYYY-MM`),
   * replacing an earlier figure for it; the sources report sets it against the
   * plan. Refuses as `setPlannedSpend`.
   */
  setActualSpend(sourceId: Id, month: CalendarMonth, amount: Money | { minor: number; currency?: string }): Promise<AcquisitionSource>;
  /** The source, or `undefined`. */
  get(id: Id): Promise<AcquisitionSource | undefined>;
  /** Sources sorted by name; archived ones only with `includeArchived`. */
  list(options?: { includeArchived?: boolean }): Promise<AcquisitionSource[]>;
}

export function createSourcesRepository(ctx: StoreContext, _store: CrmStore): SourcesRepository {
  const { db } = ctx;

  /** Sets a month's planned or actual spend, replacing an earlier figure for that month. */
  const setSpend = async (
    field: 'plannedSpend' | 'actualSpend',
    sourceId: Id,
    month: CalendarMonth,
    amount: Money | { minor: number; currency?: string },
  ): Promise<AcquisitionSource> => {
    const parsedMonth = parseInput(calendarMonth, month, 'month');
    const parsedAmount = parseInput(money, amount, 'amount');
    return ctx.write([db.sources], async () => {
      const current = await mustGet(db.sources, sourceId, 'sourceId');
      const entries = [...(current[field] ?? []).filter((entry) => entry.month !== parsedMonth), { month: parsedMonth, amount: parsedAmount }];
      entries.sort((a, b) => (a.month < b.month ? -1 : 1));
      const record: AcquisitionSource = { ...current, [field]: entries, updatedAt: ctx.now() };
      await db.sources.put(record);
      return record;
    });
  };

  return {
    async create(input) {
      const parsed = parseInput(sourceSchema, input);
      return ctx.write([db.sources], async () => {
        await checkUniqueName(db.sources, parsed.name);
        const now = ctx.now();
        const record: AcquisitionSource = withoutUndefined({
          id: ctx.newId(),
          ...parsed,
          plannedSpend: [],
          archived: 0,
          createdAt: now,
          updatedAt: now,
        });
        await db.sources.add(record);
        return record;
      });
    },

    async update(sourceId, patch) {
      if (!patch || typeof patch !== 'object') throw new CrmError('VALIDATION', 'error.invalid');
      return ctx.write([db.sources], async () => {
        const current = await mustGet(db.sources, sourceId, 'id');
        const parsed = parseInput(sourceSchema, { name: current.name, channel: current.channel, ...withoutUndefined(patch) });
        await checkUniqueName(db.sources, parsed.name, current.id);
        const { plannedSpend, archived, createdAt } = current;
        const record: AcquisitionSource = withoutUndefined({
          id: current.id,
          ...parsed,
          plannedSpend,
          archived,
          createdAt,
          updatedAt: ctx.now(),
        });
        await db.sources.put(record);
        return record;
      });
    },

    archive: (sourceId) => setFlag(ctx, db.sources, sourceId, { archived: 1 }),
    unarchive: (sourceId) => setFlag(ctx, db.sources, sourceId, { archived: 0 }),

    setPlannedSpend: (sourceId, month, amount) => setSpend('plannedSpend', sourceId, month, amount),
    setActualSpend: (sourceId, month, amount) => setSpend('actualSpend', sourceId, month, amount),

    get: (sourceId) => db.sources.get(sourceId),
    list: ({ includeArchived = false } = {}) => listOf(db.sources, includeArchived),
  };
}

// ── tags ────────────────────────────────────────────────────────────────────

/** What `tags.create` takes. */
export interface TagInput {
  /** Unique, e.g. `VIP`, `Опт`. */
  name: string;
  /** `#rrggbb`. */
  color?: string | undefined;
}

const tagSchema = v.object(
  {
    name: requiredText(60),
    color: optionalOf(v.pipe(v.string('error.invalid'), v.regex(/^#[\da-f]{6}$/i, 'error.invalid'), v.toLowerCase())),
  },
  'error.required',
);

/** Tags that counterparties, contacts and leads carry. */
export interface TagsRepository {
  /** Adds a tag. Refuses `VALIDATION` (field `name`, `color`), `DUPLICATE` (field `name`) for a name in use. */
  create(input: TagInput): Promise<Tag>;
  /** Renames a tag; every record carrying it shows the new name. Refuses as `create`, and `NOT_FOUND` (field `id`). */
  rename(id: Id, name: string): Promise<Tag>;
  /** Renames it or changes its colour (`null`/`''` clears). Refuses as `create`, and `NOT_FOUND` (field `id`). */
  update(id: Id, patch: Patch<TagInput>): Promise<Tag>;
  /** The tag, or `undefined`. */
  get(id: Id): Promise<Tag | undefined>;
  /** Every tag sorted by name. */
  list(): Promise<Tag[]>;
}

export function createTagsRepository(ctx: StoreContext, _store: CrmStore): TagsRepository {
  const { db } = ctx;

  const update = async (tagId: Id, patch: Patch<TagInput>): Promise<Tag> => {
    if (!patch || typeof patch !== 'object') throw new CrmError('VALIDATION', 'error.invalid');
    return ctx.write([db.tags], async () => {
      const current = await mustGet(db.tags, tagId, 'id');
      const parsed = parseInput(tagSchema, { name: current.name, color: current.color, ...withoutUndefined(patch) });
      await checkUniqueName(db.tags, parsed.name, current.id);
      const record: Tag = withoutUndefined({ id: current.id, ...parsed, createdAt: current.createdAt, updatedAt: ctx.now() });
      await db.tags.put(record);
      return record;
    });
  };

  return {
    async create(input) {
      const parsed = parseInput(tagSchema, input);
      return ctx.write([db.tags], async () => {
        await checkUniqueName(db.tags, parsed.name);
        const now = ctx.now();
        const record: Tag = withoutUndefined({ id: ctx.newId(), ...parsed, createdAt: now, updatedAt: now });
        await db.tags.add(record);
        return record;
      });
    },

    rename: (tagId, name) => update(tagId, { name: name ?? '' }),
    update,
    get: (tagId) => db.tags.get(tagId),
    list: async () => (await db.tags.toArray()).sort(byName),
  };
}

// ── lost reasons ────────────────────────────────────────────────────────────

const lostReasonSchema = v.object({ name: requiredText(120) }, 'error.required');

/** Reasons a lead or deal is lost (A4, D2), offered as a list. */
export interface LostReasonsRepository {
  /** Adds a reason, e.g. `Дорого`. Refuses `VALIDATION` (field `name`), `DUPLICATE` (field `name`) for a name in use. */
  create(input: { name: string }): Promise<LostReason>;
  /** Renames a reason. Refuses as `create`, and `NOT_FOUND` (field `id`). */
  rename(id: Id, name: string): Promise<LostReason>;
  /** Stops offering the reason; lost leads and deals keep it. Refuses `NOT_FOUND`. */
  archive(id: Id): Promise<LostReason>;
  /** Offers an archived reason again. Refuses `NOT_FOUND`. */
  unarchive(id: Id): Promise<LostReason>;
  /** The reason, or `undefined`. */
  get(id: Id): Promise<LostReason | undefined>;
  /** Reasons sorted by name; archived ones only with `includeArchived`. */
  list(options?: { includeArchived?: boolean }): Promise<LostReason[]>;
}

export function createLostReasonsRepository(ctx: StoreContext, _store: CrmStore): LostReasonsRepository {
  const { db } = ctx;

  return {
    async create(input) {
      const { name } = parseInput(lostReasonSchema, input);
      return ctx.write([db.lostReasons], async () => {
        await checkUniqueName(db.lostReasons, name);
        const now = ctx.now();
        const record: LostReason = { id: ctx.newId(), name, archived: 0, createdAt: now, updatedAt: now };
        await db.lostReasons.add(record);
        return record;
      });
    },

    async rename(reasonId, newName) {
      const { name } = parseInput(lostReasonSchema, { name: newName });
      return ctx.write([db.lostReasons], async () => {
        const current = await mustGet(db.lostReasons, reasonId, 'id');
        await checkUniqueName(db.lostReasons, name, current.id);
        const record: LostReason = { ...current, name, updatedAt: ctx.now() };
        await db.lostReasons.put(record);
        return record;
      });
    },

    archive: (reasonId) => setFlag(ctx, db.lostReasons, reasonId, { archived: 1 }),
    unarchive: (reasonId) => setFlag(ctx, db.lostReasons, reasonId, { archived: 0 }),
    get: (reasonId) => db.lostReasons.get(reasonId),
    list: ({ includeArchived = false } = {}) => listOf(db.lostReasons, includeArchived),
  };
}
