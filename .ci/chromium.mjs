// Finds a Chromium for tests, screenshots and benchmarks: $CHROMIUM_PATH, then
// Debian's /usr/bin/chromium, then an installed Chrome.
import { existsSync } from 'node:fs';

export const chromiumCandidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);

/** The first Chromium that exists, or undefined. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist`);
  }
  return chromiumCandidates.find((path) => existsSync(path));
}

/** Flags for headless Chromium on these machines (root, closed network). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Serves a built site on 127.0.0.1 (Vite preview), opens headless Chromium,
 * runs `check(browser, baseUrl)` — which returns a list of problems — and
 * exits non-zero with them listed, or prints `ok`. Always closes both.
 */
export async function checkBuiltSite(name, previewOptions, check, ok) {
  const [{ chromium }, { preview }] = await Promise.all([import('playwright-core'), import('vite')]);
  const server = await preview({ ...previewOptions, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  let problems;
  try {
    problems = await check(browser, server.resolvedUrls.local[0]);
  } catch (error) {
    problems = [`check failed: ${error.message}`];
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
  if (problems.length) {
    console.error(`${name}: ${problems.length} problem(s)\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(`${name}: ${ok}`);
}
