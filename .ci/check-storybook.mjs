// Opens every story of the built Storybook (storybook-static/) in headless
// Chromium, in Ukrainian/light and English/dark, runs axe on it and fails on
// any violation or page error: addon-a11y's checks, enforced at build time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkBuiltSite } from './chromium.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const variants = ['locale:uk;theme:light', 'locale:en;theme:dark'];

const site = { configFile: false, root: process.cwd(), build: { outDir: 'storybook-static' } };
await checkBuiltSite('storybook a11y', site, async (browser, base) => {
  const failures = [];
  // Two tabs share the stories; each shows both variants of a story in a row, so the
  // story's seeded database (kept per tab) is written once.
  const lanes = [0, 1].map((lane) => stories.filter((_, index) => index % 2 === lane));
  await Promise.all(lanes.map((own) => checkStories(browser, base, own, failures)));
  return failures;
}, `${stories.length} stories × ${variants.length} variants, axe found nothing`);

async function checkStories(browser, base, own, failures) {
  const page = await browser.newPage();
  let errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  for (const story of own) {
    for (const globals of variants) {
      errors = [];
      const label = `${story.title} / ${story.name} [${globals}]`;
      await page.goto(`${base}iframe.html?id=${story.id}&viewMode=story&globals=${globals}`);
      try {
        // Each story seeds its own database with the sample business first.
        await page.waitForSelector('#storybook-root > *', { state: 'attached', timeout: 45_000 });
      } catch {
        failures.push(`${label}: did not render${errors.length ? ` (${errors.join('; ')})` : ''}`);
        continue;
      }
      await page.evaluate(async () => {
        const pending = [...document.querySelectorAll('*')].map((el) => el.updateComplete).filter(Boolean);
        await Promise.all(pending);
        await new Promise((resolve) => setTimeout(resolve, 150));
      });
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run('#storybook-root');
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      });
      for (const violation of violations) failures.push(`${label}: ${violation}`);
      for (const error of errors) failures.push(`${label}: page error: ${error}`);
    }
  }
  await page.close();
}
