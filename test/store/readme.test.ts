// Runs the code of the README's "Using the store" section, as written there,
// against a fresh database, and checks what it did.
import { expect } from '@open-wc/testing';
import { getStore } from '../../src/store/index.js';
import { deleteTestStores, uniqueDatabaseName } from '../support/fixtures.js';

async function readmeSnippets(): Promise<string[]> {
  const readme = await (await fetch('/README.md')).text();
  const section = readme.slice(readme.indexOf('## Using the store'), readme.indexOf('\n## ', readme.indexOf('## Using the store') + 3));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe('README: Using the store', () => {
  afterEach(deleteTestStores);

  it('runs as written: a lead converted with a deal, the deal moved, an appointment booked, bad input refused', async () => {
    const snippets = await readmeSnippets();
    expect(snippets).to.have.length(2);
    const database = uniqueDatabaseName('readme');
    const storeModule = `${location.origin}/src/store/index.ts`;
    // One module: the imports of both snippets go first, the rest in order.
    const lines = snippets.join('\n').split('\n');
    const imports = lines.filter((line) => line.startsWith('import ')).map((line) => line.replace("'crm-elements/store'", `'${storeModule}'`));
    const body = lines.filter((line) => !line.startsWith('import ')).join('\n').replace("openStore('acme')", `openStore('${database}')`);
    const source = `${imports.join('\n')}\n${body}\nexport { store, lead, counterparty, deal, appointment };`;

    const logged: unknown[][] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void logged.push(args);
    let result: Record<string, { id: string }>;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      result = await import(/* @vite-ignore */ url);
    } finally {
      console.log = log;
      URL.revokeObjectURL(url);
    }

    const store = getStore(database);
    const lead = await store.leads.get(result.lead!.id);
    expect(lead).to.include({ status: 'converted', counterpartyId: result.counterparty!.id });
    const counterparty = await store.counterparties.get(result.counterparty!.id);
    expect(counterparty).to.include({ kind: 'legal', name: 'ТОВ «Ясен»', edrpou: '43521871', leadId: lead!.id });
    expect(counterparty!.phones).to.deep.equal(['+380671234567']);
    const history = await store.deals.history(result.deal!.id);
    const { stages } = await store.deals.board((await store.deals.get(result.deal!.id))!.pipelineId);
    expect(history.map((entry) => entry.stageId)).to.deep.equal([stages[0]!.stage.id, stages[1]!.stage.id]);
    expect(stages[1]!.count).to.equal(1);
    expect(stages[1]!.sums.UAH).to.equal(12_500_000);
    const appointment = await store.appointments.get(result.appointment!.id);
    expect(appointment).to.include({ clientType: 'counterparty', clientId: counterparty!.id, status: 'booked' });
    expect(new Date(appointment!.start).getHours()).to.equal(9);
    expect(new Date(appointment!.start).getDay()).to.equal(1);
    expect(logged).to.deep.equal([['VALIDATION', 'reasonId', 'error.lostReasonRequired']]);
  });
});
