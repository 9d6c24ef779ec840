/**
 * `dealStageTotals`: the count and per-currency sums of the deals of each
 * pipeline, stage and status, kept by the database itself in the transaction
 * of every write to `deals` — whoever writes (an operation, a restore, the
 * sample data, an upgrade) — so the pipeline board reads a few totals rows
 * instead of every deal (see `deals.board`).
 *
 * How: a DBCore middleware. Every read-write transaction over `deals` also
 * covers the totals; each write to `deals` (add, put, modify, delete, clear)
 * works out which rows it changes and writes them in the same transaction,
 * so both commit or roll back together. To keep a single move as fast as a
 * write of its own, the middleware remembers per transaction what it read:
 * a deal read in the transaction (to be moved, won…) is not read again, and
 * reading it starts loading its pipeline's totals rows at once, so the totals
 * write goes out right behind the deal's (a transaction runs its requests in
 * order; the totals are written assuming the deal's write succeeds, and put
 * right if some of a bulk write failed; a write failing as a whole aborts the
 * transaction).
 */
import { Dexie, type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type * as T from './types.js';

/** The derived table's name. */
export const DEAL_STAGE_TOTALS = 'dealStageTotals';

/**
 * Count and per-currency sums of the deals of one pipeline, stage and status:
 * a record of the derived table `dealStageTotals`. Operations never write it;
 * it is not part of backups.
 */
export interface DealStageTotals {
  pipelineId: T.Id;
  stageId: T.Id;
  status: T.DealStatus;
  /** How many deals. */
  count: number;
  /** Their amounts by currency, minor units. */
  sums: Record<string, number>;
  /** How many of them are in each currency (a currency leaves `sums` with its last deal). */
  counts: Record<string, number>;
}

/** `DBCoreRangeType.Any` and `.Range` (a const enum Dexie does not export as values). */
const ANY_RANGE = 3;
const RANGE = 2;

type RowKey = [T.Id, T.Id, T.DealStatus];

/** What of a deal its totals row depends on (a copy: the caller may change the record it read). */
type DealShare = Pick<T.Deal, 'pipelineId' | 'stageId' | 'status'> & { amount?: { currency: string; minor: number } };

function shareOf(value: unknown): DealShare | null {
  const deal = value as Partial<T.Deal> | undefined | null;
  if (!deal || typeof deal.pipelineId !== 'string' || typeof deal.stageId !== 'string' || typeof deal.status !== 'string') return null;
  const { pipelineId, stageId, status, amount } = deal as T.Deal;
  const money = amount && typeof amount.currency === 'string' && typeof amount.minor === 'number' ? { amount: { currency: amount.currency, minor: amount.minor } } : {};
  return { pipelineId, stageId, status, ...money };
}

function rowKey(row: Pick<DealStageTotals, 'pipelineId' | 'stageId' | 'status'>): string {
  return `${row.pipelineId}\u0000${row.stageId}\u0000${row.status}`;
}

function primaryKey(row: Pick<DealStageTotals, 'pipelineId' | 'stageId' | 'status'>): RowKey {
  return [row.pipelineId, row.stageId, row.status];
}

/** Changes of totals rows, by `rowKey`. */
type Changes = Map<string, DealStageTotals>;

/** Adds (`sign` 1) or takes away (−1) a deal's share of its row. */
function addShare(changes: Changes, share: DealShare | null, sign: 1 | -1): void {
  if (!share) return;
  const key = rowKey(share);
  let row = changes.get(key);
  if (!row) changes.set(key, (row = { pipelineId: share.pipelineId, stageId: share.stageId, status: share.status, count: 0, sums: {}, counts: {} }));
  row.count += sign;
  if (share.amount) {
    const { currency, minor } = share.amount;
    row.sums[currency] = (row.sums[currency] ?? 0) + sign * minor;
    row.counts[currency] = (row.counts[currency] ?? 0) + sign;
  }
}

/** The totals of `deals`, counted from scratch (an upgrade fills the table with them). */
export function dealStageTotalsOf(deals: Iterable<unknown>): DealStageTotals[] {
  const changes: Changes = new Map();
  for (const deal of deals) addShare(changes, shareOf(deal), 1);
  return [...changes.values()];
}

/** The changes that change anything (a deal written again as it was changes nothing). */
function effective(changes: Changes): DealStageTotals[] {
  const changed = (counts: Record<string, number>) => Object.values(counts).some((n) => n !== 0);
  return [...changes.values()].filter((d) => d.count !== 0 || changed(d.sums) || changed(d.counts));
}

/** `a − b`, row by row. */
function minus(a: Changes, b: Changes): Changes {
  const result: Changes = new Map();
  const add = (row: DealStageTotals, sign: 1 | -1) => {
    const key = rowKey(row);
    let target = result.get(key);
    if (!target) result.set(key, (target = { pipelineId: row.pipelineId, stageId: row.stageId, status: row.status, count: 0, sums: {}, counts: {} }));
    target.count += sign * row.count;
    for (const [currency, minor] of Object.entries(row.sums)) target.sums[currency] = (target.sums[currency] ?? 0) + sign * minor;
    for (const [currency, n] of Object.entries(row.counts)) target.counts[currency] = (target.counts[currency] ?? 0) + sign * n;
  };
  for (const row of a.values()) add(row, 1);
  for (const row of b.values()) add(row, -1);
  return result;
}

/** What a read-write transaction over `deals` knows, exactly: nothing else writes those tables while it runs. */
interface Known {
  /** Deals read or written in it, as they now are (`null`: no such deal). */
  deals: Map<unknown, DealShare | null>;
  /** Totals rows read or written in it, as they now are (`null`: none), by `rowKey`. */
  rows: Map<string, DealStageTotals | null>;
  /** Pipelines whose rows are being read into `rows`. */
  loading: Map<T.Id, Promise<unknown>>;
  /** Pipelines whose rows are all in `rows` (a row not there is none). */
  loaded: Set<T.Id>;
  /** Goes up when every deal is cleared: reads sent before then are stale. */
  generation: number;
}

function transactionMode(trans: DBCoreTransaction): string | undefined {
  return (trans as Partial<IDBTransaction>).mode;
}

/** Whether a transaction may write the derived table (it is in its scope). */
function coversTotals(trans: DBCoreTransaction): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return !!names && names.contains(DEAL_STAGE_TOTALS);
}

/** `promise`, marked as handled: it is awaited later, after other requests. */
function settled<R>(promise: Promise<R>): Promise<R> {
  promise.catch(() => undefined);
  return promise;
}

/** Dexie's promise: its callbacks run in the zone (transaction) they were set up in. */
const Zoned = Dexie.Promise;

function abort(trans: DBCoreTransaction): void {
  try {
    trans.abort();
  } catch {
    // Already finished or aborting.
  }
}

/**
 * Keeps `dealStageTotals` right whoever writes `deals` (see the module's
 * comment). Writes of one transaction to `deals` are applied one after
 * another. Writes to the totals from outside (a restore of a backup that
 * holds them) are ignored: they are derived, never restored; an upgrade
 * (version change) may fill them.
 */
export const dealStageTotalsKeeper: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'crm-deal-stage-totals',
  create: (down) => {
    if (!down.schema.tables.some((table) => table.name === DEAL_STAGE_TOTALS)) return {};
    const totals = down.table(DEAL_STAGE_TOTALS);
    const knowledge = new WeakMap<DBCoreTransaction, Known>();
    const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

    const knownIn = (trans: DBCoreTransaction): Known => {
      let known = knowledge.get(trans);
      if (!known) knowledge.set(trans, (known = { deals: new Map(), rows: new Map(), loading: new Map(), loaded: new Set(), generation: 0 }));
      return known;
    };

    /** Starts reading the totals rows of these pipelines (once per transaction). */
    const load = (trans: DBCoreTransaction, known: Known, pipelineIds: Iterable<T.Id>) => {
      for (const pipelineId of pipelineIds) {
        if (known.loading.has(pipelineId) || known.loaded.has(pipelineId)) continue;
        const range: DBCoreKeyRange = {
          type: RANGE as DBCoreKeyRange['type'],
          lower: [pipelineId, down.MIN_KEY, down.MIN_KEY],
          lowerOpen: false,
          upper: [pipelineId, down.MAX_KEY, down.MAX_KEY],
          upperOpen: false,
        };
        const generation = known.generation;
        const done = totals.query({ trans, values: true, query: { index: totals.schema.primaryKey, range } }).then(({ result }) => {
          if (generation !== known.generation) return;
          // A row already known was written here after this read went out: what is known is newer.
          for (const row of result as DealStageTotals[]) if (!known.rows.has(rowKey(row))) known.rows.set(rowKey(row), row);
          known.loaded.add(pipelineId);
          known.loading.delete(pipelineId);
        });
        known.loading.set(pipelineId, settled(done));
      }
    };

    /** Remembers what a read in a read-write transaction found, and starts loading those deals' totals. */
    const remember = (trans: DBCoreTransaction, keys: readonly unknown[], values: readonly unknown[]) => {
      const known = knownIn(trans);
      const pipelines = new Set<T.Id>();
      keys.forEach((key, i) => {
        if (typeof key !== 'string') return;
        const share = shareOf(values[i]);
        known.deals.set(key, share);
        if (share) pipelines.add(share.pipelineId);
      });
      load(trans, known, pipelines);
    };

    /** Makes sure the rows of `deltas` are known: waits for their pipelines' reads, reads the others. */
    const ensureRows = (trans: DBCoreTransaction, known: Known, deltas: readonly DealStageTotals[]): Promise<unknown> => {
      const waits = new Set<Promise<unknown>>();
      const missing: DealStageTotals[] = [];
      for (const delta of deltas) {
        if (known.rows.has(rowKey(delta)) || known.loaded.has(delta.pipelineId)) continue;
        const loading = known.loading.get(delta.pipelineId);
        if (loading) waits.add(loading);
        else missing.push(delta);
      }
      if (missing.length) {
        waits.add(
          totals.getMany({ trans, keys: missing.map(primaryKey) }).then((rows: Array<DealStageTotals | undefined>) => {
            missing.forEach((delta, i) => {
              if (!known.rows.has(rowKey(delta))) known.rows.set(rowKey(delta), rows[i] ?? null);
            });
          }),
        );
      }
      return Zoned.all([...waits]);
    };

    /** Folds `deltas` (rows known) into the known rows and sends their writes; does not wait for them. */
    const writeRows = (trans: DBCoreTransaction, known: Known, deltas: readonly DealStageTotals[]) => {
      const puts: DealStageTotals[] = [];
      const deletes: RowKey[] = [];
      for (const delta of deltas) {
        const key = rowKey(delta);
        const stored = known.rows.get(key) ?? null;
        const row: DealStageTotals = stored
          ? { ...stored, sums: { ...stored.sums }, counts: { ...stored.counts } }
          : { pipelineId: delta.pipelineId, stageId: delta.stageId, status: delta.status, count: 0, sums: {}, counts: {} };
        row.count += delta.count;
        for (const currency of new Set([...Object.keys(delta.sums), ...Object.keys(delta.counts)])) {
          const left = (row.counts[currency] ?? 0) + (delta.counts[currency] ?? 0);
          if (left > 0) {
            row.counts[currency] = left;
            row.sums[currency] = (row.sums[currency] ?? 0) + (delta.sums[currency] ?? 0);
          } else {
            delete row.counts[currency];
            delete row.sums[currency];
          }
        }
        if (row.count > 0) {
          known.rows.set(key, row);
          puts.push(row);
        } else {
          known.rows.set(key, null);
          deletes.push(primaryKey(row));
        }
      }
      // Not awaited: the transaction commits only after them, later requests see them, a failure aborts it.
      if (puts.length) totals.mutate({ type: 'put', trans, values: puts }).catch(() => abort(trans));
      if (deletes.length) totals.mutate({ type: 'delete', trans, keys: deletes }).catch(() => abort(trans));
    };

    /**
     * The write to `deals` and the totals it changes. Written with Dexie's
     * promises only (no native ones, no `await`): each step then runs in the
     * transaction's zone, which the middlewares below need.
     */
    const writeDeals = (deals: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
      const { trans } = req;
      if (!coversTotals(trans)) return deals.mutate(req);
      const known = knownIn(trans);
      const failedAsAWhole = (error: unknown): never => {
        // Maybe after some of it was written: nothing of this transaction may stay.
        abort(trans);
        throw error;
      };
      if (req.type === 'deleteRange') {
        known.deals.clear();
        if ((req.range.type as number) === ANY_RANGE) {
          // `clear()`: every deal goes, and with them every total.
          known.rows.clear();
          known.loading.clear();
          known.loaded.clear();
          known.generation += 1;
          return Zoned.all([deals.mutate(req), totals.mutate({ type: 'deleteRange', trans, range: req.range })]).then(([response]) => response);
        }
        const gone = deals.query({ trans, values: true, query: { index: deals.schema.primaryKey, range: req.range } });
        const written = settled(deals.mutate(req));
        return gone.then(({ result }) => {
          const changes: Changes = new Map();
          for (const deal of result) addShare(changes, shareOf(deal), -1);
          const deltas = effective(changes);
          return ensureRows(trans, known, deltas).then(() => {
            writeRows(trans, known, deltas);
            return written.then((response) => response, failedAsAWhole);
          });
        });
      }

      const keyOf = deals.schema.primaryKey.extractKey!;
      const keys: unknown[] = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((value) => keyOf(value)));
      // An add never replaces a deal (a clash fails): nothing to take away. Otherwise read what is not known.
      const unknown = req.type === 'add' ? [] : [...new Set(keys.filter((key) => !known.deals.has(key)))];
      const before = unknown.length ? deals.getMany({ trans, keys: unknown }) : undefined;
      const written = settled(deals.mutate(req));
      // What each key held before this write, taken now: reads the caller sends after it see the new records.
      const olds = new Map<unknown, DealShare | null>();
      if (req.type !== 'add') for (const key of keys) if (known.deals.has(key)) olds.set(key, known.deals.get(key)!);
      const oldOf = (key: unknown) => olds.get(key) ?? null;
      const news = req.type === 'delete' ? [] : req.values.map(shareOf);
      /** The changes of the request's operations but the failed ones, and what each key then holds. */
      const changesOf = (failures: DBCoreMutateResponse['failures']) => {
        const changes: Changes = new Map();
        const current = new Map<unknown, DealShare | null>();
        keys.forEach((key, i) => {
          if (i in failures) return;
          addShare(changes, current.has(key) ? current.get(key)! : oldOf(key), -1);
          const value = req.type === 'delete' ? null : news[i]!;
          addShare(changes, value, 1);
          current.set(key, value);
        });
        return { changes, current };
      };
      const remembered = (current: Map<unknown, DealShare | null>) => {
        for (const [key, value] of olds) if (typeof key === 'string') known.deals.set(key, value);
        for (const [key, value] of current) if (typeof key === 'string') known.deals.set(key, value);
      };
      const read = before ? before.then((values) => unknown.forEach((key, i) => olds.set(key, shareOf(values[i])))) : Zoned.resolve();
      return read.then(() => {
        // Written as if every operation succeeds, right behind the deals' write…
        const assumed = changesOf({});
        const deltas = effective(assumed.changes);
        return ensureRows(trans, known, deltas).then(() => {
          writeRows(trans, known, deltas);
          return written.then((response) => {
            if (!response.numFailures) {
              remembered(assumed.current);
              return response;
            }
            // …and put right if some failed.
            const actual = changesOf(response.failures);
            const corrections = effective(minus(actual.changes, assumed.changes));
            return ensureRows(trans, known, corrections).then(() => {
              writeRows(trans, known, corrections);
              remembered(actual.current);
              return response;
            });
          }, failedAsAWhole);
        });
      });
    };

    return {
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.includes('deals') && !stores.includes(DEAL_STAGE_TOTALS) ? [...stores, DEAL_STAGE_TOTALS] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === DEAL_STAGE_TOTALS) {
          return {
            ...table,
            mutate(req) {
              if (transactionMode(req.trans) === 'versionchange') return table.mutate(req);
              const results = req.type === 'add' || req.type === 'put' ? (req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v))) : [];
              return Promise.resolve({ numFailures: 0, failures: {}, lastResult: results.at(-1), results });
            },
          };
        }
        if (name !== 'deals') return table;
        const watched = (trans: DBCoreTransaction) => transactionMode(trans) !== 'readonly' && coversTotals(trans);
        return {
          ...table,
          get(req) {
            if (!watched(req.trans)) return table.get(req);
            return table.get(req).then((value: unknown) => {
              remember(req.trans, [req.key], [value]);
              return value;
            });
          },
          getMany(req) {
            if (!watched(req.trans)) return table.getMany(req);
            return table.getMany(req).then((values) => {
              remember(req.trans, req.keys, values);
              return values;
            });
          },
          mutate(req) {
            const previous = queues.get(req.trans) ?? Zoned.resolve();
            const result = previous.then(() => writeDeals(table, req));
            queues.set(
              req.trans,
              result.then(
                () => undefined,
                () => undefined,
              ),
            );
            return result;
          },
        };
      },
    };
  },
};
