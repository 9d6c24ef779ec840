import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The life of a modal `<dialog>` in the host's render root that is opened for
 * a request and answers with a result: `open(request)` keeps the request,
 * renders, shows the dialog modally and resolves once `finish(result)` is
 * called, or with `undefined` when the user cancels (a "Cancel" button calling
 * `finish()`, Escape — bind `onClose` to the dialog's `close` event) or the
 * dialog is opened anew. The host re-renders whenever `request` changes; it
 * renders its form only while `request` is set.
 *
 * Saving and store errors stay with `FormSubmitController`.
 *
 * @example
 * private readonly modal = new ModalController<LostReasonRequest, LostReasonChoice>(this);
 * open(request: LostReasonRequest) {
 *   this.reasonId = '';
 *   return this.modal.open(request);
 * }
 * render() {
 *   return html`<dialog @close=${this.modal.onClose}>${this.modal.request ? this.renderForm() : nothing}</dialog>`;
 * }
 */
export class ModalController<TRequest, TResult> implements ReactiveController {
  private current: TRequest | undefined;
  private settle: ((result: TResult | undefined) => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** What the dialog was opened for; `undefined` while it is closed. */
  get request(): TRequest | undefined {
    return this.current;
  }

  /**
   * Settles an earlier opening with `undefined`, keeps `request`, waits for the
   * host to render, shows the `<dialog>` modally (unless it is open already)
   * and calls `shown` (e.g. to focus a field). Resolves with the result given
   * to `finish`, or `undefined` when cancelled or opened anew.
   */
  async open(request: TRequest, shown?: () => unknown): Promise<TResult | undefined> {
    this.settle?.(undefined);
    const result = new Promise<TResult | undefined>((resolve) => (this.settle = resolve));
    this.current = request;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    await shown?.();
    return result;
  }

  /** Forgets `request`, closes the dialog and resolves `open()` with `result` (`undefined`: cancelled). */
  finish(result?: TResult): void {
    const settle = this.settle;
    this.settle = undefined;
    this.current = undefined;
    this.host.requestUpdate();
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    settle?.(result);
  }

  /**
   * The `close` listener of the dialog: Escape closed it, so it is cancelled.
   * A late `close` of an earlier closing (the dialog open again by now) is ignored.
   */
  readonly onClose = (): void => {
    if (!this.dialog?.open) this.finish(undefined);
  };

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }
}
