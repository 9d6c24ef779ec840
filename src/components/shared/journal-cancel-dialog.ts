import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { textField } from './fields.js';

/**
 * The journal's "Cancel the appointment?" dialog: names the appointment and
 * takes an optional reason. Resolves with the reason (`''` for none), or
 * `undefined` when the user keeps the appointment (button, Escape).
 *
 * @internal
 */
@customElement('crm-journal-cancel-dialog')
export class CrmJournalCancelDialog extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    formStyles,
    css`
      p {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private reason = '';
  /** The request is the subject, e.g. "Олена Коваль, Пн 10:30"; the result the reason. */
  private readonly modal = new ModalController<string, string>(this);

  /** Opens the dialog about `subject` (e.g. "Олена Коваль, Пн 10:30"). */
  open(subject: string): Promise<string | undefined> {
    this.reason = '';
    return this.modal.open(subject, () => this.renderRoot.querySelector<HTMLElement>('#cancel-reason')?.focus());
  }

  protected override render() {
    const subject = this.modal.request;
    return html`<dialog aria-labelledby="cancel-title" aria-describedby="cancel-subject" @close=${this.modal.onClose}>
      ${subject === undefined
        ? nothing
        : html`<form
            novalidate
            @submit=${(event: SubmitEvent) => {
              event.preventDefault();
              this.modal.finish(this.reason.trim());
            }}
          >
            <h2 id="cancel-title">${this.localize.term('journal.cancelTitle')}</h2>
            <p id="cancel-subject">${subject}</p>
            ${textField({
              id: 'cancel-reason',
              label: this.localize.term('journal.cancelReason'),
              hint: this.localize.term('common.optional'),
              value: this.reason,
              multiline: true,
              onInput: (value) => (this.reason = value),
            })}
            <div class="actions">
              <button type="button" @click=${() => this.modal.finish()}>${this.localize.term('journal.keep')}</button>
              <button class="danger" type="submit">${this.localize.term('journal.cancelConfirm')}</button>
            </div>
          </form>`}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-journal-cancel-dialog': CrmJournalCancelDialog;
  }
}
