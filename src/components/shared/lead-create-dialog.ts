import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CatalogueLists } from '../../controllers/catalogues-controller.js';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import type { DuplicateField, DuplicateMatch } from '../../store/duplicates.js';
import type { LeadInput } from '../../store/leads.js';
import type { Lead } from '../../store/types.js';
import { normalizePhone } from '../../store/ukrainian.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import './lead-form.js';
import type { CrmLeadForm } from './lead-form.js';

export interface LeadCreateRequest {
  /** Records sharing a phone, e-mail or tax code with the new lead (e.g. `store.leads.findDuplicates`); omitted, none are looked for. */
  findDuplicates?: (input: LeadInput) => Promise<DuplicateMatch[]>;
  /**
   * Saves the lead; resolves `false` when the save was vetoed (the dialog
   * stays open). A `CrmError` it throws is shown at its field.
   */
  commit: (input: LeadInput) => Promise<boolean>;
}

/** How the dialog ended: saved, the user chose to open an existing lead instead, or (`undefined`) cancelled. */
export type LeadCreateOutcome = { saved: LeadInput } | { open: DuplicateMatch } | undefined;

const matchedTerm: Record<DuplicateField, 'field.phone' | 'field.email' | 'field.taxCode'> = {
  phones: 'field.phone',
  emails: 'field.email',
  taxCode: 'field.taxCode',
  edrpou: 'field.taxCode',
  rnokpp: 'field.taxCode',
};

const compact = (code: string | undefined) => code?.replace(/[\s-]/g, '') || undefined;

/** Leads of `leads` sharing a phone, e-mail or tax code with `input`, as `leads.findDuplicates` finds them in the store (unbound use). */
export function findLeadDuplicates(leads: readonly Lead[], input: LeadInput): DuplicateMatch[] {
  const phones = new Set((input.phones ?? []).map((p) => normalizePhone(p)).filter(Boolean));
  const emails = new Set((input.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean));
  const taxCode = compact(input.taxCode);
  return leads.flatMap((lead) => {
    const fields: DuplicateField[] = [
      ...(taxCode && compact(lead.taxCode) === taxCode ? (['taxCode'] as const) : []),
      ...(lead.phones.some((p) => phones.has(normalizePhone(p))) ? (['phones'] as const) : []),
      ...(lead.emails.some((e) => emails.has(e.toLowerCase())) ? (['emails'] as const) : []),
    ];
    return lead.status !== 'converted' && fields.length ? [{ type: 'lead' as const, id: lead.id, name: lead.name, fields }] : [];
  });
}

/**
 * The modal "new lead" dialog of `crm-lead-list`: the lead form, then — when
 * records share the new lead's phone, e-mail or tax code — a duplicate warning
 * listing them with what matched, offering "Save anyway", "Open" (an existing
 * lead) and "Back to editing". Nothing is saved until the user says so.
 *
 * @internal
 */
@customElement('crm-lead-create-dialog')
export class CrmLeadCreateDialog extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    formStyles,
    css`
      dialog {
        inline-size: min(44rem, calc(100vw - 2 * var(--_crm-space-l)));
      }
      .warning {
        border-inline-start: 4px solid var(--_crm-color-warning);
        padding-inline-start: var(--_crm-space-l);
      }
      .warning h3 {
        margin: 0 0 var(--_crm-space-s);
        font-size: var(--_crm-font-size-m);
      }
      ul {
        margin: var(--_crm-space-m) 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: var(--_crm-space-s);
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--_crm-space-s);
      }
      li strong {
        overflow-wrap: anywhere;
      }
      .muted {
        color: var(--_crm-color-text-muted);
        font-size: var(--_crm-font-size-s);
      }
    `,
  ];

  /** Users, sources and tags for the form's pickers (unbound use). */
  @property({ attribute: false }) catalogues?: Partial<CatalogueLists>;

  @state() private duplicates: DuplicateMatch[] | undefined;
  @query('crm-lead-form') private form!: CrmLeadForm;

  private readonly submitter = new FormSubmitController(this);
  private readonly modal = new ModalController<LeadCreateRequest, NonNullable<LeadCreateOutcome>>(this);
  private input: LeadInput | undefined;

  /** Opens the dialog with an empty form; resolves once the lead is saved, an existing lead chosen, or the dialog cancelled. */
  open(request: LeadCreateRequest): Promise<LeadCreateOutcome> {
    this.duplicates = this.input = undefined;
    this.submitter.reset();
    return this.modal.open(request, () => {
      this.form.reset();
      this.form.focus();
    });
  }

  private async submit(input: LeadInput): Promise<void> {
    const request = this.modal.request;
    if (this.submitter.saving || !request) return;
    this.input = input;
    let matches: DuplicateMatch[] | undefined;
    if (!(await this.submitter.run(async () => (matches = await request.findDuplicates?.(input))))) return;
    if (matches?.length) {
      this.duplicates = matches;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.warning')?.focus();
      return;
    }
    await this.save();
  }

  private async save(): Promise<void> {
    const input = this.input;
    const request = this.modal.request;
    if (!input || !request) return;
    await this.submitter.run(
      async () => {
        if (await request.commit(input)) this.modal.finish({ saved: input });
      },
      // Back to the form, where the error is shown at its field.
      { refused: () => (this.duplicates = undefined) },
    );
  }

  private async back(): Promise<void> {
    this.duplicates = undefined;
    await this.updateComplete;
    this.form.focus();
  }

  private renderWarning(duplicates: DuplicateMatch[]) {
    const term = this.localize.term.bind(this.localize);
    return html`<section class="warning" role="alert" aria-labelledby="duplicates-title" tabindex="-1">
      <h3 id="duplicates-title">${term('leadList.duplicates.title')}</h3>
      <p>${term('leadList.duplicates.intro')}</p>
      <ul>
        ${duplicates.map(
          (match) => html`<li>
            <span>
              <strong>${match.name}</strong>
              <span class="muted">
                (${term(`leadList.duplicates.${match.type}` as const)}) ·
                ${term('leadList.duplicates.matched', [...new Set(match.fields.map((f) => term(matchedTerm[f])))].join(', '))}
              </span>
            </span>
            ${match.type === 'lead'
              ? html`<button type="button" @click=${() => this.modal.finish({ open: match })}>
                  ${term('leadList.duplicates.open')}<span class="visually-hidden"> ${match.name}</span>
                </button>`
              : nothing}
          </li>`,
        )}
      </ul>
      <div class="actions">
        <button type="button" @click=${this.back}>${term('leadList.duplicates.back')}</button>
        <button type="button" class="primary" aria-disabled=${this.submitter.saving ? 'true' : 'false'} @click=${() => !this.submitter.saving && this.save()}>
          ${term(this.submitter.saving ? 'common.saving' : 'leadList.duplicates.saveAnyway')}
        </button>
      </div>
    </section>`;
  }

  protected override render() {
    return html`<dialog aria-labelledby="create-title" @close=${this.modal.onClose}>
      <h2 id="create-title">${this.localize.term('leadList.new')}</h2>
      ${this.modal.request
        ? html`<crm-lead-form
              ?hidden=${this.duplicates !== undefined}
              .catalogues=${this.catalogues}
              .error=${this.submitter.error}
              ?busy=${this.submitter.saving}
              submit-label=${this.localize.term('leadForm.create')}
              @lead-form-submit=${(event: CustomEvent<LeadInput>) => this.submit(event.detail)}
              @lead-form-cancel=${() => this.modal.finish()}
            ></crm-lead-form>
            ${this.duplicates ? this.renderWarning(this.duplicates) : nothing}`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-lead-create-dialog': CrmLeadCreateDialog;
  }
}
