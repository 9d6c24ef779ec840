import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { minorUnitsPerMajor, numberFormat } from '../../i18n/format.js';
import { CrmError } from '../../store/errors.js';
import type { DuplicateMatch } from '../../store/duplicates.js';
import type { ConvertLeadInput } from '../../store/leads.js';
import type { PipelineWithStages } from '../../store/pipelines.js';
import type { CrmStore } from '../../store/store.js';
import type { Lead } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { errorAt, formFooter, selectField, textField } from './fields.js';

/**
 * An amount typed the way people of `locale` write it (`12 500,50` in
 * Ukrainian, `12,500.50` in English; a dot is taken as the decimal point in
 * Ukrainian too) in minor units of `currency`: `1250050`. `undefined` when
 * empty, `NaN` when it is not a non-negative amount with at most the
 * currency's fraction digits.
 */
export function parseAmount(text: string, locale: string, currency = 'UAH'): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!compact) return undefined;
  const parts = numberFormat(locale).formatToParts(12345.6);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value.trim() ?? '';
  const [whole = '', ...fractions] = compact.split(decimal === '.' ? '.' : /[.,]/);
  // A group separator that is not a space (`,` in English) must split the whole part in threes.
  if (group && group !== decimal && whole.includes(group) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return NaN;
  const digits = Math.round(Math.log10(minorUnitsPerMajor(currency)));
  const integer = group ? whole.split(group).join('') : whole;
  const fraction = fractions.length === 1 ? fractions[0]! : fractions.length === 0 ? '' : 'x';
  if (!/^\d+$/.test(integer) || !new RegExp(`^\\d{0,${digits}}$`).test(fraction)) return NaN;
  const minor = Number(integer) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : NaN;
}

/** What the conversion dialog offers: the pipelines with their stages, and counterparties that look like the lead. */
export interface ConversionChoices {
  pipelines: PipelineWithStages[];
  candidates: DuplicateMatch[];
}

/** Reads the conversion dialog's choices from a store: active pipelines with stages, and counterparties sharing a phone, e-mail or tax code. */
export async function conversionChoices(store: CrmStore, lead: Lead): Promise<ConversionChoices> {
  const [pipelines, duplicates] = await Promise.all([
    store.pipelines.list(),
    store.leads.findDuplicates({ taxCode: lead.taxCode, phones: lead.phones, emails: lead.emails, excludeId: lead.id }),
  ]);
  const stages = await Promise.all(pipelines.map((pipeline) => store.pipelines.stages(pipeline.id)));
  return {
    pipelines: pipelines.map((pipeline, index) => ({ pipeline, stages: stages[index]! })),
    candidates: duplicates.filter((match) => match.type === 'counterparty'),
  };
}

export interface ConvertLeadRequest extends ConversionChoices {
  lead: Lead;
  /** Writes the conversion (e.g. `store.leads.convert(id, input)`); a `CrmError` it throws is shown at its field and the dialog stays open. */
  commit: (input: ConvertLeadInput) => Promise<unknown>;
}

const fieldNames = ['counterparty', 'counterpartyId', 'deal.pipelineId', 'deal.stageId', 'deal.title', 'deal.amount'];

/**
 * The modal dialog that converts a lead into a customer: a new counterparty or
 * one that shares the lead's phone, e-mail or tax code, and optionally a deal
 * in a chosen pipeline and stage with an amount typed in the user's language.
 * Used inside `crm-lead-card`; not part of the public API.
 *
 * @internal
 */
@customElement('crm-convert-lead-dialog')
export class CrmConvertLeadDialog extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    formStyles,
    css`
      .choice {
        display: flex;
        gap: var(--_crm-space-s);
        align-items: baseline;
        margin-block: var(--_crm-space-xs);
        overflow-wrap: anywhere;
      }
      fieldset,
      form > .hint {
        margin-block-end: var(--_crm-space-m);
      }
      fieldset > legend {
        margin-block-end: var(--_crm-space-xs);
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
        column-gap: var(--_crm-space-m);
      }
      button[aria-disabled='true'] {
        opacity: 0.6;
        cursor: progress;
      }
    `,
  ];

  @state() private into = '';
  @state() private withDeal = true;
  @state() private pipelineId = '';
  @state() private stageId = '';
  @state() private dealTitle = '';
  @state() private amount = '';

  private readonly submitter = new FormSubmitController(this);
  private readonly modal = new ModalController<ConvertLeadRequest, true>(this);

  /** Opens the dialog. Resolves `true` once the conversion is committed, `false` when the user cancels. */
  async open(request: ConvertLeadRequest): Promise<boolean> {
    const first = request.pipelines[0];
    Object.assign(this, {
      into: '',
      withDeal: first !== undefined,
      pipelineId: first?.pipeline.id ?? '',
      stageId: first?.stages[0]?.id ?? '',
      dealTitle: request.lead.company ?? request.lead.name,
      amount: '',
    });
    this.submitter.reset();
    return (await this.modal.open(request)) ?? false;
  }

  /** The input for `leads.convert`, or a `CrmError` at the field the user must fix. */
  private input(): ConvertLeadInput {
    const into = this.into ? { counterpartyId: this.into } : {};
    if (!this.withDeal) return into;
    const title = this.dealTitle.trim();
    const minor = parseAmount(this.amount, this.localize.lang());
    if (!this.pipelineId) throw new CrmError('VALIDATION', 'error.required', { field: 'deal.pipelineId' });
    if (!title) throw new CrmError('VALIDATION', 'error.required', { field: 'deal.title' });
    if (Number.isNaN(minor)) throw new CrmError('VALIDATION', 'error.amount', { field: 'deal.amount' });
    const deal = { pipelineId: this.pipelineId, ...(this.stageId ? { stageId: this.stageId } : {}), title };
    return { ...into, deal: minor === undefined ? deal : { ...deal, amount: { minor, currency: 'UAH' } } };
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const request = this.modal.request;
    if (this.submitter.saving || !request) return;
    await this.submitter.run(async () => {
      const input = this.input();
      await request.commit(input);
      this.modal.finish(true);
    });
  }

  private choosePipeline(pipelineId: string): void {
    this.pipelineId = pipelineId;
    this.stageId = this.modal.request?.pipelines.find((p) => p.pipeline.id === pipelineId)?.stages[0]?.id ?? '';
  }

  private renderInto(request: ConvertLeadRequest) {
    const term = this.localize.term.bind(this.localize);
    const lead = request.lead;
    const newName = lead.taxCode?.length === 8 ? (lead.company ?? lead.name) : lead.name;
    const message = errorAt(this.submitter.error, 'counterparty', (e) => this.localize.errorMessage(e)) ??
      errorAt(this.submitter.error, 'counterpartyId', (e) => this.localize.errorMessage(e));
    const choices = [{ id: '', label: term('leadCard.convertNew', newName) }].concat(
      request.candidates.map((match) => ({ id: match.id, label: term('leadCard.convertExisting', match.name) })),
    );
    return html`<fieldset aria-describedby=${ifDefined(message ? 'into-error' : undefined)}>
      <legend>${term('leadCard.convertInto')}</legend>
      ${choices.length === 1
        ? html`<p class="choice">${choices[0]!.label}</p>`
        : choices.map(
            (choice) => html`<label class="choice">
              <input type="radio" name="into" .checked=${this.into === choice.id} @change=${() => (this.into = choice.id)} />
              ${choice.label}
            </label>`,
          )}
      <p class="field-error" id="into-error">${message ?? ''}</p>
    </fieldset>`;
  }

  private renderDeal(request: ConvertLeadRequest) {
    const term = this.localize.term.bind(this.localize);
    const message = (error: CrmError) => this.localize.errorMessage(error);
    const stages = request.pipelines.find((p) => p.pipeline.id === this.pipelineId)?.stages ?? [];
    return html`<div class="grid">
        ${selectField({
          id: 'convert-pipeline',
          label: term('field.pipeline'),
          value: this.pipelineId,
          required: true,
          options: request.pipelines.map((p) => ({ value: p.pipeline.id, label: p.pipeline.name })),
          error: errorAt(this.submitter.error, 'deal.pipelineId', message),
          onChange: (value) => this.choosePipeline(value),
        })}
        ${selectField({
          id: 'convert-stage',
          label: term('field.stage'),
          value: this.stageId,
          options: stages.map((stage) => ({ value: stage.id, label: stage.name })),
          error: errorAt(this.submitter.error, 'deal.stageId', message),
          onChange: (value) => (this.stageId = value),
        })}
      </div>
      ${textField({
        id: 'convert-title',
        label: term('leadCard.dealTitle'),
        value: this.dealTitle,
        required: true,
        error: errorAt(this.submitter.error, 'deal.title', message),
        onInput: (value) => (this.dealTitle = value),
      })}
      ${textField({
        id: 'convert-amount',
        label: term('field.amount'),
        value: this.amount,
        inputmode: 'decimal',
        autocomplete: 'off',
        hint: term('leadCard.amountHint'),
        error: errorAt(this.submitter.error, 'deal.amount', message),
        onInput: (value) => (this.amount = value),
      })}`;
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const request = this.modal.request;
    return html`<dialog aria-labelledby="convert-title-heading" @close=${this.modal.onClose}>
      ${request
        ? html`<form novalidate @submit=${this.submit}>
            <h2 id="convert-title-heading">${term('leadCard.convertTitle', request.lead.name)}</h2>
            <p class="hint">${term('leadCard.convertHistory')}</p>
            ${this.renderInto(request)}
            ${request.pipelines.length
              ? html`<label class="choice">
                    <input type="checkbox" id="convert-with-deal" .checked=${this.withDeal} @change=${(e: Event) => (this.withDeal = (e.target as HTMLInputElement).checked)} />
                    ${term('leadCard.withDeal')}
                  </label>
                  ${this.withDeal ? this.renderDeal(request) : nothing}`
              : html`<p class="hint">${term('leadCard.noPipelines')}</p>`}
            ${formFooter(this.localize, {
              error: this.submitter.error,
              fields: fieldNames,
              saving: this.submitter.saving,
              submitLabel: term('leadCard.convertConfirm'),
              onCancel: () => this.modal.finish(),
            })}
          </form>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-convert-lead-dialog': CrmConvertLeadDialog;
  }
}
