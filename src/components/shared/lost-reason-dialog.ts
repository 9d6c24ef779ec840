import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CataloguesController } from '../../controllers/catalogues-controller.js';
import { CrmError } from '../../store/errors.js';
import type { LostReason } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { errorAt, errorOutside, focusFirstInvalid, selectField, textField } from './fields.js';

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

  @state() private request: LostReasonRequest | undefined;
  @state() private reasonId = '';
  @state() private comment = '';
  @state() private error: unknown;
  @state() private saving = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly catalogues = new CataloguesController(
    this,
    () => this.stores.store,
    () => !this.reasons,
  );
  private settle: ((choice: LostReasonChoice | undefined) => void) | undefined;

  /**
   * Opens the dialog. Resolves with the choice once it is written (or, with no
   * `commit`, once made), or `undefined` when the user cancels.
   */
  async open(request: LostReasonRequest): Promise<LostReasonChoice | undefined> {
    this.settle?.(undefined);
    this.request = request;
    this.reasonId = '';
    this.comment = '';
    this.error = undefined;
    await this.updateComplete;
    this.dialog.showModal();
    return new Promise((resolve) => (this.settle = resolve));
  }

  private get offered(): LostReason[] {
    return this.reasons ? this.reasons.filter((reason) => !reason.archived) : this.catalogues.activeLostReasons;
  }

  private finish(choice: LostReasonChoice | undefined): void {
    const settle = this.settle;
    this.settle = undefined;
    this.request = undefined;
    if (this.dialog.open) this.dialog.close();
    settle?.(choice);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const comment = this.comment.trim();
    const choice: LostReasonChoice = { reasonId: this.reasonId, ...(comment ? { comment } : {}) };
    this.error = undefined;
    try {
      if (!choice.reasonId) throw new CrmError('VALIDATION', 'error.lostReasonRequired', { field: 'reasonId' });
      this.saving = true;
      await this.request?.commit?.(choice);
      this.finish(choice);
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      this.error = error;
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
    } finally {
      this.saving = false;
    }
  }

  protected override render() {
    const message = (error: CrmError) => this.localize.errorMessage(error);
    const fields = ['reasonId', 'comment'];
    return html`<dialog aria-labelledby="lost-title" @close=${() => this.finish(undefined)}>
      ${this.request
        ? html`<form @submit=${this.submit} novalidate>
            <h2 id="lost-title">${this.localize.term('lost.title')} ${this.localize.term('lost.subject', this.request.subject)}</h2>
            ${this.offered.length === 0 ? html`<p class="hint">${this.localize.term('lost.noReasons')}</p>` : nothing}
            ${selectField({
              id: 'lost-reason',
              label: this.localize.term('field.lostReason'),
              value: this.reasonId,
              required: true,
              emptyLabel: this.localize.term('lost.choose'),
              options: this.offered.map((reason) => ({ value: reason.id, label: reason.name })),
              error: errorAt(this.error, 'reasonId', message),
              onChange: (value) => (this.reasonId = value),
            })}
            ${textField({
              id: 'lost-comment',
              label: this.localize.term('field.comment'),
              value: this.comment,
              multiline: true,
              error: errorAt(this.error, 'comment', message),
              onInput: (value) => (this.comment = value),
            })}
            ${errorOutside(this.error, fields)
              ? html`<p class="field-error" role="alert">${this.localize.errorMessage(this.error)}</p>`
              : nothing}
            <div class="actions">
              <button type="button" @click=${() => this.finish(undefined)}>${this.localize.term('action.cancel')}</button>
              <button class="primary" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>
                ${this.localize.term(this.saving ? 'common.saving' : 'lost.confirm')}
              </button>
            </div>
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
