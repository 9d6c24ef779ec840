/**
 * C1 tasks (завдання): an author gives work to a performer with a deadline,
 * optionally with a checker who checks it by their own deadline. States:
 * `new → accepted → done → checked`; `new`/`accepted` may be redirected to
 * another performer (back to `new`, history kept in `redirects`) or cancelled.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { CrmError, notFound } from './errors.js';
import { assertRefsExist, refTables, subjectRefSchema, type RefCheck } from './interactions.js';
import type { CrmStore } from './store.js';
import type { Id, Instant, SubjectRef, Task, TaskRedirect, TaskStatus } from './types.js';
import { id as idSchema, instant, optionalId, optionalText, parseInput, requiredText } from './validation.js';

/** What `create` takes. */
export interface CreateTaskInput {
  /** Up to 200 characters. */
  title: string;
  /** Up to 5 000 characters. */
  description?: string;
  authorId: Id;
  performerId: Id;
  deadline: Instant;
  /** Who checks the finished task; required with `checkDeadline`. */
  checkerId?: Id;
  /** The checker's deadline; not before `deadline`. */
  checkDeadline?: Instant;
  /** What the task is about: a lead, counterparty, deal, claim… Must exist. */
  subjectRef?: SubjectRef;
}

/** What `redirect` takes. */
export interface RedirectTaskInput {
  toPerformerId: Id;
  /** Who redirected it. */
  byUserId?: Id;
  /** Why, up to 1 000 characters. */
  comment?: string;
}

/** Statuses in which a task still waits for its performer. */
export const openTaskStatuses = ['new', 'accepted'] as const satisfies readonly TaskStatus[];
const allStatuses: readonly TaskStatus[] = ['new', 'accepted', 'done', 'checked', 'redirected', 'cancelled'];

/** Tasks sorted into deadline groups (local time, weeks start on Monday); each group earliest deadline first. */
export interface TasksByDeadline {
  /** Deadline before now. */
  overdue: Task[];
  /** From now to the end of today. */
  today: Task[];
  /** Tomorrow to the end of Sunday. */
  thisWeek: Task[];
  later: Task[];
}

const byDeadline = (a: Task, b: Task) => a.deadline - b.deadline || a.createdAt - b.createdAt;

/**
 * Sorts tasks into overdue / today / this week / later by deadline, in the
 * local time zone, weeks starting on Monday. Pure.
 */
export function groupTasksByDeadline(tasks: readonly Task[], now: Instant): TasksByDeadline {
  const endOfToday = new Date(now);
  endOfToday.setHours(24, 0, 0, 0);
  const endOfWeek = new Date(endOfToday);
  const daysToMonday = (8 - endOfToday.getDay()) % 7;
  endOfWeek.setDate(endOfWeek.getDate() + daysToMonday);
  const groups: TasksByDeadline = { overdue: [], today: [], thisWeek: [], later: [] };
  for (const task of [...tasks].sort(byDeadline)) {
    if (task.deadline < now) groups.overdue.push(task);
    else if (task.deadline < endOfToday.getTime()) groups.today.push(task);
    else if (task.deadline < endOfWeek.getTime()) groups.thisWeek.push(task);
    else groups.later.push(task);
  }
  return groups;
}

/** Tasks grouped by author, in the order each author first appears (earliest deadline first). Pure. */
export function groupTasksByAuthor(tasks: readonly Task[]): Array<{ authorId: Id; tasks: Task[] }> {
  const groups = new Map<Id, Task[]>();
  for (const task of [...tasks].sort(byDeadline)) {
    const list = groups.get(task.authorId);
    if (list) list.push(task);
    else groups.set(task.authorId, [task]);
  }
  return [...groups].map(([authorId, list]) => ({ authorId, tasks: list }));
}

/** Tasks grouped by subject (tasks without one last, `subject` undefined), earliest deadline first. Pure. */
export function groupTasksBySubject(tasks: readonly Task[]): Array<{ subject?: SubjectRef; tasks: Task[] }> {
  const groups = new Map<string, { subject?: SubjectRef; tasks: Task[] }>();
  for (const task of [...tasks].sort(byDeadline)) {
    const subject = task.subjectType && task.subjectId ? { type: task.subjectType, id: task.subjectId } : undefined;
    const key = subject ? `${subject.type}:${subject.id}` : '';
    const group = groups.get(key);
    if (group) group.tasks.push(task);
    else groups.set(key, { ...(subject ? { subject } : {}), tasks: [task] });
  }
  const none = groups.get('');
  groups.delete('');
  return [...groups.values(), ...(none ? [none] : [])];
}

/**
 * Moves every task about `from` to `to` (a lead's tasks on conversion, A4).
 * Call inside a transaction that includes `tasks`. Returns how many moved.
 */
export async function reassignTasks(ctx: StoreContext, from: SubjectRef, to: SubjectRef): Promise<number> {
  return ctx.db.tasks
    .where('[subjectType+subjectId]')
    .equals([from.type, from.id])
    .modify({ subjectType: to.type, subjectId: to.id, updatedAt: ctx.now() });
}

/** Creates tasks and moves them through their states (C1). */
export interface TasksRepository {
  /**
   * Creates a task in status `new`.
   * Refuses: bad input (`VALIDATION`: `title`, `deadline`…; `checkerId`
   * `error.required` when a check deadline has no checker; `checkDeadline`
   * `error.timeRange` when it is before the deadline); an author, performer,
   * checker or subject that does not exist (`NOT_FOUND`, field `authorId`,
   * `performerId`, `checkerId`, `subjectRef.id`).
   */
  create(input: CreateTaskInput): Promise<Task>;
  /** `new → accepted`. Refuses: unknown id (`NOT_FOUND`); any other state (`INVALID_STATE` `error.invalidTransition`, field `status`). */
  accept(id: Id): Promise<Task>;
  /** `accepted → done` (or straight from `new`). Refuses: unknown id (`NOT_FOUND`); any other state (`INVALID_STATE`, field `status`). */
  complete(id: Id): Promise<Task>;
  /**
   * `done → checked` by the checker. Refuses: unknown id (`NOT_FOUND`); not
   * done or no checker set (`INVALID_STATE`, field `status`); `userId` not the
   * checker (`VALIDATION` `error.notChecker`, field `userId`).
   */
  check(id: Id, input: { userId: Id }): Promise<Task>;
  /**
   * Gives a `new` or `accepted` task to another performer: appends to
   * `redirects`, status back to `new`. Refuses: unknown id (`NOT_FOUND`
   * `id`); unknown performer or user (`NOT_FOUND` `toPerformerId` /
   * `byUserId`); the same performer (`VALIDATION` `toPerformerId`); another
   * state (`INVALID_STATE`, field `status`).
   */
  redirect(id: Id, input: RedirectTaskInput): Promise<Task>;
  /** `new`/`accepted → cancelled`. Refuses: unknown id (`NOT_FOUND`); another state (`INVALID_STATE`, field `status`). */
  cancel(id: Id): Promise<Task>;

  /** One task, or `undefined`. Usable inside `liveQuery`. */
  get(id: Id): Promise<Task | undefined>;
  /**
   * "My tasks": the open (`new`, `accepted`) tasks of a performer, or all of
   * theirs with `includeClosed`; earliest deadline first. Usable inside `liveQuery`.
   */
  forPerformer(userId: Id, options?: { includeClosed?: boolean }): Promise<Task[]>;
  /** Tasks with a deadline in `[from, to)`, of everyone or one performer, by deadline: for calendars (G3). */
  between(from: Instant, to: Instant, options?: { performerId?: Id }): Promise<Task[]>;
  /** Done tasks waiting for this checker, earliest check deadline first. Usable inside `liveQuery`. */
  toCheck(userId: Id): Promise<Task[]>;
  /** Tasks an author gave (open ones, or all with `includeClosed`), earliest deadline first. Usable inside `liveQuery`. */
  byAuthor(userId: Id, options?: { includeClosed?: boolean }): Promise<Task[]>;
  /** Every task about a subject, earliest deadline first. Usable inside `liveQuery`. */
  bySubject(ref: SubjectRef): Promise<Task[]>;
  /** See `groupTasksByDeadline`. Pure. */
  groupByDeadline(tasks: readonly Task[], now: Instant): TasksByDeadline;
  /** See `groupTasksByAuthor`. Pure. */
  groupByAuthor(tasks: readonly Task[]): Array<{ authorId: Id; tasks: Task[] }>;
  /** See `groupTasksBySubject`. Pure. */
  groupBySubject(tasks: readonly Task[]): Array<{ subject?: SubjectRef; tasks: Task[] }>;
}

const createSchema = v.pipe(
  v.object({
    title: requiredText(200),
    description: optionalText(5000),
    authorId: idSchema,
    performerId: idSchema,
    deadline: instant,
    checkerId: optionalId,
    checkDeadline: v.optional(instant),
    subjectRef: v.optional(subjectRefSchema),
  }),
  v.forward(
    v.check((input) => input.checkDeadline === undefined || input.checkerId !== undefined, 'error.required'),
    ['checkerId'],
  ),
  v.forward(
    v.check((input) => input.checkDeadline === undefined || input.checkDeadline >= input.deadline, 'error.timeRange'),
    ['checkDeadline'],
  ),
);

const redirectSchema = v.object({ toPerformerId: idSchema, byUserId: optionalId, comment: optionalText(1000) });
const checkSchema = v.object({ userId: idSchema });
const betweenOptions = v.optional(v.object({ performerId: optionalId }), {});
const listOptions = v.optional(v.object({ includeClosed: v.optional(v.boolean('error.invalid'), false) }), {});

function invalidTransition(): CrmError {
  return new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'status' });
}

export function createTasksRepository(ctx: StoreContext, _store: CrmStore): TasksRepository {
  const { db } = ctx;

  /** Loads a task in one of `from`, applies `change`, writes it; `checks` are verified first. */
  async function transition(
    taskId: Id,
    from: readonly TaskStatus[],
    change: (task: Task, now: Instant) => Task,
    checks: RefCheck[] = [],
  ): Promise<Task> {
    const key = parseInput(idSchema, taskId, 'id');
    return ctx.write([db.tasks, ...refTables(db, checks)], async () => {
      const task = await db.tasks.get(key);
      if (!task) throw notFound('id', key);
      if (!from.includes(task.status)) throw invalidTransition();
      await assertRefsExist(ctx, checks);
      const next = change(task, ctx.now());
      await db.tasks.put(next);
      return next;
    });
  }

  return {
    async create(input) {
      const parsed = parseInput(createSchema, input);
      const checks: RefCheck[] = [
        { field: 'authorId', kind: 'user', id: parsed.authorId },
        { field: 'performerId', kind: 'user', id: parsed.performerId },
      ];
      if (parsed.checkerId !== undefined) checks.push({ field: 'checkerId', kind: 'user', id: parsed.checkerId });
      if (parsed.subjectRef) checks.push({ field: 'subjectRef.id', kind: parsed.subjectRef.type, id: parsed.subjectRef.id });
      return ctx.write([db.tasks, ...refTables(db, checks)], async () => {
        await assertRefsExist(ctx, checks);
        const now = ctx.now();
        const task: Task = {
          id: ctx.newId(),
          title: parsed.title,
          ...(parsed.description !== undefined ? { description: parsed.description } : {}),
          authorId: parsed.authorId,
          performerId: parsed.performerId,
          deadline: parsed.deadline,
          ...(parsed.checkerId !== undefined ? { checkerId: parsed.checkerId } : {}),
          ...(parsed.checkDeadline !== undefined ? { checkDeadline: parsed.checkDeadline } : {}),
          status: 'new',
          ...(parsed.subjectRef ? { subjectType: parsed.subjectRef.type, subjectId: parsed.subjectRef.id } : {}),
          redirects: [],
          createdAt: now,
          updatedAt: now,
        };
        await db.tasks.add(task);
        return task;
      });
    },

    accept: (taskId) => transition(taskId, ['new'], (task, now) => ({ ...task, status: 'accepted', acceptedAt: now, updatedAt: now })),

    complete: (taskId) =>
      transition(taskId, ['new', 'accepted'], (task, now) => ({ ...task, status: 'done', doneAt: now, updatedAt: now })),

    async check(taskId, input) {
      const { userId } = parseInput(checkSchema, input);
      return transition(taskId, ['done'], (task, now) => {
        if (task.checkerId === undefined) throw invalidTransition();
        if (task.checkerId !== userId) throw new CrmError('VALIDATION', 'error.notChecker', { field: 'userId' });
        return { ...task, status: 'checked', checkedAt: now, updatedAt: now };
      });
    },

    async redirect(taskId, input) {
      const parsed = parseInput(redirectSchema, input);
      const checks: RefCheck[] = [{ field: 'toPerformerId', kind: 'user', id: parsed.toPerformerId }];
      if (parsed.byUserId !== undefined) checks.push({ field: 'byUserId', kind: 'user', id: parsed.byUserId });
      return transition(
        taskId,
        openTaskStatuses,
        (task, now) => {
          if (task.performerId === parsed.toPerformerId) throw new CrmError('VALIDATION', 'error.invalid', { field: 'toPerformerId' });
          const entry: TaskRedirect = {
            at: now,
            fromPerformerId: task.performerId,
            toPerformerId: parsed.toPerformerId,
            ...(parsed.byUserId !== undefined ? { byUserId: parsed.byUserId } : {}),
            ...(parsed.comment !== undefined ? { comment: parsed.comment } : {}),
          };
          const next: Task = { ...task, performerId: parsed.toPerformerId, status: 'new', redirects: [...task.redirects, entry], updatedAt: now };
          delete next.acceptedAt;
          return next;
        },
        checks,
      );
    },

    cancel: (taskId) => transition(taskId, openTaskStatuses, (task, now) => ({ ...task, status: 'cancelled', updatedAt: now })),

    get: (taskId) => db.tasks.get(taskId),

    async forPerformer(userId, options) {
      const { includeClosed } = parseInput(listOptions, options);
      const statuses = includeClosed ? allStatuses : openTaskStatuses;
      const tasks = await db.tasks
        .where('[performerId+status]')
        .anyOf(statuses.map((status) => [userId, status]))
        .toArray();
      return tasks.sort(byDeadline);
    },

    async between(from, to, options = {}) {
      const { performerId } = parseInput(betweenOptions, options);
      const tasks =
        performerId !== undefined
          ? await db.tasks.where('[performerId+deadline]').between([performerId, from], [performerId, to], true, false).toArray()
          : await db.tasks.where('deadline').between(from, to, true, false).toArray();
      return tasks.sort(byDeadline);
    },

    async toCheck(userId) {
      const tasks = await db.tasks
        .where('checkerId')
        .equals(userId)
        .filter((task) => task.status === 'done')
        .toArray();
      return tasks.sort((a, b) => (a.checkDeadline ?? a.deadline) - (b.checkDeadline ?? b.deadline) || a.createdAt - b.createdAt);
    },

    async byAuthor(userId, options) {
      const { includeClosed } = parseInput(listOptions, options);
      const open = new Set<TaskStatus>(openTaskStatuses);
      const tasks = await db.tasks
        .where('authorId')
        .equals(userId)
        .filter((task) => includeClosed || open.has(task.status))
        .toArray();
      return tasks.sort(byDeadline);
    },

    async bySubject(ref) {
      const subject = parseInput(subjectRefSchema, ref, 'ref');
      const tasks = await db.tasks.where('[subjectType+subjectId]').equals([subject.type, subject.id]).toArray();
      return tasks.sort(byDeadline);
    },

    groupByDeadline: groupTasksByDeadline,
    groupByAuthor: groupTasksByAuthor,
    groupBySubject: groupTasksBySubject,
  };
}
