import {
  ATTENTION_REASONS as WHY,
  latePaymentCount,
  needsAttention,
  rankAttention,
  type AttentionClient,
  type AttentionItem,
  type AttentionPayment,
} from '../../src/core/attention';
import { parseIsoDay } from '../../src/core/dates';
import { clientHealth } from '../../src/core/health';

const day = (iso: string) => parseIsoDay(iso) as number;
const TODAY = day('2024-06-12'); // a Wednesday
const WEEK = day('2024-06-10');

/** An active client who checked in this week, started recently, on a running 12-month program. */
function healthy(name: string, extra: Partial<AttentionClient> = {}): AttentionClient {
  return {
    clientId: name,
    name,
    status: 'Active',
    cadenceDays: 7,
    startDay: day('2024-01-08'),
    lastCheckIn: day('2024-06-10'),
    programMonths: 12,
    satisfaction: 8,
    satisfactionBefore: 8,
    nextReviewDay: day('2025-01-08'),
    effectiveRate: 90,
    ...extra,
  };
}

const run = (clients: AttentionClient[], payments: AttentionPayment[] = []) =>
  needsAttention(clients, payments, [], TODAY, WEEK, 7, (n) => `$${n}`, { rateFloor: 50 });
const reasons = (items: AttentionItem[]) => items.map((i) => [i.name, i.reason]);

describe('needs attention: the advice rows', () => {
  test('a healthy client raises nothing', () => {
    expect(run([healthy('Fine')])).toEqual([]);
  });

  test('red health, with its drivers as the detail', () => {
    const health = clientHealth({
      daysSinceCheckIn: 28,
      cadenceDays: 7,
      progress: 0.1,
      satisfaction: 4,
      latePayments: 2,
      openRequests: 0,
    });
    expect(health.band).toBe('Red');
    const [item] = run([healthy('Sick', { health })]);
    expect(item).toMatchObject({ reason: WHY.redHealth, action: expect.stringMatching(/Call them/) });
    expect(item.detail).toMatch(/^Red \d+ \(5 of 5 signals\): 4 weeks without a check-in/);
    const yellow = clientHealth({
      daysSinceCheckIn: 7,
      cadenceDays: 7,
      progress: 0.2,
      satisfaction: 6,
      latePayments: 0,
      openRequests: 0,
    });
    expect(yellow.band).toBe('Yellow');
    expect(run([healthy('Meh', { health: yellow })])).toEqual([]);
  });

  test('past the program end, and ending within 60 days, by start + program months', () => {
    const items = run([
      healthy('Over', { startDay: day('2023-06-01'), programMonths: 6 }), // ended 2023-12-01
      healthy('Soon', { startDay: day('2024-01-20'), programMonths: 6 }), // ends 2024-07-20
      healthy('Later', { startDay: day('2024-01-20'), programMonths: 9 }),
    ]);
    expect(reasons(items)).toEqual([
      ['Over', WHY.pastEnd],
      ['Soon', WHY.ending],
    ]);
    expect(items[0].detail).toBe('Program ended 2023-12-01 (194 days ago); still Active');
    expect(items[1].detail).toBe('Program ends 2024-07-20, in 38 days');
  });

  test('chronic late payer: 3 payments past the grace days within 12 months, paid late or still open', () => {
    const pay = (due: string, paid: string | null): AttentionPayment => ({
      clientId: 'Slow',
      dueDay: day(due),
      paidDay: paid ? day(paid) : null,
      amount: 100,
    });
    const two = [
      pay('2024-02-01', '2024-02-20'),
      pay('2024-03-01', '2024-03-09'),
      pay('2024-04-01', '2024-04-08'),
    ];
    // 19 and 8 days late count; 7 days is within the grace days.
    expect(latePaymentCount(two, 'Slow', TODAY, 7)).toBe(2);
    expect(run([healthy('Slow')], two)).toEqual([]);
    const three = [...two, pay('2024-05-01', null), pay('2023-01-01', '2023-03-01')]; // the last is too old
    expect(latePaymentCount(three, 'Slow', TODAY, 7)).toBe(3);
    expect(reasons(run([healthy('Slow')], three))).toEqual([
      ['Slow', WHY.latePayment], // the open one, 42 days past due
      ['Slow', WHY.chronicLate],
    ]);
  });

  test('satisfaction falling by 2 points or more against four weeks ago; no data raises nothing', () => {
    const items = run([
      healthy('Down', { satisfaction: 6, satisfactionBefore: 9 }),
      healthy('Dip', { satisfaction: 7, satisfactionBefore: 8 }),
      healthy('New', { satisfaction: 3, satisfactionBefore: null }),
    ]);
    expect(reasons(items)).toEqual([['Down', WHY.fallingSatisfaction]]);
    expect(items[0].detail).toBe('Satisfaction 9 → 6 in four weeks or more');
  });

  test('below the rate floor; no floor or no hours raises nothing', () => {
    const cheap = healthy('Cheap', { effectiveRate: 30 });
    expect(run([cheap]).map((i) => i.detail)).toEqual(['$30 an hour; the floor is $50']);
    expect(needsAttention([cheap], [], [], TODAY, WEEK, 7, String, { rateFloor: 0 })).toEqual([]);
    expect(run([healthy('Unknown', { effectiveRate: null })])).toEqual([]);
  });

  test('rate review due within 30 days, or overdue', () => {
    const items = run([
      healthy('Due', { nextReviewDay: day('2024-07-01') }),
      healthy('Late', { nextReviewDay: day('2024-03-01') }),
      healthy('Not yet', { nextReviewDay: day('2024-07-13') }),
    ]);
    expect(items.map((i) => [i.name, i.detail])).toEqual([
      ['Late', 'Yearly review was due 2024-03-01'],
      ['Due', 'Yearly review due 2024-07-01'],
    ]);
  });

  test('paused and ended clients get no advice', () => {
    expect(
      run([
        healthy('Gone', { status: 'Ended', programMonths: 1 }),
        healthy('Away', { status: 'Paused', effectiveRate: 1 }),
      ]),
    ).toEqual([]);
  });
});

describe('rankAttention', () => {
  const item = (name: string, reason: string, sinceDay: number | null): AttentionItem => ({
    clientId: name,
    name,
    reason,
    detail: '',
    sinceDay,
    action: '',
  });
  test('most urgent reason first, then the oldest problem, then the name', () => {
    const ranked = rankAttention([
      item('A', WHY.notThisWeek, day('2024-06-10')),
      item('B', WHY.rateReview, day('2024-07-01')),
      item('C', WHY.latePayment, day('2024-05-01')),
      item('D', WHY.latePayment, day('2024-03-01')),
      item('E', WHY.redHealth, null),
      item('F', WHY.pastEnd, day('2023-12-01')),
      item('G', WHY.overdue, day('2024-06-01')),
      item('H', WHY.fallingSatisfaction, null),
      item('I', WHY.belowFloor, null),
      item('J', WHY.ending, day('2024-07-20')),
      item('K', WHY.openRequest, day('2024-06-11')),
      item('L', WHY.chronicLate, day('2023-06-13')),
    ]);
    expect(ranked.map((i) => i.name).join('')).toBe('EFGDCLHIJBKA');
  });
  test('every reason has an action', () => {
    const items = run([
      healthy('X', { programMonths: 1, effectiveRate: 1, satisfaction: 1, satisfactionBefore: 9 }),
    ]);
    expect(items.length).toBe(3);
    for (const i of items) expect(i.action).toMatch(/\w/);
  });
});

describe('needs attention', () => {
  test('overdue, not logged this week, late payments, open requests; active clients only', () => {
    const today = day('2024-06-12');
    const week = day('2024-06-10');
    const items = needsAttention(
      [
        {
          clientId: 'A',
          name: 'A',
          status: 'Active',
          cadenceDays: 7,
          startDay: day('2024-01-01'),
          lastCheckIn: day('2024-05-29'),
        },
        {
          clientId: 'B',
          name: 'B',
          status: 'Active',
          cadenceDays: 7,
          startDay: day('2024-01-01'),
          lastCheckIn: day('2024-06-06'),
        },
        {
          clientId: 'C',
          name: 'C',
          status: 'Ended',
          cadenceDays: 7,
          startDay: day('2024-01-01'),
          lastCheckIn: null,
        },
      ],
      [{ clientId: 'B', dueDay: day('2024-06-01'), paidDay: null, amount: 100 }],
      [{ clientId: 'A', day: day('2024-06-11'), request: 'More', decision: 'Open' }],
      today,
      week,
      7,
    );
    // Most urgent first: a late payment before a request waiting for a decision, a check-in merely due last.
    expect(items.map((i) => [i.name, i.reason])).toEqual([
      ['A', 'Check-in overdue'],
      ['B', 'Late payment'],
      ['A', 'Open out-of-scope request'],
      ['B', 'Nothing logged this week'],
    ]);
  });
});
