import { expect } from '@open-wc/testing';
import { abcXyz, coefficientOfVariation, monthsBetween, type RevenueRow } from '../../../src/store/reports/abc-xyz.js';

// Hand-computed fixture, 1 January – 31 March 2025 (3 months):
//   ТОВ «Дніпро-Буд»   800 / 800 / 800 = 2400, CV 0 %                          → rank 1, before 0 %  → A X
//   ФОП Коваль          0 / 900 /   0 =  900, mean 300, σ = √180000 ≈ 424.26 → CV ≈ 141.42 % → before 64 % → A Z
//   ПП «Зоря»         100 / 120 /  80 =  300, mean 100, σ = √(800/3) ≈ 16.33 → CV ≈ 16.33 % → before 88 % → B Y
//   ТОВ «Лан»         150 /   0 /   0 =  150, mean 50, σ = √5000 ≈ 70.71    → CV ≈ 141.42 % → before 96 % → C Z
//   ФОП Гнатюк: an order before the period and one worth 0 → not classified.
// Total 3750.
const rows: RevenueRow[] = [
  { customerId: 'dnipro', date: '2025-01-10', amount: 500 },
  { customerId: 'dnipro', date: '2025-01-20', amount: 300 },
  { customerId: 'dnipro', date: '2025-02-05', amount: 800 },
  { customerId: 'dnipro', date: '2025-03-31', amount: 800 },
  { customerId: 'koval', date: '2025-02-14', amount: 900 },
  { customerId: 'zorya', date: '2025-01-01', amount: 100 },
  { customerId: 'zorya', date: '2025-02-28', amount: 120 },
  { customerId: 'zorya', date: '2025-03-03', amount: 80 },
  { customerId: 'lan', date: '2025-01-31', amount: 150 },
  { customerId: 'hnatiuk', date: '2024-12-31', amount: 10_000 },
  { customerId: 'hnatiuk', date: '2025-02-01', amount: 0 },
];
const period = { from: '2025-01-01', to: '2025-03-31' };

function cells(report: ReturnType<typeof abcXyz>) {
  return Object.fromEntries(report.matrix.filter((cell) => cell.count).map((cell) => [cell.cell, [cell.count, cell.revenue, cell.customerIds]]));
}

describe('reports.abcXyz (pure)', () => {
  it('classifies by cumulative revenue share and by the CV of monthly revenue, zero months included', () => {
    const report = abcXyz(rows, period);
    expect(report.months).to.deep.equal(['2025-01', '2025-02', '2025-03']);
    expect(report.revenue).to.equal(3750);
    expect(report.customers.map((c) => [c.customerId, c.rank, c.revenue, c.abc, c.xyz])).to.deep.equal([
      ['dnipro', 1, 2400, 'A', 'X'],
      ['koval', 2, 900, 'A', 'Z'],
      ['zorya', 3, 300, 'B', 'Y'],
      ['lan', 4, 150, 'C', 'Z'],
    ]);
    const [dnipro, koval, zorya, lan] = report.customers;
    expect(dnipro!.monthly).to.deep.equal([800, 800, 800]);
    expect(koval!.monthly).to.deep.equal([0, 900, 0]);
    expect(koval!.cv).to.be.closeTo(141.42, 0.01);
    expect(zorya!.cv).to.be.closeTo(16.33, 0.01);
    expect(lan!.cv).to.be.closeTo(141.42, 0.01);
    expect(zorya!.shareBefore).to.be.closeTo(88, 1e-9);
    expect(lan!.share).to.be.closeTo(4, 1e-9);
    expect(cells(report)).to.deep.equal({
      AX: [1, 2400, ['dnipro']],
      AZ: [1, 900, ['koval']],
      BY: [1, 300, ['zorya']],
      CZ: [1, 150, ['lan']],
    });
    expect(report.matrix.map((cell) => cell.cell)).to.deep.equal(['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ']);
    expect(report.thresholds).to.deep.equal({ abc: [80, 15, 5], xyz: [10, 25] });
  });

  it('follows changed thresholds', () => {
    // ABC 60/30/10: Коваль's 64 % before → B; Зоря's 88 % → B; Лан's 96 % → C.
    // XYZ 20/150: Коваль 141.42 → Y, Зоря 16.33 → X, Лан 141.42 → Y.
    const report = abcXyz(rows, { ...period, thresholds: { abc: [60, 30, 10], xyz: [20, 150] } });
    expect(cells(report)).to.deep.equal({
      AX: [1, 2400, ['dnipro']],
      BX: [1, 300, ['zorya']],
      BY: [1, 900, ['koval']],
      CY: [1, 150, ['lan']],
    });
  });

  it('puts the customer whose share before it is exactly 80 % into B', () => {
    const report = abcXyz(
      [
        { customerId: 'a', date: '2025-01-05', amount: 80 },
        { customerId: 'b', date: '2025-01-06', amount: 20 },
      ],
      { from: '2025-01-01', to: '2025-01-31' },
    );
    expect(report.customers.map((c) => c.abc)).to.deep.equal(['A', 'B']);
  });

  it('returns nine empty cells when there are no customers', () => {
    const report = abcXyz([], period);
    expect(report.customers).to.deep.equal([]);
    expect(report.revenue).to.equal(0);
    expect(report.matrix).to.have.length(9);
    expect(report.matrix.every((cell) => cell.count === 0 && cell.revenue === 0 && cell.customerIds.length === 0)).to.equal(true);
  });

  it('makes one customer A, and X over a single month', () => {
    const one = abcXyz([{ customerId: 'solo', date: '2025-02-10', amount: 5000 }], { from: '2025-02-01', to: '2025-02-28' });
    expect(one.customers).to.have.length(1);
    expect(one.customers[0]).to.include({ abc: 'A', xyz: 'X', cv: 0, share: 100, shareBefore: 0 });
    // Over three months the same single purchase is Z.
    const spread = abcXyz([{ customerId: 'solo', date: '2025-02-10', amount: 5000 }], period);
    expect(spread.customers[0]).to.include({ abc: 'A', xyz: 'Z' });
  });

  it('counts the months a partial period touches', () => {
    expect(monthsBetween('2024-11-15', '2025-02-02')).to.deep.equal(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-02-01', '2025-01-01')).to.deep.equal([]);
    expect(coefficientOfVariation([0, 0])).to.equal(0);
  });
});
