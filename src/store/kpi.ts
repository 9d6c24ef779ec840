/**
 * H8 KPI targets: the planned value of a metric for a month, for one manager
 * or (without `managerId`) for the whole business. The KPI report sets them
 * against actuals computed from deals, interactions and leads.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { notFound } from './errors.js';
import type { CrmStore } from './store.js';
import type { CalendarMonth, Id, KpiMetric, KpiTarget } from './types.js';
import { calendarMonth, minorUnits, optionalId, parseInput, percent } from './validation.js';

/** Every metric a target can be set for. */
export const kpiMetrics = ['revenue', 'deals-won', 'interactions', 'new-leads', 'conversion'] as const satisfies readonly KpiMetric[];

const count = v.pipe(v.number('error.invalid'), v.integer('error.invalid'), v.minValue(0, 'error.invalid'));
const common = { period: calendarMonth, managerId: optionalId };

/** The value's unit depends on the metric: revenue in minor units, counts as whole numbers, conversion in percent. */
const setTargetSchema = v.variant(
  'metric',
  [
    v.object({ metric: v.literal('revenue'), ...common, value: minorUnits }),
    v.object({ metric: v.picklist(['deals-won', 'interactions', 'new-leads']), ...common, value: count }),
    v.object({ metric: v.literal('conversion'), ...common, value: percent }),
  ],
  'error.invalid',
);

export interface SetKpiTargetInput {
  metric: KpiMetric;
  /** `YYYY-MM`. */
  period: CalendarMonth;
  /** The manager the target is for; the whole business when omitted. */
  managerId?: Id;
  /**
   * `revenue`: minor units (UAH); `deals-won`, `interactions`, `new-leads`:
   * a whole count; `conversion`: percent, 0–100.
   */
  value: number;
}

/** KPI targets (H8). */
export interface KpiRepository {
  /**
   * Sets the target for a metric, month and manager (or the business),
   * replacing the one set before (same id, `createdAt` kept). Refuses
   * (`VALIDATION`): an unknown metric (`metric`), a period that is not
   * `YYYY-MM` (`period`, `error.date`), a value that does not fit the metric
   * (`value`: `error.amount` for revenue, `error.invalid` for counts,
   * `error.percent` for conversion).
   */
  setTarget(input: SetKpiTargetInput): Promise<KpiTarget>;
  /** Deletes a target; returns it. `NOT_FOUND` (`targetId`). */
  remove(targetId: Id): Promise<KpiTarget>;
  /** The targets of one month, business-wide first, then by manager and metric. Live-query safe. */
  targets(period: CalendarMonth): Promise<KpiTarget[]>;
  /** The targets of the months `from`…`to` (inclusive), by period. Live-query safe. */
  targetsBetween(from: CalendarMonth, to: CalendarMonth): Promise<KpiTarget[]>;
}

const byPeriodManagerMetric = (a: KpiTarget, b: KpiTarget) =>
  a.period.localeCompare(b.period) ||
  (a.managerId ?? '').localeCompare(b.managerId ?? '') ||
  kpiMetrics.indexOf(a.metric) - kpiMetrics.indexOf(b.metric);

export function createKpiRepository(ctx: StoreContext, _store: CrmStore): KpiRepository {
  const { db } = ctx;

  return {
    async setTarget(input) {
      const parsed = parseInput(setTargetSchema, input);
      return ctx.write([db.kpiTargets, db.users], async () => {
        if (parsed.managerId !== undefined && !(await db.users.get(parsed.managerId))) throw notFound('managerId', parsed.managerId);
        const existing = (await db.kpiTargets.where('[metric+period]').equals([parsed.metric, parsed.period]).toArray()).find(
          (target) => target.managerId === parsed.managerId,
        );
        const now = ctx.now();
        const target: KpiTarget = {
          id: existing?.id ?? ctx.newId(),
          metric: parsed.metric,
          period: parsed.period,
          value: parsed.value,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        if (parsed.managerId !== undefined) target.managerId = parsed.managerId;
        await db.kpiTargets.put(target);
        return target;
      });
    },

    async remove(targetId) {
      return ctx.write([db.kpiTargets], async () => {
        const target = await db.kpiTargets.get(targetId);
        if (!target) throw notFound('targetId', targetId);
        await db.kpiTargets.delete(targetId);
        return target;
      });
    },

    async targets(period) {
      return (await db.kpiTargets.where('period').equals(period).toArray()).sort(byPeriodManagerMetric);
    },

    async targetsBetween(from, to) {
      return (await db.kpiTargets.where('period').between(from, to, true, true).toArray()).sort(byPeriodManagerMetric);
    },
  };
}
