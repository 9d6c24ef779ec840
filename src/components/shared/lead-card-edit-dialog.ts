import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { CatalogueLists } from '../../controllers/catalogues-controller.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
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

  @state() private request: LeadEditRequest | undefined;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('crm-lead-form') private form: CrmLeadForm | undefined;

  private readonly submitter = new FormSubmitController(this);
  private settle: ((saved: boolean) => void) | undefined;

  /** Opens the dialog on `request.lead`. Resolves `true` once the change is committed, `false` when the user cancels. */
  async open(request: LeadEditRequest): Promise<boolean> {
    this.settle?.(false);
    this.request = request;
    this.submitter.reset();
    await this.updateComplete;
    this.dialog.showModal();
    await this.form?.updateComplete;
    this.form?.focus();
    return new Promise((resolve) => (this.settle = resolve));
  }

  private finish(saved: boolean): void {
    const settle = this.settle;
    this.settle = undefined;
    this.request = undefined;
    if (this.dialog.open) this.dialog.close();
    settle?.(saved);
  }

  private async submit(event: CustomEvent<LeadInput>): Promise<void> {
    const request = this.request;
    if (this.submitter.saving || !request) return;
    await this.submitter.run(async () => {
      await request.commit(event.detail);
      this.finish(true);
    });
  }

  protected override render() {
    const request = this.request;
    return html`<dialog aria-labelledby="edit-title" @close=${() => this.finish(false)}>
      ${request
        ? html`<h2 id="edit-title">${this.localize.term('leadCard.editTitle', request.lead.name)}</h2>
            <crm-lead-form
              .lead=${request.lead}
              .error=${this.submitter.error}
              .catalogues=${request.catalogues}
              ?busy=${this.submitter.saving}
              @lead-form-submit=${this.submit}
              @lead-form-cancel=${() => this.finish(false)}
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
