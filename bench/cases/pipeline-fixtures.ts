// Shared by the pipeline rendering cases (R1–R3): deterministic deals on seven
// stages, the unbound board data `crm-deal-pipeline` takes, and a vanilla-DOM
// builder of the very markup the element draws (same classes, attributes,
// texts and styles), for the R1 floor.
import '@lit-labs/virtualizer';
import { html, LitElement, svg } from 'lit';
import { property } from 'lit/decorators.js';
import '../../src/components/deal-pipeline/deal-pipeline.js';
import type { CrmDealPipeline, DealBoardData } from '../../src/components/deal-pipeline/deal-pipeline.js';
import type { NextActivity } from '../../src/store/deals.js';
import type { Deal, InteractionKind, Stage } from '../../src/store/types.js';
import { nextFrame, type BenchCase } from '../harness.js';

/** A helper module, not a case (bench/page.ts loads every module in cases/). */
export const cases: BenchCase[] = [];

const DAY = 86_400_000;
export const STAGE_NAMES = ['Нова угода', 'Перший контакт', 'Кваліфікація', 'Презентація', 'Узгодження умов', 'Договір', 'Виконання'];
const PRODUCTS = ['Кухня з масиву дуба', 'Шафа-купе', 'Офісні меблі', 'Вітальня', 'Дитяча кімната', 'Передпокій', 'Спальня'];
const CLIENTS = ['ТОВ «Поділля-Трейд»', 'ФОП Олена Коваль', 'ПП «Дніпровські зорі»', 'ТОВ «Карпатський ліс»', 'ФОП Ігор Мельник'];
const MANAGERS = ['Ірина Бондаренко', 'Олег Шевчук', 'Марія Ткаченко', 'Андрій Кравець'];
const KINDS: InteractionKind[] = ['call', 'meeting', 'email', 'messenger'];

/** Seven stages of pipeline `p`. */
export function makeStages(pipelineId = 'bench-pipeline'): Stage[] {
  const at = Date.UTC(2025, 0, 1);
  return STAGE_NAMES.map((name, order) => ({ id: `${pipelineId}-stage-${order}`, pipelineId, name, order, createdAt: at, updatedAt: at }));
}

/** `count` open deals spread over the stages, newest (most recently updated) first within each stage. */
export function makeDeals(count: number, stages: readonly Stage[], now = Date.now()): Deal[] {
  return Array.from({ length: count }, (_, n): Deal => {
    const stage = stages[(n * 7 + (n >> 3)) % stages.length]!;
    const entered = now - ((n * 37) % 40) * DAY - (n % 24) * 3_600_000;
    return {
      id: `deal-${String(n).padStart(6, '0')}`,
      title: `${PRODUCTS[n % PRODUCTS.length]} №${1000 + n}`,
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      status: 'open',
      amount: { minor: (15_000 + ((n * 7919) % 600) * 500) * 100, currency: 'UAH' },
      clientType: 'counterparty',
      clientId: `client-${n % 300}`,
      ...(n % 9 === 4 ? {} : { managerId: `user-${n % MANAGERS.length}` }),
      stageEnteredAt: entered,
      createdAt: entered - 5 * DAY,
      updatedAt: now - n * 60_000,
    };
  });
}

/** The unbound board of these deals: every stage with all its deals (the element shows `per-stage` of them), totals, names. */
export function boardOf(deals: readonly Deal[], stages: readonly Stage[], now = Date.now()): DealBoardData {
  const columns = stages.map((stage) => ({ stage, count: 0, sums: {} as Record<string, number>, deals: [] as Deal[] }));
  const byId = new Map(columns.map((column) => [column.stage.id, column]));
  let total = 0;
  for (const deal of deals) {
    const column = byId.get(deal.stageId)!;
    column.count += 1;
    column.sums[deal.amount.currency] = (column.sums[deal.amount.currency] ?? 0) + deal.amount.minor;
    column.deals.push(deal);
    total += deal.amount.minor;
  }
  for (const column of columns) column.deals.sort((a, b) => b.updatedAt - a.updatedAt);
  const clientNames: Record<string, string> = {};
  const nextActivities: Record<string, NextActivity> = {};
  deals.forEach((deal, n) => {
    clientNames[deal.clientId] = `${CLIENTS[n % CLIENTS.length]} ${deal.clientId.slice(7)}`;
    if (n % 3 === 0) nextActivities[deal.id] = { type: 'task', id: `task-${n}`, at: now + ((n % 11) - 4) * DAY + 7_200_000, title: 'Передзвонити щодо замірів' };
    else if (n % 3 === 1)
      nextActivities[deal.id] = { type: 'interaction', id: `i-${n}`, at: now + ((n % 7) - 2) * 3_600_000 * 5 + 1_800_000, title: 'Узгодити дату доставки', kind: KINDS[n % KINDS.length]! };
  });
  return {
    pipelineName: 'Продажі меблів',
    stages: columns,
    count: deals.length,
    sums: { UAH: total },
    clientNames,
    nextActivities,
    managerNames: Object.fromEntries(MANAGERS.map((name, i) => [`user-${i}`, name])),
    lostReasons: [],
  };
}

/** The cards a pipeline shows now, per column (in column order). */
export function cardsPerColumn(el: Element, stages: readonly Stage[]): number[] {
  const root = el.shadowRoot!;
  return stages.map((stage) => root.querySelectorAll(`section[data-lane="${stage.id}"] .card`).length);
}

/** The cards in view per column: those overlapping their lane's scrolled viewport (columns scrolled sideways out of view count too). */
export function visibleCards(el: Element, stages: readonly Stage[]): number[] {
  const root = el.shadowRoot!;
  return stages.map((stage) => {
    const lane = root.querySelector(`section[data-lane="${stage.id}"] .lane`)?.getBoundingClientRect();
    if (!lane) return 0;
    return [...root.querySelectorAll(`section[data-lane="${stage.id}"] .card`)].filter((card) => {
      const box = card.getBoundingClientRect();
      return box.bottom > lane.top + 1 && box.top < lane.bottom - 1;
    }).length;
  });
}

/**
 * Resolves when the board shows `expected` (cards per column as `count` finds
 * them, joined); with none expected (an untimed first run), once that count
 * has stayed the same, and not empty, for ten frames.
 */
export async function cardsDrawn(
  el: HTMLElement,
  stages: readonly Stage[],
  expected: string | undefined,
  count: (el: Element, stages: readonly Stage[]) => number[] = cardsPerColumn,
): Promise<void> {
  if (expected !== undefined) {
    // Checked on each change of the board's DOM (no polling in the timed region).
    const done = () => count(el, stages).join() === expected;
    if (done()) return;
    return new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      });
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`timed out waiting for the cards in view (${expected}; ${count(el, stages).join()})`));
      }, 60_000);
    });
  }
  let last = '';
  let same = 0;
  while (same < 10) {
    await nextFrame();
    const now = count(el, stages);
    same = now.join() === last && now.some(Boolean) ? same + 1 : 0;
    last = now.join();
  }
}

/** The element's stylesheets, adopted as they are by the floor's shadow root. */
export function pipelineSheets(): CSSStyleSheet[] {
  const ctor = customElements.get('crm-deal-pipeline') as unknown as typeof CrmDealPipeline;
  return ctor.elementStyles.map((style) => (style instanceof CSSStyleSheet ? style : style.styleSheet!));
}

// ---- the vanilla floor: the same markup, built with createElement/textContent ----

const uah0 = new Intl.NumberFormat('uk', { style: 'currency', currency: 'UAH', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('uk');
const rules = new Intl.PluralRules('uk');
const relative = new Intl.RelativeTimeFormat('uk', { numeric: 'auto' });
const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];
const kindNames: Record<string, string> = { meeting: 'Зустріч', call: 'Дзвінок', sms: 'SMS', email: 'Лист', messenger: 'Месенджер', appointment: 'Візит', other: 'Інше' };
const forms = (n: number, one: string, few: string, many: string, other: string) => ({ one, few, many, other })[rules.select(n) as 'one'] ?? other;
const money = (minor: number) => uah0.format(minor / 100);
const sums = (by: Record<string, number>) => {
  const parts = Object.entries(by)
    .filter(([, minor]) => minor !== 0)
    .map(([currency, minor]) => new Intl.NumberFormat('uk', { style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 100));
  return parts.length ? parts.join(' + ') : money(0);
};
function when(at: number, now: number): string {
  const diff = at - now;
  for (const [unit, size] of units) if (Math.abs(diff) >= size || unit === 'second') return relative.format(Math.round(diff / size), unit);
  return relative.format(0, 'second');
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const noop = () => undefined;
const SVG = 'http://www.w3.org/2000/svg';

function card(deal: Deal, data: DealBoardData, now: number): HTMLElement {
  const root = el('div', 'card');
  root.setAttribute('role', 'listitem');
  root.draggable = true;
  root.dataset['deal'] = deal.id;
  root.addEventListener('dragstart', noop);
  root.addEventListener('dragend', noop);
  const head = el('div', 'card-head');
  const title = el('button', 'card-title', deal.title);
  title.id = `title-${deal.id}`;
  title.tabIndex = -1;
  title.setAttribute('aria-describedby', `info-${deal.id} help`);
  title.addEventListener('click', noop);
  title.addEventListener('keydown', noop);
  title.addEventListener('focus', noop);
  const move = el('button', 'card-move');
  move.tabIndex = -1;
  move.setAttribute('aria-haspopup', 'menu');
  move.setAttribute('aria-expanded', 'false');
  move.setAttribute('aria-label', `Перемістити угоду «${deal.title}»`);
  move.addEventListener('click', noop);
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of [['viewBox', '0 0 20 20'], ['width', '18'], ['height', '18'], ['aria-hidden', 'true'], ['focusable', 'false']]) svg.setAttribute(name!, value!);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M13 3l4 4-4 4V8H8V6h5V3zM7 9v3h5v2H7v3l-4-4 4-4z');
  svg.append(path);
  move.append(svg);
  head.append(title, move);

  const info = el('div', 'card-info');
  info.id = `info-${deal.id}`;
  const client = data.clientNames?.[deal.clientId] ?? 'Клієнта не знайдено';
  const clientLine = el('div', 'line client', client);
  clientLine.title = client;
  const row = el('div', 'card-row');
  const days = Math.max(0, Math.floor((now - deal.stageEnteredAt) / DAY));
  const amount = deal.amount.minor % 100 === 0 ? uah0.format(deal.amount.minor / 100) : new Intl.NumberFormat('uk', { style: 'currency', currency: deal.amount.currency }).format(deal.amount.minor / 100);
  row.append(
    el('span', 'amount', amount),
    el('span', days >= 14 ? 'age stale' : 'age', days < 1 ? 'Сьогодні на етапі' : `${count.format(days)} ${forms(days, 'день', 'дні', 'днів', 'дня')} на етапі`),
  );
  const manager = deal.managerId === undefined ? undefined : data.managerNames?.[deal.managerId];
  const managerLine = el('div', manager ? 'line manager' : 'line manager unset', manager ?? 'Без менеджера');
  const next = data.nextActivities?.[deal.id];
  const overdue = next !== undefined && next.at < now;
  const nextBox = el('div', next ? (overdue ? 'next overdue' : 'next') : 'next none');
  if (next) {
    const what = next.type === 'task' ? 'Завдання' : kindNames[next.kind ?? 'other']!;
    nextBox.append(el('span', 'next-when', `${what} ${when(next.at, now)}${overdue ? ', прострочено' : ''}`), el('span', 'next-title', next.title));
  } else nextBox.textContent = 'Нічого не заплановано';
  info.append(clientLine, row, managerLine, nextBox);
  root.append(head, info);
  return root;
}

function zone(lane: string, tone: 'won' | 'lost'): HTMLElement {
  const box = el('div', `zone ${tone}`);
  box.setAttribute('part', `zone ${tone}-zone`);
  box.dataset['lane'] = lane;
  for (const type of ['dragover', 'dragleave', 'drop']) box.addEventListener(type, noop);
  box.append(
    el('span', 'zone-name', tone === 'won' ? 'Виграно' : 'Втрачено'),
    el('span', 'zone-hint', `Перетягніть сюди угоду, щоб закрити її як ${tone === 'won' ? 'виграну' : 'втрачену'}`),
  );
  return box;
}

/**
 * Builds, in a shadow root with the element's own stylesheets, the markup
 * `crm-deal-pipeline` draws for `data`, with `shown[i]` cards in column i (the
 * ones the element's virtualized lanes draw) and the column's loaded count
 * (`perStage`) in its "shown N of M" line.
 */
export function vanillaBoard(host: HTMLElement, data: DealBoardData, shown: readonly number[], sheets: CSSStyleSheet[], perStage = 50): HTMLElement {
  const now = Date.now();
  const box = el('div');
  const shadow = box.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = sheets;
  const board = el('section', 'board');
  board.setAttribute('aria-labelledby', 'title');
  board.addEventListener('focusout', noop);
  const summary = el('header', 'summary');
  summary.setAttribute('part', 'header');
  const title = el('div', 'title', data.pipelineName ?? '');
  title.id = 'title';
  title.setAttribute('role', 'heading');
  title.setAttribute('aria-level', '2');
  summary.append(title, el('p', 'total', `${count.format(data.count)} ${forms(data.count, 'відкрита угода', 'відкриті угоди', 'відкритих угод', 'відкритої угоди')} на ${sums(data.sums)}`));
  const help = el(
    'p',
    'visually-hidden',
    'Пробіл — взяти угоду; стрілки вліво й вправо — вибрати етап; пробіл або Enter — покласти; Escape — скасувати. Enter — відкрити угоду.',
  );
  help.id = 'help';
  const failure = el('div', 'failure');
  failure.setAttribute('role', 'alert');
  const columns = el('div', 'columns');
  columns.setAttribute('part', 'columns');
  data.stages.forEach((column, i) => {
    const id = column.stage.id;
    const section = el('section', 'column');
    section.setAttribute('part', 'column');
    section.setAttribute('aria-labelledby', `stage-${id}`);
    section.dataset['lane'] = id;
    for (const type of ['dragover', 'dragleave', 'drop']) section.addEventListener(type, noop);
    const head = el('header', 'column-head');
    const name = el('div', 'stage-name', column.stage.name);
    name.id = `stage-${id}`;
    name.setAttribute('role', 'heading');
    name.setAttribute('aria-level', '3');
    const totals = el('div', 'stage-total');
    totals.append(el('span', 'stage-count', `${count.format(column.count)} ${forms(column.count, 'угода', 'угоди', 'угод', 'угоди')}`), el('span', 'stage-sum', sums(column.sums)));
    head.append(name, totals);
    const hint = el('p', 'drop-hint', 'Покладіть угоду сюди');
    hint.setAttribute('aria-hidden', 'true');
    section.append(head, hint);
    const loaded = Math.min(column.deals.length, perStage);
    if (loaded) {
      const lane = el('div', 'lane');
      lane.tabIndex = -1;
      lane.setAttribute('aria-label', `Угоди етапу «${column.stage.name}»`);
      lane.addEventListener('keydown', noop);
      const list = el('div');
      list.setAttribute('role', 'list');
      list.setAttribute('aria-label', `Угоди етапу «${column.stage.name}»`);
      list.dataset['lane'] = id;
      for (let n = 0; n < (shown[i] ?? 0); n += 1) list.append(card(column.deals[n]!, data, now));
      lane.append(list);
      section.append(lane);
    } else {
      const empty = el('p', 'empty', 'Немає угод');
      empty.tabIndex = -1;
      empty.dataset['empty'] = id;
      section.append(empty);
    }
    if (loaded < column.count) {
      const more = el('p', 'more', `Показано ${count.format(loaded)} з ${count.format(column.count)}`);
      const button = el('button', undefined, 'Показати ще');
      button.addEventListener('click', noop);
      more.append(button);
      section.append(more);
    }
    columns.append(section);
  });
  const zones = el('div', 'zones');
  zones.append(zone('#won', 'won'), zone('#lost', 'lost'));
  const status = el('div', 'visually-hidden');
  status.setAttribute('role', 'status');
  board.append(summary, help, failure, columns, zones, status);
  shadow.append(board);
  host.append(box);
  return box;
}

// ---- the minimal Lit + @lit-labs/virtualizer board (R2, R3 baseline) ----

/** One column of the minimal board. */
export interface MinimalColumn {
  stage: Stage;
  deals: Deal[];
}

const minimalIcon = svg`<svg viewBox="0 0 20 20" width="18" height="18"><path fill="currentColor" d="M13 3l4 4-4 4V8H8V6h5V3zM7 9v3h5v2H7v3l-4-4 4-4z"/></svg>`;
const minimalMoney = new Intl.NumberFormat('uk', { style: 'currency', currency: 'UAH', maximumFractionDigits: 0 });

/**
 * A tiny board as anyone would write it with Lit and the virtualizer: seven
 * columns, each a `lit-virtualizer` over all its deals, a plain card template
 * with the same fields as ours (title and a menu button, client, amount, days
 * in stage, manager, next step) and, so that cards have the same size, the
 * same stylesheets.
 */
export class BenchMinimalBoard extends LitElement {
  @property({ attribute: false }) columns: MinimalColumn[] = [];
  @property({ attribute: false }) data: DealBoardData | undefined;

  /** Takes the pipeline's stylesheets (before the first board is created). */
  static adopt(sheets: CSSStyleSheet[]): void {
    this.elementStyles = sheets;
  }

  override render() {
    const data = this.data;
    const now = Date.now();
    const card = (deal: Deal) => {
      const next = data?.nextActivities?.[deal.id];
      const days = Math.max(0, Math.floor((now - deal.stageEnteredAt) / DAY));
      return html`<div class="card" data-deal=${deal.id}>
        <div class="card-head"><button class="card-title">${deal.title}</button><button class="card-move">${minimalIcon}</button></div>
        <div class="card-info">
          <div class="line client">${data?.clientNames?.[deal.clientId] ?? ''}</div>
          <div class="card-row">
            <span class="amount">${minimalMoney.format(deal.amount.minor / 100)}</span>
            <span class=${days >= 14 ? 'age stale' : 'age'}>${days < 1 ? 'Сьогодні на етапі' : `${count.format(days)} ${forms(days, 'день', 'дні', 'днів', 'дня')} на етапі`}</span>
          </div>
          <div class=${deal.managerId === undefined ? 'line manager unset' : 'line manager'}>${deal.managerId === undefined ? 'Без менеджера' : data?.managerNames?.[deal.managerId]}</div>
          <div class="next">${next
            ? html`<span class="next-when">${next.type === 'task' ? 'Завдання' : kindNames[next.kind ?? 'other']} ${when(next.at, now)}${next.at < now ? ', прострочено' : ''}</span><span class="next-title">${next.title}</span>`
            : 'Нічого не заплановано'}</div>
        </div>
      </div>`;
    };
    return html`<div class="board"><div class="columns">
      ${this.columns.map(
        (column) => html`<section class="column" data-lane=${column.stage.id}>
          <header class="column-head">
            <div class="stage-name">${column.stage.name}</div>
            <div class="stage-total"><span class="stage-count">${count.format(column.deals.length)} ${forms(column.deals.length, 'угода', 'угоди', 'угод', 'угоди')}</span></div>
          </header>
          <div class="lane"><lit-virtualizer .items=${column.deals} .keyFunction=${(deal: Deal) => deal.id} .renderItem=${card}></lit-virtualizer></div>
        </section>`,
      )}
    </div></div>`;
  }
}
customElements.define('bench-minimal-board', BenchMinimalBoard);

/** The minimal board's columns for a board's data (all deals of each stage). */
export function minimalColumns(data: DealBoardData): MinimalColumn[] {
  return data.stages.map((column) => ({ stage: column.stage, deals: column.deals }));
}
