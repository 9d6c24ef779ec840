import { expect } from '@open-wc/testing';
import { proposalTotals, withLineIds } from '../../src/store/proposals.js';
import { deleteTestStores } from '../support/fixtures.js';
import { counterpartyRow, leadRow, refused, snapshot, testStore } from '../support/store.js';

const start = Date.UTC(2025, 4, 12, 10, 30);

async function setup() {
  const { db, store, tick } = testStore('proposals', start);
  const counterparty = counterpartyRow(
    {
      name: 'ТОВ «Львівська кавова мануфактура»',
      edrpou: '41227389',
      phones: ['+380322970000'],
      addresses: [{ kind: 'actual', text: 'м. Львів, пл. Ринок, 10', city: 'Львів' }],
      relationshipStage: 'first-purchase',
    },
    start,
  );
  const lead = leadRow({ name: 'Ірина Бондаренко', status: 'in-progress', phones: ['+380931234567'] }, start);
  await db.counterparties.add(counterparty);
  await db.leads.add(lead);
  const { pipeline } = await store.pipelines.create({ name: 'Продажі обладнання' });
  const deal = await store.deals.create({
    title: 'Кавомашини для нової кав’ярні',
    pipelineId: pipeline.id,
    client: { type: 'counterparty', id: counterparty.id },
    amount: { minor: 25_000_000, currency: 'UAH' },
  });
  const leadDeal = await store.deals.create({ title: 'Кавомолка', pipelineId: pipeline.id, client: { type: 'lead', id: lead.id } });
  return { db, store, counterparty, deal, leadDeal, tick };
}

const machine = { name: 'Кавомашина La Marzocco Linea Mini', quantity: 2, unit: 'шт', unitPrice: 9_800_000, discountPercent: 5, vatPercent: 20, unitCost: 7_200_000 };
const grinder = { name: 'Кавомолка Mahlkönig E65S', quantity: 2, unit: 'шт', unitPrice: 4_500_000, discountPercent: 0, vatPercent: 20, unitCost: 3_300_000 };
const setupWork = { name: 'Монтаж і навчання бариста', quantity: 1, unit: 'посл.', unitPrice: 600_000, discountPercent: 0, vatPercent: 0, unitCost: 200_000 };

describe('proposalTotals', () => {
  it('computes net, VAT, gross, cost and margin per line and in total, in whole minor units', () => {
    const { lines, totals } = proposalTotals([
      { quantity: 3, unitPrice: 100_000, discountPercent: 10, vatPercent: 20, unitCost: 60_000 },
      { quantity: 2.5, unitPrice: 33_333, discountPercent: 0, vatPercent: 20, unitCost: 20_000 },
      { quantity: 1, unitPrice: 99_999, discountPercent: 12.5, vatPercent: 7, unitCost: 0 },
      { quantity: 1, unitPrice: 0, discountPercent: 0, vatPercent: 20, unitCost: 500 },
    ]);
    expect(lines).to.deep.equal([
      { list: 300_000, discount: 30_000, net: 270_000, vat: 54_000, gross: 324_000, cost: 180_000, margin: 90_000, marginPercent: 33.33 },
      { list: 83_333, discount: 0, net: 83_333, vat: 16_667, gross: 100_000, cost: 50_000, margin: 33_333, marginPercent: 40 },
      { list: 99_999, discount: 12_500, net: 87_499, vat: 6_125, gross: 93_624, cost: 0, margin: 87_499, marginPercent: 100 },
      { list: 0, discount: 0, net: 0, vat: 0, gross: 0, cost: 500, margin: -500, marginPercent: 0 },
    ]);
    expect(totals).to.deep.equal({
      list: 483_332,
      discount: 42_500,
      net: 440_832,
      vat: 76_792,
      gross: 517_624,
      cost: 230_500,
      margin: 210_332,
      marginPercent: 47.71,
    });
  });

  it('rounds half up despite binary floating-point noise, and gives zeros for no lines', () => {
    // 1.005 × 100 is 100.49999999999999 in binary floating point; the amount is 100.5 → 101.
    expect(proposalTotals([{ quantity: 1.005, unitPrice: 100, discountPercent: 0, vatPercent: 0 }]).totals.net).to.equal(101);
    expect(proposalTotals([])).to.deep.equal({
      lines: [],
      totals: { list: 0, discount: 0, net: 0, vat: 0, gross: 0, cost: 0, margin: 0, marginPercent: 0 },
    });
  });
});

describe('withLineIds', () => {
  it('keeps the id a line has and gives each other line a new one, leaving the rest of the line as it was', () => {
    let next = 0;
    const ctx = { newId: () => `line-${(next += 1)}` };
    const input: Array<typeof machine & { id?: string }> = [{ ...machine, id: 'kept' }, grinder, { ...setupWork, id: undefined }];
    const lines = withLineIds(ctx, input);
    expect(lines).to.deep.equal([
      { ...machine, id: 'kept' },
      { ...grinder, id: 'line-1' },
      { ...setupWork, id: 'line-2' },
    ]);
    expect(next).to.equal(2);
  });
});

describe('proposals.create', () => {
  afterEach(deleteTestStores);

  it('starts revision 1 as a draft in the deal’s currency, with line ids and defaults filled in', async () => {
    const { store, deal } = await setup();
    const proposal = await store.proposals.create(deal.id, {
      lines: [machine, { name: 'Фільтр для води', quantity: 2, unitPrice: 350_000 }],
      validUntil: '2025-05-31',
      comment: 'Ціни дійсні при оплаті до кінця місяця',
    });
    expect(proposal).to.include({ dealId: deal.id, revision: 1, status: 'draft', currency: 'UAH', validUntil: '2025-05-31', createdAt: start });
    expect(proposal.lines[0]).to.include(machine);
    expect(proposal.lines[1]).to.include({ unit: 'шт', discountPercent: 0, vatPercent: 20, unitCost: 0 });
    expect(proposal.lines.every((line) => line.id.length > 0)).to.equal(true);
    expect(await store.proposals.get(proposal.id)).to.deep.equal(proposal);
    expect(await store.proposals.latest(deal.id)).to.deep.equal(proposal);
  });

  it('refuses bad lines, an unknown deal and a second open proposal for one deal, writing nothing', async () => {
    const { db, store, deal } = await setup();
    const before = await snapshot(db);
    expect(await refused(store.proposals.create(deal.id, { lines: [{ ...machine, quantity: 0 }] }))).to.include({
      code: 'VALIDATION',
      field: 'lines.0.quantity',
      messageKey: 'error.quantity',
    });
    expect(await refused(store.proposals.create(deal.id, { lines: [grinder, { ...machine, discountPercent: 120 }] }))).to.include({
      code: 'VALIDATION',
      field: 'lines.1.discountPercent',
      messageKey: 'error.percent',
    });
    expect(await refused(store.proposals.create(deal.id, { lines: [{ ...machine, unitPrice: 99.5 }] }))).to.include({
      code: 'VALIDATION',
      field: 'lines.0.unitPrice',
      messageKey: 'error.amount',
    });
    expect(await refused(store.proposals.create(deal.id, { lines: [{ ...machine, name: ' ' }] }))).to.include({ field: 'lines.0.name' });
    expect(await refused(store.proposals.create('nope', { lines: [machine] }))).to.include({ code: 'NOT_FOUND', field: 'dealId' });
    expect(await snapshot(db)).to.deep.equal(before);

    const first = await store.proposals.create(deal.id, { lines: [machine] });
    const error = await refused(store.proposals.create(deal.id, { lines: [grinder] }));
    expect(error).to.include({ code: 'CONFLICT', field: 'dealId', messageKey: 'error.openProposalExists' });
    expect(error.params).to.deep.equal({ id: first.id });
    expect(await store.proposals.forDeal(deal.id)).to.deep.equal([first]);
  });
});

describe('proposals.updateDraft / send', () => {
  afterEach(deleteTestStores);

  it('changes a draft in place, then sends it', async () => {
    const { store, deal, tick } = await setup();
    const draft = await store.proposals.create(deal.id, { lines: [machine], comment: 'Чернетка' });
    tick();
    const updated = await store.proposals.updateDraft(draft.id, { lines: [machine, grinder], comment: null, validUntil: '2025-06-15' });
    expect(updated).to.include({ id: draft.id, revision: 1, status: 'draft', validUntil: '2025-06-15', updatedAt: start + 60_000 });
    expect(updated).not.to.have.property('comment');
    expect(updated.lines.map((line) => line.name)).to.deep.equal([machine.name, grinder.name]);
    expect(await store.proposals.get(draft.id)).to.deep.equal(updated);
    const sent = await store.proposals.send(draft.id);
    expect(sent.status).to.equal('sent');
    expect(await store.proposals.get(draft.id)).to.deep.equal(sent);
  });

  it('refuses to send an empty draft, to send twice and to edit a sent proposal in place', async () => {
    const { db, store, deal } = await setup();
    const empty = await store.proposals.create(deal.id, {});
    let before = await snapshot(db);
    expect(await refused(store.proposals.send(empty.id))).to.include({ code: 'VALIDATION', field: 'lines', messageKey: 'error.required' });
    expect(await snapshot(db)).to.deep.equal(before);
    await store.proposals.updateDraft(empty.id, { lines: [grinder] });
    await store.proposals.send(empty.id);
    before = await snapshot(db);
    expect(await refused(store.proposals.send(empty.id))).to.include({ code: 'INVALID_STATE', messageKey: 'error.invalidTransition' });
    expect(await refused(store.proposals.updateDraft(empty.id, { comment: 'Інше' }))).to.include({
      code: 'INVALID_STATE',
      messageKey: 'error.invalidTransition',
    });
    expect(await refused(store.proposals.updateDraft('nope', {}))).to.include({ code: 'NOT_FOUND', field: 'proposalId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('proposals.revise', () => {
  afterEach(deleteTestStores);

  it('writes revision 2 as a draft with the changes and marks revision 1 superseded', async () => {
    const { store, deal, tick } = await setup();
    const first = await store.proposals.create(deal.id, { lines: [machine, grinder], validUntil: '2025-05-31' });
    await store.proposals.send(first.id);
    tick();
    const second = await store.proposals.revise(first.id, { lines: [{ ...machine, discountPercent: 8 }, grinder, setupWork] });
    expect(second).to.include({ dealId: deal.id, revision: 2, status: 'draft', validUntil: '2025-05-31', createdAt: start + 60_000 });
    expect(second.id).not.to.equal(first.id);
    expect(second.lines.map((line) => line.discountPercent)).to.deep.equal([8, 0, 0]);
    const revisions = await store.proposals.forDeal(deal.id);
    expect(revisions.map((p) => [p.revision, p.status])).to.deep.equal([
      [1, 'superseded'],
      [2, 'draft'],
    ]);
    expect(revisions[0]!.lines).to.deep.equal(first.lines);
    expect(await store.proposals.latest(deal.id)).to.deep.equal(second);
  });

  it('refuses to change a superseded revision', async () => {
    const { db, store, deal } = await setup();
    const first = await store.proposals.create(deal.id, { lines: [machine] });
    await store.proposals.revise(first.id);
    const before = await snapshot(db);
    for (const attempt of [
      store.proposals.revise(first.id),
      store.proposals.updateDraft(first.id, { comment: 'Запізно' }),
      store.proposals.send(first.id),
      store.proposals.accept(first.id),
      store.proposals.reject(first.id, { reason: 'Дорого' }),
    ]) {
      expect(await refused(attempt)).to.include({ code: 'INVALID_STATE', messageKey: 'error.proposalClosed' });
    }
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('proposals.accept', () => {
  afterEach(deleteTestStores);

  it('accepts the proposal and creates the order for the deal’s counterparty in one go', async () => {
    const { store, deal, counterparty } = await setup();
    const proposal = await store.proposals.create(deal.id, { lines: [machine, grinder, setupWork] });
    await store.proposals.send(proposal.id);
    const { proposal: accepted, order } = await store.proposals.accept(proposal.id);
    expect(accepted).to.include({ status: 'accepted', orderId: order.id });
    expect(await store.proposals.get(proposal.id)).to.deep.equal(accepted);
    const { totals } = proposalTotals(proposal.lines);
    expect(order).to.include({
      counterpartyId: counterparty.id,
      dealId: deal.id,
      proposalId: proposal.id,
      status: 'new',
      currency: 'UAH',
      total: totals.gross,
      cost: totals.cost,
      date: new Date(start).toLocaleDateString('sv-SE'),
    });
    // 2 × 98 000 грн −5 % = 186 200; 2 × 45 000 = 90 000; монтаж 6 000 без ПДВ → 282 200 грн + 55 240 ПДВ = 337 440 грн.
    expect(totals.gross).to.equal(33_744_000);
    expect(order.lines).to.deep.equal(proposal.lines);
    expect(await store.orders.get(order.id)).to.deep.equal(order);
    expect(await store.orders.forDeal(deal.id)).to.deep.equal([order]);
    expect(await refused(store.proposals.reject(proposal.id, { reason: 'Передумали' }))).to.include({
      code: 'INVALID_STATE',
      messageKey: 'error.proposalClosed',
    });
  });

  it('refuses while the deal’s client is a lead, and when there are no lines, writing nothing', async () => {
    const { db, store, deal, leadDeal } = await setup();
    const forLead = await store.proposals.create(leadDeal.id, { lines: [grinder] });
    const empty = await store.proposals.create(deal.id, {});
    const before = await snapshot(db);
    expect(await refused(store.proposals.accept(forLead.id))).to.include({
      code: 'INVALID_STATE',
      field: 'dealId',
      messageKey: 'error.clientNotCounterparty',
    });
    expect(await refused(store.proposals.accept(empty.id))).to.include({ code: 'VALIDATION', field: 'lines' });
    expect(await refused(store.proposals.accept('nope'))).to.include({ code: 'NOT_FOUND', field: 'proposalId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('proposals.reject', () => {
  afterEach(deleteTestStores);

  it('rejects with a reason; a new proposal for the deal then starts the next revision', async () => {
    const { store, deal } = await setup();
    const first = await store.proposals.create(deal.id, { lines: [machine] });
    await store.proposals.send(first.id);
    const rejected = await store.proposals.reject(first.id, { reason: '  Клієнт обрав вживане обладнання  ' });
    expect(rejected).to.include({ status: 'rejected', rejectReason: 'Клієнт обрав вживане обладнання' });
    expect(await store.proposals.get(first.id)).to.deep.equal(rejected);
    const next = await store.proposals.create(deal.id, { lines: [grinder] });
    expect(next).to.include({ revision: 2, status: 'draft' });
  });

  it('refuses to reject without a reason, writing nothing', async () => {
    const { db, store, deal } = await setup();
    const proposal = await store.proposals.create(deal.id, { lines: [machine] });
    const before = await snapshot(db);
    for (const input of [{ reason: '   ' }, {}, undefined]) {
      expect(await refused(store.proposals.reject(proposal.id, input as { reason: string }))).to.include({
        code: 'VALIDATION',
        field: 'reason',
        messageKey: 'error.rejectReasonRequired',
      });
    }
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('proposals.active', () => {
  afterEach(deleteTestStores);

  it('lists draft and sent proposals, of one counterparty’s deals if asked', async () => {
    const { store, deal, leadDeal, counterparty, tick } = await setup();
    const accepted = await store.proposals.create(deal.id, { lines: [machine] });
    await store.proposals.accept(accepted.id);
    tick();
    const sent = await store.proposals.create(deal.id, { lines: [grinder] });
    await store.proposals.send(sent.id);
    tick();
    const draft = await store.proposals.create(leadDeal.id, { lines: [grinder] });
    expect((await store.proposals.active()).map((p) => p.id)).to.deep.equal([draft.id, sent.id]);
    expect((await store.proposals.active(counterparty.id)).map((p) => p.id)).to.deep.equal([sent.id]);
  });
});

describe('proposals competitor offers and compare', () => {
  afterEach(deleteTestStores);

  it('records competitors’ offers and compares them with our latest proposal line by line', async () => {
    const { store, deal, tick } = await setup();
    const ours = await store.proposals.create(deal.id, { lines: [machine, grinder, setupWork] });
    const offer = await store.proposals.addCompetitorOffer(deal.id, {
      competitor: 'ТОВ «Кава-Сервіс»',
      lines: [
        { name: 'кавомашина  la marzocco linea mini', quantity: 2, unit: 'шт', unitPrice: 9_500_000 },
        { name: 'Кавомолка Mahlkönig E65S', quantity: 2, unitPrice: 4_700_000, discountPercent: 10 },
        { name: 'Пом’якшувач води', quantity: 1, unitPrice: 800_000 },
      ],
      comment: 'Пропозиція, яку клієнт переслав нам',
    });
    expect(offer).to.include({ dealId: deal.id, competitor: 'ТОВ «Кава-Сервіс»', currency: 'UAH' });
    expect(offer.lines[0]).to.include({ vatPercent: 20, discountPercent: 0 });
    tick();
    const euro = await store.proposals.addCompetitorOffer(deal.id, {
      competitor: 'Coffee Tech GmbH',
      currency: 'EUR',
      lines: [{ name: 'Кавомолка Mahlkönig E65S', quantity: 2, unitPrice: 95_000, vatPercent: 0 }],
    });
    expect(await store.proposals.competitorOffers(deal.id)).to.deep.equal([offer, euro]);

    const { proposal, offers } = await store.proposals.compare(deal.id);
    expect(proposal).to.deep.equal(ours);
    const [local, foreign] = offers;
    expect(local!.sameCurrency).to.equal(true);
    expect(local!.lines.map((line) => [line.name, Boolean(line.ours), Boolean(line.theirs), line.netDifference])).to.deep.equal([
      [machine.name, true, true, 19_000_000 - 18_620_000],
      [grinder.name, true, true, 8_460_000 - 9_000_000],
      [setupWork.name, true, false, undefined],
      ['Пом’якшувач води', false, true, undefined],
    ]);
    expect(local!.lines[0]!.ours!.unitNet).to.equal(9_310_000);
    expect(local!.lines[0]!.unitNetDifference).to.equal(190_000);
    expect(local!.ours).to.deep.equal({ net: 28_220_000, gross: 33_744_000 });
    expect(local!.theirs).to.deep.equal({ net: 28_260_000, gross: 33_912_000 });
    expect(local!.grossDifference).to.equal(168_000);
    expect(foreign!.sameCurrency).to.equal(false);
    expect(foreign!).not.to.have.property('grossDifference');
    expect(foreign!.lines[1]).to.not.have.property('netDifference');

    expect(await store.proposals.removeCompetitorOffer(euro.id)).to.deep.equal(euro);
    expect(await store.proposals.competitorOffers(deal.id)).to.deep.equal([offer]);
  });

  it('refuses an offer without a competitor or lines, or for an unknown deal, writing nothing', async () => {
    const { db, store, deal } = await setup();
    const before = await snapshot(db);
    expect(await refused(store.proposals.addCompetitorOffer(deal.id, { competitor: '', lines: [grinder] }))).to.include({
      code: 'VALIDATION',
      field: 'competitor',
    });
    expect(await refused(store.proposals.addCompetitorOffer(deal.id, { competitor: 'ТОВ «Кава-Сервіс»', lines: [] }))).to.include({
      code: 'VALIDATION',
      field: 'lines',
      messageKey: 'error.required',
    });
    expect(await refused(store.proposals.addCompetitorOffer('nope', { competitor: 'ТОВ «Кава-Сервіс»', lines: [grinder] }))).to.include({
      code: 'NOT_FOUND',
      field: 'dealId',
    });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});
