import './lane-list.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { css, html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { DealStageTarget } from '../../events/deal-stage-change-request.js';
import type { BoardColumn, SumsByCurrency } from '../../store/deals.js';
import type { Deal } from '../../store/types.js';
import { renderDealCard, type PipelineCardContext } from './pipeline-card.js';
import { tunedFlowLayout } from './flow-layout.js';

/** The lane ids of the two closing drop zones (never a stage id: those are UUIDs). */
export const WON_LANE = '#won';
export const LOST_LANE = '#lost';

/**
 * The lanes' layout, given rather than left to the virtualizer's default once
 * loaded (on demand, as the virtualizer loads its default): the default is
 * imported anew by each list, which puts each lane's first layout in a task
 * of its own. Two of its private settings are tuned: its first guess of a
 * card's height (`_itemSize`, 100 px by default; a card is 130–200 px) decides
 * how many cards the first frame draws — a close guess draws the right ones
 * at once instead of half again as many to be removed after measuring; and
 * how far beyond the lane's view it draws cards (`_overhang`, 1 000 px by
 * default: six cards below three in view), here a little more than a card.
 */
const laneLayout = tunedFlowLayout({ itemSize: { width: 256, height: 160 }, overhang: 200 });

/** The stage (or closing zone) a lane id names. */
export function targetOf(lane: string): DealStageTarget {
  return lane === WON_LANE ? { type: 'won' } : lane === LOST_LANE ? { type: 'lost' } : { type: 'stage', stageId: lane };
}

/** What a column and the drop zones need from the board that draws them. */
export interface PipelineColumnContext extends PipelineCardContext {
  headingLevel: number;
  /** How many of the column's deals to show. */
  limit(stageId: string): number;
  /** Whether a dragged or carried deal is over the lane now. */
  isDropTarget(lane: string): boolean;
  /** Whether the empty column's placeholder is the board's Tab stop. */
  isEmptyTabStop(stageId: string): boolean;
  onEmptyKeydown(event: KeyboardEvent, stageId: string): void;
  /** A key on a column's scrolling list itself (not on a card in it). */
  onLaneKeydown(event: KeyboardEvent, stageId: string): void;
  onShowMore(stageId: string): void;
  onDragOver(event: DragEvent, lane: string): void;
  onDragLeave(event: DragEvent, lane: string): void;
  onDrop(event: DragEvent, lane: string): void;
}

/** Sums by currency, e.g. `1 250 000,00 ₴` or `12 000 ₴ + 300 €`; zero in UAH when empty. */
export function formatSums(localize: Pick<CrmLocalizeController, 'money'>, sums: SumsByCurrency): string {
  const parts = Object.entries(sums)
    .filter(([, minor]) => minor !== 0)
    .map(([currency, minor]) => localize.money({ minor, currency }, { maximumFractionDigits: 0 }));
  return parts.length ? parts.join(' + ') : localize.money({ minor: 0, currency: 'UAH' }, { maximumFractionDigits: 0 });
}

const slices = new WeakMap<readonly Deal[], { limit: number; deals: Deal[] }>();

/** The first `limit` deals, the same array while neither changes: a new one makes its list lay out again. */
function shown(deals: readonly Deal[], limit: number): Deal[] {
  let slice = slices.get(deals);
  if (slice?.limit !== limit) slices.set(deals, (slice = { limit, deals: deals.slice(0, limit) }));
  return slice.deals;
}

function dropEvents(ctx: PipelineColumnContext, lane: string) {
  return {
    over: (event: DragEvent) => ctx.onDragOver(event, lane),
    leave: (event: DragEvent) => ctx.onDragLeave(event, lane),
    drop: (event: DragEvent) => ctx.onDrop(event, lane),
  };
}

/**
 * One stage of the board: its name, the count and sum of all its matching
 * deals (the store's totals, not the cards shown), and its cards in a
 * virtualized list that scrolls on its own and loads more near its end.
 *
 * @internal
 */
export function renderColumn(column: BoardColumn, ctx: PipelineColumnContext): TemplateResult {
  const { localize } = ctx;
  const id = column.stage.id;
  const deals = shown(column.deals, ctx.limit(id));
  const events = dropEvents(ctx, id);
  const nearEnd = (event: RangeChangedEvent) => {
    if (event.last >= deals.length - 3 && deals.length < column.count && deals.length >= ctx.limit(id)) ctx.onShowMore(id);
  };
  return html`<section
    class=${classMap({ column: true, 'drop-target': ctx.isDropTarget(id) })}
    part="column"
    aria-labelledby="stage-${id}"
    data-lane=${id}
    @dragover=${events.over}
    @dragleave=${events.leave}
    @drop=${events.drop}
  >
    <header class="column-head">
      <div class="stage-name" id="stage-${id}" role="heading" aria-level=${ctx.headingLevel + 1}>${column.stage.name}</div>
      <div class="stage-total">
        <span class="stage-count">${localize.term('pipeline.deals', column.count)}</span>
        <span class="stage-sum">${formatSums(localize, column.sums)}</span>
      </div>
    </header>
    <p class="drop-hint" aria-hidden="true">${localize.term('pipeline.dropHere')}</p>
    ${deals.length
      ? html`<div
          class="lane"
          tabindex="-1"
          aria-label=${localize.term('pipeline.stageDeals', column.stage.name)}
          @keydown=${(event: KeyboardEvent) => event.target === event.currentTarget && ctx.onLaneKeydown(event, id)}
        >
          <crm-lane-list
            role="list"
            aria-label=${localize.term('pipeline.stageDeals', column.stage.name)}
            data-lane=${id}
            .items=${deals}
            .layout=${laneLayout()}
            .keyFunction=${(deal: Deal) => deal.id}
            .renderItem=${(deal: Deal) => renderDealCard(deal, ctx)}
            @rangeChanged=${nearEnd}
          ></crm-lane-list>
        </div>`
      : html`<p
          class="empty"
          tabindex=${ctx.isEmptyTabStop(id) ? 0 : -1}
          data-empty=${id}
          @keydown=${(event: KeyboardEvent) => ctx.onEmptyKeydown(event, id)}
        >
          ${localize.term('pipeline.emptyStage')}
        </p>`}
    ${deals.length < column.count
      ? html`<p class="more">
          ${localize.term('pipeline.shown', deals.length, column.count)}
          <button @click=${() => ctx.onShowMore(id)}>${localize.term('pipeline.showMore')}</button>
        </p>`
      : nothing}
  </section>`;
}

/**
 * The "won" and "lost" drop zones under the columns.
 *
 * @internal
 */
export function renderDropZones(ctx: PipelineColumnContext): TemplateResult {
  const { localize } = ctx;
  const zone = (lane: string, tone: 'won' | 'lost') => {
    const events = dropEvents(ctx, lane);
    return html`<div
      class=${classMap({ zone: true, [tone]: true, 'drop-target': ctx.isDropTarget(lane) })}
      part="zone ${tone}-zone"
      data-lane=${lane}
      @dragover=${events.over}
      @dragleave=${events.leave}
      @drop=${events.drop}
    >
      <span class="zone-name">${localize.term(tone === 'won' ? 'pipeline.won' : 'pipeline.lost')}</span>
      <span class="zone-hint">${localize.term(tone === 'won' ? 'pipeline.wonHint' : 'pipeline.lostHint')}</span>
    </div>`;
  };
  return html`<div class="zones">${zone(WON_LANE, 'won')}${zone(LOST_LANE, 'lost')}</div>`;
}

/** Columns and drop zones. */
export const pipelineColumnStyles = css`
  .column {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    block-size: var(--_column-height);
    /* Its size is the grid's, never its cards': a lane drawing cards then lays out only its own column. */
    contain: strict;
    background: var(--_column-background);
    border: 1px solid transparent;
    border-radius: var(--_crm-radius);
  }
  .column-head {
    display: grid;
    gap: 0.125rem;
    padding: var(--_crm-space-m) var(--_crm-space-m) var(--_crm-space-s);
    border-block-start: 3px solid var(--_crm-color-primary);
    border-radius: var(--_crm-radius) var(--_crm-radius) 0 0;
  }
  .stage-name {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .stage-total {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_crm-space-s);
    font-size: var(--_crm-font-size-s);
    color: var(--_crm-color-text-muted);
  }
  .stage-sum {
    font-weight: 600;
    color: var(--_crm-color-text);
    font-variant-numeric: tabular-nums;
  }
  /* The column's own scroller, focusable so the keyboard can scroll it too; the virtualizer draws the cards in view. */
  .lane {
    flex: 1;
    min-block-size: 0;
    overflow: auto;
    overscroll-behavior: contain;
    /* A scrollbar appearing must not resize the cards (a ResizeObserver loop in the virtualizer). */
    scrollbar-gutter: stable;
  }
  .empty {
    margin: var(--_crm-space-s);
    padding: var(--_crm-space-l) var(--_crm-space-s);
    text-align: center;
    color: var(--_crm-color-text-muted);
    border: 1px dashed var(--_crm-color-border);
    border-radius: var(--_crm-radius);
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_crm-space-xs);
    margin: 0;
    padding: var(--_crm-space-s) var(--_crm-space-m);
    font-size: var(--_crm-font-size-s);
    color: var(--_crm-color-text-muted);
  }
  .more button {
    min-block-size: 1.75rem;
    padding: 0 var(--_crm-space-s);
  }
  .drop-hint {
    display: none;
    margin: 0 var(--_crm-space-s) var(--_crm-space-s);
    padding: var(--_crm-space-s);
    text-align: center;
    font-weight: 600;
    color: var(--_crm-color-primary);
    border: 2px dashed var(--_crm-color-primary);
    border-radius: var(--_crm-radius);
  }
  .column.drop-target {
    border-color: var(--_crm-color-primary);
  }
  .column.drop-target .drop-hint {
    display: block;
  }
  .zones {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--_crm-space-m);
  }
  .zone {
    display: grid;
    gap: 0.125rem;
    padding: var(--_crm-space-m) var(--_crm-space-l);
    border: 2px dashed currentColor;
    border-radius: var(--_crm-radius);
    text-align: center;
  }
  .zone.won {
    color: var(--_crm-color-success);
  }
  .zone.lost {
    color: var(--_crm-color-danger);
  }
  .zone-name {
    font-weight: 700;
  }
  .zone-hint {
    font-size: var(--_crm-font-size-s);
  }
  .zone.drop-target {
    border-style: solid;
    background: var(--_column-background);
    box-shadow: inset 0 0 0 2px currentColor;
  }
`;
