import { css, html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { Interaction, InteractionKind } from '../../store/types.js';
import { formatPhone } from '../../store/ukrainian.js';
import { dateTimeFormat } from '../../i18n/index.js';
import { dayKey, dayLabel } from './interaction-log-data.js';

/**
 * One entry of `crm-interaction-log`'s feed: the day heading when it opens a
 * day, the kind's icon and name, direction, time, marks (planned, overdue,
 * cancelled, unprocessed), summary, text (collapsed when long), author, and
 * the actions that apply to it. Actions are buttons with `data-action`; the
 * log handles their clicks.
 *
 * @internal
 */

const icons: Record<InteractionKind, SVGTemplateResult> = {
  call: svg`<path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z"/>`,
  meeting: svg`<circle cx="9" cy="8" r="3"/><path d="M3 20a6 6 0 0 1 12 0"/><circle cx="17" cy="9" r="2.5"/><path d="M15.5 14.2A5 5 0 0 1 21 19"/>`,
  sms: svg`<path d="M4 4h16v12H9l-5 4z"/><path d="M8 9h8M8 12h5"/>`,
  email: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>`,
  messenger: svg`<path d="M22 2 11 13"/><path d="M22 2 15 22l-4-9-9-4z"/>`,
  appointment: svg`<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>`,
  other: svg`<circle cx="12" cy="12" r="9"/><path d="M8 12h.01M12 12h.01M16 12h.01"/>`,
};

/** Texts longer than this (or with more lines than `LONG_LINES`) start collapsed. */
const LONG_TEXT = 240;
const LONG_LINES = 3;

export const isLongText = (text: string) => text.length > LONG_TEXT || text.split('\n').length > LONG_LINES;

/** What an entry needs from its log. */
export interface EntryContext {
  localize: CrmLocalizeController;
  /** The log's texts for this render (`entryTexts`). */
  texts: EntryTexts;
  now: number;
  /** The level of the day headings. */
  headingLevel: number;
  total: number;
  userName: (id: string | undefined) => string | undefined;
  expanded: ReadonlySet<string>;
}

/** The actions that apply to an interaction. */
export function entryActions(item: Interaction): Array<'complete' | 'reschedule' | 'process' | 'create-lead'> {
  const unknownCaller = item.subjectType === 'unknown' && !!item.from && item.direction === 'incoming' && (item.kind === 'call' || item.kind === 'email');
  return [
    ...(item.status === 'planned' ? (['complete', 'reschedule'] as const) : []),
    ...(unknownCaller ? (['create-lead'] as const) : []),
    ...(!item.processed ? (['process'] as const) : []),
  ];
}

/** The texts and formats of one render of a feed: language resolved once, day labels and the time format made once. */
export interface EntryTexts {
  term: CrmLocalizeController['term'];
  /** `dayLabel` of the instant's day. */
  day(at: number): string;
  /** The instant's time of day: `09:30`. */
  time(at: number): string;
}

/** The texts of one render of a feed. */
export function entryTexts(localize: CrmLocalizeController, now: number): EntryTexts {
  const lang = localize.lang();
  const term = localize.term.bind(localize);
  const days = new Map<string, string>();
  const time = dateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
  return {
    term,
    day: (at) => {
      const key = dayKey(at);
      let label = days.get(key);
      if (label === undefined) days.set(key, (label = dayLabel(at, now, localize)));
      return label;
    },
    time: (at) => time.format(at),
  };
}

const actionLabel = { complete: 'interactionLog.complete', reschedule: 'interactionLog.reschedule', process: 'interactionLog.process', 'create-lead': 'interactionLog.createLead' } as const;

/**
 * Entry `index` of the feed (`previous` is the entry above it, `null` for the
 * first, `undefined` when not read yet): a placeholder while `item` is being read.
 */
export function renderInteractionEntry(
  item: Interaction | undefined,
  previous: Interaction | null | undefined,
  index: number,
  active: boolean,
  ctx: EntryContext,
): TemplateResult {
  const { now, texts } = ctx;
  const { term } = texts;
  const base = (content: TemplateResult) => html`<article
    class=${item ? 'entry' : 'entry placeholder'}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.total}
    aria-busy=${item ? 'false' : 'true'}
    aria-labelledby=${`e${index}-summary`}
    tabindex=${active ? 0 : -1}
    data-index=${index}
  >
    ${content}
  </article>`;
  if (!item) return base(html`<p class="summary" id=${`e${index}-summary`}><span class="visually-hidden">${term('common.loading')}</span><span class="bar" aria-hidden="true"></span></p>`);

  const opensDay = previous === null || previous === undefined || dayKey(previous.at) !== dayKey(item.at);
  const overdue = item.status === 'planned' && item.at < now;
  const direction = item.direction === 'none' ? '' : ` · ${term(`interaction.direction.${item.direction}`)}`;
  const author = ctx.userName(item.authorId);
  const long = !!item.body && isLongText(item.body);
  const open = ctx.expanded.has(item.id);
  const actions = entryActions(item);
  const mark = (kind: string, label: string) => html`<span class="mark ${kind}">${label}</span>`;
  return base(html`${opensDay
      ? html`<div class="day" role="heading" aria-level=${ctx.headingLevel}>${texts.day(item.at)}</div>`
      : nothing}
    <div class="entry-main ${item.kind} ${item.status}${overdue ? ' overdue' : ''}">
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${icons[item.kind]}</svg>
      <div class="content">
        <p class="meta">
          <span class="kind">${term(`interaction.kind.${item.kind}`)}${direction}</span>
          <time datetime=${new Date(item.at).toISOString()}>${texts.time(item.at)}</time>
          ${item.status === 'planned' ? mark('planned', term('interactionLog.planned')) : nothing}
          ${overdue ? mark('overdue', term('interactionLog.overdue')) : nothing}
          ${item.status === 'cancelled' ? mark('cancelled', term('interactionLog.cancelled')) : nothing}
          ${!item.processed ? mark('unprocessed', term('interactionLog.unprocessed')) : nothing}
        </p>
        <p class="summary" id=${`e${index}-summary`}>${item.subject}</p>
        ${item.body
          ? html`<p class="text ${long && !open ? 'collapsed' : ''}" id=${`e${index}-text`}>${item.body}</p>
              ${long
                ? html`<button class="link" data-action="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`e${index}-text`}>
                    ${term(open ? 'interactionLog.showLess' : 'interactionLog.showMore')}
                  </button>`
                : nothing}`
          : nothing}
        ${item.subjectType === 'unknown' && item.from
          ? html`<p class="who">${term('interactionLog.from', item.from.includes('@') ? item.from : formatPhone(item.from))}</p>`
          : nothing}
        ${author ? html`<p class="who">${term('interactionLog.author', author)}</p>` : nothing}
        ${actions.length
          ? html`<div class="entry-actions" role="group" aria-label=${term('interactionLog.actions', item.subject)}>
              ${actions.map((action) => html`<button data-action=${action}>${term(actionLabel[action])}</button>`)}
            </div>`
          : nothing}
      </div>
    </div>`);
}

/** What the feed shows instead of entries: loading, a read error with "retry", or why it is empty. */
export function renderFeedState(
  localize: CrmLocalizeController,
  state: { status: string; error: unknown; filtered: boolean; queue: boolean; retry: () => void; reset: () => void },
): TemplateResult {
  const term = localize.term.bind(localize);
  if (state.status === 'pending') return html`<p class="state" role="status">${term('common.loading')}</p>`;
  if (state.status === 'error')
    return html`<div class="state" role="alert">
      <p><strong>${term('common.loadFailed')}</strong></p>
      <p>${localize.errorMessage(state.error)}</p>
      <button @click=${state.retry}>${term('common.retry')}</button>
    </div>`;
  const [title, hint] = state.filtered
    ? (['interactionLog.noMatches', 'interactionLog.noMatchesHint'] as const)
    : state.queue
      ? (['interactionLog.emptyUnprocessed', 'interactionLog.emptyUnprocessedHint'] as const)
      : (['interactionLog.empty', 'interactionLog.emptyHint'] as const);
  return html`<div class="state">
    <p><strong>${term(title)}</strong></p>
    <p>${term(hint)}</p>
    ${state.filtered ? html`<button @click=${state.reset}>${term('interactionLog.resetFilters')}</button>` : nothing}
  </div>`;
}

/** Styles of the feed's entries. */
export const entryStyles = css`
  .entry {
    inline-size: 100%;
    border-block-end: 1px solid var(--_crm-color-border);
  }
  .entry:focus-visible {
    outline-offset: -2px;
  }
  .day {
    display: flex;
    align-items: center;
    block-size: var(--_day-height);
    padding-inline: var(--_crm-space-l);
    font-size: var(--_crm-font-size-s);
    font-weight: 600;
    color: var(--_crm-color-text-muted);
    background: var(--_crm-color-surface-raised);
    border-block-end: 1px solid var(--_crm-color-border);
  }
  .entry-main {
    display: grid;
    grid-template-columns: 2rem minmax(0, 1fr);
    gap: var(--_crm-space-m);
    padding: var(--_crm-space-m) var(--_crm-space-l);
  }
  .icon {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.125rem;
    fill: none;
    stroke: var(--_crm-color-primary);
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .overdue .icon {
    stroke: var(--_crm-color-danger);
  }
  .cancelled .summary {
    text-decoration: line-through;
  }
  .content {
    min-inline-size: 0;
  }
  .content p {
    margin: 0 0 var(--_crm-space-xs);
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_crm-space-xs) var(--_crm-space-s);
    font-size: var(--_crm-font-size-s);
    color: var(--_crm-color-text-muted);
  }
  .kind {
    font-weight: 600;
    color: var(--_crm-color-text);
  }
  .mark {
    padding: 0 var(--_crm-space-s);
    border: 1px solid currentColor;
    border-radius: 999px;
  }
  .mark.planned {
    color: var(--_crm-color-primary);
  }
  .mark.overdue {
    color: var(--_crm-color-danger);
    font-weight: 600;
  }
  .mark.unprocessed {
    color: var(--_crm-color-warning);
  }
  .summary {
    font-weight: 600;
  }
  .text {
    white-space: pre-line;
  }
  .text.collapsed {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .who {
    font-size: var(--_crm-font-size-s);
    color: var(--_crm-color-text-muted);
  }
  button.link {
    min-block-size: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_crm-color-primary);
    text-decoration: underline;
    font-size: var(--_crm-font-size-s);
  }
  .entry-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space-s);
    margin-block-start: var(--_crm-space-s);
  }
  .entry-actions button {
    min-block-size: 2rem;
    padding: var(--_crm-space-xs) var(--_crm-space-m);
    font-size: var(--_crm-font-size-s);
  }
  .placeholder .summary {
    padding: var(--_crm-space-l);
  }
  .bar {
    display: block;
    block-size: 0.75rem;
    inline-size: 60%;
    border-radius: 999px;
    background: var(--_crm-color-surface-raised);
  }
`;

/** Styles of the feed around the entries: its scroller, the pinned day of the topmost entry, and its states. */
export const feedStyles = css`
  .feed-wrap {
    position: relative;
    flex: 1;
    min-block-size: 8rem;
    display: flex;
    flex-direction: column;
    border-block-start: 1px solid var(--_crm-color-border);
  }
  .feed {
    flex: 1;
    min-block-size: 0;
    /* A scrollbar appearing must not resize the entries (a ResizeObserver loop in the virtualizer). */
    scrollbar-gutter: stable;
  }
  .current-day {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: calc(100% - var(--_scrollbar, 0px));
    pointer-events: none;
  }
  .state,
  .action-error {
    margin: 0;
    padding: var(--_crm-space-xl) var(--_crm-space-l);
    text-align: center;
    color: var(--_crm-color-text-muted);
  }
  .action-error {
    padding-block: var(--_crm-space-s);
    color: var(--_crm-color-danger);
  }
  .state p {
    margin: 0 0 var(--_crm-space-s);
  }
  .state strong {
    color: var(--_crm-color-text);
    font-size: var(--_crm-font-size-l);
  }
`;
