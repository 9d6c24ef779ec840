// The benchmarks: builds bench/ (production), serves it on 127.0.0.1, and
// drives headless Chromium with a persistent profile (real on-disk IndexedDB)
// through every case of bench/cases/: a warm-up, then ≥ 5 rounds with the order
// of the compared variants rotated each round. Store cases run on the default
// LevelDB backend and on SQLite. Prints the tables and writes bench/RESULTS.md.
//
//   npm run bench                 10 000-record scale
//   npm run bench -- --full       100 000 records
//   npm run bench -- --smoke      tiny sizes, one round, no timing judged (CI)
//   options: --rounds N, --only S1,R2, --backend leveldb|sqlite,
//            --no-build (serve .bench-dist/site, made by `vite build --mode bench`)
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs, findChromium } from '../.ci/chromium.mjs';
import { bundleSizes, bundleTable } from './bundle-size.mjs';
import { checkRows, checkTable, compareRows, compareTable, resultMismatches } from './stats.mjs';

const { values: args } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    only: { type: 'string' },
    backend: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

const root = new URL('..', import.meta.url).pathname;
const scale = { records: args.smoke ? 300 : args.full ? 100_000 : 10_000, smoke: args.smoke };
const rounds = Number(args.rounds ?? (args.smoke ? 1 : 5));
const only = args.only ? new Set(args.only.split(',').map((id) => id.trim().toUpperCase())) : undefined;
const backends = {
  leveldb: [],
  sqlite: ['--enable-features=IdbSqliteBackingStore,IdbSqliteOnDiskRollout'],
};
const backendNames = args.backend ? [args.backend] : args.smoke ? ['leveldb'] : Object.keys(backends);
const complete = !args.smoke && !only && !args.backend && rounds >= 5;
const outFile = complete ? join(root, 'bench/RESULTS.md') : join(root, '.bench-dist/RESULTS.partial.md');

// Debian's /usr/bin/chromium is a wrapper script; the binary behind it takes the flags as given.
const executablePath = existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : findChromium();
if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or run `node .ci/ensure-chromium.mjs`');

// Each run builds into its own folder, so runs side by side never serve each other's half-built files.
const site = join(root, '.bench-dist', args['no-build'] ? 'site' : `site-${process.pid}`);
process.env.CRM_BENCH_OUT = site;
if (!args['no-build']) await build({ configFile: join(root, 'vite.config.ts'), mode: 'bench', logLevel: 'warn' });
const server = await preview({ configFile: join(root, 'vite.config.ts'), mode: 'bench', preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const url = `${server.resolvedUrls.local[0]}index.html`;

const log = (line) => process.stdout.write(`${line}\n`);
const problems = [];
const sections = [];
let browserVersion = '';

/**
 * The IndexedDB backing store Chromium actually used in the profile: LevelDB
 * keeps an `<origin>.indexeddb.leveldb` folder per origin, the SQLite store a
 * plain `<origin>` folder with a file per database.
 */
function backingStores(profile) {
  const dir = join(profile, 'Default', 'IndexedDB');
  if (!existsSync(dir)) return 'none written';
  const kinds = new Set(readdirSync(dir).map((name) => (name.endsWith('.indexeddb.leveldb') ? 'LevelDB' : name.startsWith('http') ? 'SQLite' : name)));
  return [...kinds].join(' + ');
}

async function runCase(context, benchCase) {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${benchCase.id}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${benchCase.id}: console error: ${message.text()}`);
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const call = (method, ...params) => page.evaluate(([m, p]) => window.crmBench[m](...p), [method, params]);
  try {
    await call('setup', benchCase.id, scale);
    if (!args.smoke) for (const variant of benchCase.variants) await call('run', benchCase.id, variant); // warm-up
    const samples = [];
    for (let round = 0; round < rounds; round += 1) {
      const order = benchCase.variants.map((_, i) => benchCase.variants[(i + round) % benchCase.variants.length]);
      const sample = {};
      for (const variant of order) sample[variant] = await call('run', benchCase.id, variant);
      samples.push(sample);
      log(`  ${benchCase.id} round ${round + 1}: ${order.map((v) => `${v} ${sample[v].ms.toFixed(2)} ms`).join(', ')}`);
    }
    problems.push(...resultMismatches(benchCase, samples));
    return samples;
  } finally {
    await call('teardown', benchCase.id).catch((error) => problems.push(`${benchCase.id}: teardown: ${error.message}`));
    await page.close();
  }
}

try {
  for (const backend of backendNames) {
    const profile = mkdtempSync(join(tmpdir(), 'crm-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc', ...backends[backend]],
    });
    try {
      const probe = await context.newPage();
      await probe.goto(url);
      await probe.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      browserVersion = await probe.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? navigator.userAgent);
      const list = (await probe.evaluate(() => window.crmBench.list())).filter(
        (item) => (!only || only.has(item.id)) && (item.store || backend === 'leveldb'),
      );
      await probe.close();
      const compares = [];
      const checks = [];
      for (const benchCase of list) {
        log(`${backend} ${benchCase.id} ${benchCase.title}`);
        try {
          const samples = await runCase(context, benchCase);
          compares.push(...compareRows(benchCase, samples));
          checks.push(...checkRows(benchCase, samples));
        } catch (error) {
          problems.push(`${backend} ${benchCase.id}: ${error.message.split('\n')[0]}`);
        }
      }
      const stored = backingStores(profile);
      sections.push({ backend, stored, compares, checks });
      log(`\n## ${backend} (IndexedDB written as: ${stored})\n${compareTable(compares)}\n\n${checkTable(checks)}\n`);
    } finally {
      await context.close();
      if (!process.env.BENCH_KEEP_PROFILE) rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  await new Promise((resolve) => server.httpServer.close(resolve));
  if (!args['no-build']) rmSync(site, { recursive: true, force: true });
}

const bundle = !only || only.has('B1') ? await bundleSizes(root) : undefined;
if (bundle) {
  log(`\n## B1 bundle size\n${bundleTable(bundle)}\n`);
  problems.push(...bundle.problems);
}

// Hand-written explanations below the marker survive a new run.
const marker = '<!-- notes: kept by run.mjs -->';
const previous = existsSync(join(root, 'bench/RESULTS.md')) ? readFileSync(join(root, 'bench/RESULTS.md'), 'utf8') : '';
const notes = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`;
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const mode = args.smoke ? 'smoke (tiny sizes, one round)' : `${scale.records.toLocaleString('en').replace(/,/g, ' ')} records`;
const report = [
  '# Benchmark results',
  '',
  `Made by \`npm run bench${args.full ? ' -- --full' : ''}\` on ${date} UTC: Chromium ${browserVersion} (headless, persistent profile), ` +
    `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; scale ${mode}; ${rounds} round(s) after a warm-up, ` +
    'the order of the compared variants rotated each round. Ratios are ours ÷ floor per round; the median is judged.',
  '',
  ...sections.flatMap(({ backend, stored, compares, checks }) => [
    `## ${backend === 'leveldb' ? 'Default backend (LevelDB)' : 'SQLite backend (`IdbSqliteBackingStore`)'} — IndexedDB written as: ${stored}`,
    '',
    compareTable(compares),
    '',
    ...(checks.length ? [checkTable(checks), ''] : []),
  ]),
  ...(bundle ? ['## B1 bundle size per element (min + gzip)', '', bundleTable(bundle), ''] : []),
  ...(problems.length ? ['## Problems in this run', '', ...problems.map((p) => `- ${p}`), ''] : []),
  notes,
].join('\n');
writeFileSync(outFile, report);
log(`written: ${outFile}`);
if (problems.length) {
  console.error(`bench: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
