import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { LiveQueryController } from '../../controllers/live-query-controller.js';
import { CrmPipelineChangeRequestEvent } from '../../events/pipeline-change-request.js';
import { CrmPipelineChangeEvent, type PipelineChange } from '../../events/pipeline-change.js';
import { CrmError } from '../../store/errors.js';
import type { CrmStore } from '../../store/store.js';
import type { Id, Stage } from '../../store/types.js';
import { formStyles } from '../../styles/forms.js';
import { CrmElement } from '../crm-element.js';
import { setStates } from '../shared/custom-states.js';
import { focusFirstInvalid } from '../shared/fields.js';
import { inOrder, movedBy, readPipelineEditorData, type PipelineEditorData } from '../shared/pipeline-editor-data.js';
import { StageDragController } from '../shared/pipeline-editor-drag.js';
import { StageFocusController } from '../shared/pipeline-editor-focus.js';
import { addStageForm, pipelineEditorFormStyles, pipelineHeader, pipelineHeading, positionOf } from '../shared/pipeline-editor-forms.js';
import '../shared/pipeline-editor-remove-dialog.js';
import { checkName, InlineRenameController, PIPELINE_NAME } from '../shared/pipeline-editor-rename.js';
import type { CrmPipelineEditorRemoveDialog } from '../shared/pipeline-editor-remove-dialog.js';
import { stageRow, stageRowStyles, type StageControl, type StageRowActions } from '../shared/pipeline-editor-row.js';
import { styles } from './pipeline-editor.styles.js';

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
  @query('crm-pipeline-editor-remove-dialog') private removeDialog!: CrmPipelineEditorRemoveDialog;

  private readonly internals = this.attachInternals();
  private writes = 0;
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
    (stageId, order) => void this.reorder(stageId, order, undefined),
  );

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

  /** Asks the host; bound, writes and reports. Resolves `false` when the host vetoed. A store refusal is thrown. */
  private async perform(change: PipelineChange, write: (store: CrmStore, pipelineId: Id) => Promise<unknown>): Promise<boolean> {
    const request = new CrmPipelineChangeRequestEvent(change);
    this.dispatchEvent(request);
    if (request.defaultPrevented) {
      void this.announce(this.localize.term('pipelineEditor.vetoed'));
      return false;
    }
    if (this.bound && change.pipelineId !== undefined) {
      this.writes += 1;
      try {
        await write(this.stores.store, change.pipelineId);
      } finally {
        this.writes -= 1;
      }
      this.dispatchEvent(new CrmPipelineChangeEvent(change));
    }
    return true;
  }

  private async addStage(): Promise<void> {
    const stages = this.shown;
    const name = this.addName.trim();
    const position = positionOf(this.addPlacement, stages);
    const at = position === undefined ? {} : { position };
    this.addError = undefined;
    try {
      checkName(name, 80, stages);
      const change: PipelineChange = { kind: 'stage-add', pipelineId: this.pipelineId, name, ...at };
      if (!(await this.perform(change, (store, pipelineId) => store.pipelines.addStage(pipelineId, { name, ...at })))) return;
      this.addName = '';
      this.addPlacement = '';
      void this.announce(this.localize.term('pipelineEditor.added', name, (position ?? stages.length) + 1, stages.length + 1));
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      this.addError = error;
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot.querySelector('.add')!);
    }
  }

  private renameStage(stage: Stage): Promise<void> {
    const name = this.rename.draft.trim();
    const siblings = this.shown.filter((other) => other.id !== stage.id);
    const change: PipelineChange = { kind: 'stage-rename', pipelineId: this.pipelineId, stageId: stage.id, name };
    return this.rename.save({
      name,
      current: stage.name,
      check: () => checkName(name, 80, siblings),
      commit: () => this.perform(change, (store) => store.pipelines.renameStage(stage.id, name)),
      done: this.localize.term('pipelineEditor.renamed', stage.name, name),
    });
  }

  private renamePipeline(current: string): Promise<void> {
    const name = this.rename.draft.trim();
    const change: PipelineChange = { kind: 'pipeline-rename', pipelineId: this.pipelineId, name };
    return this.rename.save({
      name,
      current,
      check: () => checkName(name, 120, []),
      commit: () => this.perform(change, (store, pipelineId) => store.pipelines.rename(pipelineId, name)),
      done: this.localize.term('pipelineEditor.pipelineRenamed', name),
    });
  }

  private move(stage: Stage, by: -1 | 1, control: StageControl | undefined): void {
    const order = movedBy(
      this.shown.map((s) => s.id),
      stage.id,
      by,
    );
    if (order) void this.reorder(stage.id, order, control);
    else void this.announce(this.localize.term(by < 0 ? 'pipelineEditor.alreadyFirst' : 'pipelineEditor.alreadyLast', stage.name));
  }

  private async reorder(stageId: Id, order: Id[], control: StageControl | undefined): Promise<void> {
    const stage = this.shown.find((s) => s.id === stageId);
    if (!stage) return;
    const index = order.indexOf(stageId);
    this.listError = undefined;
    // Set before the write: the row may move (and lose focus) as soon as the new order renders.
    this.focusAfter.request(control ? { selector: `[data-control="${control}"]`, stageId, index } : undefined);
    try {
      const change: PipelineChange = { kind: 'stage-reorder', pipelineId: this.pipelineId, stageId, stageIds: order };
      const accepted = await this.perform(change, (store, pipelineId) => {
        this.localOrder = order;
        return store.pipelines.reorderStages(pipelineId, order);
      });
      if (accepted) void this.announce(this.localize.term('pipelineEditor.moved', stage.name, index + 1, order.length));
      else this.focusAfter.request(undefined);
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      this.localOrder = undefined;
      this.focusAfter.request(undefined);
      this.listError = error;
    }
  }

  private async removeStage(stage: Stage): Promise<void> {
    const stages = this.shown;
    this.listError = undefined;
    if (stages.length <= 1) {
      this.listError = new CrmError('INVALID_STATE', 'error.lastStage', { field: 'stageId' });
      return;
    }
    const pipelineId = this.pipelineId;
    let dealCount = this.current?.counts?.[stage.id] ?? 0;
    if (this.bound && pipelineId !== undefined) {
      // Closed deals move with the stage too, and the board counts only open ones.
      const totals = await this.stores.store.deals.totals(pipelineId, { status: 'all' }).catch(() => undefined);
      dealCount = totals?.stages.find((column) => column.stage.id === stage.id)?.count ?? dealCount;
    }
    const targets = stages.filter((other) => other.id !== stage.id);
    const result = await this.removeDialog.open({
      stageName: stage.name,
      dealCount,
      targets,
      commit: (moveDealsTo) => {
        const target = moveDealsTo ? { moveDealsTo } : {};
        const change: PipelineChange = { kind: 'stage-remove', pipelineId, stageId: stage.id, ...target };
        return this.perform(change, (store) => store.pipelines.removeStage(stage.id, target));
      },
    });
    if (!result) return;
    const neighbour = targets[Math.min(stages.indexOf(stage), targets.length - 1)]!;
    this.focusAfter.request({ selector: '[data-control="rename"]', stageId: neighbour.id });
    const target = targets.find((other) => other.id === result.moveDealsTo);
    void this.announce(
      target && dealCount > 0
        ? this.localize.term('pipelineEditor.removedMoved', stage.name, dealCount, target.name)
        : this.localize.term('pipelineEditor.removed', stage.name),
    );
  }

  private readonly rowActions: StageRowActions = {
    startRename: (stage) => this.rename.start(stage.id, stage.name),
    move: (stage, by, control) => this.move(stage, by, control),
    remove: (stage) => void this.removeStage(stage),
    saveRename: (stage) => void this.renameStage(stage),
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
      if (this.writes === 0) this.localOrder = undefined;
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
          save: () => void this.renamePipeline(name!),
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
        { setName: (value) => (this.addName = value), setPlacement: (value) => (this.addPlacement = value), submit: () => void this.addStage() },
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
      <crm-pipeline-editor-remove-dialog></crm-pipeline-editor-remove-dialog>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-pipeline-editor': CrmPipelineEditor;
  }
}
