import type { OtherTabRequest } from './other-tab-worker.js';

/** Runs one store operation in a worker — another realm with its own Dexie connection, like another tab. */
export async function inOtherTab(request: OtherTabRequest): Promise<void> {
  const worker = new Worker(new URL('./other-tab-worker.ts', import.meta.url), { type: 'module' });
  try {
    await new Promise((resolve, reject) => {
      worker.onmessage = resolve;
      worker.onerror = reject;
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}
