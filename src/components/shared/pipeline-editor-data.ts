import type { CrmStore } from '../../store/store.js';
import type { Id, Pipeline, Stage } from '../../store/types.js';

/** What `crm-pipeline-editor` shows: the pipeline (unbound: none), its stages in order and open deals per stage id. */
export interface PipelineEditorData {
  pipeline: Pipeline | undefined;
  stages: Stage[];
  /** Open deals per stage id; `undefined` when unknown (unbound, no counts given). */
  counts: Record<Id, number> | undefined;
}

/**
 * The editor's live read: the pipeline, its stages and the open-deal count
 * of each stage over all deals (from `deals.totals`). Live-query safe.
 *
 * @internal
 */
export async function readPipelineEditorData(store: CrmStore, pipelineId: Id): Promise<PipelineEditorData> {
  const [pipeline, stages, totals] = await Promise.all([
    store.pipelines.get(pipelineId),
    store.pipelines.stages(pipelineId),
    store.deals.totals(pipelineId),
  ]);
  return { pipeline, stages, counts: Object.fromEntries(totals.stages.map(({ stage, count }) => [stage.id, count])) };
}

/** `stages` in the order of `order` when that lists exactly them, else as they are. */
export function inOrder(stages: Stage[], order: readonly Id[] | undefined): Stage[] {
  if (!order || order.length !== stages.length) return stages;
  const byId = new Map(stages.map((stage) => [stage.id, stage]));
  const ordered = order.map((id) => byId.get(id));
  return ordered.every((stage) => stage !== undefined) ? (ordered as Stage[]) : stages;
}

