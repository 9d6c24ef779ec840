import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';

export interface JournalToolbarOptions {
  localize: CrmLocalizeController;
  date: string;
  view: 'day' | 'week';
  /** Offer "First free time" (bound only), and whether its panel is open. */
  firstFree: boolean;
  firstFreeOpen: boolean;
  onStep(days: number): void;
  onToday(): void;
  onDate(date: string): void;
  onView(view: 'day' | 'week'): void;
  onFirstFree(): void;
}

/**
 * The journal's navigation: previous / today / next, a date field, day or
 * week, and "First free time".
 *
 * @internal
 */
export function renderJournalToolbar(o: JournalToolbarOptions): TemplateResult {
  const term = o.localize.term.bind(o.localize);
  const week = o.view === 'week';
  const arrow = (label: string, glyph: string, days: number) =>
    html`<button type="button" class="icon" @click=${() => o.onStep(days)}>
      <span aria-hidden="true">${glyph}</span><span class="visually-hidden">${label}</span>
    </button>`;
  const rtl = o.localize.dir() === 'rtl';
  return html`<div class="toolbar" part="toolbar" role="group" aria-label=${term('journal.toolbar')}>
    ${arrow(term(week ? 'journal.previousWeek' : 'journal.previousDay'), rtl ? '›' : '‹', week ? -7 : -1)}
    <button type="button" @click=${() => o.onToday()}>${term('journal.today')}</button>
    ${arrow(term(week ? 'journal.nextWeek' : 'journal.nextDay'), rtl ? '‹' : '›', week ? 7 : 1)}
    <label class="date">
      <span>${term('journal.date')}</span>
      <input type="date" required .value=${live(o.date)} @change=${(event: Event) => {
        const value = (event.target as HTMLInputElement).value;
        if (value) o.onDate(value);
      }} />
    </label>
    <div class="views" role="group" aria-label=${term('journal.view')}>
      <button type="button" aria-pressed=${week ? 'false' : 'true'} @click=${() => o.onView('day')}>${term('journal.viewDay')}</button>
      <button type="button" aria-pressed=${week ? 'true' : 'false'} @click=${() => o.onView('week')}>${term('journal.viewWeek')}</button>
    </div>
    ${o.firstFree ? html`<button type="button" aria-expanded=${o.firstFreeOpen ? 'true' : 'false'} aria-controls="first-free" @click=${() => o.onFirstFree()}>${term('journal.firstFree')}</button>` : nothing}
  </div>`;
}

/** The toolbar's look. @internal */
export const journalToolbarStyles = css`
  .toolbar, .views, .date { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_crm-space-s); }
  .views { gap: 0; }
  .views button:first-child { border-start-end-radius: 0; border-end-end-radius: 0; }
  .views button:last-child { border-start-start-radius: 0; border-end-start-radius: 0; margin-inline-start: -1px; }
  [aria-pressed='true'] { background: var(--_crm-color-surface-raised); font-weight: 700; border-color: var(--_crm-color-text-muted); }
  button.icon { padding-inline: var(--_crm-space-m); }
  input[type='date'] {
    font: inherit; color: inherit; background: var(--_crm-color-surface);
    border: 1px solid var(--_crm-color-border); border-radius: calc(var(--_crm-radius) / 2); padding: var(--_crm-space-xs) var(--_crm-space-s);
  }
`;
