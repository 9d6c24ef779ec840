// Plays another browser tab: its own realm, its own Dexie connection, the same
// IndexedDB database. Runs the store operation it is sent and answers when committed.
import { getStore } from '../../src/store/store.js';

export type OtherTabRequest =
  | { database: string; op: 'setBusinessName'; businessName: string }
  | { database: string; op: 'moveDeal'; dealId: string; stageId: string };

self.addEventListener('message', async (event: MessageEvent<OtherTabRequest>) => {
  const request = event.data;
  const store = getStore(request.database);
  if (request.op === 'setBusinessName') await store.settings.set('businessName', request.businessName);
  else await store.deals.moveToStage(request.dealId, request.stageId);
  store.close();
  self.postMessage('written');
});
