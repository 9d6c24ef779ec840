// S8: a write → the element's live update. A bound `crm-lead-card` (inside
// `<crm-provider>`) shows a lead; the clock runs from `store.leads.update(id,
// { name })` until the card's shadow DOM shows the new name (a MutationObserver
// on its shadow root sees it). The floor: a bare Dexie `liveQuery(() =>
// db.leads.get(id))` on the same database, the same write through the same
// store operation, until the subscriber sees the new name. Each run makes K
// updates one after another (each drawn before the next, untimed); `ms` is the
// median of the run.
import { liveQuery, type Subscription } from 'dexie';
import '../../src/components/lead-card/lead-card.js';
import '../../src/components/provider/provider.js';
import { getStore, type CrmStore, type Lead, type LeadInput } from '../../src/store/index.js';
import { contextOf } from '../../src/store/store.js';
import { freshName, painted, percentile, stage, track, until, type BenchCase } from '../harness.js';

const DAY = 86_400_000;
let updates = 20;
let store: CrmStore;
let lead: Lead;
let serial = 0;
/** How long each write itself took (until `update` resolved), for the record. */
let writes: number[] = [];

/** Waits until `check` holds, checked on every mutation of `root` (and once now). */
function whenMutated(root: Node, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
  });
}

/** The next name of the lead: a different one on every update, on both sides. */
const nextName = () => `Олена Гнатюк (${(serial += 1)})`;

/** Our side: a card mounted (untimed) before the clock; K timed updates, each until the card shows it. */
async function runOurs(): Promise<number[]> {
  const host = stage(640, 800);
  const provider = document.createElement('crm-provider');
  provider.setAttribute('database', store.name);
  const card = document.createElement('crm-lead-card');
  card.setAttribute('lead-id', lead.id);
  provider.append(card);
  host.append(provider);
  const shown = () => card.shadowRoot?.querySelector('#name')?.textContent?.trim();
  await until(() => !!shown() && !!card.shadowRoot?.querySelector('.interaction'), 'the card to show the lead');
  await painted();
  const times: number[] = [];
  for (let i = 0; i < updates; i += 1) {
    const name = nextName();
    const start = performance.now();
    const seen = whenMutated(card.shadowRoot!, () => shown() === name);
    await store.leads.update(lead.id, { name });
    writes.push(performance.now() - start);
    await seen;
    times.push(performance.now() - start);
    // Untimed: the change is drawn before the next write, so no frame of it falls into the next measurement.
    await painted();
  }
  stage(640, 800);
  return times;
}

/** The floor: a bare liveQuery on the same database, the same writes, each until the subscriber sees it. */
async function runFloor(): Promise<number[]> {
  stage(640, 800);
  const db = contextOf(store).db;
  let latest: string | undefined;
  let waiting: { name: string; resolve: () => void } | undefined;
  const subscription: Subscription = liveQuery(() => db.leads.get(lead.id)).subscribe({
    next: (value) => {
      latest = value?.name;
      if (waiting && latest === waiting.name) waiting.resolve();
    },
    error: (error: unknown) => console.error(error),
  });
  try {
    await until(() => latest !== undefined, 'the first result of the liveQuery');
    await painted();
    const times: number[] = [];
    for (let i = 0; i < updates; i += 1) {
      const name = nextName();
      const start = performance.now();
      const seen = new Promise<void>((resolve) => (waiting = { name, resolve }));
      await store.leads.update(lead.id, { name });
      writes.push(performance.now() - start);
      await seen;
      times.push(performance.now() - start);
      waiting = undefined;
      await painted();
    }
    return times;
  } finally {
    subscription.unsubscribe();
  }
}

export const cases: BenchCase[] = [
  {
    id: 'S8',
    title: 'a write → the lead card’s live update',
    store: true,
    variants: ['ours', 'bare liveQuery'],
    compare: [{ floor: 'bare liveQuery', target: 1.2 }],
    async setup(scale) {
      updates = scale.smoke ? 3 : 20;
      store = track(getStore(freshName('s8')));
      const manager = await store.users.create({ name: 'Олена Коваль', roles: ['manager'] });
      const source = await store.sources.create({ name: 'Instagram', channel: 'Соцмережі' });
      const tag = await store.tags.create({ name: 'VIP', color: '#b58900' });
      await store.lostReasons.create({ name: 'Дорого' });
      lead = await store.leads.create({
        name: 'Олена Гнатюк',
        company: 'ТОВ «Тепла хата»',
        phones: ['067 123 45 67'],
        emails: ['olena@teplakhata.ua'],
        tags: [tag.id],
        sourceId: source.id,
        managerId: manager.id,
      });
      // A directory of the scale's size around it, and the lead's own history.
      const others: LeadInput[] = Array.from({ length: scale.records }, (_, i) => ({
        name: `Клієнт ${i + 1}`,
        phones: [`+38050${String(1_000_000 + i).slice(-7)}`],
        sourceId: source.id,
        managerId: manager.id,
      }));
      await store.leads.import(others);
      const ref = { type: 'lead' as const, id: lead.id };
      const now = Date.now();
      for (let i = 0; i < 20; i += 1)
        await store.interactions.register({ kind: 'call', direction: 'incoming', subject: `Дзвінок щодо кухні №${i + 1}`, subjectRef: ref, at: now - (i + 1) * DAY });
      await store.interactions.register({ kind: 'meeting', status: 'planned', subject: 'Замір у квартирі', subjectRef: ref, at: now + 3 * DAY });
    },
    async run(variant) {
      const start = serial;
      writes = [];
      const times = variant === 'ours' ? await runOurs() : await runFloor();
      return {
        ms: percentile(times, 50),
        metrics: { p95: percentile(times, 95), write: percentile(writes, 50) },
        result: `${times.length} updates, names ${serial - start}`,
      };
    },
    async teardown() {
      stage(640, 800);
    },
  },
];
