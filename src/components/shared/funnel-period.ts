import { html } from 'lit';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';

/** The period presets of `crm-funnel-report`'s toolbar. @internal */
export type PeriodPreset = 'month' | 'quarter' | 'year' | 'custom';
export const periodPresets: readonly PeriodPreset[] = ['month', 'quarter', 'year', 'custom'];

/** A local date as `YYYY-MM-DD`. @internal */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The first and last day (inclusive, `YYYY-MM-DD`) of the month, quarter or year containing `today`. @internal */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today = new Date()): { from: string; to: string } {
  const year = today.getFullYear();
  const firstMonth = preset === 'month' ? today.getMonth() : preset === 'quarter' ? today.getMonth() - (today.getMonth() % 3) : 0;
  const months = preset === 'month' ? 1 : preset === 'quarter' ? 3 : 12;
  return { from: isoDate(new Date(year, firstMonth, 1)), to: isoDate(new Date(year, firstMonth + months, 0)) };
}

/** The preset a `from`/`to` pair is, or `custom`. @internal */
export function presetOf(from: string, to: string, today = new Date()): PeriodPreset {
  return (['month', 'quarter', 'year'] as const).find((p) => {
    const range = presetRange(p, today);
    return range.from === from && range.to === to;
  }) ?? 'custom';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `[from 00:00, the day after to 00:00)` in local time, in epoch ms; `undefined` for malformed or reversed dates. @internal */
export function periodInstants(from: string, to: string): { from: number; to: number } | undefined {
  if (!DATE.test(from) || !DATE.test(to)) return undefined;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const start = new Date(fy, fm - 1, fd).getTime();
  const end = new Date(ty, tm - 1, td + 1).getTime();
  return end > start ? { from: start, to: end } : undefined;
}

/** The period toolbar: preset buttons (pressed state) and the two date fields. @internal */
export function renderPeriodToolbar(
  localize: CrmLocalizeController,
  state: { preset: PeriodPreset; from: string; to: string },
  on: { preset: (preset: PeriodPreset) => void; dates: (from: string, to: string) => void },
) {
  const t = localize.term.bind(localize);
  const changed = (e: Event) => {
    const form = (e.target as HTMLElement).closest('.period')!;
    const [from, to] = [...form.querySelectorAll('input')].map((input) => input.value);
    on.dates(from ?? '', to ?? '');
  };
  return html`<div class="period" part="toolbar" role="group" aria-label=${t('funnelReport.period')}>
    ${periodPresets.map(
      (preset) => html`<button type="button" class="preset" aria-pressed=${state.preset === preset ? 'true' : 'false'} @click=${() => on.preset(preset)}>
        ${t(`funnelReport.preset.${preset}`)}
      </button>`,
    )}
    <label class="date">${t('funnelReport.from')} <input type="date" .value=${state.from} max=${state.to} @change=${changed} /></label>
    <label class="date">${t('funnelReport.to')} <input type="date" .value=${state.to} min=${state.from} @change=${changed} /></label>
  </div>`;
}
