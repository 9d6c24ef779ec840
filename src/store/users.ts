/**
 * J1 users: the managers, specialists and administrators of the business —
 * whom clients, deals and tasks are assigned to.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { CrmError } from './errors.js';
import { byName, mustGet, optionalOf, setFlag, withoutUndefined, type Patch } from './records.js';
import type { CrmStore } from './store.js';
import type { Id, User, UserRole } from './types.js';
import { email, parseInput, phone, requiredText } from './validation.js';

/** What `users.create` takes. */
export interface UserInput {
  name: string;
  /** At least one of `manager`, `specialist`, `admin`. */
  roles: UserRole[];
  email?: string | undefined;
  /** Any common writing; stored E.164. */
  phone?: string | undefined;
}

/** Filters of `users.list`. */
export interface UserFilter {
  /** Only users with this role. */
  role?: UserRole;
  /** Only active users. */
  activeOnly?: boolean;
}

const userRoles = ['manager', 'specialist', 'admin'] as const satisfies readonly UserRole[];

const userSchema = v.object(
  {
    name: requiredText(120),
    roles: v.pipe(
      v.array(v.picklist(userRoles, 'error.invalid'), 'error.required'),
      v.transform((roles) => [...new Set(roles)]),
      v.minLength(1, 'error.required'),
    ),
    email: optionalOf(email),
    phone: optionalOf(phone),
  },
  'error.required',
);

/** The users of the CRM (J1). */
export interface UsersRepository {
  /**
   * Adds an active user. Refuses `VALIDATION`: `name` (empty or over 120
   * characters), `roles` (none, or `roles.N` not a known role), `email`, `phone`.
   */
  create(input: UserInput): Promise<User>;
  /**
   * Changes the given fields (`null` or `''` clears e-mail or phone) with the
   * rules of `create`. Refuses those, and `NOT_FOUND` (field `id`).
   */
  update(id: Id, patch: Patch<UserInput>): Promise<User>;
  /** Marks the user inactive: kept on their records, no longer offered for assignment. Refuses `NOT_FOUND`. */
  deactivate(id: Id): Promise<User>;
  /** Makes an inactive user active again. Refuses `NOT_FOUND`. */
  activate(id: Id): Promise<User>;
  /** The user, or `undefined`. */
  get(id: Id): Promise<User | undefined>;
  /** Users sorted by name, optionally only those with a role and/or only active ones. */
  list(filter?: UserFilter): Promise<User[]>;
}

export function createUsersRepository(ctx: StoreContext, _store: CrmStore): UsersRepository {
  const { db } = ctx;

  return {
    async create(input) {
      const parsed = parseInput(userSchema, input);
      return ctx.write([db.users], async () => {
        const now = ctx.now();
        const record: User = withoutUndefined({ id: ctx.newId(), ...parsed, active: 1, createdAt: now, updatedAt: now });
        await db.users.add(record);
        return record;
      });
    },

    async update(userId, patch) {
      if (!patch || typeof patch !== 'object') throw new CrmError('VALIDATION', 'error.invalid');
      return ctx.write([db.users], async () => {
        const current = await mustGet(db.users, userId, 'id');
        const { name, roles, email: e, phone: p } = current;
        const parsed = parseInput(userSchema, { name, roles, email: e, phone: p, ...withoutUndefined(patch) });
        const record: User = withoutUndefined({
          id: current.id,
          ...parsed,
          active: current.active,
          createdAt: current.createdAt,
          updatedAt: ctx.now(),
        });
        await db.users.put(record);
        return record;
      });
    },

    deactivate: (userId) => setFlag(ctx, db.users, userId, { active: 0 }),
    activate: (userId) => setFlag(ctx, db.users, userId, { active: 1 }),
    get: (userId) => db.users.get(userId),

    async list({ role, activeOnly = false } = {}) {
      const users = role ? await db.users.where('roles').equals(role).toArray() : await db.users.toArray();
      return users.filter((user) => !activeOnly || user.active === 1).sort(byName);
    },
  };
}
