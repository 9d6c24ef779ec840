// Tests run in real headless Chromium (Debian's, or $CHROMIUM_PATH) against
// real IndexedDB. `npm test` first makes sure a Chromium is installed.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, findChromium } from './.ci/chromium.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Bare `dexie` resolves to a UMD wrapper in the browser; serve the ES module build. */
const dexieModule = {
  name: 'dexie-esm',
  resolveImport({ source }) {
    if (source === 'dexie') return '/node_modules/dexie/dist/modern/dexie.mjs';
  },
};

export default {
  files: ['test/**/*.test.ts'],
  rootDir: root,
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [dexieModule, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${root}tsconfig.json` })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium() ?? '/usr/bin/chromium', headless: true, args: chromiumArgs },
      // The product's users keep Kyiv time, with its DST changes: so do the tests, whatever the machine's zone.
      createBrowserContext: ({ browser }) => browser.newContext({ timezoneId: 'Europe/Kyiv', locale: 'uk-UA' }),
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
