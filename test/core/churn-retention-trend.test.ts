import fc from 'fast-check';
import { addMonths, monthIndexOf, parseIsoDay } from '../../src/core/dates';
import { logoChurn } from '../../src/core/churn';
import { cohortRetention } from '../../src/core/retention';
import { leastSquaresSlope, trendPerWeek } from '../../src/core/trend';
import type { Stay } from '../../src/core/stays';

const day = (iso: string): number => parseIsoDay(iso) as number;
const stay = (start: string, end: string | null): Stay => ({
  startDay: day(start),
  endDay: end ? day(end) : null,
});

describe('logoChurn', () => {
  const january = [day('2024-01-01'), day('2024-01-31')] as const;

  it('follows the ChartMogul convention at every boundary', () => {
    const stays = [
      stay('2023-06-01', null), // active all month: denominator only
      stay('2023-06-01', '2024-01-15'), // churned
      stay('2024-01-05', '2024-01-20'), // started and ended inside: neither
      stay('2023-01-01', '2023-12-31'), // gone before the period: neither
      stay('2024-01-01', null), // started on period_start: new, neither
      stay('2023-03-01', '2024-01-01'), // ended on period_start: churned
      stay('2023-03-01', '2024-01-31'), // ended on period_end: churned
      stay('2023-03-01', '2024-02-01'), // ended after: denominator only
    ];
    expect(logoChurn(stays, ...january)).toEqual({ activeAtStart: 5, churned: 3, rate: 0.6 });
  });

  it('has no rate when nobody was active at the start', () => {
    expect(logoChurn([stay('2024-01-05', '2024-01-20')], ...january)).toEqual({
      activeAtStart: 0,
      churned: 0,
      rate: null,
    });
  });

  it('counts each ending in exactly one of two adjacent periods', () => {
    const stays = [stay('2023-01-01', '2024-01-31'), stay('2023-01-01', '2024-02-01')];
    expect(
      logoChurn(stays, ...january).churned + logoChurn(stays, day('2024-02-01'), day('2024-02-29')).churned,
    ).toBe(2);
  });

  it('is always between 0 and 1', () => {
    const stayArb = fc
      .tuple(fc.integer({ min: 0, max: 3000 }), fc.option(fc.integer({ min: 0, max: 2000 })))
      .map(([start, length]): Stay => ({ startDay: start, endDay: length === null ? null : start + length }));
    fc.assert(
      fc.property(
        fc.array(stayArb),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 400 }),
        (stays, from, length) => {
          const { rate, churned, activeAtStart } = logoChurn(stays, from, from + length);
          expect(churned).toBeLessThanOrEqual(activeAtStart);
          if (rate !== null) {
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('cohortRetention', () => {
  it('matches a hand-computed table', () => {
    const stays = [
      stay('2024-01-10', '2024-03-05'), // gone before its 2-month anniversary (Mar 10)
      stay('2024-01-31', null), // anniversaries Feb 29, Mar 31, Apr 30, May 31, Jun 30
      stay('2024-03-01', '2024-03-01'), // ended on day one: not there at month 0
      stay('2024-03-15', '2024-04-15'), // ended on its 1-month anniversary: not there at month 1
      stay('2024-07-01', null), // starts after as_of: left out
    ];
    const table = cohortRetention(stays, 6, day('2024-06-15'));
    expect(table.map((c) => c.clients)).toEqual([2, 2]);
    expect(table[0].shares).toEqual([1, 1, 0.5, 0.5, 0.5, null]); // Jun 30 not reached yet
    expect(table[1].shares).toEqual([0.5, 0, 0, 0, null, null]); // Jun 15 reached, Jul 15 not
    expect(table[0].monthIndex + 2).toBe(table[1].monthIndex);
  });

  it('clamps an anniversary to the end of a shorter month: Jan 31 + 1 month is Feb 29', () => {
    const [cohort] = cohortRetention([stay('2024-01-31', '2024-03-01')], 2, day('2024-06-01'));
    expect(cohort.shares).toEqual([1, 1]); // still a client on Feb 29, ended before Mar 31
    const [early] = cohortRetention([stay('2024-01-31', '2024-02-29')], 2, day('2024-02-29'));
    expect(early.shares).toEqual([1, 0]); // ended on the anniversary itself; month 1 known on Feb 29
  });

  it('agrees with counting each client against their own k-month anniversary (addMonths)', () => {
    const stayArb = fc
      .tuple(fc.integer({ min: 19_000, max: 20_000 }), fc.option(fc.integer({ min: 0, max: 700 })))
      .map(([startDay, length]): Stay => ({ startDay, endDay: length === null ? null : startDay + length }));
    fc.assert(
      fc.property(
        fc.array(stayArb, { maxLength: 40 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 19_000, max: 20_500 }),
        (stays, months, asOfDay) => {
          const table = cohortRetention(stays, months, asOfDay);
          for (const cohort of table) {
            const members = stays.filter(
              (s) => s.startDay <= asOfDay && monthIndexOf(s.startDay) === cohort.monthIndex,
            );
            expect(cohort.clients).toBe(members.length);
            cohort.shares.forEach((share, k) => {
              const anniversaries = members.map((s) => addMonths(s.startDay, k));
              if (anniversaries.some((a) => a > asOfDay)) return expect(share).toBeNull();
              const still = members.filter((s, i) => s.endDay === null || s.endDay > anniversaries[i]).length;
              expect(share).toBeCloseTo(still / members.length, 12);
            });
          }
        },
      ),
    );
  });

  it('lists cohorts oldest first and only months with clients', () => {
    const table = cohortRetention([stay('2024-05-02', null), stay('2023-11-20', null)], 1, day('2024-06-01'));
    expect(table.map((c) => c.monthIndex)).toEqual([2023 * 12 + 10, 2024 * 12 + 4]);
  });
});

describe('trend', () => {
  it('gives the least-squares slope', () => {
    expect(
      leastSquaresSlope([
        { x: 0, y: 10 },
        { x: 1, y: 12 },
        { x: 2, y: 14 },
      ]),
    ).toBeCloseTo(2, 12);
    expect(
      leastSquaresSlope([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 2 },
      ]),
    ).toBeCloseTo(0.5, 12);
  });

  it('turns a slope per day into a slope per week', () => {
    const points = [0, 14, 28].map((x, i) => ({ x, y: 100 + 2 * i }));
    expect(trendPerWeek(points)).toBeCloseTo(1, 12);
  });

  it('has no trend with fewer than two distinct positions', () => {
    expect(leastSquaresSlope([])).toBeNull();
    expect(leastSquaresSlope([{ x: 3, y: 1 }])).toBeNull();
    expect(
      trendPerWeek([
        { x: 3, y: 1 },
        { x: 3, y: 5 },
      ]),
    ).toBeNull();
  });
});
