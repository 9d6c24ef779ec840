import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
import { CrmError } from '../../store/errors.js';
import type { InteractionDirection, InteractionKind } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { errorAt, formFooter, selectField, textField } from './fields.js';

/** What the quick form gives its owner to write. */
export interface QuickInteraction {
  kind: InteractionKind;
  direction: InteractionDirection;
  subject: string;
  body?: string;
}

const kinds: readonly InteractionKind[] = ['call', 'meeting', 'sms', 'email', 'messenger', 'other'];
const directions: readonly InteractionDirection[] = ['outgoing', 'incoming', 'none'];
const fields = ['subject', 'kind', 'direction', 'body'];

/**
 * The "log a quick interaction" form of `crm-lead-card`: the summary first and
 * focused, Enter logs it, Escape cancels. It writes through the owner's
 * `commit`; a `CrmError` that throws is shown at its field.
 *
 * @internal
 *
 * @event quick-interaction-done - Not bubbling: the interaction was committed.
 * @event quick-interaction-cancel - Not bubbling: the user cancelled (Escape or "Cancel").
 */
@customElement('crm-lead-quick-interaction')
export class CrmLeadQuickInteraction extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    formStyles,
    css`
      :host {
        display: block;
      }
      fieldset > legend {
        padding: 0;
        margin-block-end: var(--_crm-space-s);
        font-size: var(--_crm-font-size-m);
        color: var(--_crm-color-text);
      }
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(10rem, 100%), 1fr));
        column-gap: var(--_crm-space-m);
      }
      .actions {
        margin-block-start: 0;
        align-items: center;
      }
      .hint {
        margin-inline-end: auto;
      }
    `,
  ];

  /** Writes the interaction (e.g. `store.interactions.register`); a `CrmError` it throws is shown at its field. */
  @property({ attribute: false }) commit: ((input: QuickInteraction) => Promise<unknown>) | undefined;

  @state() private kind: InteractionKind = 'call';
  @state() private direction: InteractionDirection = 'outgoing';
  @state() private subject = '';
  @state() private body = '';
  private readonly submitter = new FormSubmitController(this);

  /** Focuses the summary, the one field a quick note needs. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#quick-subject')?.focus(options));
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submitter.saving) return;
    const subject = this.subject.trim();
    const body = this.body.trim();
    await this.submitter.run(async () => {
      if (!subject) throw new CrmError('VALIDATION', 'error.required', { field: 'subject' });
      await this.commit?.({ kind: this.kind, direction: this.direction, subject, ...(body ? { body } : {}) });
      this.subject = this.body = '';
      this.dispatchEvent(new Event('quick-interaction-done'));
    });
  }

  private cancel(): void {
    this.submitter.reset();
    this.dispatchEvent(new Event('quick-interaction-cancel'));
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.cancel();
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const message = (error: CrmError) => this.localize.errorMessage(error);
    const error = this.submitter.error;
    return html`<form novalidate @submit=${this.submit} @keydown=${this.onKeydown}>
      <fieldset>
        <legend>${term('leadCard.quickLegend')}</legend>
        ${textField({
          id: 'quick-subject',
          label: term('leadCard.quickSummary'),
          value: this.subject,
          required: true,
          autocomplete: 'off',
          error: errorAt(error, 'subject', message),
          onInput: (value) => (this.subject = value),
        })}
        <div class="row">
          ${selectField({
            id: 'quick-kind',
            label: term('leadCard.quickKind'),
            value: this.kind,
            options: kinds.map((kind) => ({ value: kind, label: term(`interaction.kind.${kind}`) })),
            error: errorAt(error, 'kind', message),
            onChange: (value) => (this.kind = value as InteractionKind),
          })}
          ${selectField({
            id: 'quick-direction',
            label: term('leadCard.quickDirection'),
            value: this.direction,
            options: directions.map((direction) => ({ value: direction, label: term(`interaction.direction.${direction}`) })),
            error: errorAt(error, 'direction', message),
            onChange: (value) => (this.direction = value as InteractionDirection),
          })}
        </div>
        ${textField({
          id: 'quick-body',
          label: term('leadCard.quickText'),
          value: this.body,
          multiline: true,
          error: errorAt(error, 'body', message),
          onInput: (value) => (this.body = value),
        })}
      </fieldset>
      ${formFooter(this.localize, {
        error,
        fields,
        saving: this.submitter.saving,
        submitLabel: term('leadCard.quickSave'),
        onCancel: () => this.cancel(),
        hint: term('leadCard.quickHint'),
      })}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-lead-quick-interaction': CrmLeadQuickInteraction;
  }
}
