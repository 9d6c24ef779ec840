import type { PipelineChange } from './pipeline-change.js';

/**
 * Fired by `crm-pipeline-editor` when the user asks to add, rename, reorder or
 * remove a stage or to rename the pipeline, before anything is written.
 * Cancelable: `preventDefault()` vetoes the change and nothing is written.
 * An unbound editor (given `.stages`) writes nothing itself: the host applies
 * `change` and sets the new stages.
 */
export class CrmPipelineChangeRequestEvent extends Event {
  static readonly eventName = 'crm-pipeline-change-request';

  constructor(readonly change: PipelineChange) {
    super(CrmPipelineChangeRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-pipeline-change-request': CrmPipelineChangeRequestEvent;
  }
}
