/**
 * Registers `before`/`after` hooks (in the suite it is called in) that swallow Chromium's
 * "ResizeObserver loop completed with undelivered notifications": a virtualizer measures
 * what it has just drawn and may draw more in the same frame — a notice, not a failure.
 */
export function ignoreResizeObserverLoop(): void {
  let mochaOnError: OnErrorEventHandler;
  before(() => {
    mochaOnError = window.onerror;
    window.onerror = (message, ...rest) => (String(message).includes('ResizeObserver loop') ? true : mochaOnError?.call(window, message, ...rest));
  });
  after(() => (window.onerror = mochaOnError));
}
