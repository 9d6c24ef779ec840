import { expect } from '@open-wc/testing';
import type { CrmStore, LeadInput } from '../../src/store/index.js';
import { deleteTestStores, freshStore } from '../support/fixtures.js';
import { refused, snapshot } from '../support/store.js';

async function catalogue(store: CrmStore) {
  return {
    manager: await store.users.create({ name: 'Олена Коваль', roles: ['manager'] }),
    google: await store.sources.create({ name: 'Google Ads', channel: 'Реклама' }),
    fair: await store.sources.create({ name: 'Виставка «Меблі-2026»' }),
    hot: await store.tags.create({ name: 'Гарячий' }),
    wholesale: await store.tags.create({ name: 'Опт' }),
  };
}

const people = ['Олена Мороз', 'Ігор Савчук', 'Марія Ткаченко', 'Богдан Гнатюк', 'Ірина Шевчук', 'Тарас Бондаренко'];
const companies = ['ТОВ «Кухні Поділля»', 'ФОП Савчук', 'ПП «Дубовий лист»', undefined];

/** `count` rows as a CSV import gives them: phones written the way people write them, e-mails in any case. */
function rows(count: number, refs: Pick<LeadInput, 'sourceId' | 'managerId' | 'tags'> = {}): LeadInput[] {
  return Array.from({ length: count }, (_, i) => {
    const digits = String(10_000_000 + i);
    return {
      name: `${people[i % people.length]} ${i}`,
      company: companies[i % companies.length],
      phones: [`067 ${digits.slice(1, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`],
      emails: [`Lead${i}@Ukr.net`],
      ...refs,
    };
  });
}

describe('leads.import', () => {
  afterEach(deleteTestStores);

  it('imports every row as a new, open, searchable lead, as create would write it', async () => {
    const store = freshStore();
    const { manager, google, hot, wholesale } = await catalogue(store);
    const input = rows(2_500, { sourceId: google.id, managerId: manager.id, tags: [hot.id, wholesale.id] });
    const ids = await store.leads.import(input);

    expect(ids).to.have.length(2_500);
    expect(new Set(ids).size).to.equal(2_500);
    expect(await store.leads.count()).to.equal(2_500);
    expect(await store.leads.count({ status: ['new', 'in-progress'] })).to.equal(2_500);
    expect(await store.leads.count({ sourceId: google.id })).to.equal(2_500);

    const first = (await store.leads.get(ids[0]!))!;
    expect(first).to.include({ name: 'Олена Мороз 0', company: 'ТОВ «Кухні Поділля»', status: 'new', open: 1, sourceId: google.id, managerId: manager.id });
    expect(first.phones).to.deep.equal(['+380670000000']);
    expect(first.emails).to.deep.equal(['lead0@ukr.net']);
    expect(first.tags).to.deep.equal([hot.id, wholesale.id]);
    expect(first.createdAt).to.equal(first.updatedAt);

    // The same fields make the same record through create (ids and times aside).
    const created = await store.leads.create(input[1_234]!);
    const imported = (await store.leads.get(ids[1_234]!))!;
    expect(imported).to.deep.equal({ ...created, open: 1, id: imported.id, createdAt: imported.createdAt, updatedAt: imported.updatedAt });

    const found = await store.leads.search('Савчук 1237', { limit: 5 });
    expect(found.map((lead) => lead.id)).to.include(ids[1_237]);
    expect((await store.leads.search('0670001237'))[0]?.id).to.equal(ids[1_237]);
  });

  it('reports progress after each chunk of 1 000 rows', async () => {
    const store = freshStore();
    const calls: Array<[number, number]> = [];
    await store.leads.import(rows(2_345), { onProgress: (written, total) => calls.push([written, total]) });
    expect(calls).to.deep.equal([
      [1_000, 2_345],
      [2_000, 2_345],
      [2_345, 2_345],
    ]);
  });

  it('gives the page control back while it checks a large import, a chunk of 1 000 rows at a time', async () => {
    const store = freshStore();
    const order: string[] = [];
    // Each row says when it is checked (its name is read); a timer set before the import says when the page got a turn.
    const checked = rows(2_500).map((row, index) => ({
      ...row,
      get name() {
        if (index % 1_000 === 0) order.push(`row ${index}`);
        return row.name;
      },
    }));
    setTimeout(() => order.push('page'), 0);
    await store.leads.import(checked);
    expect(order).to.deep.equal(['row 0', 'page', 'row 1000', 'row 2000']);
    expect(await store.leads.count()).to.equal(2_500);
  });

  it('imports nothing and calls no progress for no rows', async () => {
    const store = freshStore();
    let called = false;
    expect(await store.leads.import([], { onProgress: () => (called = true) })).to.deep.equal([]);
    expect(called).to.equal(false);
    expect(await store.leads.count()).to.equal(0);
  });

  it('refuses a bad row naming its index and field, writing nothing', async () => {
    const store = freshStore();
    await catalogue(store);
    const before = await snapshot(store);
    const cases: Array<[number, Record<string, unknown>, string, string]> = [
      [1_500, { name: ' ' }, '1500.name', 'error.required'],
      [7, { phones: ['067 123 45 67', '067'] }, '7.phones.1', 'error.phone'],
      [2_999, { emails: ['olena@@ukr.net'] }, '2999.emails.0', 'error.email'],
      [0, { taxCode: '12930033' }, '0.taxCode', 'error.taxCode'],
    ];
    for (const [index, bad, field, messageKey] of cases) {
      const input: unknown[] = rows(3_000);
      input[index] = { ...(input[index] as object), ...bad };
      expect(await refused(store.leads.import(input as LeadInput[])), field).to.include({ code: 'VALIDATION', field, messageKey });
    }
    expect(await refused(store.leads.import('Олена' as never))).to.include({ code: 'VALIDATION', field: 'inputs' });
    expect(await snapshot(store)).to.deep.equal(before);
  });

  it('refuses an unknown source, manager or tag naming the first row that names it, writing nothing', async () => {
    const store = freshStore();
    const { google, hot } = await catalogue(store);
    const before = await snapshot(store);
    const cases: Array<[Partial<LeadInput>, string]> = [
      [{ sourceId: 'ghost-source' }, 'sourceId'],
      [{ managerId: 'ghost-manager' }, 'managerId'],
      [{ tags: [hot.id, 'ghost-tag'] }, 'tags.1'],
    ];
    for (const [bad, field] of cases) {
      const input = rows(2_200, { sourceId: google.id, tags: [hot.id] });
      input[1_800] = { ...input[1_800]!, ...bad };
      input[2_100] = { ...input[2_100]!, ...bad };
      const error = await refused(store.leads.import(input));
      expect(error, field).to.include({ code: 'NOT_FOUND', field: `1800.${field}`, messageKey: 'error.notFound' });
    }
    expect(await snapshot(store)).to.deep.equal(before);
  });

  it('keeps nothing when the progress callback cancels the import halfway', async () => {
    const store = freshStore();
    const before = await snapshot(store);
    const error = await store.leads
      .import(rows(3_000), {
        onProgress: (written) => {
          if (written === 2_000) throw new Error('cancelled');
        },
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).to.be.instanceOf(Error);
    expect(await snapshot(store)).to.deep.equal(before);
  });
});
