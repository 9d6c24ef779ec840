// Plays another browser tab: its own realm, its own Dexie connection, the same
// IndexedDB database. Writes the setting it is sent and answers when committed.
import { getStore } from '../../src/store/store.js';

self.addEventListener('message', async (event: MessageEvent<{ database: string; businessName: string }>) => {
  const store = getStore(event.data.database);
  await store.settings.set('businessName', event.data.businessName);
  store.close();
  self.postMessage('written');
});
