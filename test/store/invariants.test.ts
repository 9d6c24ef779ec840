// Property tests: random sequences of store operations, then the invariants
// every element and report relies on. And: an operation that fails leaves
// the database exactly as it was.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CrmDatabase, CrmError, type CrmStore, type Deal } from '../../src/store/index.js';
import { deleteTestStores, freshStore } from '../support/fixtures.js';
import { refused, snapshot } from '../support/store.js';

/** Every row of every table, sorted by key, read over a connection of its own, for before/after comparisons. */
async function snapshotOf(name: string): Promise<Record<string, unknown[]>> {
  const db = new CrmDatabase(name);
  try {
    return await snapshot(db);
  } finally {
    db.close();
  }
}

type Op =
  | { kind: 'createDeal'; client: number; stage: number; amount: number }
  | { kind: 'move'; deal: number; stage: number }
  | { kind: 'win'; deal: number }
  | { kind: 'lose'; deal: number; withReason: boolean }
  | { kind: 'reopen'; deal: number }
  | { kind: 'removeStage'; stage: number; moveTo: number | null }
  | { kind: 'addStage'; position: number }
  | { kind: 'createLead'; phone: number }
  | { kind: 'convertLead'; lead: number; withDeal: boolean; badPipeline: boolean }
  | { kind: 'link'; contact: number; client: number }
  | { kind: 'erase'; client: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('createDeal' as const), client: fc.nat(5), stage: fc.nat(9), amount: fc.integer({ min: 0, max: 5_000_000 }) }),
  fc.record({ kind: fc.constant('move' as const), deal: fc.nat(20), stage: fc.nat(9) }),
  fc.record({ kind: fc.constant('win' as const), deal: fc.nat(20) }),
  fc.record({ kind: fc.constant('lose' as const), deal: fc.nat(20), withReason: fc.boolean() }),
  fc.record({ kind: fc.constant('reopen' as const), deal: fc.nat(20) }),
  fc.record({ kind: fc.constant('removeStage' as const), stage: fc.nat(9), moveTo: fc.option(fc.nat(9)) }),
  fc.record({ kind: fc.constant('addStage' as const), position: fc.nat(9) }),
  fc.record({ kind: fc.constant('createLead' as const), phone: fc.integer({ min: 1_000_000, max: 9_999_999 }) }),
  fc.record({ kind: fc.constant('convertLead' as const), lead: fc.nat(5), withDeal: fc.boolean(), badPipeline: fc.boolean() }),
  fc.record({ kind: fc.constant('link' as const), contact: fc.nat(3), client: fc.nat(5) }),
  fc.record({ kind: fc.constant('erase' as const), client: fc.nat(5) }),
);

const at = <T>(items: T[], index: number): T | undefined => (items.length ? items[index % items.length] : undefined);

async function setUp(store: CrmStore) {
  const { pipeline } = await store.pipelines.create({ name: 'Продажі' });
  const reason = await store.lostReasons.create({ name: 'Дорого' });
  for (const [i, name] of ['ТОВ «Ясен»', 'ФОП Коваль Олена', 'ПП «Бук і Ко»'].entries()) {
    await store.counterparties.create({ kind: i === 1 ? 'fop' : 'legal', name, phones: [`067 100 00 0${i}`] });
  }
  for (const name of ['Ірина Мельник', 'Тарас Бойко']) await store.contacts.create({ name });
  return { pipelineId: pipeline.id, reasonId: reason.id };
}

/** Runs one op; returns whether it was refused with a CrmError (anything else fails the test). */
async function run(store: CrmStore, op: Op, fixture: { pipelineId: string; reasonId: string }): Promise<boolean> {
  const stages = await store.pipelines.stages(fixture.pipelineId);
  const deals = await store.deals.list({ pipelineId: fixture.pipelineId });
  const clients = await store.counterparties.list({});
  const leads = (await store.leads.list({})).filter((lead) => lead.status === 'new');
  const contacts = await store.contacts.search('');
  const deal: Deal | undefined = at(deals, (op as { deal?: number }).deal ?? 0);
  try {
    switch (op.kind) {
      case 'createDeal': {
        const client = at(clients, op.client);
        if (!client) return false;
        await store.deals.create({ title: 'Угода', pipelineId: fixture.pipelineId, stageId: at(stages, op.stage)!.id, amount: { minor: op.amount, currency: 'UAH' }, client: { type: 'counterparty', id: client.id } });
        break;
      }
      case 'move':
        if (deal) await store.deals.moveToStage(deal.id, at(stages, op.stage)!.id);
        break;
      case 'win':
        if (deal) await store.deals.win(deal.id);
        break;
      case 'lose':
        if (deal) await store.deals.lose(deal.id, op.withReason ? { reasonId: fixture.reasonId } : ({} as { reasonId: string }));
        break;
      case 'reopen':
        if (deal) await store.deals.reopen(deal.id);
        break;
      case 'removeStage': {
        const target = op.moveTo === null ? undefined : at(stages, op.moveTo);
        await store.pipelines.removeStage(at(stages, op.stage)!.id, target ? { moveDealsTo: target.id } : {});
        break;
      }
      case 'addStage':
        await store.pipelines.addStage(fixture.pipelineId, { name: `Етап ${stages.length + 1}`, position: op.position % (stages.length + 1) });
        break;
      case 'createLead':
        await store.leads.create({ name: 'Новий лід', phones: [`097${op.phone}`] });
        break;
      case 'convertLead': {
        const lead = at(leads, op.lead);
        if (!lead) return false;
        await store.leads.convert(lead.id, op.withDeal ? { deal: { pipelineId: op.badPipeline ? 'no-such-pipeline' : fixture.pipelineId, title: 'З ліда' } } : {});
        break;
      }
      case 'link': {
        const contact = at(contacts, op.contact);
        const client = at(clients, op.client);
        if (contact && client) await store.contacts.link(contact.id, client.id, 'Директор');
        break;
      }
      case 'erase': {
        const client = at(clients, op.client);
        if (client) await store.backup.erasePerson({ type: 'counterparty', id: client.id });
        break;
      }
    }
    return false;
  } catch (error) {
    if (!(error instanceof CrmError)) throw error;
    return true;
  }
}

async function checkInvariants(store: CrmStore, name: string, pipelineId: string): Promise<void> {
  const tables = await snapshotOf(name);
  const ids = (table: string) => new Set((tables[table] as Array<{ id: string }>).map((row) => row.id));
  const counterparties = ids('counterparties');
  const leads = ids('leads');
  const contacts = ids('contacts');
  const stages = new Map((tables.stages as Array<{ id: string; pipelineId: string }>).map((s) => [s.id, s.pipelineId]));
  const deals = tables.deals as Deal[];

  // No orphan links.
  for (const link of tables.contactLinks as Array<{ contactId: string; counterpartyId: string }>) {
    expect(contacts.has(link.contactId) && counterparties.has(link.counterpartyId), 'contact link to a missing party').to.equal(true);
  }
  for (const deal of deals) {
    expect(deal.clientType === 'counterparty' ? counterparties.has(deal.clientId) : leads.has(deal.clientId), 'deal without its client').to.equal(true);
    expect(stages.get(deal.stageId), 'deal on a stage of another pipeline').to.equal(deal.pipelineId);
  }
  const dealIds = new Set(deals.map((deal) => deal.id));
  for (const change of tables.dealStageHistory as Array<{ dealId: string }>) expect(dealIds.has(change.dealId), 'history of a missing deal').to.equal(true);

  // The current stage is the last stage-history entry.
  for (const deal of deals) {
    const history = await store.deals.history(deal.id);
    const last = history[history.length - 1]!;
    expect(last.stageId, `deal ${deal.id} stage`).to.equal(deal.stageId);
    expect(last.status, `deal ${deal.id} status`).to.equal(deal.status);
  }

  // Per-stage totals equal the sum of the deals, over all of them.
  const totals = await store.deals.totals(pipelineId, { status: 'all' });
  for (const column of totals.stages) {
    const inStage = deals.filter((deal) => deal.pipelineId === pipelineId && deal.stageId === column.stage.id);
    expect(column.count).to.equal(inStage.length);
    expect(column.sums.UAH ?? 0).to.equal(inStage.reduce((sum, deal) => sum + deal.amount.minor, 0));
  }
}

describe('store invariants under random operations (fast-check)', function () {
  this.timeout(120_000);
  afterEach(deleteTestStores);

  it('keeps links whole, stages consistent with history, totals equal to sums; refused operations write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 4, maxLength: 14 }), async (ops) => {
        const store = freshStore('prop');
        const fixture = await setUp(store);
        for (const op of ops) {
          const before = await snapshotOf(store.name);
          const refused = await run(store, op, fixture);
          if (refused) expect(await snapshotOf(store.name), `${op.kind} was refused but wrote`).to.deep.equal(before);
        }
        await checkInvariants(store, store.name, fixture.pipelineId);
        await store.delete();
      }),
      { numRuns: 12, seed: 20261129, endOnFailure: true },
    );
  });

  it('a conversion that fails half-way (its deal names a missing pipeline) leaves the database exactly as before', async () => {
    const store = freshStore();
    await setUp(store);
    const lead = await store.leads.create({ name: 'Олег Марченко', phones: ['050 111 22 33'] });
    const before = await snapshotOf(store.name);
    const error = await refused(store.leads.convert(lead.id, { deal: { pipelineId: 'missing', title: 'Кухня' } }));
    expect(error.code).to.equal('NOT_FOUND');
    expect(await snapshotOf(store.name)).to.deep.equal(before);
  });
});
