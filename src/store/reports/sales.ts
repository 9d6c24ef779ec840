import * as v from 'valibot';
import type { StoreContext } from '../context.js';
import { notFound } from '../errors.js';
import type { Id } from '../types.js';
import { id, instant, optionalId, parseInput } from '../validation.js';
import { dealFunnel, leadFunnel, type FunnelRow, type ReportPeriod } from './funnel.js';
import { managersReport, type ManagerRow } from './managers.js';
import { sourcesReport, type SourceRow } from './sources.js';

export type { FunnelRow, ReportPeriod } from './funnel.js';
export type { ManagerRow } from './managers.js';
export type { SourceRow } from './sources.js';

/** A period and the optional filters of the deal funnel. */
export interface FunnelFilter extends ReportPeriod {
  managerId?: Id | undefined;
  sourceId?: Id | undefined;
}

/**
 * Live reads of the sales reports (H1–H3, H6): each gathers the records of a
 * period with indexed reads and hands them to the pure functions of this folder.
 * All are live-query safe. A period is `[from, to)` in epoch ms; `to > from`
 * (`VALIDATION`, `to`, `error.timeRange`).
 */
export interface SalesReports {
  /**
   * The deal funnel of a pipeline (see `dealFunnel`): reads the pipeline's
   * stages, its stage history in the period (`[pipelineId+at]`) and the deals
   * it names (by primary key). Refuses a missing pipeline (`NOT_FOUND`, `pipelineId`).
   */
  funnel(pipelineId: Id, filter: FunnelFilter): Promise<FunnelRow[]>;
  /** Leads → customers → orders over a period (see `leadFunnel`): leads by `createdAt`, orders by `counterpartyId`. */
  leadFunnel(period: ReportPeriod): Promise<FunnelRow[]>;
  /** Per acquisition source (see `sourcesReport`): leads and deals by `createdAt`, won deals by `closedAt`. */
  sources(period: ReportPeriod): Promise<SourceRow[]>;
  /** Per manager (see `managersReport`): deals by `closedAt`, interactions by `at`. */
  managers(period: ReportPeriod): Promise<ManagerRow[]>;
}

const periodSchema = v.pipe(
  v.object({ from: instant, to: instant, managerId: optionalId, sourceId: optionalId }),
  v.forward(v.check(({ from, to }) => to > from, 'error.timeRange'), ['to']),
);

/** The local calendar date of an instant. */
function dateOf(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function createSalesReports(ctx: StoreContext): SalesReports {
  const { db } = ctx;
  const leadsCreated = (p: ReportPeriod) => db.leads.where('createdAt').between(p.from, p.to, true, false).toArray();

  return {
    async funnel(pipelineId, filter) {
      parseInput(id, pipelineId, 'pipelineId');
      const period = parseInput(periodSchema, filter);
      if (!(await db.pipelines.get(pipelineId))) throw notFound('pipelineId', pipelineId);
      const [stages, history] = await Promise.all([
        db.stages.where('[pipelineId+order]').between([pipelineId, -Infinity], [pipelineId, Infinity]).toArray(),
        db.dealStageHistory.where('[pipelineId+at]').between([pipelineId, period.from], [pipelineId, period.to], true, false).toArray(),
      ]);
      const deals = (await db.deals.bulkGet([...new Set(history.map((h) => h.dealId))])).filter((d) => d !== undefined);
      return dealFunnel({ stages, deals, history }, { ...period, asOf: ctx.now() });
    },

    async leadFunnel(input) {
      const period = parseInput(periodSchema, input);
      const leads = await leadsCreated(period);
      const cpIds = [...new Set(leads.flatMap((l) => (l.counterpartyId ? [l.counterpartyId] : [])))];
      const [counterparties, orders] = await Promise.all([
        db.counterparties.bulkGet(cpIds),
        db.orders.where('counterpartyId').anyOf(cpIds).toArray(),
      ]);
      return leadFunnel({ leads, counterparties: counterparties.filter((c) => c !== undefined), orders }, { ...period, dateOf });
    },

    async sources(input) {
      const period = parseInput(periodSchema, input);
      const [sources, leads, createdDeals, closedDeals, stages] = await Promise.all([
        db.sources.toArray(),
        leadsCreated(period),
        db.deals.where('createdAt').between(period.from, period.to, true, false).toArray(),
        db.deals.where('closedAt').between(period.from, period.to, true, false).toArray(),
        db.stages.toArray(),
      ]);
      const deals = [...new Map([...createdDeals, ...closedDeals].map((d) => [d.id, d])).values()];
      // What was actually spent, as the sources recorded it (`sources.setActualSpend`).
      const spend = sources.flatMap((source) => (source.actualSpend ?? []).map(({ month, amount }) => ({ sourceId: source.id, month, amount })));
      return sourcesReport({ sources, leads, deals, stages, spend }, period);
    },

    async managers(input) {
      const period = parseInput(periodSchema, input);
      const [users, deals, interactions] = await Promise.all([
        db.users.toArray(),
        db.deals.where('closedAt').between(period.from, period.to, true, false).toArray(),
        db.interactions.where('at').between(period.from, period.to, true, false).toArray(),
      ]);
      return managersReport({ users, deals, interactions }, period);
    },
  };
}
