import { html, type TemplateResult } from 'lit';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { AbcXyzThresholds } from '../../store/reports/abc-xyz.js';
import { textField } from './fields.js';

/** The threshold form's fields as typed. */
export interface ThresholdDraft {
  a: string;
  b: string;
  c: string;
  x: string;
  y: string;
}
export type ThresholdField = keyof ThresholdDraft;

/** A field's problem, localized when drawn. */
export type ThresholdProblem = { key: 'number' | 'limit' | 'order' } | { key: 'sum'; sum: number };

/** @internal The draft of thresholds. */
export function draftOf(thresholds: AbcXyzThresholds): ThresholdDraft {
  const [a, b, c] = thresholds.abc.map(String) as [string, string, string];
  const [x, y] = thresholds.xyz.map(String) as [string, string];
  return { a, b, c, x, y };
}

function number(text: string): number | undefined {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

/**
 * @internal Checks a draft: ABC shares 0–100 summing to 100 (A above 0), XYZ
 * limits ≥ 0 with X ≤ Y. A problem of two fields together is shown at the
 * field the user edited last. Returns the thresholds when all is well.
 */
export function checkThresholds(
  draft: ThresholdDraft,
  edited: ThresholdField | undefined,
): { thresholds?: AbcXyzThresholds; problems: Partial<Record<ThresholdField, ThresholdProblem>> } {
  const problems: Partial<Record<ThresholdField, ThresholdProblem>> = {};
  const values = {} as Record<ThresholdField, number>;
  for (const field of ['a', 'b', 'c', 'x', 'y'] as const) {
    const value = number(draft[field]);
    const abc = field === 'a' || field === 'b' || field === 'c';
    if (value === undefined || value < 0 || (abc && value > 100) || (field === 'a' && value === 0)) {
      problems[field] = { key: abc ? 'number' : 'limit' };
    } else values[field] = value;
  }
  const abcField = edited === 'a' || edited === 'b' || edited === 'c' ? edited : 'c';
  const sum = values.a + values.b + values.c;
  if (!problems.a && !problems.b && !problems.c && Math.abs(sum - 100) > 1e-9) problems[abcField] = { key: 'sum', sum };
  if (!problems.x && !problems.y && values.x > values.y) problems[edited === 'x' ? 'x' : 'y'] = { key: 'order' };
  if (Object.keys(problems).length) return { problems };
  return { thresholds: { abc: [values.a, values.b, values.c], xyz: [values.x, values.y] }, problems };
}

function message(localize: CrmLocalizeController, problem: ThresholdProblem | undefined): string | undefined {
  if (!problem) return undefined;
  if (problem.key === 'sum') return localize.term('classification.error.sum', localize.formatNumber(problem.sum));
  return localize.term(`classification.error.${problem.key}`);
}

/** @internal The thresholds form: ABC shares and XYZ limits; every keystroke is checked and, when valid, applied. */
export function thresholdsForm(
  localize: CrmLocalizeController,
  draft: ThresholdDraft,
  problems: Partial<Record<ThresholdField, ThresholdProblem>>,
  onInput: (field: ThresholdField, value: string) => void,
): TemplateResult {
  const field = (name: ThresholdField, label: string) =>
    textField({
      id: `threshold-${name}`,
      name,
      label: localize.term(label as 'classification.shareA'),
      value: draft[name],
      type: 'number',
      inputmode: 'decimal',
      required: true,
      error: message(localize, problems[name]),
      onInput: (value) => onInput(name, value),
    });
  return html`<form part="thresholds" class="thresholds" novalidate @submit=${(event: Event) => event.preventDefault()}>
    <fieldset>
      <legend>${localize.term('classification.abcShares')}</legend>
      <div class="row">
        ${field('a', 'classification.shareA')}${field('b', 'classification.shareB')}${field('c', 'classification.shareC')}
      </div>
    </fieldset>
    <fieldset>
      <legend>${localize.term('classification.xyzLimits')}</legend>
      <div class="row">${field('x', 'classification.limitX')}${field('y', 'classification.limitY')}</div>
    </fieldset>
  </form>`;
}
