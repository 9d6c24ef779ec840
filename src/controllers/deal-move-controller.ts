import type { DealStageTarget } from '../events/deal-stage-change-request.js';
import { CrmDealStageChangeRequestEvent } from '../events/deal-stage-change-request.js';
import { CrmDealStageChangeEvent, type DealStageOutcome } from '../events/deal-stage-change.js';
import type { CrmStore } from '../store/store.js';
import type { Deal } from '../store/types.js';
import type { BoardColumn, SumsByCurrency } from '../store/deals.js';
import type { DealBoardController, DealBoardData } from './deal-board-controller.js';
import type { CrmLocalizeController } from './localize-controller.js';

/** A lost reason the user chose, and an optional comment. */
export interface LostChoice {
  reasonId: string;
  comment?: string;
}

export interface DealMoveOptions {
  /** The element the events are fired on. */
  host: HTMLElement;
  board: DealBoardController;
  store: () => CrmStore;
  localize: CrmLocalizeController;
  /**
   * Asks why the deal was lost. Bound, `commit` writes the choice (a refusal
   * is shown in the dialog, which stays open); resolves `undefined` on cancel.
   */
  askLostReason(deal: Deal, commit: ((choice: LostChoice) => Promise<void>) | undefined): Promise<LostChoice | undefined>;
  stageName(id: string): string;
  /** Says what happened in the live region. */
  announce(text: string): void;
  /** Shows the error of a refused move, or clears it (`''`). */
  fail(text: string): void;
}

/** Called when the card moved on screen (or went back after a refusal), and when the user cancelled. */
export interface DealMoveHooks {
  changed?(): void;
  cancelled?(): void;
}

function addSum(sums: SumsByCurrency, deal: Deal, sign: 1 | -1): SumsByCurrency {
  return { ...sums, [deal.amount.currency]: (sums[deal.amount.currency] ?? 0) + sign * deal.amount.minor };
}

/** The board with one move made; unchanged if the deal is no longer where the move took it from. */
export function applyMove(board: DealBoardData, deal: Deal, to: DealStageTarget): DealBoardData {
  const from = board.stages.find((column) => column.stage.id === deal.stageId);
  if (!from?.deals.some((shown) => shown.id === deal.id)) return board;
  const now = Date.now();
  const stages = board.stages.map((column): BoardColumn => {
    if (column === from)
      return { ...column, count: column.count - 1, sums: addSum(column.sums, deal, -1), deals: column.deals.filter((d) => d.id !== deal.id) };
    if (to.type === 'stage' && column.stage.id === to.stageId) {
      const moved: Deal = { ...deal, stageId: to.stageId, stageEnteredAt: now, updatedAt: now };
      return { ...column, count: column.count + 1, sums: addSum(column.sums, deal, 1), deals: [moved, ...column.deals] };
    }
    return column;
  });
  const leaves = to.type !== 'stage';
  return { ...board, stages, count: board.count - (leaves ? 1 : 0), sums: leaves ? addSum(board.sums, deal, -1) : board.sums };
}

/**
 * How a board moves a deal: the cancelable request event; the card moved at
 * once; bound, the store's write (`moveToStage`, `win`, or `lose` through the
 * reason dialog), with the card put back and a localized error if the store
 * refuses; the change event; and an announcement.
 */
export class DealMoveController {
  constructor(private readonly options: DealMoveOptions) {}

  /** Moves `deal` as the user asked; resolves `true` once moved. */
  async move(deal: Deal, to: DealStageTarget, hooks: DealMoveHooks = {}): Promise<boolean> {
    const { host, board, localize } = this.options;
    const term = localize.term.bind(localize);
    const from = deal.stageId;
    if (to.type === 'stage' && to.stageId === from) return false;
    const request = new CrmDealStageChangeRequestEvent(deal, from, to);
    host.dispatchEvent(request);
    if (request.defaultPrevented) {
      this.options.announce(term('pipeline.vetoed', deal.title));
      return false;
    }
    this.options.fail('');
    const deals = board.bound ? this.options.store().deals : undefined;
    let shown: object | undefined;
    const show = () => {
      shown = board.begin((data) => applyMove(data, deal, to));
      hooks.changed?.();
    };
    const hide = () => {
      if (shown) board.rollback(shown);
      shown = undefined;
    };
    try {
      let written = deal;
      let outcome: DealStageOutcome = to as DealStageOutcome;
      if (to.type === 'lost') {
        const commit = deals
          ? async (choice: LostChoice) => {
              show();
              written = await deals.lose(deal.id, choice).catch((error: unknown) => {
                hide();
                throw error;
              });
            }
          : undefined;
        const choice = await this.options.askLostReason(deal, commit);
        if (!choice) {
          hooks.cancelled?.();
          this.options.announce(term('pipeline.cancelled', deal.title));
          return false;
        }
        if (!deals) show();
        outcome = { type: 'lost', ...choice };
      } else {
        show();
        if (deals) written = await (to.type === 'won' ? deals.win(deal.id) : deals.moveToStage(deal.id, to.stageId));
      }
      board.settle(shown!);
      // The reason dialog held focus while the card left: move it on now that the dialog is closed.
      if (to.type === 'lost') hooks.changed?.();
      host.dispatchEvent(new CrmDealStageChangeEvent(written, from, outcome));
      this.options.announce(
        to.type === 'stage'
          ? term('pipeline.moved', deal.title, this.options.stageName(to.stageId))
          : term(to.type === 'won' ? 'pipeline.markedWon' : 'pipeline.markedLost', deal.title),
      );
      return true;
    } catch (error) {
      hide();
      this.options.fail(term('pipeline.failed', deal.title, localize.errorMessage(error)));
      hooks.changed?.();
      return false;
    }
  }
}
