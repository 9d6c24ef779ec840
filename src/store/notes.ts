/**
 * C2 notes (нотатки): free text, optionally about a subject, optionally with a
 * reminder (a `reminders` row with `targetType: 'note'`, written in the same
 * transaction as the note).
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { notFound } from './errors.js';
import { assertRefsExist, refTables, subjectRefSchema, type RefCheck } from './interactions.js';
import { deleteTargetReminders, retextTargetReminders, setTargetReminder } from './reminders.js';
import type { CrmStore } from './store.js';
import type { Id, Instant, Note, SubjectRef } from './types.js';
import { id as idSchema, instant, optionalId, parseInput, requiredText } from './validation.js';

/** What `create` takes. */
export interface CreateNoteInput {
  /** Up to 10 000 characters. */
  text: string;
  authorId?: Id;
  /** What the note is about: a lead, counterparty, deal… Must exist. */
  subjectRef?: SubjectRef;
  /** When to remind (creates a reminder). */
  remindAt?: Instant;
}

/** What `update` takes: only the fields to change; `remindAt: null` removes the reminder. */
export interface UpdateNoteInput {
  text?: string;
  remindAt?: Instant | null;
}

/** Writes and reads notes (C2). */
export interface NotesRepository {
  /**
   * Writes a note; with `remindAt`, its reminder too.
   * Refuses: bad input (`VALIDATION`: `text` `error.required` / `error.tooLong`,
   * `remindAt` `error.date`); an author or subject that does not exist
   * (`NOT_FOUND`, field `authorId` / `subjectRef.id`).
   */
  create(input: CreateNoteInput): Promise<Note>;
  /**
   * Changes the text and/or the reminder time (`null` removes the reminder;
   * a new time makes the reminder pending again).
   * Refuses: unknown id (`NOT_FOUND`, field `id`); bad input (`VALIDATION`).
   */
  update(id: Id, input: UpdateNoteInput): Promise<Note>;
  /** Deletes a note and every reminder of it. Refuses an unknown id (`NOT_FOUND`, field `id`). */
  remove(id: Id): Promise<void>;

  /** One note, or `undefined`. Usable inside `liveQuery`. */
  get(id: Id): Promise<Note | undefined>;
  /** Notes about a subject, newest first. Usable inside `liveQuery`. */
  bySubject(ref: SubjectRef): Promise<Note[]>;
  /** Notes of an author ("my notes", C3), newest first. Usable inside `liveQuery`. */
  byAuthor(userId: Id): Promise<Note[]>;
}

const createSchema = v.object({
  text: requiredText(10_000),
  authorId: optionalId,
  subjectRef: v.optional(subjectRefSchema),
  remindAt: v.optional(instant),
});

const updateSchema = v.object({
  text: v.optional(requiredText(10_000)),
  remindAt: v.optional(v.nullable(instant)),
});

const newestFirst = (a: Note, b: Note) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Moves every note about `from` to `to` (a lead's notes on conversion, A4).
 * Call inside a transaction that includes `notes`. Returns how many moved.
 */
export async function reassignNotes(ctx: StoreContext, from: SubjectRef, to: SubjectRef): Promise<number> {
  return ctx.db.notes
    .where('[subjectType+subjectId]')
    .equals([from.type, from.id])
    .modify({ subjectType: to.type, subjectId: to.id, updatedAt: ctx.now() });
}

export function createNotesRepository(ctx: StoreContext, _store: CrmStore): NotesRepository {
  const { db } = ctx;

  return {
    async create(input) {
      const parsed = parseInput(createSchema, input);
      const checks: RefCheck[] = [];
      if (parsed.authorId !== undefined) checks.push({ field: 'authorId', kind: 'user', id: parsed.authorId });
      if (parsed.subjectRef) checks.push({ field: 'subjectRef.id', kind: parsed.subjectRef.type, id: parsed.subjectRef.id });
      return ctx.write([db.notes, db.reminders, ...refTables(db, checks)], async () => {
        await assertRefsExist(ctx, checks);
        const now = ctx.now();
        const note: Note = {
          id: ctx.newId(),
          text: parsed.text,
          ...(parsed.authorId !== undefined ? { authorId: parsed.authorId } : {}),
          ...(parsed.subjectRef ? { subjectType: parsed.subjectRef.type, subjectId: parsed.subjectRef.id } : {}),
          ...(parsed.remindAt !== undefined ? { remindAt: parsed.remindAt } : {}),
          createdAt: now,
          updatedAt: now,
        };
        await db.notes.add(note);
        if (note.remindAt !== undefined) {
          await setTargetReminder(ctx, 'note', note.id, { dueAt: note.remindAt, text: note.text, userId: note.authorId });
        }
        return note;
      });
    },

    async update(noteId, input) {
      const key = parseInput(idSchema, noteId, 'id');
      const parsed = parseInput(updateSchema, input);
      return ctx.write([db.notes, db.reminders], async () => {
        const note = await db.notes.get(key);
        if (!note) throw notFound('id', key);
        const { remindAt: oldRemindAt, ...rest } = note;
        const remindAt = parsed.remindAt === null ? undefined : (parsed.remindAt ?? oldRemindAt);
        const next: Note = {
          ...rest,
          text: parsed.text ?? note.text,
          ...(remindAt !== undefined ? { remindAt } : {}),
          updatedAt: ctx.now(),
        };
        await db.notes.put(next);
        if (parsed.remindAt !== undefined) {
          await setTargetReminder(ctx, 'note', key, { dueAt: remindAt, text: next.text, userId: next.authorId });
        } else if (parsed.text !== undefined) {
          await retextTargetReminders(ctx, 'note', key, next.text);
        }
        return next;
      });
    },

    async remove(noteId) {
      const key = parseInput(idSchema, noteId, 'id');
      await ctx.write([db.notes, db.reminders], async () => {
        if (!(await db.notes.get(key))) throw notFound('id', key);
        await db.notes.delete(key);
        await deleteTargetReminders(ctx, 'note', key);
      });
    },

    get: (noteId) => db.notes.get(noteId),

    async bySubject(ref) {
      const subject = parseInput(subjectRefSchema, ref, 'ref');
      const notes = await db.notes.where('[subjectType+subjectId]').equals([subject.type, subject.id]).toArray();
      return notes.sort(newestFirst);
    },

    async byAuthor(userId) {
      const notes = await db.notes.where('authorId').equals(userId).toArray();
      return notes.sort(newestFirst);
    },
  };
}
