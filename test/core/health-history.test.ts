/** Health over time (src/core/health-history.ts): the score as it stood on a day, its trend, what moved. */
import { clientHealth } from '../../src/core/health';
import {
  cardHealth,
  healthInputOn,
  latePaymentsOn,
  progressOn,
  signalPoints,
  type ClientHistory,
} from '../../src/core/health-history';

const DAY = 20_000; // any day number: only differences matter

/** Weekly check-ins for 8 weeks up to DAY; revenue 10,000 → 20,000 target; satisfaction 8, then 5 on DAY. */
function history(overrides: Partial<ClientHistory> = {}): ClientHistory {
  const weeks = Array.from({ length: 8 }, (_, i) => DAY - 7 * (7 - i));
  return {
    cadenceDays: 7,
    checkInDays: weeks,
    metrics: [
      {
        baseline: 10_000,
        target: 20_000,
        values: weeks.map((day, i) => ({ day, value: 10_000 + 1_000 * i })),
      },
    ],
    satisfaction: weeks.map((day, i) => ({ day, score: i < 7 ? 8 : 5 })),
    payments: [],
    openRequestDays: [],
    graceDays: 7,
    ...overrides,
  };
}

describe('healthInputOn', () => {
  test('reads the log as it stood on the day: nothing after it counts', () => {
    const h = history();
    expect(healthInputOn(h, DAY)).toEqual({
      daysSinceCheckIn: 0,
      cadenceDays: 7,
      progress: 0.7,
      satisfaction: 5,
      latePayments: null,
      openRequests: 0,
    });
    expect(healthInputOn(h, DAY - 10)).toMatchObject({ daysSinceCheckIn: 4, progress: 0.5, satisfaction: 8 });
  });

  test('no check-in yet is no data, not a bad signal', () => {
    expect(healthInputOn(history({ checkInDays: [], metrics: [], satisfaction: [] }), DAY)).toMatchObject({
      daysSinceCheckIn: null,
      progress: null,
      satisfaction: null,
    });
  });

  test('progress is the mean over the metrics that have a baseline, a target and a value', () => {
    const metrics = [
      { baseline: 30, target: 20, values: [{ day: DAY, value: 25 }] }, // down is better: half way
      { baseline: 0, target: 10, values: [{ day: DAY, value: 10 }] }, // there
      { baseline: null, target: 10, values: [{ day: DAY, value: 3 }] }, // no baseline: left out
      { baseline: 5, target: 5, values: [{ day: DAY, value: 3 }] }, // target = baseline: left out
    ];
    expect(progressOn(metrics, DAY)).toBe(0.75);
    expect(progressOn(metrics, DAY - 1)).toBeNull();
  });

  test('late payments: paid after the grace days, or unpaid past them by the day; only the last year', () => {
    const payments = [
      { due: DAY - 100, paid: DAY - 90 }, // 10 days late
      { due: DAY - 60, paid: DAY - 55 }, // within grace
      { due: DAY - 10, paid: null }, // 10 days unpaid: late now
      { due: DAY - 5, paid: null }, // not yet late
      { due: DAY - 400, paid: DAY - 300 }, // over a year ago: forgiven
    ];
    const h = history({ payments });
    expect(latePaymentsOn(h, DAY)).toBe(2);
    // Four weeks ago the unpaid ones were not due yet and the first was paid late already.
    expect(latePaymentsOn(h, DAY - 28)).toBe(1);
  });
});

describe('cardHealth', () => {
  test('the score is clientHealth of the day (one formula), with the trend against four weeks ago', () => {
    const h = history();
    const card = cardHealth(h, DAY);
    expect(card.now).toEqual(clientHealth(healthInputOn(h, DAY)));
    expect(card.fourWeeksAgo).toEqual(clientHealth(healthInputOn(h, DAY - 28)));
    expect(card.change).toBe((card.now.score as number) - (card.fourWeeksAgo.score as number));
  });

  test('what moved since last week: satisfaction 8 → 5 is worse; a signal that did not move is not listed', () => {
    const card = cardHealth(history(), DAY);
    expect(card.movedSinceLastWeek).toEqual([
      expect.objectContaining({
        name: 'Satisfaction',
        before: '8/10',
        now: '5/10',
        direction: 'worse',
        points: -34, // 78 → 44: each score rounded
      }),
      expect.objectContaining({
        name: 'Progress',
        before: '60% of the way',
        now: '70% of the way',
        direction: 'better',
      }),
    ]);
    expect(card.movedSinceLastWeek.map((m) => m.name)).not.toContain('Open requests');
  });

  test('a signal that had no data last week and has some now is listed as new', () => {
    const card = cardHealth(
      history({ openRequestDays: [], payments: [{ due: DAY - 3, paid: DAY - 2 }] }),
      DAY,
    );
    expect(card.movedSinceLastWeek).toContainEqual(
      expect.objectContaining({ name: 'Payments', direction: 'new', now: '0 late payments' }),
    );
  });

  test('drivers: every signal with data and its own score, weakest first', () => {
    const card = cardHealth(history(), DAY);
    expect(card.drivers.map((d) => [d.name, d.points])).toEqual([
      ['Satisfaction', 44],
      ['Progress', 70],
      ['Check-ins', 100],
      ['Open requests', 100],
    ]);
    expect(signalPoints('satisfaction', healthInputOn(history(), DAY))).toBe(44);
  });
});
