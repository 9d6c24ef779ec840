import type { ReactiveControllerHost } from 'lit';
import type { Board, BoardFilter, DealCardDetails } from '../store/deals.js';
import type { CrmStore } from '../store/store.js';
import type { Id, LostReason } from '../store/types.js';
import { LiveQueryController } from './live-query-controller.js';

/**
 * What a deal board shows: the store's `Board` (every stage with the count and
 * sums of all matching deals and the first of them) and the names its cards
 * need. Bound, the board reads it from the store; unbound, the page gives it.
 */
export interface DealBoardData extends Board, Partial<DealCardDetails> {
  /** The pipeline's name, the board's heading. */
  pipelineName?: string;
  /** Managers' names by user id. */
  managerNames?: Record<Id, string>;
  /** The reasons offered when a deal is dropped on "lost" (unbound use; bound, the store's). */
  lostReasons?: LostReason[];
}

/** Which board to read from the store. */
export interface DealBoardQuery extends Omit<BoardFilter, 'status'> {
  /** The pipeline; unset, the first one. */
  pipelineId: Id | undefined;
  perStage: number;
}

/** Where the board is in its life. */
export type DealBoardStatus = 'loading' | 'ready' | 'not-found' | 'no-pipelines' | 'error';

type BoardRead = { board: DealBoardData } | { missing: 'not-found' | 'no-pipelines' };

/** A move shown before the store confirms it; it applies while pending, and while the data it was made on is shown. */
interface OptimisticMove {
  /** The board with the move made (see `applyMove` in deal-move-controller.ts). */
  apply: (board: DealBoardData) => DealBoardData;
  basis: DealBoardData | undefined;
  pending: boolean;
}

async function readBoard(store: CrmStore, query: DealBoardQuery): Promise<BoardRead> {
  const { pipelineId, ...options } = query;
  const pipeline = pipelineId !== undefined ? await store.pipelines.get(pipelineId) : (await store.pipelines.list())[0];
  if (!pipeline) return { missing: pipelineId !== undefined ? 'not-found' : 'no-pipelines' };
  const board = await store.deals.board(pipeline.id, options);
  const [details, users] = await Promise.all([store.deals.cardDetails(board.stages.flatMap((column) => column.deals)), store.users.list()]);
  const managerNames = Object.fromEntries(users.map((user) => [user.id, user.name]));
  return { board: { ...board, ...details, pipelineName: pipeline.name, managerNames } };
}

/**
 * The data of a deal board: read live from the store (one query for the board,
 * its cards' client names and next activities, and the managers' names), or
 * given by the page; with moves shown at once and taken back if the store
 * refuses them; and how many cards each column shows (more on demand).
 */
export class DealBoardController {
  private readonly live: LiveQueryController<BoardRead | undefined, [DealBoardQuery | undefined]>;
  private readonly moves = new Set<OptimisticMove>();
  private readonly limits = new Map<Id, number>();
  private cache: { source: DealBoardData | undefined; version: number; data: DealBoardData | undefined } | undefined;
  private version = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      store: () => CrmStore;
      /** The page's data; `undefined` reads the store, `null` is "still loading". */
      given: () => DealBoardData | null | undefined;
      query: () => DealBoardQuery;
    },
  ) {
    this.live = new LiveQueryController(host, {
      store: options.store,
      // Unbound, nothing is subscribed: the store stays untouched (and no Dexie zone wraps the page's promises).
      enabled: () => options.given() === undefined,
      args: () => [options.given() === undefined ? this.withLimits(options.query()) : undefined],
      query: (store, query) => (query ? readBoard(store, query) : undefined),
    });
  }

  get bound(): boolean {
    return this.options.given() === undefined;
  }

  get status(): DealBoardStatus {
    const given = this.options.given();
    if (given !== undefined) return given === null ? 'loading' : 'ready';
    if (this.live.status === 'error') return 'error';
    const read = this.live.value;
    if (this.live.status === 'pending' && !read) return 'loading';
    return read && 'missing' in read ? read.missing : read ? 'ready' : 'loading';
  }

  get error(): unknown {
    return this.live.error;
  }

  /** The board as shown: the source data with pending moves applied. */
  get data(): DealBoardData | undefined {
    const source = this.source;
    const cache = this.cache;
    if (cache && cache.source === source && cache.version === this.version) return cache.data;
    for (const move of this.moves) if (!move.pending && move.basis !== source) this.moves.delete(move);
    let data = source;
    if (data) for (const move of this.moves) data = move.apply(data);
    this.cache = { source, version: this.version, data };
    return data;
  }

  /** How many cards the column shows. */
  limit(stageId: Id): number {
    return this.limits.get(stageId) ?? this.options.query().perStage;
  }

  /** Shows another page of the column's cards. */
  showMore(stageId: Id): void {
    this.limits.set(stageId, this.limit(stageId) + this.options.query().perStage);
    this.host.requestUpdate();
  }

  /** Shows a move at once (`apply` makes it on a board); returns the move to `settle` or `rollback`. */
  begin(apply: (board: DealBoardData) => DealBoardData): object {
    const move: OptimisticMove = { apply, basis: this.source, pending: true };
    this.moves.add(move);
    this.changed();
    return move;
  }

  /** The store took the move (or, unbound, the page was told): it stays shown until fresh data arrives. */
  settle(move: object): void {
    Object.assign(move as OptimisticMove, { pending: false, basis: this.source });
    this.changed();
  }

  /** The store refused the move: the deal goes back. */
  rollback(move: object): void {
    this.moves.delete(move as OptimisticMove);
    this.changed();
  }

  private get source(): DealBoardData | undefined {
    const given = this.options.given();
    if (given !== undefined) return given ?? undefined;
    const read = this.live.value;
    return read && 'board' in read ? read.board : undefined;
  }

  private changed(): void {
    this.version += 1;
    this.host.requestUpdate();
  }

  private withLimits(query: DealBoardQuery): DealBoardQuery {
    return { ...query, perStage: Math.max(query.perStage, ...this.limits.values()) };
  }
}
