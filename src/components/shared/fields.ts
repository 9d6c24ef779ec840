import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import { CrmError } from '../../store/errors.js';

/**
 * The store error's message for a form field: the error concerns `field`
 * itself or a part of it (`phones.0` is shown at `phones`).
 */
export function errorAt(error: unknown, field: string, message: (error: CrmError) => string): string | undefined {
  if (!(error instanceof CrmError) || error.field === undefined) return undefined;
  return error.field === field || error.field.startsWith(`${field}.`) ? message(error) : undefined;
}

/** Whether a store error concerns none of the given fields (it is then shown for the whole form). */
export function errorOutside(error: unknown, fields: readonly string[]): boolean {
  if (error === undefined) return false;
  if (!(error instanceof CrmError) || error.field === undefined) return true;
  const field = error.field;
  return !fields.some((name) => field === name || field.startsWith(`${name}.`));
}

interface FieldBase {
  /** Unique within the element's shadow root; the error's id is `${id}-error`. */
  id: string;
  label: string;
  /** The localized error message shown under the field. */
  error?: string | undefined;
  required?: boolean;
  hint?: string;
}

export interface TextFieldOptions extends FieldBase {
  value: string;
  type?: 'text' | 'tel' | 'email' | 'number' | 'date' | 'datetime-local' | 'search' | 'url';
  name?: string;
  autocomplete?: string;
  inputmode?: 'text' | 'tel' | 'email' | 'numeric' | 'decimal' | 'search';
  multiline?: boolean;
  onInput?: (value: string) => void;
}

export interface SelectFieldOptions extends FieldBase {
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** The label of an empty first option (none chosen); omitted, there is none. */
  emptyLabel?: string;
  name?: string;
  onChange?: (value: string) => void;
}

function describedBy(options: FieldBase): string | undefined {
  const ids = [options.hint ? `${options.id}-hint` : '', options.error ? `${options.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function messages(options: FieldBase) {
  return html`${options.hint ? html`<p class="hint" id="${options.id}-hint">${options.hint}</p>` : nothing}
    <p class="field-error" id="${options.id}-error">${options.error ?? ''}</p>`;
}

/** A labelled input (or textarea) with its hint and its error, wired for screen readers. */
export function textField(options: TextFieldOptions): TemplateResult {
  const common = {
    describedBy: describedBy(options),
    invalid: options.error ? 'true' : 'false',
  };
  const onInput = (event: Event) => options.onInput?.((event.target as HTMLInputElement).value);
  return html`<div class="field">
    <label for=${options.id}>${options.label}</label>
    ${options.multiline
      ? html`<textarea
          id=${options.id}
          name=${ifDefined(options.name)}
          .value=${live(options.value)}
          ?required=${options.required}
          aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(common.describedBy)}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id=${options.id}
          name=${ifDefined(options.name)}
          type=${options.type ?? 'text'}
          .value=${live(options.value)}
          ?required=${options.required}
          autocomplete=${ifDefined(options.autocomplete)}
          inputmode=${ifDefined(options.inputmode)}
          aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(common.describedBy)}
          @input=${onInput}
        />`}
    ${messages(options)}
  </div>`;
}

/** A labelled select with its hint and its error. */
export function selectField(options: SelectFieldOptions): TemplateResult {
  return html`<div class="field">
    <label for=${options.id}>${options.label}</label>
    <select
      id=${options.id}
      name=${ifDefined(options.name)}
      ?required=${options.required}
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(options))}
      @change=${(event: Event) => options.onChange?.((event.target as HTMLSelectElement).value)}
    >
      ${options.emptyLabel !== undefined
        ? html`<option value="" ?selected=${options.value === ''}>${options.emptyLabel}</option>`
        : nothing}
      ${options.options.map(
        (option) => html`<option value=${option.value} ?selected=${option.value === options.value}>${option.label}</option>`,
      )}
    </select>
    ${messages(options)}
  </div>`;
}

/** Focuses the first field marked invalid in a form, so a keyboard user lands on what to fix. */
export function focusFirstInvalid(root: ParentNode): void {
  root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

export interface FormFooterOptions {
  /** The form's error: shown here (as an alert) when it concerns none of `fields`. */
  error: unknown;
  /** The fields that show their own errors. */
  fields: readonly string[];
  /** While `true` the submit button says "Saving…" and is marked `aria-disabled`. */
  saving: boolean;
  /** The localized label of the submit button. */
  submitLabel: string;
  /** What "Cancel" does. */
  onCancel: () => void;
  /** The submit button's look: `primary` (the default) or `danger` for a destructive action. */
  tone?: 'primary' | 'danger';
  /** A short localized hint at the start of the buttons' row. */
  hint?: string;
}

/**
 * The end of a form: an error that belongs to no field (`role="alert"`), then
 * the `.actions` row with "Cancel" and the submit button.
 */
export function formFooter(localize: CrmLocalizeController, options: FormFooterOptions): TemplateResult {
  return html`${errorOutside(options.error, options.fields)
      ? html`<p class="field-error" role="alert">${localize.errorMessage(options.error)}</p>`
      : nothing}
    <div class="actions">
      ${options.hint !== undefined ? html`<p class="hint">${options.hint}</p>` : nothing}
      <button type="button" @click=${() => options.onCancel()}>${localize.term('action.cancel')}</button>
      <button class=${options.tone ?? 'primary'} type="submit" aria-disabled=${options.saving ? 'true' : 'false'}>
        ${options.saving ? localize.term('common.saving') : options.submitLabel}
      </button>
    </div>`;
}
