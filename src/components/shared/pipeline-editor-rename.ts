import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FormSubmitController } from '../../controllers/form-submit-controller.js';

/** `editing` while the pipeline's own name is being changed (stage ids are UUIDs). */
export const PIPELINE_NAME = '#pipeline';

/** One inline rename: the name typed, what it was, how to check and commit it. */
export interface NameEdit {
  name: string;
  current: string;
  check(): void;
  /** Asks the host and writes; resolves `false` when vetoed, throws a store refusal. */
  commit(): Promise<boolean>;
  /** Announced once written. */
  done: string;
}

/**
 * The inline rename of `crm-pipeline-editor` (a stage's name or, with
 * `PIPELINE_NAME`, the pipeline's): which one is open, the text typed and the
 * refusal to show at the field. Focus goes to the field on opening and back
 * to the "Rename" button on closing, through `focus`.
 *
 * @internal
 */
export class InlineRenameController implements ReactiveController {
  /** The stage id (or `PIPELINE_NAME`) being renamed. */
  editing: string | undefined;
  draft = '';
  private readonly submitter: FormSubmitController;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly focus: (selector: string, stageId?: string) => void,
    private readonly announce: (text: string) => void,
  ) {
    host.addController(this);
    this.submitter = new FormSubmitController(host);
  }

  /** The last refusal, shown at the field. */
  get error(): unknown {
    return this.submitter.error;
  }

  hostConnected(): void {}

  start(id: string, name: string): void {
    this.editing = id;
    this.draft = name;
    this.submitter.reset();
    if (id === PIPELINE_NAME) this.focus('#pipeline-name');
    else this.focus('[data-control="rename-input"]', id);
    this.host.requestUpdate();
  }

  setDraft(value: string): void {
    this.draft = value;
    this.host.requestUpdate();
  }

  stop(): void {
    const id = this.editing;
    this.editing = undefined;
    this.submitter.reset();
    if (id === PIPELINE_NAME) this.focus('[data-control="pipeline-rename"]');
    else if (id !== undefined) this.focus('[data-control="rename"]', id);
    this.host.requestUpdate();
  }

  cancel(cancelled: string): void {
    this.stop();
    this.announce(cancelled);
  }

  async save(edit: NameEdit): Promise<void> {
    await this.submitter.run(async () => {
      if (edit.name === edit.current) return this.stop();
      edit.check();
      const accepted = await edit.commit();
      this.stop();
      if (accepted) this.announce(edit.done);
    });
  }
}
