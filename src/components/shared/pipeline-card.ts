import { css, html, svg, type TemplateResult } from 'lit';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import { formatRelativeTime, minorUnitsPerMajor, numberFormat } from '../../i18n/index.js';
import type { NextActivity } from '../../store/deals.js';
import type { Deal } from '../../store/types.js';

const DAY = 86_400_000;
/** Days in one stage after which a card's age is shown as a warning. */
export const STALE_DAYS = 14;

/**
 * What one render of a board formats: the money formatters made once and the
 * next activity's wording — a board draws hundreds of cards.
 */
export interface PipelineTexts {
  now: number;
  /** A card's amount, without minor units when it has none. */
  amount(amount: { minor: number; currency: string }): string;
  /** The next activity's kind and when: `Дзвінок завтра`. */
  next(next: NextActivity): string;
}

/** The texts of one render (see `PipelineTexts`). */
export function pipelineTexts(localize: CrmLocalizeController, now: number): PipelineTexts {
  const formats = new Map<string, { format: Intl.NumberFormat; per: number }>();
  // As `localize.money(amount, whole ? { maximumFractionDigits: 0 } : {})`, with the formatter looked up once.
  // The language is the element's at each call: lanes draw cards scrolled into view between the board's renders.
  const money = ({ minor, currency }: { minor: number; currency: string }) => {
    const lang = localize.lang();
    const whole = minor % 100 === 0;
    const key = `${lang} ${currency}${whole ? '' : '.'}`;
    let entry = formats.get(key);
    if (!entry) {
      entry = { format: numberFormat(lang, { style: 'currency', currency, ...(whole ? { maximumFractionDigits: 0 } : {}) }), per: minorUnitsPerMajor(currency) };
      formats.set(key, entry);
    }
    return entry.format.format(minor / entry.per);
  };
  return {
    now,
    amount: money,
    next: (next) =>
      localize.term('pipeline.next', localize.term(next.type === 'task' ? 'pipeline.task' : `interaction.kind.${next.kind ?? 'other'}`), formatRelativeTime(localize.lang(), next.at, now)),
  };
}

/** What a deal card needs from the board that draws it. */
export interface PipelineCardContext {
  localize: CrmLocalizeController;
  texts: PipelineTexts;
  now: number;
  clientName(deal: Deal): string | undefined;
  managerName(deal: Deal): string | undefined;
  nextActivity(deal: Deal): NextActivity | undefined;
  /** Whether the card is the board's one Tab stop. */
  isTabStop(deal: Deal): boolean;
  /** Whether the card is picked up by keyboard or dragged by mouse. */
  isCarried(deal: Deal): boolean;
  onSelect(deal: Deal): void;
  onKeydown(event: KeyboardEvent, deal: Deal): void;
  onFocus(deal: Deal): void;
  onMoveMenu(event: Event, deal: Deal): void;
  onDragStart(event: DragEvent, deal: Deal): void;
  onDragEnd(): void;
}

const moveIcon = svg`<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false"><path fill="currentColor" d="M13 3l4 4-4 4V8H8V6h5V3zM7 9v3h5v2H7v3l-4-4 4-4z"/></svg>`;

/**
 * One deal on the board: a template, not an element (a board draws thousands).
 * The title is the card's focus target (Enter or a click opens the deal); the
 * move button opens the "Move to…" menu; the whole card drags.
 *
 * @internal
 */
export function renderDealCard(deal: Deal, ctx: PipelineCardContext): TemplateResult {
  const { texts } = ctx;
  const { now } = texts;
  const { localize } = ctx;
  const tabindex = ctx.isTabStop(deal) ? 0 : -1;
  const days = Math.max(0, Math.floor((now - deal.stageEnteredAt) / DAY));
  const next = ctx.nextActivity(deal);
  const overdue = next !== undefined && next.at < now;
  const manager = ctx.managerName(deal);
  const client = ctx.clientName(deal) ?? localize.term('pipeline.unknownClient');
  return html`<div
    class=${ctx.isCarried(deal) ? 'card carried' : 'card'}
    role="listitem"
    draggable="true"
    data-deal=${deal.id}
    @dragstart=${(event: DragEvent) => ctx.onDragStart(event, deal)}
    @dragend=${() => ctx.onDragEnd()}
  >
    <div class="card-head">
      <button
        class="card-title"
        id="title-${deal.id}"
        tabindex=${tabindex}
        aria-describedby="info-${deal.id} help"
        @click=${() => ctx.onSelect(deal)}
        @keydown=${(event: KeyboardEvent) => ctx.onKeydown(event, deal)}
        @focus=${() => ctx.onFocus(deal)}
      >
        ${deal.title}
      </button>
      <button
        class="card-move"
        tabindex=${tabindex}
        aria-haspopup="menu"
        aria-expanded="false"
        aria-label=${localize.term('pipeline.moveDeal', deal.title)}
        @click=${(event: Event) => ctx.onMoveMenu(event, deal)}
      >
        ${moveIcon}
      </button>
    </div>
    <div class="card-info" id="info-${deal.id}">
      <div class="line client" title=${client}>${client}</div>
      <div class="card-row">
        <span class="amount">${texts.amount(deal.amount)}</span>
        <span class=${days >= STALE_DAYS ? 'age stale' : 'age'}>${localize.term('pipeline.daysInStage', days)}</span>
      </div>
      <div class=${manager ? 'line manager' : 'line manager unset'}>${manager ?? localize.term('pipeline.noManager')}</div>
      <div class=${next ? (overdue ? 'next overdue' : 'next') : 'next none'}>
        ${next
          ? html`<span class="next-when">${texts.next(next)}${overdue ? `, ${localize.term('pipeline.overdue')}` : ''}</span>
              <span class="next-title">${next.title}</span>`
          : localize.term('pipeline.nothingPlanned')}
      </div>
    </div>
  </div>`;
}

/** The cards' styles, shared by the board's shadow root. */
export const pipelineCardStyles = css`
  .card {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_crm-space-xs);
    /* Virtualized items are positioned absolutely: the side margins make the gutter. */
    inline-size: calc(100% - var(--_crm-space-s) - var(--_crm-space-xs));
    margin: 0 var(--_crm-space-xs) var(--_crm-space-s) var(--_crm-space-s);
    padding: var(--_crm-space-s) var(--_crm-space-s) var(--_crm-space-s) var(--_crm-space-m);
    background: var(--_crm-color-surface);
    border: 1px solid var(--_crm-color-border);
    border-radius: var(--_crm-radius);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.06);
    cursor: grab;
    font-size: var(--_crm-font-size-s);
  }
  .card:hover {
    border-color: var(--_crm-color-text-muted);
  }
  .card.carried {
    outline: 2px dashed var(--_crm-color-primary);
    outline-offset: 1px;
    box-shadow: var(--_crm-shadow);
    opacity: 0.85;
  }
  .card-head {
    display: flex;
    align-items: flex-start;
    gap: var(--_crm-space-xs);
  }
  .card-title {
    flex: 1;
    min-inline-size: 0;
    min-block-size: 1.75rem;
    padding: 0;
    border: 0;
    background: none;
    text-align: start;
    font-weight: 600;
    font-size: var(--_crm-font-size-m);
    line-height: 1.3;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .card-title:hover {
    color: var(--_crm-color-primary);
    text-decoration: underline;
  }
  .card-move {
    flex: none;
    display: grid;
    place-items: center;
    min-block-size: 1.75rem;
    inline-size: 1.75rem;
    padding: 0;
    border-color: transparent;
    background: none;
    color: var(--_crm-color-text-muted);
  }
  .card-move:hover,
  .card-move[aria-expanded='true'] {
    border-color: var(--_crm-color-border);
    background: var(--_crm-color-surface-raised);
    color: var(--_crm-color-text);
  }
  .card-row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0 var(--_crm-space-s);
  }
  .line {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .amount {
    flex: none;
    font-weight: 700;
    font-size: var(--_crm-font-size-m);
    font-variant-numeric: tabular-nums;
  }
  .age,
  .manager,
  .next.none {
    color: var(--_crm-color-text-muted);
  }
  .age {
    flex: none;
  }
  .manager.unset {
    font-style: italic;
  }
  .age.stale {
    color: var(--_crm-color-warning);
    font-weight: 600;
  }
  .next {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    padding-block-start: var(--_crm-space-xs);
    border-block-start: 1px dashed var(--_crm-color-border);
  }
  .next-when {
    font-weight: 600;
  }
  .next.overdue .next-when {
    color: var(--_crm-color-danger);
  }
  .next-title {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
