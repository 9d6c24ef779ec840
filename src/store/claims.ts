/**
 * F1 claims (претензії): a customer's complaint, its action plan of steps with
 * owners and deadlines, and its resolution. A claim is `open` until it has a
 * plan, `in-progress` while steps are worked on, and closed once `resolved`
 * or `rejected`; a closed claim refuses changes.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { CrmError, notFound } from './errors.js';
import type { CrmStore } from './store.js';
import type { Claim, ClaimStep, Id, Instant } from './types.js';
import { id, instant, optionalId, optionalText, parseInput, requiredText } from './validation.js';

const stepSchema = v.object({
  title: requiredText(200),
  ownerId: optionalId,
  deadline: v.optional(instant),
});

const createSchema = v.object({
  counterpartyId: id,
  reason: requiredText(200),
  description: optionalText(4000),
  orderId: optionalId,
  dealId: optionalId,
  steps: v.optional(v.array(stepSchema, 'error.invalid'), () => []),
});

const updateSchema = v.object({
  reason: v.optional(requiredText(200)),
  description: v.nullish(v.pipe(v.string('error.invalid'), v.trim(), v.maxLength(4000, 'error.tooLong'))),
});

const resolutionSchema = v.object({
  resolution: v.pipe(v.optional(v.string('error.required'), ''), v.trim(), v.nonEmpty('error.required'), v.maxLength(4000, 'error.tooLong')),
});

export interface ClaimStepInput {
  title: string;
  ownerId?: Id;
  deadline?: Instant;
}

export interface CreateClaimInput {
  counterpartyId: Id;
  reason: string;
  description?: string;
  orderId?: Id;
  dealId?: Id;
  /** The action plan, if already known. */
  steps?: ClaimStepInput[];
}

/** Customer claims and their action plans (F1). */
export interface ClaimsRepository {
  /**
   * Registers a claim (`open`, or `in-progress` when `steps` are given).
   * Refuses: no reason (`VALIDATION`, `reason`); a missing counterparty, order
   * or deal (`NOT_FOUND`, `counterpartyId` / `orderId` / `dealId`).
   */
  create(input: CreateClaimInput): Promise<Claim>;
  /** Changes reason or description (`null` clears it). `INVALID_STATE` (`error.claimClosed`) once closed; `NOT_FOUND` (`claimId`). */
  update(claimId: Id, patch: { reason?: string; description?: string | null }): Promise<Claim>;
  /**
   * Adds a step to the action plan; an `open` claim becomes `in-progress`.
   * Refuses: no title (`VALIDATION`, `title`); a closed claim
   * (`INVALID_STATE`, `claimId`, `error.claimClosed`); `NOT_FOUND` (`claimId`).
   */
  addStep(claimId: Id, step: ClaimStepInput): Promise<Claim>;
  /**
   * Marks a step done (`doneAt` now; a done step stays as it was).
   * Refuses: a closed claim (`INVALID_STATE`, `error.claimClosed`); a missing
   * claim or step (`NOT_FOUND`, `claimId` / `stepId`).
   */
  completeStep(claimId: Id, stepId: Id): Promise<Claim>;
  /** Closes the claim as resolved with a resolution text (`VALIDATION`, `resolution`). `INVALID_STATE` (`error.claimClosed`) if closed. */
  resolve(claimId: Id, input: { resolution: string }): Promise<Claim>;
  /** Closes the claim as rejected (unfounded) with a resolution text. Same refusals as `resolve`. */
  reject(claimId: Id, input: { resolution: string }): Promise<Claim>;
  /** One claim, or `undefined`. Live-query safe. */
  get(claimId: Id): Promise<Claim | undefined>;
  /** Open and in-progress claims, oldest first. Live-query safe. */
  open(): Promise<Claim[]>;
  /** A counterparty's claims, newest first. Live-query safe. */
  forCounterparty(counterpartyId: Id): Promise<Claim[]>;
}

const isClosed = (claim: Claim) => claim.status === 'resolved' || claim.status === 'rejected';

export function createClaimsRepository(ctx: StoreContext, _store: CrmStore): ClaimsRepository {
  const { db } = ctx;

  /** Reads the claim inside a transaction, refusing a missing or closed one. */
  async function requireOpenClaim(claimId: Id): Promise<Claim> {
    const claim = await db.claims.get(claimId);
    if (!claim) throw notFound('claimId', claimId);
    if (isClosed(claim)) throw new CrmError('INVALID_STATE', 'error.claimClosed', { field: 'claimId' });
    return claim;
  }

  /** Each step's owner must be a user (`NOT_FOUND`, field `steps.N.ownerId` or `ownerId`). */
  async function requireOwners(steps: ReadonlyArray<{ ownerId?: Id | undefined }>, prefix: string): Promise<void> {
    for (const [index, step] of steps.entries()) {
      if (step.ownerId !== undefined && !(await db.users.get(step.ownerId)))
        throw notFound(prefix ? `${prefix}${index}.ownerId` : 'ownerId', step.ownerId);
    }
  }

  const newStep = (step: v.InferOutput<typeof stepSchema>): ClaimStep => ({
    id: ctx.newId(),
    title: step.title,
    ...(step.ownerId !== undefined ? { ownerId: step.ownerId } : {}),
    ...(step.deadline !== undefined ? { deadline: step.deadline } : {}),
  });

  async function close(claimId: Id, input: { resolution: string }, status: 'resolved' | 'rejected'): Promise<Claim> {
    const { resolution } = parseInput(resolutionSchema, input ?? {});
    return ctx.write([db.claims], async () => {
      const claim = await requireOpenClaim(claimId);
      const now = ctx.now();
      const closed: Claim = { ...claim, status, resolution, resolvedAt: now, updatedAt: now };
      await db.claims.put(closed);
      return closed;
    });
  }

  return {
    async create(input) {
      const parsed = parseInput(createSchema, input);
      return ctx.write([db.claims, db.counterparties, db.orders, db.deals, db.users], async () => {
        if (!(await db.counterparties.get(parsed.counterpartyId))) throw notFound('counterpartyId', parsed.counterpartyId);
        await requireOwners(parsed.steps, 'steps.');
        if (parsed.orderId !== undefined && !(await db.orders.get(parsed.orderId))) throw notFound('orderId', parsed.orderId);
        if (parsed.dealId !== undefined && !(await db.deals.get(parsed.dealId))) throw notFound('dealId', parsed.dealId);
        const now = ctx.now();
        const steps = parsed.steps.map(newStep);
        const claim: Claim = {
          id: ctx.newId(),
          counterpartyId: parsed.counterpartyId,
          reason: parsed.reason,
          status: steps.length ? 'in-progress' : 'open',
          steps,
          createdAt: now,
          updatedAt: now,
        };
        if (parsed.description !== undefined) claim.description = parsed.description;
        if (parsed.orderId !== undefined) claim.orderId = parsed.orderId;
        if (parsed.dealId !== undefined) claim.dealId = parsed.dealId;
        await db.claims.add(claim);
        return claim;
      });
    },

    async update(claimId, patch) {
      const parsed = parseInput(updateSchema, patch ?? {});
      return ctx.write([db.claims], async () => {
        const claim = await requireOpenClaim(claimId);
        const updated: Claim = { ...claim, updatedAt: ctx.now() };
        if (parsed.reason !== undefined) updated.reason = parsed.reason;
        if (parsed.description === null || parsed.description === '') delete updated.description;
        else if (parsed.description !== undefined) updated.description = parsed.description;
        await db.claims.put(updated);
        return updated;
      });
    },

    async addStep(claimId, step) {
      const parsed = parseInput(stepSchema, step);
      return ctx.write([db.claims, db.users], async () => {
        const claim = await requireOpenClaim(claimId);
        await requireOwners([parsed], '');
        const updated: Claim = {
          ...claim,
          status: 'in-progress',
          steps: [...claim.steps, newStep(parsed)],
          updatedAt: ctx.now(),
        };
        await db.claims.put(updated);
        return updated;
      });
    },

    async completeStep(claimId, stepId) {
      return ctx.write([db.claims], async () => {
        const claim = await requireOpenClaim(claimId);
        const step = claim.steps.find((candidate) => candidate.id === stepId);
        if (!step) throw notFound('stepId', stepId);
        if (step.doneAt !== undefined) return claim;
        const now = ctx.now();
        const updated: Claim = {
          ...claim,
          status: 'in-progress',
          steps: claim.steps.map((candidate) => (candidate.id === stepId ? { ...candidate, doneAt: now } : candidate)),
          updatedAt: now,
        };
        await db.claims.put(updated);
        return updated;
      });
    },

    resolve: (claimId, input) => close(claimId, input, 'resolved'),
    reject: (claimId, input) => close(claimId, input, 'rejected'),

    get: (claimId) => db.claims.get(claimId),

    async open() {
      const claims = await db.claims.where('status').anyOf('open', 'in-progress').toArray();
      return claims.sort((a, b) => a.createdAt - b.createdAt);
    },

    async forCounterparty(counterpartyId) {
      const claims = await db.claims.where('counterpartyId').equals(counterpartyId).toArray();
      return claims.sort((a, b) => b.createdAt - a.createdAt);
    },
  };
}
