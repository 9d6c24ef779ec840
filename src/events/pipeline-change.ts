/**
 * One change to a pipeline's structure, as `crm-pipeline-editor` asks for it
 * and, once written, reports it. Ids are the store's record ids.
 */
export type PipelineChange =
  /** A new stage; `position` is 0-based (the end when omitted). */
  | { kind: 'stage-add'; pipelineId: string | undefined; name: string; position?: number }
  | { kind: 'stage-rename'; pipelineId: string | undefined; stageId: string; name: string }
  /** `stageIds` is the whole new order; `stageId` is the stage the user moved. */
  | { kind: 'stage-reorder'; pipelineId: string | undefined; stageId: string; stageIds: string[] }
  /** `moveDealsTo` is the stage that takes over the removed stage's deals, when it has any. */
  | { kind: 'stage-remove'; pipelineId: string | undefined; stageId: string; moveDealsTo?: string }
  | { kind: 'pipeline-rename'; pipelineId: string | undefined; name: string };

/**
 * Fired after `crm-pipeline-editor` wrote a change to its pipeline's stages or
 * name into the store. `change` says what changed.
 */
export class CrmPipelineChangeEvent extends Event {
  static readonly eventName = 'crm-pipeline-change';

  constructor(readonly change: PipelineChange) {
    super(CrmPipelineChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-pipeline-change': CrmPipelineChangeEvent;
  }
}
