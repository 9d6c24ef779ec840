/**
 * D1 pipelines and their stages. A pipeline is an ordered list of stages; a
 * deal sits in exactly one stage of its pipeline. Removing a stage asks where
 * its deals go, and those deals get a stage-history entry.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { appendStageChange } from './deals.js';
import { CrmError, notFound } from './errors.js';
import type { CrmStore } from './store.js';
import type { Id, Pipeline, Stage } from './types.js';
import { id, parseInput, percent, requiredText } from './validation.js';

/** The eight stages a new pipeline gets when none are given (D1). */
export const defaultStageNames: readonly string[] = Object.freeze([
  'Нова угода',
  'Перший контакт',
  'Кваліфікація',
  'Презентація',
  'Доопрацювання пропозиції',
  'Узгодження умов',
  'Підготовка до виконання',
  'Виконання',
]);

const stageName = requiredText(80);

const createSchema = v.object({
  name: requiredText(120),
  stages: v.optional(v.pipe(v.array(stageName, 'error.invalid'), v.minLength(1, 'error.lastStage'))),
});

const renameSchema = v.object({ name: requiredText(120) });

const addStageSchema = v.object({
  name: stageName,
  position: v.optional(v.pipe(v.number('error.invalid'), v.integer('error.invalid'), v.minValue(0, 'error.invalid'))),
  probability: v.optional(percent),
});

const reorderSchema = v.object({ stageIds: v.array(id, 'error.invalid') });

const removeStageSchema = v.object({ moveDealsTo: v.optional(id) });

export interface CreatePipelineInput {
  name: string;
  /** Stage names in order; the eight stages of D1 when omitted. */
  stages?: string[];
}

export interface AddStageInput {
  name: string;
  /** 0-based position; the end when omitted or past the end. */
  position?: number;
  /** Default win probability at this stage, 0–100. */
  probability?: number;
}

export interface RemoveStageOptions {
  /** A stage of the same pipeline that takes over the removed stage's deals. */
  moveDealsTo?: Id;
}

/** A pipeline with its stages in order. */
export interface PipelineWithStages {
  pipeline: Pipeline;
  stages: Stage[];
}

/** Pipelines and their stages (D1). */
export interface PipelinesRepository {
  /**
   * Creates a pipeline with the given stage names in order, or with the eight
   * default stages of D1 («Нова угода» … «Виконання»).
   * Refuses an empty name or stage name (`VALIDATION`, `name` / `stages.N`),
   * an empty stage list (`VALIDATION`, `stages`, `error.lastStage`) and two
   * stages of one name (`DUPLICATE`, `stages.N`, `error.duplicateName`).
   */
  create(input: CreatePipelineInput): Promise<PipelineWithStages>;
  /** Renames a pipeline. `NOT_FOUND` (`pipelineId`) if it does not exist; `VALIDATION` (`name`). */
  rename(pipelineId: Id, name: string): Promise<Pipeline>;
  /** Archives a pipeline: it leaves `list()`, its deals stay. `NOT_FOUND` (`pipelineId`). */
  archive(pipelineId: Id): Promise<Pipeline>;
  /** Brings an archived pipeline back into `list()`. `NOT_FOUND` (`pipelineId`). */
  restore(pipelineId: Id): Promise<Pipeline>;
  /**
   * Adds a stage at `position` (0-based; the end by default), shifting the
   * stages after it. `NOT_FOUND` (`pipelineId`); `VALIDATION` (`name`,
   * `position`, `probability`); `DUPLICATE` (`name`, `error.duplicateName`)
   * when the pipeline has a stage of that name (case-insensitive).
   */
  addStage(pipelineId: Id, input: AddStageInput): Promise<Stage>;
  /** Renames a stage. `NOT_FOUND` (`stageId`); `VALIDATION` (`name`); `DUPLICATE` (`name`) within its pipeline. */
  renameStage(stageId: Id, name: string): Promise<Stage>;
  /**
   * Puts the pipeline's stages in the order of `stageIds`, which must list
   * exactly that pipeline's stages, each once (`VALIDATION`, `stageIds`,
   * `error.invalid`). `NOT_FOUND` (`pipelineId`). Returns the stages in order.
   */
  reorderStages(pipelineId: Id, stageIds: Id[]): Promise<Stage[]>;
  /**
   * Removes a stage. Its deals (open or closed) move to `moveDealsTo`, each
   * with a stage-history entry. Refuses: the pipeline's only stage
   * (`INVALID_STATE`, `stageId`, `error.lastStage`); a stage with deals and no
   * target (`INVALID_STATE`, `moveDealsTo`, `error.stageHasDeals`); a target in
   * another pipeline or the stage itself (`CONFLICT`, `moveDealsTo`,
   * `error.stageNotInPipeline`); a missing stage or target (`NOT_FOUND`).
   * Returns the pipeline's remaining stages in order.
   */
  removeStage(stageId: Id, options?: RemoveStageOptions): Promise<Stage[]>;
  /** Pipelines, oldest first; archived ones only with `includeArchived`. Live-query safe. */
  list(options?: { includeArchived?: boolean }): Promise<Pipeline[]>;
  /** One pipeline, or `undefined`. Live-query safe. */
  get(pipelineId: Id): Promise<Pipeline | undefined>;
  /** The pipeline's stages by `order`. Live-query safe. */
  stages(pipelineId: Id): Promise<Stage[]>;
  /** One stage, or `undefined`. Live-query safe. */
  stage(stageId: Id): Promise<Stage | undefined>;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('uk') === b.toLocaleLowerCase('uk');
}

export function createPipelinesRepository(ctx: StoreContext, _store: CrmStore): PipelinesRepository {
  const { db } = ctx;

  const stagesOf = (pipelineId: Id) =>
    db.stages.where('[pipelineId+order]').between([pipelineId, -Infinity], [pipelineId, Infinity]).toArray();

  async function requirePipeline(pipelineId: Id): Promise<Pipeline> {
    const pipeline = await db.pipelines.get(pipelineId);
    if (!pipeline) throw notFound('pipelineId', pipelineId);
    return pipeline;
  }

  async function requireStage(stageId: Id, field = 'stageId'): Promise<Stage> {
    const stage = await db.stages.get(stageId);
    if (!stage) throw notFound(field, stageId);
    return stage;
  }

  /** Writes `order` 0…n-1 for the stages in the given sequence; returns them updated. */
  async function renumber(stages: Stage[], now: number): Promise<Stage[]> {
    const changed: Stage[] = [];
    const result = stages.map((stage, order) => {
      if (stage.order === order) return stage;
      const updated = { ...stage, order, updatedAt: now };
      changed.push(updated);
      return updated;
    });
    if (changed.length) await db.stages.bulkPut(changed);
    return result;
  }

  async function setArchived(pipelineId: Id, archived: 0 | 1): Promise<Pipeline> {
    return ctx.write([db.pipelines], async () => {
      const pipeline = await requirePipeline(pipelineId);
      const updated: Pipeline = { ...pipeline, archived, updatedAt: ctx.now() };
      await db.pipelines.put(updated);
      return updated;
    });
  }

  return {
    async create(input) {
      const parsed = parseInput(createSchema, input);
      const names = parsed.stages ?? [...defaultStageNames];
      names.forEach((name, index) => {
        if (names.findIndex((other) => sameName(other, name)) !== index)
          throw new CrmError('DUPLICATE', 'error.duplicateName', { field: `stages.${index}` });
      });
      return ctx.write([db.pipelines, db.stages], async () => {
        const now = ctx.now();
        const pipeline: Pipeline = { id: ctx.newId(), name: parsed.name, archived: 0, createdAt: now, updatedAt: now };
        const stages: Stage[] = names.map((name, order) => ({
          id: ctx.newId(),
          pipelineId: pipeline.id,
          name,
          order,
          createdAt: now,
          updatedAt: now,
        }));
        await db.pipelines.add(pipeline);
        await db.stages.bulkAdd(stages);
        return { pipeline, stages };
      });
    },

    async rename(pipelineId, name) {
      const parsed = parseInput(renameSchema, { name });
      return ctx.write([db.pipelines], async () => {
        const pipeline = await requirePipeline(pipelineId);
        const updated: Pipeline = { ...pipeline, name: parsed.name, updatedAt: ctx.now() };
        await db.pipelines.put(updated);
        return updated;
      });
    },

    archive: (pipelineId) => setArchived(pipelineId, 1),
    restore: (pipelineId) => setArchived(pipelineId, 0),

    async addStage(pipelineId, input) {
      const parsed = parseInput(addStageSchema, input);
      return ctx.write([db.pipelines, db.stages], async () => {
        await requirePipeline(pipelineId);
        const stages = await stagesOf(pipelineId);
        if (stages.some((stage) => sameName(stage.name, parsed.name)))
          throw new CrmError('DUPLICATE', 'error.duplicateName', { field: 'name' });
        const now = ctx.now();
        const position = Math.min(parsed.position ?? stages.length, stages.length);
        const stage: Stage = {
          id: ctx.newId(),
          pipelineId,
          name: parsed.name,
          order: position,
          ...(parsed.probability !== undefined ? { probability: parsed.probability } : {}),
          createdAt: now,
          updatedAt: now,
        };
        const ordered = [...stages];
        ordered.splice(position, 0, stage);
        await db.stages.add(stage);
        await renumber(ordered, now);
        return stage;
      });
    },

    async renameStage(stageId, name) {
      const parsed = parseInput(renameSchema, { name });
      return ctx.write([db.stages], async () => {
        const stage = await requireStage(stageId);
        const siblings = await stagesOf(stage.pipelineId);
        if (siblings.some((other) => other.id !== stageId && sameName(other.name, parsed.name)))
          throw new CrmError('DUPLICATE', 'error.duplicateName', { field: 'name' });
        const updated: Stage = { ...stage, name: parsed.name, updatedAt: ctx.now() };
        await db.stages.put(updated);
        return updated;
      });
    },

    async reorderStages(pipelineId, stageIds) {
      const parsed = parseInput(reorderSchema, { stageIds });
      return ctx.write([db.pipelines, db.stages], async () => {
        await requirePipeline(pipelineId);
        const stages = await stagesOf(pipelineId);
        const byId = new Map(stages.map((stage) => [stage.id, stage]));
        const exact =
          parsed.stageIds.length === stages.length &&
          new Set(parsed.stageIds).size === stages.length &&
          parsed.stageIds.every((stageId) => byId.has(stageId));
        if (!exact) throw new CrmError('VALIDATION', 'error.invalid', { field: 'stageIds' });
        return renumber(
          parsed.stageIds.map((stageId) => byId.get(stageId)!),
          ctx.now(),
        );
      });
    },

    async removeStage(stageId, options = {}) {
      const { moveDealsTo } = parseInput(removeStageSchema, options);
      return ctx.write([db.pipelines, db.stages, db.deals, db.dealStageHistory], async () => {
        const stage = await requireStage(stageId);
        const stages = await stagesOf(stage.pipelineId);
        if (stages.length <= 1) throw new CrmError('INVALID_STATE', 'error.lastStage', { field: 'stageId' });
        let target: Stage | undefined;
        if (moveDealsTo !== undefined) {
          target = await requireStage(moveDealsTo, 'moveDealsTo');
          if (target.pipelineId !== stage.pipelineId || target.id === stage.id)
            throw new CrmError('CONFLICT', 'error.stageNotInPipeline', { field: 'moveDealsTo' });
        }
        const deals = await db.deals.where('[pipelineId+stageId]').equals([stage.pipelineId, stageId]).toArray();
        const now = ctx.now();
        if (deals.length) {
          if (!target) throw new CrmError('INVALID_STATE', 'error.stageHasDeals', { field: 'moveDealsTo' });
          const targetId = target.id;
          const moved = deals.map((deal) => ({ ...deal, stageId: targetId, stageEnteredAt: now, updatedAt: now }));
          await db.deals.bulkPut(moved);
          for (const deal of moved) await appendStageChange(ctx, deal, { fromStageId: stageId, at: now });
        }
        await db.stages.delete(stageId);
        return renumber(
          stages.filter((other) => other.id !== stageId),
          now,
        );
      });
    },

    async list(options = {}) {
      const pipelines = options.includeArchived ? await db.pipelines.toArray() : await db.pipelines.where('archived').equals(0).toArray();
      return pipelines.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name, 'uk'));
    },

    get: (pipelineId) => db.pipelines.get(pipelineId),
    stages: (pipelineId) => stagesOf(pipelineId),
    stage: (stageId) => db.stages.get(stageId),
  };
}
