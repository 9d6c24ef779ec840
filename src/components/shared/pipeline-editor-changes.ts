import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import { CrmPipelineChangeRequestEvent } from '../../events/pipeline-change-request.js';
import { CrmPipelineChangeEvent, type PipelineChange } from '../../events/pipeline-change.js';
import { CrmError } from '../../store/errors.js';
import type { CrmStore } from '../../store/store.js';
import type { Id, Stage } from '../../store/types.js';
import { focusFirstInvalid } from './fields.js';
import type { StageFocusController } from './pipeline-editor-focus.js';
import type { StagePlacement } from './pipeline-editor-forms.js';
import type { InlineRenameController } from './pipeline-editor-rename.js';
import type { StageControl } from './pipeline-editor-row.js';

/** The 0-based position a placement means among `stages`, or `undefined` for the end. */
function positionOf(placement: StagePlacement, stages: readonly Stage[]): number | undefined {
  if (placement === '') return undefined;
  if (placement === 'start') return 0;
  const index = stages.findIndex((stage) => stage.id === placement);
  return index < 0 ? undefined : index + 1;
}

/** The ids with `id` moved `by` places, or `undefined` when that leaves the list. */
function movedBy(ids: readonly Id[], id: Id, by: -1 | 1): Id[] | undefined {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return undefined;
  const order = ids.filter((other) => other !== id);
  order.splice(to, 0, id);
  return order;
}

/**
 * Refuses a name the store would refuse (empty, too long, a sibling's name
 * in any case) before the host is asked: so an unbound editor shows it too.
 */
function checkName(name: string, limit: number, siblings: readonly Stage[]): void {
  if (!name) throw new CrmError('VALIDATION', 'error.required', { field: 'name' });
  if (name.length > limit) throw new CrmError('VALIDATION', 'error.tooLong', { field: 'name', params: { limit } });
  const lower = name.toLocaleLowerCase('uk');
  if (siblings.some((stage) => stage.name.toLocaleLowerCase('uk') === lower))
    throw new CrmError('DUPLICATE', 'error.duplicateName', { field: 'name' });
}

/** The editor's own state that its changes set (and it shows). */
export interface PipelineEditorFields {
  addName: string;
  addPlacement: string;
  addError: unknown;
  listError: unknown;
  /** A reorder written but not yet read back, shown meanwhile (bound only). */
  localOrder: Id[] | undefined;
  /** The remove dialog is loaded: render it. */
  removing: boolean;
}

/** What the changes need of `crm-pipeline-editor`. */
export interface PipelineEditorAccess {
  /** The element: the events are fired on it, its render root holds the forms. */
  host: HTMLElement & { readonly renderRoot: ParentNode; readonly updateComplete: Promise<boolean> };
  localize: CrmLocalizeController;
  store(): CrmStore;
  /** Reading and writing the store (else the host applies each change). */
  bound(): boolean;
  pipelineId(): Id | undefined;
  /** The stages as shown. */
  shown(): Stage[];
  /** Open deals per stage id, as shown. */
  counts(): Record<Id, number> | undefined;
  /** The add form's fields as typed. */
  fields(): Pick<PipelineEditorFields, 'addName' | 'addPlacement'>;
  update(fields: Partial<PipelineEditorFields>): void;
  rename: InlineRenameController;
  focusAfter: StageFocusController;
  announce(text: string): void;
}

/**
 * Every change `crm-pipeline-editor` makes — add, rename, reorder and remove
 * stages, rename the pipeline (the remove dialog follows on the first
 * removal). Each asks the host
 * with the cancelable `crm-pipeline-change-request`; bound, it writes through
 * `store.pipelines` and fires `crm-pipeline-change`. The editor loads this
 * module on the first change: it paints without it.
 *
 * @internal
 */
export class PipelineEditorChanges {
  /** Writes under way: a reorder shown ahead of the store stays until they are all read back. */
  writes = 0;

  constructor(private readonly editor: PipelineEditorAccess) {}

  private get term() {
    return this.editor.localize.term.bind(this.editor.localize);
  }

  /** Asks the host; bound, writes and reports. Resolves `false` when the host vetoed. A store refusal is thrown. */
  private async perform(change: PipelineChange, write: (store: CrmStore, pipelineId: Id) => Promise<unknown>): Promise<boolean> {
    const { host } = this.editor;
    const request = new CrmPipelineChangeRequestEvent(change);
    host.dispatchEvent(request);
    if (request.defaultPrevented) {
      this.editor.announce(this.term('pipelineEditor.vetoed'));
      return false;
    }
    if (this.editor.bound() && change.pipelineId !== undefined) {
      this.writes += 1;
      try {
        await write(this.editor.store(), change.pipelineId);
      } finally {
        this.writes -= 1;
      }
      host.dispatchEvent(new CrmPipelineChangeEvent(change));
    }
    return true;
  }

  async addStage(): Promise<void> {
    const { editor } = this;
    const stages = editor.shown();
    const { addName, addPlacement } = editor.fields();
    const name = addName.trim();
    const position = positionOf(addPlacement, stages);
    const at = position === undefined ? {} : { position };
    editor.update({ addError: undefined });
    try {
      checkName(name, 80, stages);
      const change: PipelineChange = { kind: 'stage-add', pipelineId: editor.pipelineId(), name, ...at };
      if (!(await this.perform(change, (store, pipelineId) => store.pipelines.addStage(pipelineId, { name, ...at })))) return;
      editor.update({ addName: '', addPlacement: '' });
      editor.announce(this.term('pipelineEditor.added', name, (position ?? stages.length) + 1, stages.length + 1));
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      editor.update({ addError: error });
      await editor.host.updateComplete;
      focusFirstInvalid(editor.host.renderRoot.querySelector('.add')!);
    }
  }

  renameStage(stage: Stage): Promise<void> {
    const { editor } = this;
    const name = editor.rename.draft.trim();
    const siblings = editor.shown().filter((other) => other.id !== stage.id);
    const change: PipelineChange = { kind: 'stage-rename', pipelineId: editor.pipelineId(), stageId: stage.id, name };
    return editor.rename.save({
      name,
      current: stage.name,
      check: () => checkName(name, 80, siblings),
      commit: () => this.perform(change, (store) => store.pipelines.renameStage(stage.id, name)),
      done: this.term('pipelineEditor.renamed', stage.name, name),
    });
  }

  renamePipeline(current: string): Promise<void> {
    const { editor } = this;
    const name = editor.rename.draft.trim();
    const change: PipelineChange = { kind: 'pipeline-rename', pipelineId: editor.pipelineId(), name };
    return editor.rename.save({
      name,
      current,
      check: () => checkName(name, 120, []),
      commit: () => this.perform(change, (store, pipelineId) => store.pipelines.rename(pipelineId, name)),
      done: this.term('pipelineEditor.pipelineRenamed', name),
    });
  }

  move(stage: Stage, by: -1 | 1, control: StageControl | undefined): Promise<void> {
    const order = movedBy(
      this.editor.shown().map((s) => s.id),
      stage.id,
      by,
    );
    if (order) return this.reorder(stage.id, order, control);
    this.editor.announce(this.term(by < 0 ? 'pipelineEditor.alreadyFirst' : 'pipelineEditor.alreadyLast', stage.name));
    return Promise.resolve();
  }

  async reorder(stageId: Id, order: Id[], control: StageControl | undefined): Promise<void> {
    const { editor } = this;
    const stage = editor.shown().find((s) => s.id === stageId);
    if (!stage) return;
    const index = order.indexOf(stageId);
    editor.update({ listError: undefined });
    // Set before the write: the row may move (and lose focus) as soon as the new order renders.
    editor.focusAfter.request(control ? { selector: `[data-control="${control}"]`, stageId, index } : undefined);
    try {
      const change: PipelineChange = { kind: 'stage-reorder', pipelineId: editor.pipelineId(), stageId, stageIds: order };
      const accepted = await this.perform(change, (store, pipelineId) => {
        editor.update({ localOrder: order });
        return store.pipelines.reorderStages(pipelineId, order);
      });
      if (accepted) editor.announce(this.term('pipelineEditor.moved', stage.name, index + 1, order.length));
      else editor.focusAfter.request(undefined);
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      editor.update({ localOrder: undefined, listError: error });
      editor.focusAfter.request(undefined);
    }
  }

  async removeStage(stage: Stage): Promise<void> {
    const { editor } = this;
    const stages = editor.shown();
    editor.update({ listError: undefined });
    if (stages.length <= 1) {
      editor.update({ listError: new CrmError('INVALID_STATE', 'error.lastStage', { field: 'stageId' }) });
      return;
    }
    const pipelineId = editor.pipelineId();
    const loaded = import('./pipeline-editor-remove-dialog.js');
    let dealCount = editor.counts()?.[stage.id] ?? 0;
    if (editor.bound() && pipelineId !== undefined) {
      // Closed deals move with the stage too, and the board counts only open ones.
      const totals = await editor.store().deals.totals(pipelineId, { status: 'all' }).catch(() => undefined);
      dealCount = totals?.stages.find((column) => column.stage.id === stage.id)?.count ?? dealCount;
    }
    const targets = stages.filter((other) => other.id !== stage.id);
    // The dialog is loaded on the first removal, then rendered.
    await loaded;
    editor.update({ removing: true });
    await editor.host.updateComplete;
    const result = await editor.host.renderRoot.querySelector('crm-pipeline-editor-remove-dialog')!.open({
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
    editor.focusAfter.request({ selector: '[data-control="rename"]', stageId: neighbour.id });
    const target = targets.find((other) => other.id === result.moveDealsTo);
    editor.announce(
      target && dealCount > 0
        ? this.term('pipelineEditor.removedMoved', stage.name, dealCount, target.name)
        : this.term('pipelineEditor.removed', stage.name),
    );
  }
}
