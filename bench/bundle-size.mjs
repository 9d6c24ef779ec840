// B1: what each element adds over the shared core, minified + gzipped. All
// elements are built together (as an app importing several would bundle them)
// with lit and dexie left out; a chunk used by one element is that element's
// own, a chunk used by several is the shared core of our code (store, i18n,
// controllers). chart.js must sit only in chunks the report elements import
// on demand.
import { mkdirSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const KB = 1024;
const LIMIT = 6 * KB;
const reportElements = new Set(['crm-funnel-report', 'crm-customer-classification']);
const litAndDexie = /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context|dexie)(\/|$)/;
const chartModule = /node_modules\/(chart\.js|chartjs-chart-funnel|@kurkle\/color)\//;

const gz = (code) => gzipSync(code, { level: 9 }).length;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

async function bundle(root, entries, external) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { alias: [{ find: /^dexie$/, replacement: join(root, 'node_modules/dexie/dist/modern/dexie.mjs') }] },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: entries, formats: ['es'] },
      rollupOptions: { external },
    },
  });
  return (Array.isArray(result) ? result[0] : result).output.filter((item) => item.type === 'chunk');
}

/** The element entries, as the package exports them (`crm-<folder>`). */
function elementEntries(root) {
  const entries = {};
  for (const folder of readdirSync(join(root, 'src/components'), { withFileTypes: true })) {
    const file = join(root, 'src/components', folder.name, `${folder.name}.ts`);
    if (folder.isDirectory() && existsSync(file)) entries[`crm-${folder.name}`] = file;
  }
  return entries;
}

export async function bundleSizes(root) {
  const entries = elementEntries(root);
  const chunks = await bundle(root, entries, (id) => litAndDexie.test(id));
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const closure = (start, follow) => {
    const seen = new Set();
    const queue = [start];
    while (queue.length) {
      const file = queue.pop();
      if (seen.has(file) || !byFile.has(file)) continue;
      seen.add(file);
      const chunk = byFile.get(file);
      if (chunk) for (const next of follow(chunk)) queue.push(next);
    }
    return seen;
  };
  const entryChunks = chunks.filter((chunk) => chunk.isEntry);
  const statics = new Map(entryChunks.map((chunk) => [chunk.name, closure(chunk.fileName, (c) => c.imports)]));
  const users = new Map();
  for (const files of statics.values()) for (const file of files) users.set(file, (users.get(file) ?? 0) + 1);
  const hasChart = (chunk) => chunk.moduleIds.some((id) => chartModule.test(id));

  const problems = [];
  const rows = entryChunks
    .map((entry) => {
      const files = statics.get(entry.name);
      const own = [...files].filter((file) => users.get(file) === 1).reduce((sum, file) => sum + gz(byFile.get(file).code), 0);
      const onDemand = [...closure(entry.fileName, (c) => [...c.imports, ...c.dynamicImports])].filter((file) => !files.has(file));
      const chartOnDemand = onDemand.some((file) => hasChart(byFile.get(file)));
      if ([...files].some((file) => hasChart(byFile.get(file)))) problems.push(`B1: ${entry.name} loads chart.js with its first paint`);
      if (chartOnDemand && !reportElements.has(entry.name)) problems.push(`B1: ${entry.name} is not a report element but can load chart.js`);
      const later = onDemand.reduce((sum, file) => sum + gz(byFile.get(file).code), 0);
      return { element: entry.name, own, later, chartOnDemand, pass: own <= LIMIT };
    })
    .sort((a, b) => a.element.localeCompare(b.element));

  const shared = [...users].filter(([, count]) => count > 1).reduce((sum, [file]) => sum + gz(byFile.get(file).code), 0);
  const coreDir = join(root, '.bench-dist');
  mkdirSync(coreDir, { recursive: true });
  const coreEntry = join(coreDir, 'core-entry.js');
  writeFileSync(coreEntry, "export * from 'lit';\nexport * from '@lit/context';\nexport { default as Dexie } from 'dexie';\n");
  const core = (await bundle(root, { core: coreEntry }, () => false)).reduce((sum, chunk) => sum + gz(chunk.code), 0);
  return { rows, shared, core, problems };
}

export function bundleTable({ rows, shared, core }) {
  return [
    `Shared core: lit + @lit/context + dexie ${kb(core)}; our code shared by two or more elements (store, i18n, controllers, base) ${kb(shared)}, loaded once whatever the number of elements.`,
    '',
    '| element | own code over the shared core | target | meets | loaded on demand | chart.js |',
    '|---|---:|---:|:---:|---:|---|',
    ...rows.map(
      (row) =>
        `| ${row.element} | ${kb(row.own)} | ≤ 6 KB | ${row.pass ? 'yes' : '**no**'} | ${row.later ? kb(row.later) : '—'} | ${row.chartOnDemand ? 'on demand' : 'never'} |`,
    ),
  ].join('\n');
}
