import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
import { CrmError } from '../../store/errors.js';
import type { InteractionDirection, InteractionKind } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { errorAt, errorOutside, selectField, textField } from './fields.js';
import { fromLocalInput, logDirections, logKinds, toLocalInput } from './interaction-log-data.js';

/** What the quick form gives its owner to register. */
export interface InteractionDraft {
  kind: InteractionKind;
  direction: InteractionDirection;
  status: 'planned' | 'done';
  at: number;
  subject: string;
  body?: string;
  remindAt?: number;
  /** The unknown party's phone or e-mail (only when the log has no subject). */
  from?: string;
}

const fields = ['kind', 'direction', 'at', 'subject', 'body', 'from', 'remindAt'];

/**
 * The quick registration form at the top of `crm-interaction-log`: kind,
 * direction, when (now unless changed), summary, details, and "plan it" with
 * a reminder time. Enter in the summary registers it. With `askFrom` (a log
 * with no subject) it asks for the unknown party's phone or e-mail (A7).
 * A `CrmError` from `commit` is shown at its field.
 *
 * @internal
 *
 * @event interaction-registered - Not bubbling: the draft was committed and the form cleared.
 */
@customElement('crm-interaction-quick-form')
export class CrmInteractionQuickForm extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    formStyles,
    css`
      :host {
        display: block;
      }
      legend {
        margin-block-end: var(--_crm-space-s);
      }
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(11rem, 100%), 1fr));
        column-gap: var(--_crm-space-m);
      }
      .field {
        margin-block-end: var(--_crm-space-s);
      }
      textarea {
        min-block-size: 2.5em;
      }
      .check {
        display: flex;
        align-items: center;
        gap: var(--_crm-space-s);
        min-block-size: 2.25rem;
      }
      .actions {
        margin-block-start: 0;
        align-items: end;
        justify-content: flex-start;
        column-gap: var(--_crm-space-m);
      }
      .actions .field {
        margin: 0;
      }
      .actions .hint {
        flex: 1;
        align-self: center;
        text-align: end;
      }
    `,
  ];

  /**
   * Writes the draft (request event + `interactions.register`); a `CrmError` it throws is shown at its field.
   * Resolving `false` (a vetoed request) keeps the draft in the form.
   */
  @property({ attribute: false }) commit: ((draft: InteractionDraft) => Promise<boolean>) | undefined;

  /** Ask for the unknown party's phone or e-mail (the log has no subject). */
  @property({ type: Boolean, attribute: false }) askFrom = false;

  @state() private kind: InteractionKind = 'call';
  /** '' means the default: incoming from an unknown party, else outgoing. */
  @state() private direction: InteractionDirection | '' = '';
  /** '' means "now" (the moment it is registered). */
  @state() private at = '';
  @state() private subject = '';
  @state() private body = '';
  @state() private from = '';
  @state() private planned = false;
  @state() private remindAt = '';
  private readonly submitter = new FormSubmitController(this);

  private get chosenDirection(): InteractionDirection {
    return this.direction || (this.askFrom ? 'incoming' : 'outgoing');
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const subject = this.subject.trim();
    const body = this.body.trim();
    const from = this.from.trim();
    await this.submitter.run(async () => {
      const at = this.at ? fromLocalInput(this.at) : Date.now();
      const remindAt = this.planned ? fromLocalInput(this.remindAt) : undefined;
      if (at === undefined) throw new CrmError('VALIDATION', 'error.date', { field: 'at' });
      if (!subject) throw new CrmError('VALIDATION', 'error.required', { field: 'subject' });
      if (this.askFrom && !from) throw new CrmError('VALIDATION', 'error.required', { field: 'from' });
      const done = await this.commit?.({
        kind: this.kind,
        direction: this.chosenDirection,
        status: this.planned ? 'planned' : 'done',
        at,
        subject,
        ...(body ? { body } : {}),
        ...(remindAt !== undefined ? { remindAt } : {}),
        ...(this.askFrom ? { from } : {}),
      });
      if (done === false) return;
      this.direction = '';
      this.subject = this.body = this.from = this.at = this.remindAt = '';
      this.planned = false;
      this.dispatchEvent(new Event('interaction-registered'));
    });
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const message = (error: CrmError) => this.localize.errorMessage(error);
    const error = this.submitter.error;
    const option = (prefix: string) => (value: string) => ({ value, label: term(`${prefix}.${value}` as 'interaction.kind.call') });
    return html`<form novalidate @submit=${this.submit}>
      <fieldset>
        <legend>${term('interactionLog.formLegend')}</legend>
        <div class="row">
          ${selectField({ id: 'quick-kind', label: term('interactionLog.kind'), value: this.kind, options: logKinds.map(option('interaction.kind')), error: errorAt(error, 'kind', message), onChange: (value) => (this.kind = value as InteractionKind) })}
          ${selectField({ id: 'quick-direction', label: term('interactionLog.direction'), value: this.chosenDirection, options: logDirections.map(option('interaction.direction')), error: errorAt(error, 'direction', message), onChange: (value) => (this.direction = value as InteractionDirection) })}
          ${textField({ id: 'quick-at', type: 'datetime-local', label: term('interactionLog.at'), value: this.at || toLocalInput(Date.now()), error: errorAt(error, 'at', message), onInput: (value) => (this.at = value) })}
          ${this.askFrom
            ? textField({ id: 'quick-from', label: term('interactionLog.fromField'), value: this.from, required: true, autocomplete: 'off', error: errorAt(error, 'from', message) ?? errorAt(error, 'subjectRef', message), onInput: (value) => (this.from = value) })
            : nothing}
        </div>
        ${textField({ id: 'quick-subject', label: term('interactionLog.summary'), value: this.subject, required: true, autocomplete: 'off', error: errorAt(error, 'subject', message), onInput: (value) => (this.subject = value) })}
        ${textField({ id: 'quick-body', label: term('interactionLog.text'), value: this.body, multiline: true, error: errorAt(error, 'body', message), onInput: (value) => (this.body = value) })}
      </fieldset>
      ${errorOutside(error, fields) ? html`<p class="field-error" role="alert">${this.localize.errorMessage(error)}</p>` : nothing}
      <div class="actions">
        <label class="check">
          <input id="quick-planned" type="checkbox" .checked=${live(this.planned)} @change=${(e: Event) => (this.planned = (e.target as HTMLInputElement).checked)} />
          ${term('interactionLog.plannedField')}
        </label>
        ${this.planned
          ? textField({ id: 'quick-remind', type: 'datetime-local', label: term('interactionLog.remindAt'), value: this.remindAt, error: errorAt(error, 'remindAt', message), onInput: (value) => (this.remindAt = value) })
          : nothing}
        <p class="hint">${term('interactionLog.formHint')}</p>
        <button class="primary" type="submit" aria-disabled=${this.submitter.saving ? 'true' : 'false'}>
          ${this.submitter.saving ? term('common.saving') : term('interactionLog.save')}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-interaction-quick-form': CrmInteractionQuickForm;
  }
}
