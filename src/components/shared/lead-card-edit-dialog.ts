import { css, html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import type { CatalogueLists } from '../../controllers/catalogues-controller.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import type { LeadInput, LeadPatch } from '../../store/leads.js';
import type { Lead } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import './lead-form.js';
import type { CrmLeadForm } from './lead-form.js';

export interface LeadEditRequest {
  lead: Lead;
  /** Users, sources and tags for the form's pickers (unbound use); unset, the store's. */
  catalogues?: Partial<CatalogueLists> | undefined;
  /** Writes the patch (e.g. `store.leads.update(id, patch)`); a `CrmError` it throws is shown at its field and the dialog stays open. */
  commit: (patch: LeadPatch) => Promise<unknown>;
}

/**
 * The modal dialog in which `crm-lead-card` edits a lead with the shared
 * `<crm-lead-form>`. Escape or "Cancel" leaves everything as it was.
 *
 * @internal
 */
@customElement('crm-lead-edit-dialog')
export class CrmLeadEditDialog extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    formStyles,
    css`
      dialog {
        inline-size: min(46rem, calc(100vw - 2 * var(--_crm-space-l)));
      }
    `,
  ];

  @query('crm-lead-form') private form: CrmLeadForm | undefined;

  private readonly submitter = new FormSubmitController(this);
  private readonly modal = new ModalController<LeadEditRequest, true>(this);

  /** Opens the dialog on `request.lead`. Resolves `true` once the change is committed, `false` when the user cancels. */
  async open(request: LeadEditRequest): Promise<boolean> {
    this.submitter.reset();
    const saved = await this.modal.open(request, async () => {
      await this.form?.updateComplete;
      this.form?.focus();
    });
    return saved ?? false;
  }

  private async submit(event: CustomEvent<LeadInput>): Promise<void> {
    const request = this.modal.request;
    if (this.submitter.saving || !request) return;
    await this.submitter.run(async () => {
      await request.commit(event.detail);
      this.modal.finish(true);
    });
  }

  protected override render() {
    const request = this.modal.request;
    return html`<dialog aria-labelledby="edit-title" @close=${this.modal.onClose}>
      ${request
        ? html`<h2 id="edit-title">${this.localize.term('leadCard.editTitle', request.lead.name)}</h2>
            <crm-lead-form
              .lead=${request.lead}
              .error=${this.submitter.error}
              .catalogues=${request.catalogues}
              ?busy=${this.submitter.saving}
              @lead-form-submit=${this.submit}
              @lead-form-cancel=${() => this.modal.finish()}
            ></crm-lead-form>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-lead-edit-dialog': CrmLeadEditDialog;
  }
}
