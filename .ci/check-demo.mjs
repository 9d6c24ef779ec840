// Opens the built demo (dist-demo/) in headless Chromium under its strict CSP,
// fails on any page error, console error or CSP violation, and saves
// screenshots of the shell in Ukrainian and, after the switch, in English.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { chromiumArgs, findChromium } from './chromium.mjs';

const outDir = process.env.SCREENSHOT_DIR ?? '.tmp/screenshots';
mkdirSync(outDir, { recursive: true });

const server = await preview({ mode: 'demo', preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });

  await page.goto(url);
  const heading = page.locator('demo-app h1');
  await heading.filter({ hasText: 'Майстерня' }).waitFor({ timeout: 15_000 });
  await page.locator('crm-storage-status').getByText('Сховище браузера').waitFor();
  await page.screenshot({ path: `${outDir}/demo-uk.png`, fullPage: true });

  await page.getByLabel('Мова').selectOption('en');
  await page.locator('crm-storage-status').getByText('Browser storage').waitFor();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Business name').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Fill in this field').waitFor();
  await page.screenshot({ path: `${outDir}/demo-en-settings.png`, fullPage: true });

  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.screenshot({ path: `${outDir}/demo-en-dark.png`, fullPage: true });
} catch (error) {
  problems.push(`check failed: ${error.message}`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

if (problems.length) {
  console.error(`demo check: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`demo check: rendered without errors; screenshots in ${outDir}`);
