import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json' with { type: 'json' };
import '../src/index.js';
import { deleteStore, getStore, seedSampleData, type CrmStore } from '../src/store/index.js';

setCustomElementsManifest(manifest);

/** Story parameters: `crm.seed` adds data to the story's own store after the sample data. */
export interface CrmStoryParameters {
  crm?: { seed?: (store: CrmStore) => Promise<void> };
}

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: { title: 'Мова / Language', icon: 'globe', items: [{ value: 'uk', title: 'Українська' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'uk', theme: 'light' },
  parameters: {
    controls: { expanded: true },
    // Violations fail: `npm run build-storybook` runs axe over every story too.
    a11y: { test: 'error' },
  },
  loaders: [
    // Each story gets its own database, emptied and seeded when the story is first shown in this
    // browser tab; switching language or theme and reloading reuse it (a new tab starts afresh).
    // A smaller sample business than the demo's: still "many" of everything, quicker to write.
    async ({ id, parameters }) => {
      const database = `storybook-${id}`;
      const seededKey = `crm-storybook-seeded:${id}`;
      if (sessionStorage.getItem(seededKey) !== '1') {
        await deleteStore(database);
        const store = getStore(database);
        await seedSampleData(store, { scale: 0.4 });
        await (parameters as CrmStoryParameters).crm?.seed?.(store);
        sessionStorage.setItem(seededKey, '1');
      }
      return { database };
    },
  ],
  decorators: [
    (story, { loaded, globals }) => {
      // The canvas around the story follows the chosen scheme too.
      document.documentElement.style.colorScheme = globals.theme;
      document.body.style.background = globals.theme === 'dark' ? '#101216' : '';
      return html`
      <crm-provider database=${loaded.database as string} lang=${globals.locale} theme=${globals.theme}>
        ${story()}
      </crm-provider>
    `;
    },
  ],
};

export default preview;
