import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
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

  @state() private at = '';
  private readonly submitter = new FormSubmitController(this);
  private readonly modal = new ModalController<RescheduleRequest, number>(this);
  /** Whether the user has pressed a key or the pointer in the dialog since it opened. */
  private armed = false;

  /** Opens the dialog; resolves with the new time once written, or `undefined` when cancelled. */
  open(request: RescheduleRequest): Promise<number | undefined> {
    this.at = toLocalInput(request.interaction.at);
    this.submitter.reset();
    this.armed = false;
    return this.modal.open(request);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // The Enter that pressed "Reschedule" must not also submit the dialog it opened.
    if (!this.armed) return;
    await this.submitter.run(async () => {
      const at = fromLocalInput(this.at);
      if (at === undefined) throw new CrmError('VALIDATION', 'error.date', { field: 'at' });
      await this.modal.request?.commit?.(at);
      this.modal.finish(at);
    });
  }

  private readonly arm = () => (this.armed = true);

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const error = this.submitter.error;
    const request = this.modal.request;
    return html`<dialog aria-labelledby="reschedule-title" @close=${this.modal.onClose}>
      ${request
        ? html`<form @submit=${this.submit} @keydown=${this.arm} @pointerdown=${this.arm} novalidate>
            <h2 id="reschedule-title">${term('interactionLog.rescheduleTitle', request.interaction.subject)}</h2>
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
              onCancel: () => this.modal.finish(),
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
