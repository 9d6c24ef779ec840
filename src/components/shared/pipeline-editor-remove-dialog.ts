import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { CrmError } from '../../store/errors.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { errorAt, formFooter, selectField } from './fields.js';

/** What the remove dialog needs to know about the stage and where its deals may go. */
export interface StageRemoval {
  /** The name of the stage to remove, shown in the heading. */
  stageName: string;
  /** How many deals (open and closed) sit at the stage; with none, the dialog only asks to confirm. */
  dealCount: number;
  /** The other stages of the pipeline, in order: where the deals may go. */
  targets: ReadonlyArray<{ id: string; name: string }>;
  /**
   * Removes the stage (asks the host, then writes). Resolves `false` when the
   * host vetoed the change (the dialog closes); a `CrmError` it throws is shown
   * at its field and the dialog stays open.
   */
  commit: (moveDealsTo: string | undefined) => Promise<boolean>;
}

/**
 * The modal dialog that confirms removing a pipeline stage and, when the stage
 * has deals, asks which stage takes them over. Escape or "Cancel" leaves
 * everything as it was. Used inside `crm-pipeline-editor`; not public.
 *
 * @internal
 */
@customElement('crm-pipeline-editor-remove-dialog')
export class CrmPipelineEditorRemoveDialog extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    formStyles,
    css`
      h2,
      p {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private target = '';

  private readonly submitter = new FormSubmitController(this);
  private readonly modal = new ModalController<StageRemoval, { moveDealsTo?: string }>(this);

  /**
   * Opens the dialog. Resolves with the chosen target (none for a stage
   * without deals) once the stage is removed, or `undefined` when the user
   * cancels or the host vetoes.
   */
  open(removal: StageRemoval): Promise<{ moveDealsTo?: string } | undefined> {
    this.target = '';
    this.submitter.reset();
    return this.modal.open(removal);
  }

  /** Whether a target must be chosen: the stage has deals, or the store said so. */
  private get asksTarget(): boolean {
    return (this.modal.request?.dealCount ?? 0) > 0 || (this.submitter.error instanceof CrmError && this.submitter.error.field === 'moveDealsTo');
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const removal = this.modal.request;
    if (this.submitter.saving || !removal) return;
    const moveDealsTo = this.asksTarget ? this.target : undefined;
    await this.submitter.run(async () => {
      if (moveDealsTo === '') throw new CrmError('VALIDATION', 'error.stageHasDeals', { field: 'moveDealsTo' });
      const removed = await removal.commit(moveDealsTo);
      this.modal.finish(removed ? (moveDealsTo ? { moveDealsTo } : {}) : undefined);
    });
  }

  protected override render() {
    const removal = this.modal.request;
    const message = (error: CrmError) => this.localize.errorMessage(error);
    return html`<dialog aria-labelledby="remove-title" aria-describedby="remove-deals" @close=${this.modal.onClose}>
      ${removal
        ? html`<form @submit=${this.submit} novalidate>
            <h2 id="remove-title">${this.localize.term('pipelineEditor.removeTitle', removal.stageName)}</h2>
            <p id="remove-deals">
              ${removal.dealCount > 0
                ? this.localize.term('pipelineEditor.removeHasDeals', removal.dealCount)
                : this.localize.term('pipelineEditor.removeEmpty')}
            </p>
            ${this.asksTarget
              ? selectField({
                  id: 'remove-target',
                  label: this.localize.term('pipelineEditor.moveDealsTo'),
                  value: this.target,
                  required: true,
                  emptyLabel: this.localize.term('pipelineEditor.chooseStage'),
                  options: removal.targets.map((stage) => ({ value: stage.id, label: stage.name })),
                  error: errorAt(this.submitter.error, 'moveDealsTo', message),
                  onChange: (value) => (this.target = value),
                })
              : nothing}
            ${formFooter(this.localize, {
              error: this.submitter.error,
              fields: ['moveDealsTo'],
              saving: this.submitter.saving,
              submitLabel: this.localize.term('pipelineEditor.confirmRemove'),
              onCancel: () => this.modal.finish(),
              tone: 'danger',
            })}
          </form>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-pipeline-editor-remove-dialog': CrmPipelineEditorRemoveDialog;
  }
}
