import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/interaction-log/interaction-log.js';
import type { CrmInteractionLog } from '../../../src/components/interaction-log/interaction-log.js';
import type { RegisterInteractionInput } from '../../../src/store/interactions.js';
import { contextOf } from '../../../src/store/store.js';
import { deepActive, plain, root } from '../../support/dom.js';
import { deleteTestStores, freshStore, waitUntil } from '../../support/fixtures.js';
import { ignoreResizeObserverLoop } from '../../support/resize-observer.js';

const MINUTE = 60_000;
const TOTAL = 100_000;
const countText = (el: CrmInteractionLog) => plain(root(el).querySelector('.count')?.textContent);
const entries = (el: CrmInteractionLog) =>
  [...root(el).querySelectorAll<HTMLElement>('article[data-index]')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
const summaries = (el: CrmInteractionLog) => entries(el).map((entry) => plain(entry.querySelector('.summary')?.textContent));
const subjectOf = (n: number) => `Звернення ${String(n).padStart(5, '0')}`;

// Its own file: writing 100 000 interactions takes a while, and each file has its own time budget.
describe('crm-interaction-log with 100 000 interactions', () => {
  ignoreResizeObserverLoop();
  afterEach(deleteTestStores);

  it('keeps the DOM bounded while scrolling to the end; the count is the store’s', async function () {
    this.timeout(150_000);
    const store = freshStore();
    const start = Date.now() - TOTAL * 20 * MINUTE;
    // A thousand through the store, then copies of their rows (as the store wrote them) in bulk.
    const inputs: RegisterInteractionInput[] = Array.from({ length: 1000 }, (_, n) => ({
      kind: n % 3 ? 'call' : 'email',
      direction: 'incoming',
      at: start + n * 20 * MINUTE,
      subject: subjectOf(n),
      from: '+380671234567',
    }));
    await store.interactions.registerMany(inputs);
    const { db } = contextOf(store);
    const templates = (await db.interactions.toArray()).sort((a, b) => a.at - b.at);
    for (let chunk = 1; chunk < TOTAL / 1000; chunk += 1) {
      const rows = templates.map((row, i) => {
        const n = chunk * 1000 + i;
        const at = start + n * 20 * MINUTE;
        return { ...row, id: crypto.randomUUID(), at, subject: subjectOf(n), createdAt: at, updatedAt: at };
      });
      await db.interactions.bulkAdd(rows);
    }
    expect((await store.interactions.list({ limit: 0 })).total).to.equal(TOTAL);

    const wrapper = await fixture(html`<crm-provider database=${store.name}><crm-interaction-log lang="uk"></crm-interaction-log></crm-provider>`);
    const el = wrapper.querySelector('crm-interaction-log')!;
    await waitUntil(() => countText(el) === '100 000 взаємодій', `count was ${countText(el)}`, { timeout: 20_000 });
    await waitUntil(() => summaries(el)[0] === subjectOf(TOTAL - 1), 'newest first', { timeout: 20_000 });
    const feed = root(el).querySelector<HTMLElement>('.feed')!;
    expect(entries(el)[0]!.getAttribute('aria-setsize')).to.equal(String(TOTAL));

    // Scrolled a screenful at a time, then in big jumps, to the end: only the entries in view are drawn.
    let most = 0;
    const lastDrawn = () => entries(el).some((entry) => entry.dataset.index === String(TOTAL - 1));
    for (let step = 0; step < 400 && !lastDrawn(); step += 1) {
      feed.scrollTop += step < 20 ? feed.clientHeight : feed.scrollHeight / 20;
      await new Promise(requestAnimationFrame);
      most = Math.max(most, entries(el).length);
    }
    await waitUntil(() => summaries(el).at(-1) === subjectOf(0), `last was ${summaries(el).at(-1)}`, { timeout: 20_000 });
    most = Math.max(most, entries(el).length);
    expect(most).to.be.within(3, 60);
    expect(root(el).querySelectorAll('*').length).to.be.below(1500);

    // Home and End on an entry go to the first and the last one.
    entries(el).at(-1)!.focus();
    await sendKeys({ press: 'Home' });
    await waitUntil(() => deepActive()?.getAttribute('data-index') === '0', 'did not reach the start', { timeout: 20_000 });
    await sendKeys({ press: 'End' });
    await waitUntil(() => deepActive()?.getAttribute('data-index') === String(TOTAL - 1), 'did not reach the end', { timeout: 20_000 });
    expect(entries(el).length).to.be.within(3, 60);
    expect(countText(el)).to.equal('100 000 взаємодій');
  });
});
