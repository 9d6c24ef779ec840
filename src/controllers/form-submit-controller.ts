import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { focusFirstInvalid } from '../components/shared/fields.js';
import { CrmError } from '../store/errors.js';

/** What `FormSubmitController.run` needs to know beyond the work itself. */
export interface FormSubmitOptions {
  /**
   * Called with a `CrmError` the work threw, right after it is stored and
   * before the host re-renders (e.g. to bring a hidden form back into view).
   */
  refused?: (error: CrmError) => void;
}

/**
 * The submit of a form or dialog: while the work runs `saving` is `true` (show
 * "Saving…", ignore a second submit); a `CrmError` it throws (a check of the
 * form's own or the store's refusal) is kept in `error`, to show at its field,
 * and the first field marked `aria-invalid="true"` in the host's render root is
 * focused once rendered. Any other error is rethrown. The host re-renders
 * whenever `saving` or `error` changes.
 *
 * @example
 * private readonly submitter = new FormSubmitController(this);
 * private async submit(event: SubmitEvent) {
 *   event.preventDefault();
 *   await this.submitter.run(async () => {
 *     if (!this.name) throw new CrmError('VALIDATION', 'error.required', { field: 'name' });
 *     await this.request.commit(this.name);
 *     this.close();
 *   });
 * }
 */
export class FormSubmitController implements ReactiveController {
  /** The last `CrmError` the work threw; `undefined` once a new run starts or after `reset()`. */
  error: unknown;
  /** Whether the work is under way. */
  saving = false;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Clears `error` and runs `work` (which may throw a `CrmError` for a field
   * the user must fix, before or after awaiting the store). Resolves `true`
   * when the work completed, `false` when it threw a `CrmError` (then stored
   * in `error` and the invalid field focused) or a run was already under way.
   * Other errors are rethrown.
   */
  async run(work: () => Promise<unknown>, options: FormSubmitOptions = {}): Promise<boolean> {
    if (this.saving) return false;
    this.error = undefined;
    this.saving = true;
    this.host.requestUpdate();
    try {
      await work();
      return true;
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      this.error = error;
      options.refused?.(error);
      this.host.requestUpdate();
      await this.host.updateComplete;
      focusFirstInvalid(this.host.renderRoot);
      return false;
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  /** Forgets the error (e.g. when the form is opened anew or cancelled). */
  reset(): void {
    this.error = undefined;
    this.host.requestUpdate();
  }
}
