import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
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
      button.danger {
        background: var(--_crm-color-danger);
        border-color: var(--_crm-color-danger);
        color: var(--_crm-color-on-primary);
      }
    `,
  ];

  @state() private subject: string | undefined;
  @state() private reason = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  private settle: ((reason: string | undefined) => void) | undefined;

  /** Opens the dialog about `subject` (e.g. "Олена Коваль, Пн 10:30"). */
  async open(subject: string): Promise<string | undefined> {
    this.settle?.(undefined);
    this.subject = subject;
    this.reason = '';
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('#cancel-reason')?.focus();
    return new Promise((resolve) => (this.settle = resolve));
  }

  private finish(reason: string | undefined): void {
    const settle = this.settle;
    this.settle = undefined;
    this.subject = undefined;
    if (this.dialog.open) this.dialog.close();
    settle?.(reason);
  }

  protected override render() {
    return html`<dialog aria-labelledby="cancel-title" aria-describedby="cancel-subject" @close=${() => this.finish(undefined)}>
      ${this.subject === undefined
        ? nothing
        : html`<form
            novalidate
            @submit=${(event: SubmitEvent) => {
              event.preventDefault();
              this.finish(this.reason.trim());
            }}
          >
            <h2 id="cancel-title">${this.localize.term('journal.cancelTitle')}</h2>
            <p id="cancel-subject">${this.subject}</p>
            ${textField({
              id: 'cancel-reason',
              label: this.localize.term('journal.cancelReason'),
              hint: this.localize.term('common.optional'),
              value: this.reason,
              multiline: true,
              onInput: (value) => (this.reason = value),
            })}
            <div class="actions">
              <button type="button" @click=${() => this.finish(undefined)}>${this.localize.term('journal.keep')}</button>
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
