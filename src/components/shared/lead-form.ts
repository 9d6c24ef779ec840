import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CataloguesController, type CatalogueLists } from '../../controllers/catalogues-controller.js';
import { CrmError } from '../../store/errors.js';
import type { LeadInput } from '../../store/leads.js';
import type { Lead, Messenger } from '../../store/types.js';
import { formatPhone } from '../../store/ukrainian.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { errorAt, errorOutside, focusFirstInvalid, selectField, textField } from './fields.js';
import { leadFormStyles } from './lead-form.styles.js';

const messengerKinds: readonly Messenger[] = ['viber', 'telegram', 'whatsapp', 'signal', 'skype', 'other'];

/** The fields a store error can name (`LeadInput` keys); any other error is shown above the buttons. */
const leadFields = ['name', 'company', 'taxCode', 'phones', 'emails', 'messengers', 'tags', 'sourceId', 'managerId', 'comment'];

/** One row of a list field; `key` keeps a row's input when rows before it go. */
interface Row<T> {
  key: number;
  value: T;
}

let nextKey = 0;
const row = <T>(value: T): Row<T> => ({ key: nextKey++, value });

/**
 * The form of a lead's fields — name, company, tax code, phones, e-mails,
 * messengers, tags, source, manager and comment — shared by `crm-lead-list`
 * ("new lead") and `crm-lead-card` ("edit"). It writes nothing: it emits
 * `lead-form-submit` with a `LeadInput` whose optional texts are `''` when
 * empty, so the same value suits `leads.create` and, as a patch that clears
 * emptied fields, `leads.update`. The owner writes it and hands a refusal
 * back through `error`, shown at its field (`phones.1` at the second phone).
 *
 * @internal
 *
 * @event lead-form-submit - `CustomEvent<LeadInput>`, not bubbling: the user submitted the form.
 * @event lead-form-cancel - Not bubbling: the user pressed "Cancel".
 */
@customElement('crm-lead-form')
export class CrmLeadForm extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    formStyles,
    leadFormStyles,
  ];

  /** The lead whose values the form starts with; unset, the form is for a new lead. Setting it resets the form. */
  @property({ attribute: false }) lead?: Lead;

  /** A refusal of the store (`CrmError`), shown at its field; one for no field is shown above the buttons. */
  @property({ attribute: false }) error?: unknown;

  /** Users, sources and tags for the pickers (unbound use); unset, the store's. */
  @property({ attribute: false }) catalogues?: Partial<CatalogueLists>;

  /** While `true`, the owner is saving: the submit button says so and a second submit is ignored. */
  @property({ type: Boolean }) busy = false;

  /** The submit button's text; "Save" unless given. */
  @property({ attribute: 'submit-label' }) submitLabel?: string;

  @state() private name = '';
  @state() private company = '';
  @state() private taxCode = '';
  @state() private phones: Row<string>[] = [];
  @state() private emails: Row<string>[] = [];
  @state() private messengers: Row<{ kind: Messenger; handle: string }>[] = [];
  @state() private tags: string[] = [];
  @state() private sourceId = '';
  @state() private managerId = '';
  @state() private comment = '';
  /** The form's own check (a name is required) before anything is emitted. */
  @state() private localError: CrmError | undefined;

  /** Which row each item of the last submitted lists came from, so `phones.1` finds its input. */
  private submittedRows: Record<'phones' | 'emails' | 'messengers', number[]> = { phones: [], emails: [], messengers: [] };

  private readonly catalogueLists = new CataloguesController(
    this,
    () => this.stores.store,
    // Given every list it offers (unbound use), the form reads no store.
    () => !(this.catalogues?.users && this.catalogues.sources && this.catalogues.tags),
  );

  /** Focuses the first field (the name). */
  override focus(options?: FocusOptions): void {
    const name = this.renderRoot.querySelector<HTMLElement>('#lead-name');
    if (name) name.focus(options);
    else void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#lead-name')?.focus(options));
  }

  /** Empties the form, or fills it again from `lead`. */
  reset(): void {
    const lead = this.lead;
    this.name = lead?.name ?? '';
    this.company = lead?.company ?? '';
    this.taxCode = lead?.taxCode ?? '';
    this.phones = (lead?.phones.length ? lead.phones.map(formatPhone) : ['']).map(row);
    this.emails = (lead?.emails.length ? lead.emails : ['']).map(row);
    this.messengers = (lead?.messengers ?? []).map((m) => row({ ...m }));
    this.tags = [...(lead?.tags ?? [])];
    this.sourceId = lead?.sourceId ?? '';
    this.managerId = lead?.managerId ?? '';
    this.comment = lead?.comment ?? '';
    this.localError = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lead') || !this.hasUpdated) this.reset();
    if (changed.has('error')) this.localError = undefined;
    this.catalogueLists.override = this.catalogues;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('error') && this.error !== undefined) this.focusError();
  }

  private get shownError(): unknown {
    return this.localError ?? this.error;
  }

  private focusError(): void {
    if (errorOutside(this.shownError, leadFields)) this.renderRoot.querySelector<HTMLElement>('.form-error')?.focus();
    else focusFirstInvalid(this.renderRoot);
  }

  /** The form's values as a `LeadInput`; optional texts are `''` when empty (a patch clears them). */
  private value(): LeadInput {
    const kept = <T>(rows: Row<T>[], keep: (value: T) => boolean) => rows.flatMap((r, index) => (keep(r.value) ? [index] : []));
    this.submittedRows = {
      phones: kept(this.phones, (p) => p.trim() !== ''),
      emails: kept(this.emails, (e) => e.trim() !== ''),
      messengers: kept(this.messengers, (m) => m.handle.trim() !== ''),
    };
    return {
      name: this.name.trim(),
      company: this.company.trim(),
      taxCode: this.taxCode.trim(),
      phones: this.submittedRows.phones.map((i) => this.phones[i]!.value.trim()),
      emails: this.submittedRows.emails.map((i) => this.emails[i]!.value.trim()),
      messengers: this.submittedRows.messengers.map((i) => ({ ...this.messengers[i]!.value, handle: this.messengers[i]!.value.handle.trim() })),
      tags: [...this.tags],
      sourceId: this.sourceId,
      managerId: this.managerId,
      comment: this.comment.trim(),
    };
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const value = this.value();
    if (!value.name) {
      this.localError = new CrmError('VALIDATION', 'error.required', { field: 'name' });
      await this.updateComplete;
      this.focusError();
      return;
    }
    this.localError = undefined;
    this.dispatchEvent(new CustomEvent<LeadInput>('lead-form-submit', { detail: value }));
  }

  private cancel(): void {
    this.dispatchEvent(new Event('lead-form-cancel'));
  }

  /** The error of row `index` of a list field: `phones.1` belongs to the row submitted second. */
  private rowInvalid(list: 'phones' | 'emails' | 'messengers', index: number): boolean {
    const error = this.shownError;
    if (!(error instanceof CrmError) || !error.field?.startsWith(`${list}`)) return false;
    const [, position] = error.field.split('.');
    if (position === undefined) return index === 0;
    return this.submittedRows[list][Number(position)] === index;
  }

  private async addRow(list: 'phones' | 'emails' | 'messengers'): Promise<void> {
    if (list === 'messengers') this.messengers = [...this.messengers, row({ kind: 'telegram' as Messenger, handle: '' })];
    else this[list] = [...this[list], row('')];
    await this.updateComplete;
    const inputs = this.renderRoot.querySelectorAll<HTMLElement>(`[data-list=${list}]`);
    inputs[inputs.length - 1]?.focus();
  }

  private async removeRow(list: 'phones' | 'emails' | 'messengers', index: number): Promise<void> {
    if (list === 'messengers') this.messengers = this.messengers.filter((_, i) => i !== index);
    else this[list] = this[list].filter((_, i) => i !== index);
    await this.updateComplete;
    const inputs = this.renderRoot.querySelectorAll<HTMLElement>(`[data-list=${list}]`);
    (inputs[Math.min(index, inputs.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>(`#add-${list}`))?.focus();
  }

  private renderTextRows(list: 'phones' | 'emails') {
    const term = this.localize.term.bind(this.localize);
    const rows = this[list];
    const phone = list === 'phones';
    const errorId = `lead-${list}-error`;
    const message = errorAt(this.shownError, list, (e) => this.localize.errorMessage(e));
    return html`<fieldset class="rows">
      <legend>${term(phone ? 'field.phones' : 'field.emails')}</legend>
      ${repeat(
        rows,
        (r) => r.key,
        (r, index) => {
          const invalid = this.rowInvalid(list, index);
          return html`<div class="row">
            <input
              id="lead-${list}-${index}"
              data-list=${list}
              type=${phone ? 'tel' : 'email'}
              autocomplete=${phone ? 'tel' : 'email'}
              inputmode=${phone ? 'tel' : 'email'}
              aria-label=${term(phone ? 'leadForm.phone' : 'leadForm.email', index + 1)}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${ifDefined(invalid ? errorId : undefined)}
              .value=${live(r.value)}
              @input=${(e: Event) => (r.value = (e.target as HTMLInputElement).value)}
            />
            <button
              type="button"
              class="icon"
              aria-label=${term(phone ? 'leadForm.removePhone' : 'leadForm.removeEmail', index + 1)}
              @click=${() => this.removeRow(list, index)}
            >
              ✕
            </button>
          </div>`;
        },
      )}
      <p class="field-error" id=${errorId}>${message ?? ''}</p>
      <button type="button" class="add" id="add-${list}" @click=${() => this.addRow(list)}>
        + ${term(phone ? 'leadForm.addPhone' : 'leadForm.addEmail')}
      </button>
    </fieldset>`;
  }

  private renderMessengers() {
    const term = this.localize.term.bind(this.localize);
    const message = errorAt(this.shownError, 'messengers', (e) => this.localize.errorMessage(e));
    return html`<fieldset class="rows">
      <legend>${term('field.messengers')}</legend>
      ${repeat(
        this.messengers,
        (r) => r.key,
        (r, index) => {
          const invalid = this.rowInvalid('messengers', index);
          return html`<div class="row">
            <select
              aria-label=${term('leadForm.messengerKind', index + 1)}
              @change=${(e: Event) => (r.value = { ...r.value, kind: (e.target as HTMLSelectElement).value as Messenger })}
            >
              ${messengerKinds.map((kind) => html`<option value=${kind} ?selected=${kind === r.value.kind}>${term(`messenger.${kind}` as const)}</option>`)}
            </select>
            <input
              data-list="messengers"
              id="lead-messengers-${index}"
              aria-label=${term('leadForm.messengerHandle', index + 1)}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${ifDefined(invalid ? 'lead-messengers-error' : undefined)}
              .value=${live(r.value.handle)}
              @input=${(e: Event) => (r.value = { ...r.value, handle: (e.target as HTMLInputElement).value })}
            />
            <button type="button" class="icon" aria-label=${term('leadForm.removeMessenger', index + 1)} @click=${() => this.removeRow('messengers', index)}>
              ✕
            </button>
          </div>`;
        },
      )}
      <p class="field-error" id="lead-messengers-error">${message ?? ''}</p>
      <button type="button" class="add" id="add-messengers" @click=${() => this.addRow('messengers')}>
        + ${term('leadForm.addMessenger')}
      </button>
    </fieldset>`;
  }

  private renderTags() {
    const tags = this.catalogueLists.current.tags;
    const message = errorAt(this.shownError, 'tags', (e) => this.localize.errorMessage(e));
    return html`<fieldset class="rows" aria-describedby=${ifDefined(message ? 'lead-tags-error' : undefined)}>
      <legend>${this.localize.term('field.tags')}</legend>
      <div class="tags">
        ${tags.length === 0 ? html`<span class="hint">${this.localize.term('leadForm.noTags')}</span>` : nothing}
        ${tags.map(
          (tag) => html`<label>
            <input
              type="checkbox"
              .checked=${live(this.tags.includes(tag.id))}
              aria-invalid=${message ? 'true' : 'false'}
              @change=${(e: Event) =>
                (this.tags = (e.target as HTMLInputElement).checked ? [...this.tags, tag.id] : this.tags.filter((id) => id !== tag.id))}
            />${tag.name}
          </label>`,
        )}
      </div>
      <p class="field-error" id="lead-tags-error">${message ?? ''}</p>
    </fieldset>`;
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const message = (error: CrmError) => this.localize.errorMessage(error);
    const error = this.shownError;
    const lists = this.catalogueLists;
    // Offer the lead's own source and manager even when archived or inactive, so editing keeps them.
    const sources = lists.activeSources.some((s) => s.id === this.sourceId) || !this.sourceId
      ? lists.activeSources
      : [...lists.activeSources, ...lists.current.sources.filter((s) => s.id === this.sourceId)];
    const managers = lists.managers.some((u) => u.id === this.managerId) || !this.managerId
      ? lists.managers
      : [...lists.managers, ...lists.current.users.filter((u) => u.id === this.managerId)];
    return html`<form novalidate @submit=${this.submit}>
      <div class="grid">
        ${textField({
          id: 'lead-name',
          label: term('field.name'),
          value: this.name,
          required: true,
          autocomplete: 'name',
          error: errorAt(error, 'name', message),
          onInput: (value) => (this.name = value),
        })}
        ${textField({
          id: 'lead-company',
          label: term('field.company'),
          value: this.company,
          autocomplete: 'organization',
          error: errorAt(error, 'company', message),
          onInput: (value) => (this.company = value),
        })}
        ${textField({
          id: 'lead-taxCode',
          label: term('field.taxCode'),
          value: this.taxCode,
          inputmode: 'numeric',
          error: errorAt(error, 'taxCode', message),
          onInput: (value) => (this.taxCode = value),
        })}
      </div>
      <div class="grid">${this.renderTextRows('phones')} ${this.renderTextRows('emails')}</div>
      ${this.renderMessengers()} ${this.renderTags()}
      <div class="grid">
        ${selectField({
          id: 'lead-sourceId',
          label: term('field.source'),
          value: this.sourceId,
          emptyLabel: term('leadForm.notSet'),
          options: sources.map((s) => ({ value: s.id, label: s.name })),
          error: errorAt(error, 'sourceId', message),
          onChange: (value) => (this.sourceId = value),
        })}
        ${selectField({
          id: 'lead-managerId',
          label: term('field.manager'),
          value: this.managerId,
          emptyLabel: term('leadForm.notSet'),
          options: managers.map((u) => ({ value: u.id, label: u.name })),
          error: errorAt(error, 'managerId', message),
          onChange: (value) => (this.managerId = value),
        })}
      </div>
      ${textField({
        id: 'lead-comment',
        label: term('field.comment'),
        value: this.comment,
        multiline: true,
        error: errorAt(error, 'comment', message),
        onInput: (value) => (this.comment = value),
      })}
      ${errorOutside(error, leadFields)
        ? html`<p class="field-error form-error" role="alert" tabindex="-1">${this.localize.errorMessage(error)}</p>`
        : nothing}
      <div class="actions">
        <button type="button" @click=${this.cancel}>${term('action.cancel')}</button>
        <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? term('common.saving') : (this.submitLabel ?? term('action.save'))}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-lead-form': CrmLeadForm;
  }
  interface HTMLElementEventMap {
    'lead-form-submit': CustomEvent<LeadInput>;
    'lead-form-cancel': Event;
  }
}
