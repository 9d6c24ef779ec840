import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (path: string) => `${root}src/${path}`;

/**
 * Everything (`index`), the store alone, and one entry per element
 * (`crm-<folder>` → components/<folder>/<folder>.js). Folders without such a
 * file (`shared`: pieces several elements use) are not entries.
 */
function libraryEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: src('index.ts'), store: src('store/index.ts') };
  for (const folder of readdirSync(src('components'), { withFileTypes: true })) {
    const entry = src(`components/${folder.name}/${folder.name}.ts`);
    if (folder.isDirectory() && existsSync(entry)) entries[`crm-${folder.name}`] = entry;
  }
  return entries;
}

const dependencies = Object.keys(pkg.dependencies ?? {});
const isDependency = (id: string) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

// Tests, demo and Storybook run one build of Dexie: the ES module, never the UMD wrapper.
const dexieModule = { find: /^dexie$/, replacement: `${root}node_modules/dexie/dist/modern/dexie.mjs` };

export default defineConfig(({ mode }) => {
  if (mode === 'demo') {
    // The standalone CRM page for a small team, built from the public entry points.
    return {
      root: `${root}demo`,
      base: './',
      resolve: {
        alias: [
          dexieModule,
          { find: /^crm-elements\/store$/, replacement: src('store/index.ts') },
          { find: /^crm-elements$/, replacement: src('index.ts') },
        ],
      },
      server: { host: '127.0.0.1', port: 5173, strictPort: false },
      preview: { host: '127.0.0.1', port: 4173 },
      build: { outDir: `${root}dist-demo`, emptyOutDir: true, target: 'es2022' },
    };
  }

  if (mode === 'bench') {
    // The benchmark page (bench/): production build, so Lit runs as users get it.
    return {
      root: `${root}bench`,
      base: './',
      resolve: { alias: [dexieModule] },
      build: { outDir: process.env['CRM_BENCH_OUT'] ?? `${root}.bench-dist/site`, emptyOutDir: true, target: 'es2022', minify: true, sourcemap: true },
    };
  }

  // The library: ES modules, one per element, dependencies left to the consumer's bundler.
  return {
    resolve: { alias: [dexieModule] },
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      lib: { entry: libraryEntries(), formats: ['es'] },
      rollupOptions: {
        external: isDependency,
        // dist/ mirrors src/, so `sideEffects` can name the files that register elements.
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
