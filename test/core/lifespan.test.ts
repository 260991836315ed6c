import fc from 'fast-check';
import { parseIsoDay } from '../../src/core/dates';
import {
  churnLifespanDays,
  clientLifespanYears,
  kaplanMeierMeanDays,
  meanDays,
} from '../../src/core/lifespan';
import { observeStays, type Stay } from '../../src/core/stays';

const day = (iso: string): number => parseIsoDay(iso) as number;
const YEAR = 365.25;

/** Ten ended clients whose stays add up to 32 years (11688 days). */
function tenClientsOf32Years(): Stay[] {
  const lengthsInDays = [365, 730, 1096, 1461, 1000, 1200, 1500, 1300, 1500, 1536];
  expect(lengthsInDays.reduce((a, b) => a + b, 0)).toBe(32 * YEAR);
  const start = day('2015-01-01');
  return lengthsInDays.map((length, i) => ({ startDay: start + i * 30, endDay: start + i * 30 + length }));
}

describe('clientLifespanYears', () => {
  const asOf = day('2030-01-01');

  it('gives 3.2 years for ten ended clients whose stays add up to 32 years, by every method', () => {
    const stays = tenClientsOf32Years();
    expect(clientLifespanYears(stays, asOf, 'simple')).toBeCloseTo(3.2, 12);
    expect(clientLifespanYears(stays, asOf, 'km')).toBeCloseTo(3.2, 12);
    expect(clientLifespanYears(stays, asOf, 'churn')).toBeCloseTo(3.2, 12);
  });

  it(
    'counts active clients up to as_of, ignores clients who start later, and treats later end dates ' +
      'as unknown',
    () => {
      const stays: Stay[] = [
        { startDay: day('2020-01-01'), endDay: null },
        { startDay: day('2022-01-01'), endDay: day('2026-01-01') }, // ends after as_of: still active then
        { startDay: day('2025-06-01'), endDay: null }, // not a client yet
      ];
      const asOfDay = day('2024-01-01');
      expect(observeStays(stays, asOfDay)).toEqual([
        { days: 1461, ended: false },
        { days: 730, ended: false },
      ]);
      expect(clientLifespanYears(stays, asOfDay, 'simple')).toBeCloseTo((1461 + 730) / 2 / YEAR, 12);
    },
  );

  it('says so when nobody had started by as_of', () => {
    expect(() =>
      clientLifespanYears([{ startDay: day('2025-01-01'), endDay: null }], day('2024-01-01'), 'simple'),
    ).toThrow('no client had started by as_of');
  });
});

describe('the three methods on censored data', () => {
  // Stays of 10 (ended), 20 (active), 30 (ended), 40 (active) days.
  const observed = [
    { days: 10, ended: true },
    { days: 20, ended: false },
    { days: 30, ended: true },
    { days: 40, ended: false },
  ];

  it('simple: total days ÷ clients', () => {
    expect(meanDays(observed)).toBe(25);
  });

  it('km: area under the survival curve up to the longest stay (hand-computed 28.75)', () => {
    // S = 1 on [0,10), 0.75 on [10,30), 0.375 on [30,40]: 10 + 15 + 3.75.
    expect(kaplanMeierMeanDays(observed)).toBeCloseTo(28.75, 12);
  });

  it('km: endings at the same time as censorings come first', () => {
    const tied = [
      { days: 10, ended: true },
      { days: 10, ended: false },
      { days: 20, ended: true },
    ];
    // S = 1 on [0,10); 1 - 1/3 after 10; then 0 at 20: 10 + 2/3 × 10.
    expect(kaplanMeierMeanDays(tied)).toBeCloseTo(10 + 20 / 3, 12);
  });

  it('churn: exposure ÷ endings', () => {
    expect(churnLifespanDays(observed)).toBe(50);
    expect(() => churnLifespanDays([{ days: 5, ended: false }])).toThrow(/no client has ended by as_of/);
  });

  it('km equals the simple mean when nobody is still active', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 200 }),
        (lengths) => {
          const allEnded = lengths.map((days) => ({ days, ended: true }));
          expect(kaplanMeierMeanDays(allEnded)).toBeCloseTo(meanDays(allEnded), 6);
        },
      ),
    );
  });

  it('km is never below the simple mean (censored clients would have stayed at least that long)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ days: fc.integer({ min: 0, max: 5000 }), ended: fc.boolean() }), {
          minLength: 1,
        }),
        (stays) => {
          expect(kaplanMeierMeanDays(stays)).toBeGreaterThanOrEqual(meanDays(stays) - 1e-9);
        },
      ),
    );
  });

  it('km gives a finite mean for 200,000 clients (its n log n growth is a budget in npm run bench)', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => ({ days: (i * 7919) % 4000, ended: i % 3 !== 0 }));
    const mean = kaplanMeierMeanDays(many);
    expect(Number.isFinite(mean)).toBe(true);
    expect(mean).toBeGreaterThan(0);
    expect(mean).toBeLessThanOrEqual(4000);
  });
});
