import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { LiveQueryController } from '../../controllers/live-query-controller.js';
import type { Id, Stage } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { setStates } from '../shared/custom-states.js';
import type { PipelineEditorAccess, PipelineEditorChanges } from '../shared/pipeline-editor-changes.js';
import { inOrder, readPipelineEditorData, type PipelineEditorData } from '../shared/pipeline-editor-data.js';
import { StageDragController } from '../shared/pipeline-editor-drag.js';
import { StageFocusController } from '../shared/pipeline-editor-focus.js';
import { addStageForm, pipelineEditorFormStyles, pipelineHeader, pipelineHeading } from '../shared/pipeline-editor-forms.js';
import { InlineRenameController, PIPELINE_NAME } from '../shared/pipeline-editor-rename.js';
import { stageRow, stageRowStyles, type StageRowActions } from '../shared/pipeline-editor-row.js';
import { styles } from './pipeline-editor.styles.js';

/** The changes (and the remove dialog) are loaded on first use, and stay: the editor paints without them. */
const loadChanges = () => import('../shared/pipeline-editor-changes.js');

/**
 * Edits a sales pipeline: its stages in order with their open-deal counts;
 * add, rename, reorder (buttons, Alt+↑/↓, drag) and remove stages (removal
 * asks which stage takes over the deals), and rename the pipeline. Every step
 * works by keyboard and is announced.
 *
 * Bound (`pipeline="<id>"`), it reads the pipeline, its stages and the counts
 * live and writes through `store.pipelines`. Unbound (`.stages` set), it
 * touches no store: it only fires `crm-pipeline-change-request`, and the host
 * applies the change and sets the new `.stages`.
 *
 * @summary Add, rename, reorder and remove the stages of a sales pipeline.
 *
 * @event {CrmPipelineChangeRequestEvent} crm-pipeline-change-request - Before a change is written; cancelable (`preventDefault()` vetoes it). `event.change` says what.
 * @event {CrmPipelineChangeEvent} crm-pipeline-change - After a change was written to the store (bound only). `event.change` says what.
 *
 * @csspart base - The element's frame.
 * @csspart stages - The ordered list of stages.
 * @csspart add-form - The "new stage" form.
 *
 * @cssproperty --crm-pipeline-editor-max-inline-size - The editor's widest extent. Defaults to `48rem`.
 *
 * @cssstate loading - The pipeline is being read (or, unbound, no data has been given yet).
 */
@customElement('crm-pipeline-editor')
export class CrmPipelineEditor extends CrmElement {
  static override styles = [...CrmElement.styles, formStyles, stageRowStyles, pipelineEditorFormStyles, styles];

  /** The id of the pipeline to edit from the store. Ignored while `stages` is set. */
  @property() pipeline: string | undefined;

  /** Stages to show instead of the store's, in this order (unbound use). The host applies each requested change. */
  @property({ attribute: false }) stages: Stage[] | undefined;

  /** Unbound: open deals per stage id (shown at each stage; a stage with deals asks where they go when removed). */
  @property({ attribute: false }) counts: Record<Id, number> | undefined;

  /** Unbound: the pipeline's name, shown in the heading; with `pipeline` set it can be renamed. */
  @property({ attribute: 'pipeline-name' }) pipelineName: string | undefined;

  /** The heading level of the element's title within the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private addName = '';
  @state() private addPlacement = '';
  @state() private addError: unknown;
  @state() private listError: unknown;
  @state() private announcement = '';
  /** A reorder written but not yet read back, shown meanwhile (bound only). */
  @state() private localOrder: Id[] | undefined;
  /** A removal was asked for: the remove dialog is loaded and rendered. */
  @state() private removing = false;

  private readonly internals = this.attachInternals();
  private seenValue: unknown;
  private readonly focusAfter = new StageFocusController(this);

  private readonly live = new LiveQueryController<PipelineEditorData | undefined, [Id | undefined]>(this, {
    store: () => this.stores.store,
    args: () => [this.stages ? undefined : this.pipeline],
    query: (store, pipelineId) => (pipelineId === undefined ? undefined : readPipelineEditorData(store, pipelineId)),
  });

  private readonly rename = new InlineRenameController(
    this,
    (selector, stageId) => this.focusAfter.request(stageId === undefined ? { selector } : { selector, stageId }),
    (text) => void this.announce(text),
  );

  private readonly drag = new StageDragController(
    this,
    () => this.shown.map((stage) => stage.id),
    (stageId, order) => void this.changes().then((changes) => changes.reorder(stageId, order, undefined)),
  );

  /** What the changes read and set. */
  private readonly editor: PipelineEditorAccess = {
    host: this,
    localize: this.localize,
    rename: this.rename,
    focusAfter: this.focusAfter,
    store: () => this.stores.store,
    bound: () => this.bound,
    pipelineId: () => this.pipelineId,
    shown: () => this.shown,
    counts: () => this.current?.counts,
    fields: () => ({ addName: this.addName, addPlacement: this.addPlacement }),
    update: (fields) => Object.assign(this, fields),
    announce: (text) => void this.announce(text),
  };

  private loading: Promise<PipelineEditorChanges> | undefined;
  /** The changes once loaded: their writes under way keep a reorder shown ahead of the store. */
  private loaded: PipelineEditorChanges | undefined;

  /** Every change (add, rename, reorder, remove): loaded on the first one, then kept. */
  private changes(): Promise<PipelineEditorChanges> {
    this.loading ??= loadChanges().then(({ PipelineEditorChanges }) => (this.loaded = new PipelineEditorChanges(this.editor)));
    return this.loading;
  }

  /** Bound: reading and writing the store. */
  private get bound(): boolean {
    return this.stages === undefined && this.pipeline !== undefined;
  }

  private get current(): PipelineEditorData | undefined {
    if (this.stages) return { pipeline: undefined, stages: this.stages, counts: this.counts };
    return this.live.status === 'complete' && this.live.value?.pipeline ? this.live.value : undefined;
  }

  private get pipelineId(): Id | undefined {
    return this.pipeline ?? this.current?.stages[0]?.pipelineId;
  }

  /** The stages as shown: the data's order, or a reorder still being written. */
  private get shown(): Stage[] {
    return inOrder(this.current?.stages ?? [], this.localOrder);
  }

  private async announce(text: string): Promise<void> {
    // Emptied first, so the same words twice are announced twice.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private readonly rowActions: StageRowActions = {
    startRename: (stage) => this.rename.start(stage.id, stage.name),
    move: (stage, by, control) => void this.changes().then((changes) => changes.move(stage, by, control)),
    remove: (stage) => void this.changes().then((changes) => changes.removeStage(stage)),
    saveRename: (stage) => void this.changes().then((changes) => changes.renameStage(stage)),
    cancelRename: () => this.rename.cancel(this.localize.term('pipelineEditor.renameCancelled')),
    setDraft: (value) => this.rename.setDraft(value),
    drag: this.drag.handlers,
  };

  protected override willUpdate(): void {
    const loading = !this.current && (this.pipeline === undefined || this.live.status === 'pending');
    setStates(this.internals, { loading });
    // New data from the store: a reorder shown ahead of it is now in it (unless more writes are under way).
    if (this.live.value !== this.seenValue) {
      this.seenValue = this.live.value;
      if (!this.loaded?.writes) this.localOrder = undefined;
    }
  }

  private titleOf(pipelineName: string | undefined): string {
    return pipelineName === undefined ? this.localize.term('pipelineEditor.title') : this.localize.term('pipelineEditor.titleOf', pipelineName);
  }

  private renderEditor(data: PipelineEditorData) {
    const stages = this.shown;
    const name = data.pipeline?.name ?? this.pipelineName;
    const { editing, draft, error } = this.rename;
    const editingPipeline = editing === PIPELINE_NAME;
    const errorText = error ? this.localize.errorMessage(error) : undefined;
    const canRename = name !== undefined && this.pipelineId !== undefined;
    return html`${pipelineHeader(
        { title: this.titleOf(name), headingLevel: this.headingLevel, canRename, editing: editingPipeline, draft, error: errorText },
        {
          start: () => this.rename.start(PIPELINE_NAME, name!),
          setDraft: this.rowActions.setDraft,
          save: () => void this.changes().then((changes) => changes.renamePipeline(name!)),
          cancel: this.rowActions.cancelRename,
        },
        this.localize,
      )}
      ${stages.length > 1 ? html`<p class="hint" id="hint">${this.localize.term('pipelineEditor.hint')}</p>` : nothing}
      <p class="field-error" role="alert">${this.listError ? this.localize.errorMessage(this.listError) : ''}</p>
      <ol class="stages" part="stages" aria-labelledby="title">
        ${repeat(
          stages,
          (stage) => stage.id,
          (stage, index) =>
            stageRow(
              {
                stage,
                index,
                total: stages.length,
                count: data.counts ? (data.counts[stage.id] ?? 0) : undefined,
                editing: editing === stage.id,
                draft,
                error: editing === stage.id ? errorText : undefined,
                dropEdge: this.drag.edgeOf(stage.id),
                dragging: this.drag.draggedId === stage.id,
              },
              this.rowActions,
              this.localize,
            ),
        )}
      </ol>
      ${addStageForm(
        { stages, name: this.addName, placement: this.addPlacement, error: this.addError },
        { setName: (value) => (this.addName = value), setPlacement: (value) => (this.addPlacement = value), submit: () => void this.changes().then((changes) => changes.addStage()) },
        this.localize,
      )}`;
  }

  private renderState(message: string, error = false) {
    return html`${pipelineHeading(this.titleOf(undefined), this.headingLevel)}
      <p class=${error ? 'state field-error' : 'state'} role=${ifDefined(error ? 'alert' : undefined)}>${message}</p>`;
  }

  private renderBody() {
    const data = this.current;
    if (data) return this.renderEditor(data);
    if (this.stages === undefined && this.pipeline !== undefined && this.live.status !== 'pending') {
      return this.live.status === 'error'
        ? this.renderState(this.localize.term('common.loadFailed'), true)
        : this.renderState(this.localize.term('pipelineEditor.notFound'), true);
    }
    return this.renderState(this.localize.term('common.loading'));
  }

  protected override render() {
    const loading = this.internals.states.has('loading');
    return html`<section part="base" aria-labelledby="title" aria-busy=${loading ? 'true' : 'false'}>
      ${this.renderBody()}
      <p role="status" class="visually-hidden">${this.announcement}</p>
      ${this.removing ? html`<crm-pipeline-editor-remove-dialog></crm-pipeline-editor-remove-dialog>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-pipeline-editor': CrmPipelineEditor;
  }
}
