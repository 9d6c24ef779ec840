import { expect } from '@open-wc/testing';
import {
  addDays,
  datesBetween,
  isoWeekday,
  localDate,
  localDay,
  localGridPieces,
  localInstant,
  mergeIntervals,
  overlapLength,
  planDay,
  subtractIntervals,
  sweepFreeStarts,
  totalLength,
  type GridInterval,
} from '../../src/store/slots.js';

/** A local instant on a day of June 2031 (no DST change that month anywhere). */
const at = (day: number, hh: number, mm = 0) => new Date(2031, 5, day, hh, mm).getTime();
const MIN = 60_000;

describe('slots: local dates and times', () => {
  it('gives ISO weekdays, Monday = 1 … Sunday = 7', () => {
    expect(isoWeekday('2031-06-02')).to.equal(1);
    expect(isoWeekday('2031-06-04')).to.equal(3);
    expect(isoWeekday('2031-06-08')).to.equal(7);
  });

  it('turns a date and a time of day into a local instant, 24:00 being the next midnight', () => {
    expect(localInstant('2031-06-02', '09:30')).to.equal(at(2, 9, 30));
    expect(localInstant('2031-06-02', '24:00')).to.equal(at(3, 0));
    expect(localDate(at(2, 23, 59))).to.equal('2031-06-02');
  });

  it('steps over month and year ends', () => {
    expect(addDays('2031-06-30', 1)).to.equal('2031-07-01');
    expect(addDays('2031-12-31', 1)).to.equal('2032-01-01');
    expect(addDays('2032-03-01', -1)).to.equal('2032-02-29');
    expect(datesBetween('2031-06-29', '2031-07-02')).to.deep.equal(['2031-06-29', '2031-06-30', '2031-07-01', '2031-07-02']);
    expect(datesBetween('2031-06-03', '2031-06-02')).to.deep.equal([]);
  });
});

describe('slots: localDay', () => {
  it('works a day out once: weekday, midnight, its times of day as instants, and whether the clock changes that day', () => {
    const day = localDay('2031-06-04');
    expect(day).to.deep.include({ date: '2031-06-04', weekday: 3, midnight: at(4, 0), steady: true });
    expect(day.instant('2031-06-04', '09:30')).to.equal(at(4, 9, 30));
    expect(day.instant('2031-06-04', '09:30')).to.equal(localInstant('2031-06-04', '09:30'));
    expect(day.instant('2031-06-04', '24:00')).to.equal(at(5, 0));
    // Asked about another date, it answers for that date.
    expect(day.instant('2031-06-05', '09:30')).to.equal(at(5, 9, 30));
  });

  it('is not steady on the Kyiv days the clocks go forward and back; on a steady day the grid starts at midnight', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone, 'the tests run in Kyiv time').to.be.oneOf(['Europe/Kyiv', 'Europe/Kiev']);
    expect(localDay('2025-03-30').steady).to.equal(false);
    expect(localDay('2025-10-26').steady).to.equal(false);
    const day = localDay('2025-03-29');
    expect(day.steady).to.equal(true);
    const interval = { start: localInstant('2025-03-29', '09:00'), end: localInstant('2025-03-29', '24:00') };
    expect(localGridPieces(interval)).to.deep.equal([{ ...interval, gridOrigin: day.midnight }]);
  });
});

describe('slots: interval arithmetic', () => {
  it('merges overlapping and touching intervals and drops empty ones', () => {
    expect(
      mergeIntervals([
        { start: 50, end: 60 },
        { start: 10, end: 20 },
        { start: 15, end: 30 },
        { start: 30, end: 35 },
        { start: 40, end: 40 },
      ]),
    ).to.deep.equal([
      { start: 10, end: 35 },
      { start: 50, end: 60 },
    ]);
  });

  it('subtracts holes, including ones reaching outside the base', () => {
    expect(
      subtractIntervals(
        [{ start: 0, end: 100 }],
        [
          { start: -10, end: 5 },
          { start: 20, end: 30 },
          { start: 25, end: 40 },
          { start: 90, end: 120 },
        ],
      ),
    ).to.deep.equal([
      { start: 5, end: 20 },
      { start: 40, end: 90 },
    ]);
    expect(subtractIntervals([{ start: 0, end: 10 }], [{ start: 0, end: 10 }])).to.deep.equal([]);
  });

  it('measures overlap and total length', () => {
    const a = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    const b = [{ start: 5, end: 25 }];
    expect(overlapLength(a, b)).to.equal(10);
    expect(totalLength(a)).to.equal(20);
  });
});

describe('slots: planDay', () => {
  it('takes the breaks out of the hours and ignores the part of a break outside them', () => {
    const plan = planDay('s1', '2031-06-02', { start: '09:00', end: '13:00' }, [
      { id: 'b2', start: '12:30', end: '14:00' },
      { id: 'b1', start: '11:00', end: '11:30' },
    ], undefined);
    expect(plan.hours).to.deep.equal({ start: at(2, 9), end: at(2, 13) });
    expect(plan.breaks).to.deep.equal([
      { breakId: 'b1', start: at(2, 11), end: at(2, 11, 30) },
      { breakId: 'b2', start: at(2, 12, 30), end: at(2, 13) },
    ]);
    expect(plan.working).to.deep.equal([
      { start: at(2, 9), end: at(2, 11) },
      { start: at(2, 11, 30), end: at(2, 12, 30) },
    ]);
  });

  it('has no working time on a day off or a day without hours', () => {
    const dayOff = { id: 'd1', specialistId: 's1', date: '2031-06-02', reason: 'Відпустка', createdAt: 0, updatedAt: 0 };
    const off = planDay('s1', '2031-06-02', { start: '09:00', end: '13:00' }, [], dayOff);
    expect(off.working).to.deep.equal([]);
    expect(off.dayOff).to.equal(dayOff);
    expect(off.hours).to.equal(undefined);
    expect(planDay('s1', '2031-06-02', undefined, [], undefined).working).to.deep.equal([]);
  });
});

describe('slots: sweepFreeStarts', () => {
  const origin = at(2, 0);
  const day = (start: number, end: number): GridInterval => ({ start, end, gridOrigin: origin });

  it('lists every grid start where the duration fits, skipping busy time (hand-computed)', () => {
    // Working 09:10–12:00, busy 10:00–10:40 and 10:30–11:00 (merged 10:00–11:00), 45 min on a 30 min grid.
    const starts = sweepFreeStarts(
      [day(at(2, 9, 10), at(2, 12))],
      [
        { start: at(2, 10, 30), end: at(2, 11) },
        { start: at(2, 10), end: at(2, 10, 40) },
      ],
      45 * MIN,
      30 * MIN,
    );
    // 09:30 → 10:15 overlaps 10:00; next grid after 11:00 is 11:00 → 11:45 fits; 11:30 → 12:15 does not.
    expect(starts).to.deep.equal([at(2, 11)]);
  });

  it('keeps starts inside one working interval, across several intervals, not before notBefore', () => {
    const starts = sweepFreeStarts(
      [day(at(2, 9), at(2, 10)), day(at(2, 10, 15), at(2, 11, 30))],
      [{ start: at(2, 10, 45), end: at(2, 11) }],
      30 * MIN,
      15 * MIN,
      at(2, 9, 20),
    );
    expect(starts).to.deep.equal([at(2, 9, 30), at(2, 10, 15), at(2, 11)]);
  });

  it('finds nothing when the duration is longer than every interval', () => {
    expect(sweepFreeStarts([day(at(2, 9), at(2, 9, 45))], [], 60 * MIN, 15 * MIN)).to.deep.equal([]);
  });
});
