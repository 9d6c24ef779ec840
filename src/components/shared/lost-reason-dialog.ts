import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CataloguesController } from '../../controllers/catalogues-controller.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { CrmError } from '../../store/errors.js';
import type { LostReason } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { errorAt, formFooter, selectField, textField } from './fields.js';

/** What the user chose: a lost reason and an optional comment. */
export interface LostReasonChoice {
  reasonId: string;
  comment?: string;
}

export interface LostReasonRequest {
  /** The name of the lead or deal, shown in the dialog's heading. */
  subject: string;
  /**
   * Writes the choice (e.g. `store.deals.lose(id, choice)`). A `CrmError` it
   * throws is shown at its field and the dialog stays open.
   */
  commit?: (choice: LostReasonChoice) => Promise<unknown>;
}

/**
 * The modal dialog that asks why a lead or a deal was lost. A reason is
 * required; Escape or "Cancel" leaves everything as it was. Used inside other
 * elements; not part of the public API.
 *
 * @internal
 */
@customElement('crm-lost-reason-dialog')
export class CrmLostReasonDialog extends CrmElement {
  static override styles = [...CrmElement.styles, formStyles];

  /** Reasons to offer instead of the store's (unbound use); archived ones are left out. */
  @property({ attribute: false }) reasons: LostReason[] | undefined;

  @state() private reasonId = '';
  @state() private comment = '';

  private readonly catalogues = new CataloguesController(
    this,
    () => this.stores.store,
    () => !this.reasons,
  );
  private readonly submitter = new FormSubmitController(this);
  private readonly modal = new ModalController<LostReasonRequest, LostReasonChoice>(this);

  /**
   * Opens the dialog. Resolves with the choice once it is written (or, with no
   * `commit`, once made), or `undefined` when the user cancels.
   */
  open(request: LostReasonRequest): Promise<LostReasonChoice | undefined> {
    this.reasonId = '';
    this.comment = '';
    this.submitter.reset();
    return this.modal.open(request);
  }

  private get offered(): LostReason[] {
    return this.reasons ? this.reasons.filter((reason) => !reason.archived) : this.catalogues.activeLostReasons;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submitter.saving) return;
    const comment = this.comment.trim();
    const choice: LostReasonChoice = { reasonId: this.reasonId, ...(comment ? { comment } : {}) };
    await this.submitter.run(async () => {
      if (!choice.reasonId) throw new CrmError('VALIDATION', 'error.lostReasonRequired', { field: 'reasonId' });
      await this.modal.request?.commit?.(choice);
      this.modal.finish(choice);
    });
  }

  protected override render() {
    const message = (error: CrmError) => this.localize.errorMessage(error);
    const error = this.submitter.error;
    const request = this.modal.request;
    return html`<dialog aria-labelledby="lost-title" @close=${this.modal.onClose}>
      ${request
        ? html`<form @submit=${this.submit} novalidate>
            <h2 id="lost-title">${this.localize.term('lost.title')} ${this.localize.term('lost.subject', request.subject)}</h2>
            ${this.offered.length === 0 ? html`<p class="hint">${this.localize.term('lost.noReasons')}</p>` : nothing}
            ${selectField({
              id: 'lost-reason',
              label: this.localize.term('field.lostReason'),
              value: this.reasonId,
              required: true,
              emptyLabel: this.localize.term('lost.choose'),
              options: this.offered.map((reason) => ({ value: reason.id, label: reason.name })),
              error: errorAt(error, 'reasonId', message),
              onChange: (value) => (this.reasonId = value),
            })}
            ${textField({
              id: 'lost-comment',
              label: this.localize.term('field.comment'),
              value: this.comment,
              multiline: true,
              error: errorAt(error, 'comment', message),
              onInput: (value) => (this.comment = value),
            })}
            ${formFooter(this.localize, {
              error,
              fields: ['reasonId', 'comment'],
              saving: this.submitter.saving,
              submitLabel: this.localize.term('lost.confirm'),
              onCancel: () => this.modal.finish(),
            })}
          </form>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-lost-reason-dialog': CrmLostReasonDialog;
  }
}
