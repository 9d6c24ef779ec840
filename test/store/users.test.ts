import { expect } from '@open-wc/testing';
import { deleteTestStores, freshStore, settle } from '../support/fixtures.js';
import { refused, snapshot } from '../support/store.js';

describe('users.create', () => {
  afterEach(deleteTestStores);

  it('adds an active manager with a normalized phone and a lower-case e-mail', async () => {
    const store = freshStore();
    const user = await store.users.create({
      name: '  Олена Коваль ',
      roles: ['manager'],
      email: 'Olena.Koval@Mebli.UA',
      phone: '067 123 45 67',
    });
    expect(await store.users.get(user.id)).to.deep.equal(user);
    expect(user).to.include({ name: 'Олена Коваль', email: 'olena.koval@mebli.ua', phone: '+380671234567', active: 1 });
    expect(user.roles).to.deep.equal(['manager']);
    expect(user.updatedAt).to.equal(user.createdAt);
  });

  it('keeps several roles once each and leaves out blank optional fields', async () => {
    const store = freshStore();
    const user = await store.users.create({ name: 'Андрій Шевчук', roles: ['specialist', 'manager', 'specialist'], email: '' });
    const stored = (await store.users.get(user.id))!;
    expect(stored.roles).to.deep.equal(['specialist', 'manager']);
    expect(stored).not.to.have.property('email');
    expect(stored).not.to.have.property('phone');
  });

  it('refuses a user without roles, with an unknown role, without a name or with a bad phone, writing nothing', async () => {
    const store = freshStore();
    await store.users.create({ name: 'Адміністратор', roles: ['admin'] });
    const before = await snapshot(store);
    expect(await refused(store.users.create({ name: 'Ігор Бондар', roles: [] }))).to.include({
      code: 'VALIDATION',
      field: 'roles',
      messageKey: 'error.required',
    });
    expect(await refused(store.users.create({ name: 'Ігор Бондар', roles: ['boss' as 'admin'] }))).to.include({
      code: 'VALIDATION',
      field: 'roles.0',
      messageKey: 'error.invalid',
    });
    expect(await refused(store.users.create({ name: ' ', roles: ['manager'] }))).to.include({ field: 'name', messageKey: 'error.required' });
    expect(await refused(store.users.create({ name: 'Ігор Бондар', roles: ['manager'], phone: '067 12' }))).to.include({
      field: 'phone',
      messageKey: 'error.phone',
    });
    expect(await refused(store.users.create({ name: 'Ігор Бондар', roles: ['manager'], email: 'ігор@' }))).to.include({
      field: 'email',
      messageKey: 'error.email',
    });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('users.update', () => {
  afterEach(deleteTestStores);

  it('changes the given fields, keeps the others and clears a field given as null', async () => {
    const store = freshStore();
    const user = await store.users.create({ name: 'Марія Ткаченко', roles: ['manager'], email: 'maria@mebli.ua', phone: '0501234567' });
    await settle(2);
    const updated = await store.users.update(user.id, { roles: ['manager', 'admin'], phone: null });
    expect(await store.users.get(user.id)).to.deep.equal(updated);
    expect(updated).to.include({ name: 'Марія Ткаченко', email: 'maria@mebli.ua', createdAt: user.createdAt });
    expect(updated.roles).to.deep.equal(['manager', 'admin']);
    expect(updated).not.to.have.property('phone');
    expect(updated.updatedAt).to.be.greaterThan(user.updatedAt);
  });

  it('refuses an unknown user and bad input, writing nothing', async () => {
    const store = freshStore();
    const user = await store.users.create({ name: 'Марія Ткаченко', roles: ['manager'] });
    const before = await snapshot(store);
    expect(await refused(store.users.update('no-such-user', { name: 'Хтось' }))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await refused(store.users.update(user.id, { roles: [] }))).to.include({ code: 'VALIDATION', field: 'roles' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('users.deactivate / activate', () => {
  afterEach(deleteTestStores);

  it('marks a user inactive and back', async () => {
    const store = freshStore();
    const user = await store.users.create({ name: 'Тарас Мельник', roles: ['specialist'] });
    expect((await store.users.deactivate(user.id)).active).to.equal(0);
    expect((await store.users.get(user.id))!.active).to.equal(0);
    expect((await store.users.activate(user.id)).active).to.equal(1);
    expect((await store.users.get(user.id))!.active).to.equal(1);
  });

  it('refuses an unknown user', async () => {
    const store = freshStore();
    expect(await refused(store.users.deactivate('no-such-user'))).to.include({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('users.list', () => {
  afterEach(deleteTestStores);

  it('lists users by Ukrainian alphabetical order, by role and active only', async () => {
    const store = freshStore();
    const ivan = await store.users.create({ name: 'Іван Петренко', roles: ['manager'] });
    const yevhen = await store.users.create({ name: 'Євген Савчук', roles: ['specialist'] });
    const hanna = await store.users.create({ name: 'Ганна Кравець', roles: ['manager', 'specialist'] });
    const zoia = await store.users.create({ name: 'Зоя Литвин', roles: ['admin'] });
    await store.users.deactivate(zoia.id);

    // Є comes after Д and І after И in the Ukrainian alphabet, unlike in code-point order.
    expect((await store.users.list()).map((u) => u.name)).to.deep.equal(['Ганна Кравець', 'Євген Савчук', 'Зоя Литвин', 'Іван Петренко']);
    expect((await store.users.list({ role: 'manager' })).map((u) => u.id)).to.deep.equal([hanna.id, ivan.id]);
    expect((await store.users.list({ role: 'specialist' })).map((u) => u.id)).to.deep.equal([hanna.id, yevhen.id]);
    expect((await store.users.list({ activeOnly: true })).map((u) => u.id)).to.deep.equal([hanna.id, yevhen.id, ivan.id]);
    expect(await store.users.list({ role: 'admin', activeOnly: true })).to.deep.equal([]);
  });
});
