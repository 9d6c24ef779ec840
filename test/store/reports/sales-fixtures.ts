/** Small hand-made records for the report tests: only the fields the reports read matter. */
import type { Deal, DealStageChange, Lead, Stage } from '../../../src/store/types.js';

export const DAY = 86_400_000;
/** Day `d` of the test period (2026-01-01 00:00 UTC + d days). */
export const T = (d: number) => Date.UTC(2026, 0, 1) + d * DAY;

export function stage(id: string, order: number, probability?: number): Stage {
  return { id, pipelineId: 'p1', name: `Етап ${order + 1}`, order, ...(probability !== undefined ? { probability } : {}), createdAt: 0, updatedAt: 0 };
}

export function deal(id: string, fields: Partial<Deal> = {}): Deal {
  return {
    id, title: id, pipelineId: 'p1', stageId: 's0', status: 'open', amount: { minor: 100, currency: 'UAH' },
    clientType: 'counterparty', clientId: 'c1', stageEnteredAt: 0, createdAt: T(0), updatedAt: T(0), ...fields,
  };
}

let seq = 0;
export function entry(dealId: string, stageId: string, day: number, fromStageId?: string, status: Deal['status'] = 'open'): DealStageChange {
  return {
    id: `h${++seq}`, dealId, pipelineId: 'p1', stageId, ...(fromStageId ? { fromStageId } : {}), status, at: T(day), seq: seq,
    createdAt: T(day), updatedAt: T(day),
  };
}

export function lead(id: string, fields: Partial<Lead> = {}): Lead {
  return { id, name: id, status: 'new', tags: [], phones: [], emails: [], searchTokens: [], createdAt: T(0), updatedAt: T(0), ...fields } as Lead;
}
