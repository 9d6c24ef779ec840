import { expect } from '@open-wc/testing';
import { managersReport } from '../../../src/store/reports/managers.js';
import type { Interaction, User } from '../../../src/store/types.js';
import { T, deal } from './sales-fixtures.js';

const user = (id: string, active: 0 | 1 = 1): User => ({ id, name: `Менеджер ${id}`, roles: ['manager'], active, createdAt: 0, updatedAt: 0 });
const done = (id: string, authorId: string, day: number, status: Interaction['status'] = 'done') => ({ id, authorId, at: T(day), status }) as Interaction;
const uah = (minor: number) => ({ minor, currency: 'UAH' });
const period = { from: T(0), to: T(10) };

describe('reports.managersReport', () => {
  it('counts interactions, won / lost deals, conversion, revenue and the average cycle (hand table)', () => {
    const rows = managersReport(
      {
        users: [user('m1'), user('m2'), user('m3', 0)],
        interactions: [done('i1', 'm1', 1), done('i2', 'm1', 2, 'planned'), done('i3', 'm2', 3), done('i4', 'm1', 20)],
        deals: [
          deal('d1', { managerId: 'm1', status: 'won', createdAt: T(0), closedAt: T(4), amount: uah(3000) }),
          deal('d2', { managerId: 'm1', status: 'won', createdAt: T(1), closedAt: T(7), amount: uah(1000) }),
          deal('d3', { managerId: 'm1', status: 'lost', closedAt: T(5) }),
          deal('d4', { managerId: 'm2', status: 'lost', closedAt: T(6) }),
          deal('d5', { managerId: 'm2' }),
        ],
      },
      period,
    );
    expect(rows.map((r) => r.key)).to.deep.equal(['m1', 'm2']); // inactive m3 without numbers is left out
    expect(rows[0]).to.include({ interactions: 1, won: 2, lost: 1, conversion: 2 / 3, revenue: 4000, averageCycleDays: 5 });
    expect(rows[0]!.dealIds).to.deep.equal(['d1', 'd2', 'd3']);
    expect(rows[1]).to.include({ interactions: 1, won: 0, lost: 1, conversion: 0, revenue: 0, averageCycleDays: null });
  });

  it('no deals: conversion and cycle are null', () => {
    const rows = managersReport({ users: [user('m1')], interactions: [], deals: [] }, period);
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ won: 0, lost: 0, conversion: null, revenue: 0, averageCycleDays: null });
  });

  it('one deal without a known manager goes to the "no manager" row', () => {
    const rows = managersReport({ users: [user('m1')], interactions: [], deals: [deal('x', { managerId: 'gone', status: 'won', createdAt: T(1), closedAt: T(3), amount: uah(10) })] }, period);
    expect(rows.map((r) => r.key)).to.deep.equal(['m1', '']);
    expect(rows[1]).to.include({ won: 1, revenue: 10, averageCycleDays: 2, conversion: 1 });
  });
});
