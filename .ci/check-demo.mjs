// Opens the built demo (dist-demo/) in headless Chromium under its strict CSP,
// fails on any page error, console error or CSP violation, and saves
// screenshots of the shell in Ukrainian and, after the switch, in English.
import { mkdirSync } from 'node:fs';
import { checkBuiltSite } from './chromium.mjs';

const outDir = process.env.SCREENSHOT_DIR ?? '.tmp/screenshots';
mkdirSync(outDir, { recursive: true });

await checkBuiltSite('demo check', { mode: 'demo' }, async (browser, url) => {
  const problems = [];
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
  await page.locator('demo-app h1').filter({ hasText: 'Майстерня' }).waitFor({ timeout: 15_000 });
  await page.locator('crm-storage-status').getByText('Сховище браузера').waitFor();
  await page.screenshot({ path: `${outDir}/demo-uk.png`, fullPage: true });

  // Угоди: the sample pipeline with its cards; Ліди: the directory and a chosen lead's card.
  await page.getByRole('link', { name: 'Угоди' }).click();
  await page.locator('crm-deal-pipeline .card').first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${outDir}/demo-uk-deals.png` });
  await page.getByRole('link', { name: 'Ліди' }).click();
  await page.locator('crm-lead-list [role=row][data-index="0"]').click({ timeout: 15_000 });
  await page.locator('crm-lead-card').getByRole('button', { name: 'Перетворити на клієнта' }).waitFor();
  await page.screenshot({ path: `${outDir}/demo-uk-leads.png` });
  await page.getByRole('link', { name: 'Взаємодії' }).click();
  await page.locator('crm-interaction-log').first().getByText('Неопрацьовані взаємодії').first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${outDir}/demo-uk-interactions.png` });
  await page.getByRole('link', { name: 'Журнал записів' }).click();
  await page.locator('crm-appointment-journal').getByRole('button', { name: 'Перший вільний час' }).waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${outDir}/demo-uk-journal.png` });
  await page.getByRole('link', { name: 'Звіти' }).click();
  await page.locator('crm-funnel-report canvas').waitFor({ timeout: 15_000 });
  await page.locator('crm-customer-classification').getByText('AZ').waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${outDir}/demo-uk-reports.png`, fullPage: true });
  await page.getByRole('link', { name: 'Огляд' }).click();

  await page.getByLabel('Мова').selectOption('en');
  await page.locator('crm-storage-status').getByText('Browser storage').waitFor();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Company name').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Fill in this field').waitFor();
  await page.screenshot({ path: `${outDir}/demo-en-settings.png`, fullPage: true });

  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.screenshot({ path: `${outDir}/demo-en-dark.png`, fullPage: true });
  return problems;
}, `rendered without errors; screenshots in ${outDir}`);
