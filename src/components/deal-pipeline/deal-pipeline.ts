import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DealBoardController, type DealBoardData } from '../../controllers/deal-board-controller.js';
import type { LostChoice } from '../../controllers/deal-move-controller.js';
import { KeyboardDragController, type DragLane } from '../../controllers/keyboard-drag-controller.js';
import { CrmDealSelectEvent } from '../../events/deal-select.js';
import type { Deal } from '../../store/types.js';
import { CrmElement } from '../crm-element.js';
import { setStates } from '../shared/custom-states.js';
import '../shared/lost-reason-dialog.js';
import { pipelineCardStyles, pipelineTexts } from '../shared/pipeline-card.js';
import type { PipelineActions } from '../shared/pipeline-actions.js';
import { formatSums, LOST_LANE, pipelineColumnStyles, renderColumn, renderDropZones, targetOf, WON_LANE, type PipelineColumnContext } from '../shared/pipeline-column.js';
import '../shared/action-menu.js';
import { pipelineStateStyles, renderPipelineState } from '../shared/pipeline-state.js';
import { styles } from './deal-pipeline.styles.js';

export type { DealBoardData } from '../../controllers/deal-board-controller.js';

/** `YYYY-MM-DD` → local midnight of that day plus `days` (epoch ms), or `undefined`. */
function localDay(date: string | undefined, days = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).getTime() : undefined;
}

/**
 * The sales pipeline as a board: one column per stage with the count and sum
 * of all its matching open deals, and deal cards (client, amount, manager,
 * days in stage, next activity). Deals move between stages, or close as won
 * or lost, by dragging, by keyboard (Space picks a card up, arrows carry it,
 * Space or Enter drops it, Escape cancels; every step is announced), or through
 * each card's "Move to…" menu. Losing a deal asks for the reason.
 *
 * Bound (`pipeline`, or nothing for the first pipeline), it reads the store
 * live and moves deals through `store.deals`; unbound (`.board`), it shows the
 * page's data, touches no store, and only fires events.
 *
 * @summary The deal pipeline board with drag and drop, keyboard moves and column totals.
 *
 * @event {CrmDealStageChangeRequestEvent} crm-deal-stage-change-request - Before a move; cancelable: `preventDefault()` keeps the deal where it is.
 * @event {CrmDealStageChangeEvent} crm-deal-stage-change - After a move: `deal`, `fromStageId` and `to` (the stage, or won, or lost with the reason).
 * @event {CrmDealSelectEvent} crm-deal-select - The user opened a deal (its title clicked, or Enter on it).
 *
 * @csspart header - The pipeline's name and totals.
 * @csspart columns - The horizontally scrolling row of stage columns.
 * @csspart column - One stage column.
 * @csspart zone - The "won" and "lost" drop zones (also `won-zone`, `lost-zone`).
 *
 * @cssproperty --crm-deal-pipeline-column-width - Width of a stage column. Defaults to `17rem`.
 * @cssproperty --crm-deal-pipeline-height - Height of a stage column. Defaults to `34rem`.
 * @cssproperty --crm-deal-pipeline-column-background - Column background. Defaults to `--crm-color-surface-raised`.
 *
 * @cssstate loading - The board's data has not arrived yet.
 * @cssstate empty - The pipeline has no matching open deals.
 * @cssstate dragging - A deal is being dragged or carried.
 */
@customElement('crm-deal-pipeline')
export class CrmDealPipeline extends CrmElement {
  static override styles = [...CrmElement.styles, pipelineCardStyles, pipelineColumnStyles, pipelineStateStyles, styles];

  /** The id of the pipeline to show; unset, the first (oldest) pipeline of the store. */
  @property() pipeline: string | undefined;

  /** Only deals of this manager (user id). */
  @property() manager: string | undefined;

  /** Only deals from this acquisition source (id). */
  @property() source: string | undefined;

  /** Only deals created on or after this day (`YYYY-MM-DD`, local time). */
  @property() from: string | undefined;

  /** Only deals created on or before this day (`YYYY-MM-DD`, local time). */
  @property() to: string | undefined;

  /** How many cards a column loads at first and per page after; totals always count every deal. */
  @property({ type: Number, attribute: 'per-stage' }) perStage = 50;

  /**
   * The board to show instead of the store's (unbound use): the store's `Board`
   * plus `pipelineName`, `clientNames`, `managerNames`, `nextActivities` and
   * `lostReasons`. `null` shows the loading state. Moves then only fire events.
   */
  @property({ attribute: false }) board: DealBoardData | null | undefined;

  /** The heading level of the pipeline's name; column names are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private announcement = '';
  @state() private failure = '';
  @state() private dragged: Deal | undefined;
  @state() private dropLane: string | undefined;
  @state() private lostDialogWanted = false;

  private readonly internals = this.attachInternals();

  private readonly data = new DealBoardController(this, {
    store: () => this.stores.store,
    given: () => this.board,
    query: () => ({
      pipelineId: this.pipeline || undefined,
      managerId: this.manager || undefined,
      sourceId: this.source || undefined,
      from: localDay(this.from),
      to: this.to ? localDay(this.to, 1)! - 1 : undefined,
      perStage: Math.max(1, this.perStage || 50),
    }),
  });

  private readonly keyboard = new KeyboardDragController(this, {
    lanes: () => this.lanes(),
    focus: (lane, item) => void this.actions().then((actions) => actions.focusCard(lane, item)),
    announce: (step) => void this.actions().then((actions) => actions.announceStep(step)),
    drop: (item, _from, to) => {
      const deal = this.findDeal(item);
      if (deal) void this.actions().then((actions) => actions.move(deal, targetOf(to), true));
    },
    dir: () => this.localize.dir(),
  });

  private loadingActions: Promise<PipelineActions> | undefined;

  /** Moves, the move menu, focus and announcements: loaded when first needed (or the board is first focused or pointed at). */
  private actions(): Promise<PipelineActions> {
    return (this.loadingActions ??= import('../shared/pipeline-actions.js').then(
      ({ PipelineActions }) =>
        new PipelineActions({
          element: this,
          root: () => this.renderRoot,
          localize: this.localize,
          data: this.data,
          keyboard: this.keyboard,
          store: () => this.stores.store,
          laneItems: (lane) => this.lanes().find((candidate) => candidate.id === lane)?.items ?? [],
          findDeal: (id) => this.findDeal(id),
          stageName: (id) => this.data.data?.stages.find((column) => column.stage.id === id)?.stage.name ?? '',
          say: (text) => this.say(text),
          fail: (text) => (this.failure = text),
          askLostReason: (deal, commit) => this.askLostReason(deal, commit),
          wonLane: WON_LANE,
          lostLane: LOST_LANE,
          targetOf,
        }),
    ));
  }

  private readonly prefetch = () => void this.actions();

  private lanes(): DragLane[] {
    const stages = (this.data.data?.stages ?? []).map((column) => ({
      id: column.stage.id,
      items: column.deals.slice(0, this.data.limit(column.stage.id)).map((deal) => deal.id),
    }));
    return [...stages, { id: WON_LANE, items: [], dropOnly: true }, { id: LOST_LANE, items: [], dropOnly: true }];
  }

  private findDeal(id: string): Deal | undefined {
    for (const column of this.data.data?.stages ?? []) for (const deal of column.deals) if (deal.id === id) return deal;
    return undefined;
  }

  private say(text: string): void {
    // The same words again must still be heard: vary them invisibly.
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
  }

  private async askLostReason(deal: Deal, commit: ((choice: LostChoice) => Promise<void>) | undefined): Promise<LostChoice | undefined> {
    this.lostDialogWanted = true;
    await this.updateComplete;
    return this.renderRoot.querySelector('crm-lost-reason-dialog')!.open({ subject: deal.title, ...(commit ? { commit } : {}) });
  }

  private onDragOver(event: DragEvent, lane: string): void {
    if (!this.dragged || lane === this.dragged.stageId) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.dropLane = lane;
  }

  private onDragLeave(event: DragEvent, lane: string): void {
    // Drag events name no related target: the pointer left the lane only if it is outside its box.
    const box = (event.currentTarget as Element).getBoundingClientRect();
    const inside = event.clientX > box.left && event.clientX < box.right && event.clientY > box.top && event.clientY < box.bottom;
    if (this.dropLane === lane && !inside) this.dropLane = undefined;
  }

  private onDrop(event: DragEvent, lane: string): void {
    event.preventDefault();
    const deal = this.dragged;
    this.dragged = this.dropLane = undefined;
    if (deal) void this.actions().then((actions) => actions.move(deal, targetOf(lane), false));
  }

  private get context(): PipelineColumnContext {
    const board = this.data.data;
    const tabStop = this.keyboard.focus;
    const carrying = this.keyboard.carrying;
    const now = Date.now();
    return {
      localize: this.localize,
      texts: pipelineTexts(this.localize, now),
      now,
      headingLevel: this.headingLevel,
      clientName: (deal) => board?.clientNames?.[deal.clientId],
      managerName: (deal) => (deal.managerId === undefined ? undefined : board?.managerNames?.[deal.managerId]),
      nextActivity: (deal) => board?.nextActivities?.[deal.id],
      isTabStop: (deal) => tabStop?.item === deal.id,
      isCarried: (deal) => carrying?.item === deal.id || this.dragged?.id === deal.id,
      isDropTarget: (lane) => this.dropLane === lane || (carrying !== undefined && carrying.over === lane && lane !== carrying.from),
      isEmptyTabStop: (stageId) => tabStop?.lane === stageId && tabStop.item === undefined,
      limit: (stageId) => this.data.limit(stageId),
      onSelect: (deal) => this.dispatchEvent(new CrmDealSelectEvent(deal)),
      onKeydown: (event, deal) => this.keyboard.handleKey(event, deal.stageId, deal.id),
      onEmptyKeydown: (event, stageId) => this.keyboard.handleKey(event, stageId, undefined),
      // A column's list is focusable too (it scrolls); ↓ from it goes to its first card.
      onLaneKeydown: (event, stageId) => {
        const key = event.key === 'ArrowDown' ? 'Home' : event.key;
        if (key !== event.key) event.preventDefault();
        this.keyboard.handleKey(key === event.key ? event : new KeyboardEvent('keydown', { key }), stageId, undefined);
      },
      onFocus: (deal) => this.keyboard.setFocus(deal.stageId, deal.id),
      onMoveMenu: (event, deal) => {
        const anchor = event.currentTarget as HTMLElement;
        void this.actions().then((actions) => actions.openMoveMenu(anchor, deal));
      },
      onShowMore: (stageId) => this.data.showMore(stageId),
      onDragStart: (event, deal) => {
        this.keyboard.cancel();
        event.dataTransfer?.setData('text/plain', deal.title);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        this.dragged = deal;
      },
      onDragEnd: () => (this.dragged = this.dropLane = undefined),
      onDragOver: (event, lane) => this.onDragOver(event, lane),
      onDragLeave: (event, lane) => this.onDragLeave(event, lane),
      onDrop: (event, lane) => this.onDrop(event, lane),
    };
  }

  protected override willUpdate(): void {
    const status = this.data.status;
    const states = { loading: status === 'loading', empty: status === 'ready' && this.data.data?.count === 0, dragging: Boolean(this.dragged || this.keyboard.carrying) };
    setStates(this.internals, states);
  }

  protected override render() {
    const board = this.data.data;
    const bound = this.data.bound;
    const dialog = bound || this.lostDialogWanted
      ? html`<crm-lost-reason-dialog .reasons=${bound ? undefined : (board?.lostReasons ?? [])}></crm-lost-reason-dialog>`
      : nothing;
    if (this.data.status !== 'ready' || !board) return renderPipelineState(this.data.status, this.localize, this.data.error);
    const context = this.context;
    return html`<section class="board" aria-labelledby="title" @focusout=${this.onFocusOut} @focusin=${this.prefetch} @pointerover=${this.prefetch}>
        <header class="summary" part="header">
          <div class="title" id="title" role="heading" aria-level=${this.headingLevel}>${board.pipelineName ?? ''}</div>
          <p class="total">${this.localize.term('pipeline.boardTotal', board.count, formatSums(this.localize, board.sums))}</p>
        </header>
        ${board.count === 0 ? html`<p class="note">${this.localize.term('pipeline.noDeals')}</p>` : nothing}
        <p class="visually-hidden" id="help">${this.localize.term('pipeline.help')}</p>
        <div class="failure" role="alert">${this.failure}</div>
        <div class="columns" part="columns">${board.stages.map((column) => renderColumn(column, context))}</div>
        ${renderDropZones(context)}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
      <crm-action-menu></crm-action-menu>
      ${dialog}`;
  }

  /** Leaving the carried card (Tab, a click elsewhere) puts it back. */
  private onFocusOut(event: FocusEvent): void {
    const carried = this.keyboard.carrying;
    if (!carried) return;
    const into = event.relatedTarget as Element | null;
    if (into?.id !== `title-${carried.item}`) this.keyboard.cancel();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-deal-pipeline': CrmDealPipeline;
  }
}
