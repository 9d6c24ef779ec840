import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CrmError, type Task, type TaskStatus } from '../../src/store/index.js';
import { createStoreContext } from '../../src/store/context.js';
import { groupTasksByAuthor, groupTasksByDeadline, groupTasksBySubject, reassignTasks } from '../../src/store/tasks.js';
import { deleteTestStores } from '../support/fixtures.js';
import { counterpartyRow, leadRow, refused, testStore, userRow } from '../support/store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2025, 2, 10, 8, 0);

const OLENA = 'u-olena'; // керівниця, автор завдань
const ANDRII = 'u-andrii'; // менеджер
const IRYNA = 'u-iryna'; // менеджерка
const TARAS = 'u-taras'; // перевіряючий
const PODILLIA = { type: 'counterparty', id: 'cp-podillia' } as const;
const MARIA = { type: 'lead', id: 'ld-maria' } as const;

async function harness() {
  const { store, db, clock } = testStore('tasks', T0);
  const at = T0 - DAY;
  await db.users.bulkAdd(
    [
      [OLENA, 'Олена Коваль'],
      [ANDRII, 'Андрій Шевченко'],
      [IRYNA, 'Ірина Бондаренко'],
      [TARAS, 'Тарас Мельник'],
    ].map(([id, name]) => userRow({ id: id!, name: name! }, at)),
  );
  await db.counterparties.add(counterpartyRow({ id: PODILLIA.id, name: 'ТОВ «Меблі Поділля»' }, at));
  await db.leads.add(leadRow({ id: MARIA.id, name: 'Марія Гнатюк' }, at));
  return { store, db, clock };
}

const base = {
  title: 'Підготувати комерційну пропозицію на кухню',
  authorId: OLENA,
  performerId: ANDRII,
  deadline: T0 + 2 * DAY,
};

afterEach(deleteTestStores);

describe('tasks.create', () => {
  it('creates a new task with its author, performer, checker and subject', async () => {
    const { store, db } = await harness();
    const task = await store.tasks.create({
      ...base,
      description: '  Фасади МДФ, стільниця з каменю  ',
      checkerId: TARAS,
      checkDeadline: T0 + 3 * DAY,
      subjectRef: PODILLIA,
    });
    expect(task).to.deep.equal({
      id: task.id,
      title: base.title,
      description: 'Фасади МДФ, стільниця з каменю',
      authorId: OLENA,
      performerId: ANDRII,
      deadline: T0 + 2 * DAY,
      checkerId: TARAS,
      checkDeadline: T0 + 3 * DAY,
      status: 'new',
      subjectType: 'counterparty',
      subjectId: PODILLIA.id,
      redirects: [],
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await db.tasks.get(task.id)).to.deep.equal(task);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { store, db } = await harness();
    const cases: Array<[object, string, string]> = [
      [{ title: '' }, 'title', 'error.required'],
      [{ deadline: 'завтра' }, 'deadline', 'error.date'],
      [{ performerId: '' }, 'performerId', 'error.required'],
      [{ checkDeadline: T0 + 3 * DAY }, 'checkerId', 'error.required'],
      [{ checkerId: TARAS, checkDeadline: T0 + DAY }, 'checkDeadline', 'error.timeRange'],
      [{ subjectRef: { type: 'city', id: 'x' } }, 'subjectRef.type', 'error.invalid'],
    ];
    for (const [patch, field, messageKey] of cases) {
      const error = await refused(store.tasks.create({ ...base, ...patch } as never));
      expect(error, field).to.include({ code: 'VALIDATION', field, messageKey });
    }
    expect(await db.tasks.count()).to.equal(0);
  });

  it('refuses people and subjects that do not exist', async () => {
    const { store, db } = await harness();
    const cases: Array<[object, string]> = [
      [{ authorId: 'u-nobody' }, 'authorId'],
      [{ performerId: 'u-nobody' }, 'performerId'],
      [{ checkerId: 'u-nobody' }, 'checkerId'],
      [{ subjectRef: { type: 'deal', id: 'dl-nobody' } }, 'subjectRef.id'],
    ];
    for (const [patch, field] of cases) {
      expect(await refused(store.tasks.create({ ...base, ...patch })), field).to.include({ code: 'NOT_FOUND', field });
    }
    expect(await db.tasks.count()).to.equal(0);
  });
});

describe('tasks.accept / complete / check', () => {
  it('goes new → accepted → done → checked, stamping each step', async () => {
    const { store, db, clock } = await harness();
    const task = await store.tasks.create({ ...base, checkerId: TARAS });
    clock.now = T0 + HOUR;
    expect(await store.tasks.accept(task.id)).to.include({ status: 'accepted', acceptedAt: T0 + HOUR });
    clock.now = T0 + 2 * HOUR;
    expect(await store.tasks.complete(task.id)).to.include({ status: 'done', doneAt: T0 + 2 * HOUR });
    clock.now = T0 + 3 * HOUR;
    const checked = await store.tasks.check(task.id, { userId: TARAS });
    expect(checked).to.include({ status: 'checked', checkedAt: T0 + 3 * HOUR, updatedAt: T0 + 3 * HOUR });
    expect(await db.tasks.get(task.id)).to.deep.equal(checked);
  });

  it('completes a new task without accepting it first', async () => {
    const { store } = await harness();
    const task = await store.tasks.create(base);
    expect((await store.tasks.complete(task.id)).status).to.equal('done');
  });

  it('lets only the checker check, and only a task that has one', async () => {
    const { store, db } = await harness();
    const checked = await store.tasks.create({ ...base, checkerId: TARAS });
    const unchecked = await store.tasks.create(base);
    await store.tasks.complete(checked.id);
    await store.tasks.complete(unchecked.id);
    const before = await db.tasks.toArray();
    expect(await refused(store.tasks.check(checked.id, { userId: ANDRII }))).to.include({
      code: 'VALIDATION',
      field: 'userId',
      messageKey: 'error.notChecker',
    });
    expect(await refused(store.tasks.check(unchecked.id, { userId: TARAS }))).to.include({
      code: 'INVALID_STATE',
      field: 'status',
      messageKey: 'error.invalidTransition',
    });
    expect(await refused(store.tasks.check(checked.id, { userId: '' }))).to.include({ code: 'VALIDATION', field: 'userId' });
    expect(await db.tasks.toArray()).to.deep.equal(before);
  });

  it('refuses illegal transitions with INVALID_STATE on status, and changes nothing', async () => {
    const { store, db } = await harness();
    const task = await store.tasks.create({ ...base, checkerId: TARAS });
    const fresh = await store.tasks.create(base);
    await store.tasks.accept(task.id);
    const before = await db.tasks.toArray();
    const expectRefused = async (promise: Promise<unknown>) =>
      expect(await refused(promise)).to.include({ code: 'INVALID_STATE', field: 'status', messageKey: 'error.invalidTransition' });
    await expectRefused(store.tasks.accept(task.id));
    await expectRefused(store.tasks.check(task.id, { userId: TARAS }));
    await expectRefused(store.tasks.check(fresh.id, { userId: TARAS }));
    expect(await db.tasks.toArray()).to.deep.equal(before);
    await store.tasks.complete(task.id);
    await expectRefused(store.tasks.complete(task.id));
    await expectRefused(store.tasks.redirect(task.id, { toPerformerId: IRYNA }));
    await expectRefused(store.tasks.cancel(task.id));
    expect(await refused(store.tasks.accept('nothing'))).to.include({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('tasks.redirect', () => {
  it('gives the task to another performer, back to new, keeping the history', async () => {
    const { store, db, clock } = await harness();
    const task = await store.tasks.create(base);
    await store.tasks.accept(task.id);
    clock.now = T0 + HOUR;
    await store.tasks.redirect(task.id, { toPerformerId: IRYNA, byUserId: ANDRII, comment: 'Я у відпустці до п’ятниці' });
    clock.now = T0 + 2 * HOUR;
    const twice = await store.tasks.redirect(task.id, { toPerformerId: TARAS });
    expect(twice).to.include({ performerId: TARAS, status: 'new' });
    expect(twice).not.to.have.property('acceptedAt');
    expect(twice.redirects).to.deep.equal([
      { at: T0 + HOUR, fromPerformerId: ANDRII, toPerformerId: IRYNA, byUserId: ANDRII, comment: 'Я у відпустці до п’ятниці' },
      { at: T0 + 2 * HOUR, fromPerformerId: IRYNA, toPerformerId: TARAS },
    ]);
    expect(await db.tasks.get(task.id)).to.deep.equal(twice);
    expect((await store.tasks.forPerformer(TARAS)).map((t) => t.id)).to.deep.equal([task.id]);
    expect(await store.tasks.forPerformer(ANDRII)).to.deep.equal([]);
  });

  it('refuses the same performer and people who do not exist, and changes nothing', async () => {
    const { store, db } = await harness();
    const task = await store.tasks.create(base);
    const before = await db.tasks.toArray();
    expect(await refused(store.tasks.redirect(task.id, { toPerformerId: ANDRII }))).to.include({ code: 'VALIDATION', field: 'toPerformerId' });
    expect(await refused(store.tasks.redirect(task.id, { toPerformerId: 'u-nobody' }))).to.include({ code: 'NOT_FOUND', field: 'toPerformerId' });
    expect(await refused(store.tasks.redirect(task.id, { toPerformerId: IRYNA, byUserId: 'u-nobody' }))).to.include({
      code: 'NOT_FOUND',
      field: 'byUserId',
    });
    expect(await refused(store.tasks.redirect(task.id, { toPerformerId: IRYNA, comment: 'я'.repeat(1001) }))).to.include({
      code: 'VALIDATION',
      field: 'comment',
      messageKey: 'error.tooLong',
    });
    expect(await db.tasks.toArray()).to.deep.equal(before);
  });
});

describe('tasks.cancel', () => {
  it('cancels a new or accepted task', async () => {
    const { store } = await harness();
    const task = await store.tasks.create(base);
    const cancelled = await store.tasks.cancel(task.id);
    expect(cancelled.status).to.equal('cancelled');
    expect((await store.tasks.get(task.id))!.status).to.equal('cancelled');
    expect(await refused(store.tasks.accept(task.id))).to.include({ code: 'INVALID_STATE' });
  });
});

describe('tasks state machine (property)', () => {
  type Op = 'accept' | 'complete' | 'checkByChecker' | 'checkByOther' | 'redirect' | 'cancel';
  const legal: Record<Op, (status: TaskStatus) => TaskStatus | undefined> = {
    accept: (s) => (s === 'new' ? 'accepted' : undefined),
    complete: (s) => (s === 'new' || s === 'accepted' ? 'done' : undefined),
    checkByChecker: (s) => (s === 'done' ? 'checked' : undefined),
    checkByOther: () => undefined,
    redirect: (s) => (s === 'new' || s === 'accepted' ? 'new' : undefined),
    cancel: (s) => (s === 'new' || s === 'accepted' ? 'cancelled' : undefined),
  };

  it('follows the model for random sequences, and a refused step leaves the task as it was', async () => {
    const { store, db } = await harness();
    const ops = fc.array(fc.constantFrom<Op>('accept', 'complete', 'checkByChecker', 'checkByOther', 'redirect', 'cancel'), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(ops, async (sequence) => {
        const task = await store.tasks.create({ ...base, checkerId: TARAS });
        let status: TaskStatus = 'new';
        let redirects = 0;
        for (const op of sequence) {
          const before = await db.tasks.get(task.id);
          const current = before!;
          const run: Record<Op, () => Promise<Task>> = {
            accept: () => store.tasks.accept(task.id),
            complete: () => store.tasks.complete(task.id),
            checkByChecker: () => store.tasks.check(task.id, { userId: TARAS }),
            checkByOther: () => store.tasks.check(task.id, { userId: IRYNA }),
            redirect: () => store.tasks.redirect(task.id, { toPerformerId: current.performerId === ANDRII ? IRYNA : ANDRII }),
            cancel: () => store.tasks.cancel(task.id),
          };
          const expected = legal[op](status);
          const outcome = await run[op]().then(
            (written) => written,
            (e: unknown) => e,
          );
          if (expected) {
            expect(outcome, `${op} from ${status}`).not.to.be.instanceOf(Error);
            status = expected;
            if (op === 'redirect') redirects += 1;
          } else {
            expect(outcome, `${op} from ${status}`).to.be.instanceOf(CrmError);
            expect(['INVALID_STATE', 'VALIDATION']).to.include((outcome as CrmError).code);
            expect(await db.tasks.get(task.id)).to.deep.equal(before);
          }
          const stored = (await db.tasks.get(task.id))!;
          expect(stored.status).to.equal(status);
          expect(stored.redirects).to.have.length(redirects);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('tasks reads', () => {
  it('lists my open tasks by deadline, all of them on request, and those waiting for my check', async () => {
    const { store } = await harness();
    const late = await store.tasks.create({ ...base, title: 'Передзвонити', deadline: T0 + 3 * DAY, checkerId: TARAS });
    const early = await store.tasks.create({ ...base, title: 'Надіслати рахунок', deadline: T0 + DAY, subjectRef: PODILLIA });
    const done = await store.tasks.create({ ...base, title: 'Заміряти', deadline: T0, checkerId: TARAS, checkDeadline: T0 + DAY });
    await store.tasks.create({ ...base, authorId: ANDRII, performerId: IRYNA, title: 'Чуже завдання', subjectRef: PODILLIA });
    await store.tasks.accept(late.id);
    await store.tasks.complete(done.id);
    expect((await store.tasks.forPerformer(ANDRII)).map((t) => t.title)).to.deep.equal(['Надіслати рахунок', 'Передзвонити']);
    expect((await store.tasks.forPerformer(ANDRII, { includeClosed: true })).map((t) => t.id)).to.deep.equal([done.id, early.id, late.id]);
    expect((await store.tasks.toCheck(TARAS)).map((t) => t.id)).to.deep.equal([done.id]);
    expect((await store.tasks.byAuthor(OLENA)).map((t) => t.id)).to.deep.equal([early.id, late.id]);
    expect((await store.tasks.byAuthor(OLENA, { includeClosed: true })).map((t) => t.id)).to.deep.equal([done.id, early.id, late.id]);
    expect((await store.tasks.bySubject(PODILLIA)).map((t) => t.title)).to.deep.equal(['Надіслати рахунок', 'Чуже завдання']);
  });

  it('groups tasks into overdue, today, this week and later in local time', () => {
    const at = (day: number, hour: number) => new Date(2025, 2, day, hour, 0).getTime();
    const now = at(12, 10); // Wednesday 12 March 2025, 10:00
    const task = (title: string, deadline: number): Task => ({
      id: title,
      title,
      authorId: OLENA,
      performerId: ANDRII,
      deadline,
      status: 'new',
      redirects: [],
      createdAt: 0,
      updatedAt: 0,
    });
    const tasks = [
      task('наступного понеділка', at(17, 9)),
      task('у неділю ввечері', at(16, 23)),
      task('вчора', at(11, 18)),
      task('сьогодні вранці', at(12, 9)),
      task('сьогодні ввечері', at(12, 18)),
      task('у п’ятницю', at(14, 12)),
    ];
    const titles = (list: Task[]) => list.map((t) => t.title);
    const groups = groupTasksByDeadline(tasks, now);
    expect(titles(groups.overdue)).to.deep.equal(['вчора', 'сьогодні вранці']);
    expect(titles(groups.today)).to.deep.equal(['сьогодні ввечері']);
    expect(titles(groups.thisWeek)).to.deep.equal(['у п’ятницю', 'у неділю ввечері']);
    expect(titles(groups.later)).to.deep.equal(['наступного понеділка']);
    const sunday = groupTasksByDeadline(tasks, at(16, 8));
    expect(titles(sunday.today)).to.deep.equal(['у неділю ввечері']);
    expect(sunday.thisWeek).to.deep.equal([]);
  });

  it('groups tasks by author and by subject', () => {
    const task = (id: string, authorId: string, deadline: number, subject?: { type: 'lead' | 'counterparty'; id: string }): Task => ({
      id,
      title: id,
      authorId,
      performerId: ANDRII,
      deadline,
      status: 'new',
      redirects: [],
      ...(subject ? { subjectType: subject.type, subjectId: subject.id } : {}),
      createdAt: 0,
      updatedAt: 0,
    });
    const tasks = [task('a', OLENA, 3, PODILLIA), task('b', ANDRII, 1), task('c', OLENA, 2, MARIA), task('d', OLENA, 4, PODILLIA)];
    expect(groupTasksByAuthor(tasks).map((g) => [g.authorId, g.tasks.map((t) => t.id)])).to.deep.equal([
      [ANDRII, ['b']],
      [OLENA, ['c', 'a', 'd']],
    ]);
    expect(groupTasksBySubject(tasks).map((g) => [g.subject, g.tasks.map((t) => t.id)])).to.deep.equal([
      [MARIA, ['c']],
      [PODILLIA, ['a', 'd']],
      [undefined, ['b']],
    ]);
  });

  it('moves a lead’s tasks to the counterparty (reassignTasks)', async () => {
    const { store, db } = await harness();
    const task = await store.tasks.create({ ...base, subjectRef: MARIA });
    const ctx = createStoreContext(db, { now: () => T0 + HOUR });
    expect(await ctx.write([db.tasks], () => reassignTasks(ctx, MARIA, PODILLIA))).to.equal(1);
    expect(await store.tasks.bySubject(MARIA)).to.deep.equal([]);
    expect(await db.tasks.get(task.id)).to.deep.include({ subjectType: 'counterparty', subjectId: PODILLIA.id, updatedAt: T0 + HOUR });
  });
});

describe('tasks.between', () => {
  afterEach(deleteTestStores);

  it('reads the tasks due in a period, of everyone or of one performer, by deadline — for calendars', async () => {
    const { store } = await harness();
    const late = await store.tasks.create({ ...base, title: 'Надіслати рахунок', deadline: T0 + 3 * DAY });
    const early = await store.tasks.create({ ...base, title: 'Передзвонити', deadline: T0 + DAY });
    const irynas = await store.tasks.create({ ...base, title: 'Замовити фурнітуру', performerId: IRYNA, deadline: T0 + 2 * DAY });
    await store.tasks.create({ ...base, title: 'Наступного тижня', deadline: T0 + 9 * DAY });
    expect((await store.tasks.between(T0, T0 + 7 * DAY)).map((t) => t.id)).to.deep.equal([early.id, irynas.id, late.id]);
    expect((await store.tasks.between(T0, T0 + 7 * DAY, { performerId: ANDRII })).map((t) => t.id)).to.deep.equal([early.id, late.id]);
    expect(await store.tasks.between(T0 + 3 * DAY + 1, T0 + 4 * DAY)).to.deep.equal([]);
  });
});
