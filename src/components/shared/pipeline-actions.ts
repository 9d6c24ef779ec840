import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { DealBoardController } from '../../controllers/deal-board-controller.js';
import { DealMoveController, type LostChoice } from '../../controllers/deal-move-controller.js';
import type { KeyboardDragController, KeyboardDragStep } from '../../controllers/keyboard-drag-controller.js';
import type { CrmActionMenu } from './action-menu.js';
import type { DealStageTarget } from '../../events/deal-stage-change-request.js';
import type { CrmStore } from '../../store/store.js';
import type { Deal } from '../../store/types.js';

/** What the board's actions use of the board. @internal */
export interface PipelineActionsHost {
  element: HTMLElement & { readonly updateComplete: Promise<boolean> };
  root(): ParentNode;
  localize: CrmLocalizeController;
  data: DealBoardController;
  keyboard: KeyboardDragController;
  store(): CrmStore;
  /** The deal ids each column shows. */
  laneItems(lane: string): readonly string[];
  findDeal(id: string): Deal | undefined;
  stageName(id: string): string;
  say(text: string): void;
  fail(text: string): void;
  askLostReason(deal: Deal, commit: ((choice: LostChoice) => Promise<void>) | undefined): Promise<LostChoice | undefined>;
  /** The lane ids of the closing zones, and the target a lane id names (from pipeline-column, not imported: this module loads on demand). */
  wonLane: string;
  lostLane: string;
  targetOf(lane: string): DealStageTarget;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * What `crm-deal-pipeline` does when the user acts — moves (by keyboard,
 * menu or drop), the "Move to…" menu, focus following a card, the keyboard
 * announcements. Loaded on demand: the first paint of a board needs none of it.
 *
 * @internal
 */
export class PipelineActions {
  private readonly moves: DealMoveController;

  constructor(private readonly host: PipelineActionsHost) {
    this.moves = new DealMoveController({
      host: host.element,
      board: host.data,
      store: host.store,
      localize: host.localize,
      askLostReason: (deal, commit) => host.askLostReason(deal, commit),
      stageName: (id) => host.stageName(id),
      announce: (text) => host.say(text),
      fail: (text) => host.fail(text),
    });
  }

  announceStep(step: KeyboardDragStep): void {
    const { host } = this;
    const deal = host.findDeal(step.item);
    if (!deal) return;
    const term = host.localize.term.bind(host.localize);
    if (step.kind === 'pickup') return host.say(term('pipeline.pickedUp', deal.title, host.stageName(step.lane)));
    if (step.kind === 'cancel') return host.say(term('pipeline.cancelled', deal.title));
    if (step.lane === host.wonLane) return host.say(term('pipeline.overWon', deal.title));
    if (step.lane === host.lostLane) return host.say(term('pipeline.overLost', deal.title));
    const stages = host.data.data?.stages ?? [];
    const position = stages.findIndex((column) => column.stage.id === step.lane) + 1;
    host.say(term('pipeline.over', deal.title, host.stageName(step.lane), position, stages.length));
  }

  /** Focuses a card's title (or an empty column), scrolling its virtualized list to it first. */
  async focusCard(lane: string, item: string | undefined): Promise<void> {
    await this.host.element.updateComplete;
    const root = this.host.root();
    if (item === undefined) return root.querySelector<HTMLElement>(`[data-empty="${CSS.escape(lane)}"]`)?.focus();
    // Within its lane: the card's old copy may linger in the lane it left until that list redraws.
    const find = () => root.querySelector<HTMLElement>(`section[data-lane="${CSS.escape(lane)}"] #title-${CSS.escape(item)}`);
    const index = this.host.laneItems(lane).indexOf(item);
    // A virtualized list draws a card only near its viewport, and a new list only after its first layout.
    for (let attempt = 0; attempt < 20 && !find(); attempt += 1) {
      const list = root.querySelector<LitVirtualizer>(`crm-lane-list[data-lane="${CSS.escape(lane)}"]`);
      if (list?.layoutComplete) await list.layoutComplete.catch(() => undefined);
      else if (attempt > 1 && index >= 0) {
        try {
          list?.element(index)?.scrollIntoView({ block: 'nearest' });
        } catch {
          // Not laid out yet: try again next frame.
        }
      }
      await nextFrame();
    }
    find()?.focus();
  }

  /** After a move by keyboard or menu: focus the card where it is now, or its neighbour when it left the board. */
  private async followFocus(): Promise<void> {
    await this.host.element.updateComplete;
    const focus = this.host.keyboard.focus;
    if (focus) await this.focusCard(focus.lane, focus.item);
  }

  /** Moves a deal; by keyboard or menu (`follow`), focus follows the card. */
  move(deal: Deal, to: DealStageTarget, follow: boolean): Promise<boolean> {
    if (!follow) return this.moves.move(deal, to);
    this.host.keyboard.setFocus(deal.stageId, deal.id);
    return this.moves.move(deal, to, { changed: () => void this.followFocus(), cancelled: () => void this.focusCard(deal.stageId, deal.id) });
  }

  /** The "Move to…" menu of a card, opened at `anchor`; moves the deal to the stage chosen. */
  async openMoveMenu(anchor: HTMLElement, deal: Deal): Promise<void> {
    const { host } = this;
    const term = host.localize.term.bind(host.localize);
    host.keyboard.setFocus(deal.stageId, deal.id);
    const choices = [
      ...(host.data.data?.stages ?? [])
        .filter((column) => column.stage.id !== deal.stageId)
        .map((column) => ({ value: column.stage.id, label: column.stage.name })),
      { value: host.wonLane, label: term('pipeline.toWon'), tone: 'success' as const, group: true },
      { value: host.lostLane, label: term('pipeline.toLost'), tone: 'danger' as const },
    ];
    const menu = host.root().querySelector<CrmActionMenu>('crm-action-menu')!;
    const choice = await menu.open(anchor, term('pipeline.moveMenu', deal.title), choices);
    if (choice) await this.move(deal, host.targetOf(choice), true);
  }
}
