import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { CrmError } from '../../store/errors.js';
import type { Stage } from '../../store/types.js';
import { errorAt, errorOutside, selectField, textField } from './fields.js';

/** Where a new stage goes: `''` at the end, `'start'`, or after the stage of that id. */
export type StagePlacement = string;

export interface AddStageState {
  stages: readonly Stage[];
  name: string;
  placement: StagePlacement;
  error: unknown;
}

export interface AddStageActions {
  setName(value: string): void;
  setPlacement(value: StagePlacement): void;
  submit(): void;
}

/**
 * The "new stage" form of `crm-pipeline-editor`: a name and where to put it.
 *
 * @internal
 */
export function addStageForm(state: AddStageState, actions: AddStageActions, localize: CrmLocalizeController): TemplateResult {
  const message = (error: CrmError) => localize.errorMessage(error);
  return html`<form
    class="add"
    part="add-form"
    aria-labelledby="add-title"
    novalidate
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      actions.submit();
    }}
  >
    <p class="add-title" id="add-title">${localize.term('pipelineEditor.addTitle')}</p>
    <div class="add-fields">
      ${textField({
        id: 'add-name',
        label: localize.term('pipelineEditor.stageName'),
        value: state.name,
        required: true,
        autocomplete: 'off',
        error: errorAt(state.error, 'name', message),
        onInput: actions.setName,
      })}
      ${state.stages.length
        ? selectField({
            id: 'add-placement',
            label: localize.term('pipelineEditor.placement'),
            value: state.placement,
            options: [
              { value: '', label: localize.term('pipelineEditor.atEnd') },
              { value: 'start', label: localize.term('pipelineEditor.atStart') },
              ...state.stages.slice(0, -1).map((stage) => ({ value: stage.id, label: localize.term('pipelineEditor.after', stage.name) })),
            ],
            error: errorAt(state.error, 'position', message),
            onChange: actions.setPlacement,
          })
        : nothing}
    </div>
    <button class="primary" type="submit">${localize.term('pipelineEditor.addStage')}</button>
    ${errorOutside(state.error, ['name', 'position'])
      ? html`<p class="field-error" role="alert">${localize.errorMessage(state.error)}</p>`
      : nothing}
  </form>`;
}

export interface PipelineHeaderState {
  title: string;
  headingLevel: number;
  /** The pipeline has a name and an id: offer "Rename pipeline". */
  canRename: boolean;
  /** The rename form is open. */
  editing: boolean;
  draft: string;
  /** The localized error shown at the field. */
  error: string | undefined;
}

export interface PipelineHeaderActions {
  start(): void;
  setDraft(value: string): void;
  save(): void;
  cancel(): void;
}

/** The editor's title, a heading at the host page's level. */
export function pipelineHeading(title: string, level: number): TemplateResult {
  return html`<div id="title" class="title" role="heading" aria-level=${level}>${title}</div>`;
}

/**
 * The title of `crm-pipeline-editor` with "Rename pipeline" and its inline
 * form (Enter saves, Escape cancels).
 *
 * @internal
 */
export function pipelineHeader(state: PipelineHeaderState, actions: PipelineHeaderActions, localize: CrmLocalizeController): TemplateResult {
  return html`<header class="header">
      ${pipelineHeading(state.title, state.headingLevel)}
      ${state.canRename && !state.editing
        ? html`<button type="button" data-control="pipeline-rename" @click=${() => actions.start()}>
            ${localize.term('pipelineEditor.renamePipeline')}
          </button>`
        : nothing}
    </header>
    ${state.canRename && state.editing
      ? inlineNameForm(
          { id: 'pipeline-name', label: localize.term('pipelineEditor.pipelineName'), labelHidden: false, draft: state.draft, error: state.error, limit: 120 },
          actions,
          localize,
        )
      : nothing}`;
}

export interface InlineNameState {
  /** The input's id; the error's is `${id}-error`. */
  id: string;
  label: string;
  labelHidden: boolean;
  draft: string;
  /** The localized error shown at the field. */
  error: string | undefined;
  limit: number;
}

/**
 * An inline rename form (a stage's or the pipeline's name): Enter saves,
 * Escape cancels. Its input is `[data-control="rename-input"]`.
 *
 * @internal
 */
export function inlineNameForm(
  state: InlineNameState,
  actions: { setDraft(value: string): void; save(): void; cancel(): void },
  localize: CrmLocalizeController,
): TemplateResult {
  return html`<form
    class="inline-name"
    novalidate
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      actions.save();
    }}
  >
    <label class=${state.labelHidden ? 'visually-hidden' : ''} for=${state.id}>${state.label}</label>
    <input
      id=${state.id}
      data-control="rename-input"
      .value=${live(state.draft)}
      maxlength=${state.limit}
      aria-invalid=${state.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(state.error ? `${state.id}-error` : undefined)}
      @input=${(event: Event) => actions.setDraft((event.target as HTMLInputElement).value)}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        actions.cancel();
      }}
    />
    <button class="primary" type="submit">${localize.term('action.save')}</button>
    <button type="button" @click=${() => actions.cancel()}>${localize.term('action.cancel')}</button>
    <p class="field-error" id="${state.id}-error">${state.error ?? ''}</p>
  </form>`;
}

/** Styles of the editor's header and forms, for its shadow root (with `formStyles`). */
export const pipelineEditorFormStyles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_crm-space-s) var(--_crm-space-l);
  }
  .title {
    font-size: var(--_crm-font-size-l);
    font-weight: 600;
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .add {
    padding: var(--_crm-space-l);
    border: 1px dashed var(--_crm-color-border);
    border-radius: var(--_crm-radius);
  }
  .add-title {
    margin: 0 0 var(--_crm-space-s);
    font-weight: 600;
  }
  .add-fields {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    gap: 0 var(--_crm-space-m);
  }
  .add-fields .field {
    flex: 1 1 14rem;
    min-inline-size: 0;
  }
  .add-fields select {
    max-inline-size: 100%;
  }
  .inline-name {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_crm-space-s);
  }
  .inline-name label {
    flex-basis: 100%;
    font-size: var(--_crm-font-size-s);
    font-weight: 600;
    color: var(--_crm-color-text-muted);
  }
  .inline-name input {
    flex: 1 1 12rem;
  }
  .inline-name .field-error {
    flex-basis: 100%;
  }
`;
