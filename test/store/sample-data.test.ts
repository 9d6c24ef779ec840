import { expect } from '@open-wc/testing';
import {
  generateSampleData,
  isValidEdrpou,
  isValidRnokpp,
  normalizePhone,
  sampleBusiness,
  seedSampleData,
  tableNames,
} from '../../src/store/index.js';
import { deleteTestStores, freshStore } from '../support/fixtures.js';

const NOW = new Date(2026, 10, 29, 12, 0).getTime();
const DAY = 86_400_000;

describe('generateSampleData', () => {
  const data = generateSampleData({ seed: 7, now: NOW });

  it('is deterministic: the same seed and day give the same business', () => {
    expect(generateSampleData({ seed: 7, now: NOW })).to.deep.equal(data);
    expect(generateSampleData({ seed: 8, now: NOW }).counterparties[0]!.name).not.to.equal(undefined);
  });

  it('has the promised size: 3+ managers, 4 specialists, 200 counterparties, 400 contacts, 150 leads, 600 deals, 5 000 interactions', () => {
    expect(data.users.filter((u) => u.roles.includes('manager')).length).to.be.at.least(3);
    expect(data.users.filter((u) => u.roles.includes('specialist')).length).to.equal(4);
    expect(data.counterparties.length).to.equal(200);
    expect(data.contacts.length).to.equal(400);
    expect(data.leads.length).to.equal(150);
    expect(data.deals.length).to.equal(600);
    expect(data.interactions.length).to.equal(5000);
    expect(new Set(data.deals.map((d) => d.pipelineId)).size).to.equal(2);
    for (const name of tableNames) expect(data[name].length, name).to.be.greaterThan(0);
  });

  it('uses valid Ukrainian tax codes and +380 phones', () => {
    for (const c of data.counterparties) {
      if (c.edrpou) expect(isValidEdrpou(c.edrpou), c.edrpou).to.equal(true);
      if (c.rnokpp) expect(isValidRnokpp(c.rnokpp), c.rnokpp).to.equal(true);
      expect(Boolean(c.edrpou) !== Boolean(c.rnokpp)).to.equal(true);
      for (const phone of c.phones) expect(normalizePhone(phone), phone).to.equal(phone);
      expect(c.phones[0]).to.match(/^\+380\d{9}$/);
    }
    const codes = data.counterparties.map((c) => c.edrpou ?? c.rnokpp);
    expect(new Set(codes).size).to.equal(codes.length);
  });

  it('spreads deal history over the year before and keeps each deal on its last stage-history entry', () => {
    const byDeal = new Map<string, typeof data.dealStageHistory>();
    for (const change of data.dealStageHistory) byDeal.set(change.dealId, [...(byDeal.get(change.dealId) ?? []), change]);
    for (const deal of data.deals) {
      const history = byDeal.get(deal.id)!.sort((a, b) => a.at - b.at);
      const last = history[history.length - 1]!;
      expect(last.stageId).to.equal(deal.stageId);
      expect(last.status).to.equal(deal.status);
      expect(history[0]!.at).to.equal(deal.createdAt);
      expect(deal.createdAt).to.be.within(NOW - 366 * DAY, NOW);
    }
    expect(data.deals.filter((d) => d.status === 'won').length).to.be.greaterThan(10);
    expect(data.deals.filter((d) => d.status === 'lost').every((d) => d.lostReasonId)).to.equal(true);
  });

  it('references only records that exist', () => {
    const ids = (rows: Array<{ id: string }>) => new Set(rows.map((r) => r.id));
    const counterparties = ids(data.counterparties);
    const leads = ids(data.leads);
    const stages = ids(data.stages);
    for (const deal of data.deals) {
      expect(deal.clientType === 'counterparty' ? counterparties.has(deal.clientId) : leads.has(deal.clientId)).to.equal(true);
      expect(stages.has(deal.stageId)).to.equal(true);
    }
    const contacts = ids(data.contacts);
    for (const link of data.contactLinks) {
      expect(contacts.has(link.contactId) && counterparties.has(link.counterpartyId)).to.equal(true);
    }
    for (const i of data.interactions) expect(i.participantKeys).to.include(`${i.subjectType}:${i.subjectId}`);
  });

  it('books appointments for ±4 weeks inside working hours, never overlapping', () => {
    const appointments = data.appointments;
    expect(Math.min(...appointments.map((a) => a.start))).to.be.below(NOW - 20 * DAY);
    expect(Math.max(...appointments.map((a) => a.start))).to.be.above(NOW + 20 * DAY);
    const bySpecialist = new Map<string, typeof appointments>();
    for (const a of appointments) bySpecialist.set(a.specialistId, [...(bySpecialist.get(a.specialistId) ?? []), a]);
    for (const list of bySpecialist.values()) {
      list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < list.length; i += 1) expect(list[i]!.start).to.be.at.least(list[i - 1]!.end);
      for (const a of list) {
        const start = new Date(a.start);
        expect(start.getHours()).to.be.within(9, 17);
        expect(start.getHours() === 13 && start.getDay() >= 1 && start.getDay() <= 5).to.equal(false);
      }
    }
  });

  it('scales up for benchmarks', () => {
    const big = generateSampleData({ seed: 1, now: NOW, scale: 3 });
    expect(big.deals.length).to.equal(1800);
  });
});

describe('seedSampleData', () => {
  afterEach(deleteTestStores);

  it('fills an empty store with the whole sample business once, and leaves a used one alone', async () => {
    const store = freshStore();
    expect(await seedSampleData(store, { seed: 7, now: NOW })).to.equal(true);
    expect(await store.settings.get('businessName')).to.equal(sampleBusiness.businessName);
    const data = generateSampleData({ seed: 7, now: NOW });
    // The operations' reads see the seeded business as if it had been typed in.
    expect(await store.deals.count({})).to.equal(600);
    const pipelines = await store.pipelines.list();
    expect(pipelines.map((p) => p.name).sort()).to.deep.equal(['Оптові замовлення', 'Продажі']);
    const totals = await store.deals.totals(pipelines.find((p) => p.name === 'Продажі')!.id, { status: 'all' });
    expect(totals.count).to.equal(data.deals.filter((d) => d.pipelineId === totals.stages[0]!.stage.pipelineId).length);
    const legal = data.counterparties.find((c) => c.edrpou)!;
    expect((await store.counterparties.search(legal.edrpou!)).map((c) => c.id)).to.include(legal.id);
    const lead = data.leads[0]!;
    expect((await store.leads.search(lead.phones[0]!.slice(3, 9))).map((l) => l.id)).to.include(lead.id);
    expect(await store.interactions.unprocessedCount()).to.equal(data.interactions.filter((i) => i.processed === 0).length);
    expect(await seedSampleData(store, { seed: 7, now: NOW })).to.equal(false);
  });
});
