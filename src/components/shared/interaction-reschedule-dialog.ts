import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
import { CrmError } from '../../store/errors.js';
import type { Interaction } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { errorAt, formFooter, textField } from './fields.js';
import { fromLocalInput, toLocalInput } from './interaction-log-data.js';

export interface RescheduleRequest {
  interaction: Interaction;
  /** Writes the new time (e.g. `store.interactions.reschedule(id, { at })`); a `CrmError` it throws is shown at its field. */
  commit?: (at: number) => Promise<unknown>;
}

/**
 * The modal dialog of `crm-interaction-log` that moves a planned interaction
 * to another date and time. Escape or "Cancel" leaves it as it was.
 *
 * @internal
 */
@customElement('crm-interaction-reschedule-dialog')
export class CrmInteractionRescheduleDialog extends CrmElement {
  static override styles = [...CrmElement.styles, formStyles];

  @state() private request: RescheduleRequest | undefined;
  @state() private at = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  private readonly submitter = new FormSubmitController(this);
  private settle: ((at: number | undefined) => void) | undefined;
  /** Whether the user has pressed a key or the pointer in the dialog since it opened. */
  private armed = false;

  /** Opens the dialog; resolves with the new time once written, or `undefined` when cancelled. */
  async open(request: RescheduleRequest): Promise<number | undefined> {
    this.settle?.(undefined);
    this.request = request;
    this.at = toLocalInput(request.interaction.at);
    this.submitter.reset();
    await this.updateComplete;
    this.armed = false;
    this.dialog.showModal();
    return new Promise((resolve) => (this.settle = resolve));
  }

  private finish(at: number | undefined): void {
    const settle = this.settle;
    this.settle = undefined;
    this.request = undefined;
    if (this.dialog.open) this.dialog.close();
    settle?.(at);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // The Enter that pressed "Reschedule" must not also submit the dialog it opened.
    if (!this.armed) return;
    await this.submitter.run(async () => {
      const at = fromLocalInput(this.at);
      if (at === undefined) throw new CrmError('VALIDATION', 'error.date', { field: 'at' });
      await this.request?.commit?.(at);
      this.finish(at);
    });
  }

  private readonly arm = () => (this.armed = true);
  /** Escape closed it; a late `close` of an earlier closing (the dialog open again by now) is ignored. */
  private readonly onClose = () => {
    if (!this.dialog.open) this.finish(undefined);
  };

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const error = this.submitter.error;
    return html`<dialog aria-labelledby="reschedule-title" @close=${this.onClose}>
      ${this.request
        ? html`<form @submit=${this.submit} @keydown=${this.arm} @pointerdown=${this.arm} novalidate>
            <h2 id="reschedule-title">${term('interactionLog.rescheduleTitle', this.request.interaction.subject)}</h2>
            ${textField({
              id: 'reschedule-at',
              type: 'datetime-local',
              label: term('interactionLog.rescheduleAt'),
              value: this.at,
              required: true,
              error: errorAt(error, 'at', (e) => this.localize.errorMessage(e)) ?? errorAt(error, 'remindAt', (e) => this.localize.errorMessage(e)),
              onInput: (value) => (this.at = value),
            })}
            ${formFooter(this.localize, {
              error,
              fields: ['at', 'remindAt'],
              saving: this.submitter.saving,
              submitLabel: term('interactionLog.reschedule'),
              onCancel: () => this.finish(undefined),
            })}
          </form>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-interaction-reschedule-dialog': CrmInteractionRescheduleDialog;
  }
}
