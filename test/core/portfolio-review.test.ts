import { parseIsoDay, formatIsoDay } from '../../src/core/dates';
import { clientHealth } from '../../src/core/health';
import { latePaymentRecord } from '../../src/core/invoices';
import { formatDayAs } from '../../src/core/locale-date';
import { formatMoney } from '../../src/core/money';
import {
  earliestEnding,
  portfolioReview,
  quarterOf,
  raiseFromDay,
  type ReviewClient,
  type ReviewOptions,
} from '../../src/core/portfolio-review';

const day = (iso: string) => parseIsoDay(iso) as number;
const TODAY = day('2026-11-30');
const options: ReviewOptions = {
  today: TODAY,
  rateFloor: 60,
  formatMoney: (n) => formatMoney(n, '$', 'en-US'),
  formatDay: (d) => formatDayAs(d, 'd mmm yyyy'),
};
const onTime = latePaymentRecord([], TODAY, 7);
const green = clientHealth({
  daysSinceCheckIn: 3,
  cadenceDays: 7,
  progress: 0.8,
  satisfaction: 9,
  latePayments: 0,
  openRequests: 0,
});
const red = clientHealth({
  daysSinceCheckIn: 40,
  cadenceDays: 7,
  progress: 0,
  satisfaction: 3,
  latePayments: 2,
  openRequests: 0,
});

function client(over: Partial<ReviewClient>): ReviewClient {
  return {
    clientId: 'C-0001',
    name: 'Acme',
    clientType: 'Laissez-faire',
    startDay: day('2026-03-15'),
    programMonths: 6,
    monthlyFee: 3000,
    hoursPerMonth: 40,
    absorbedHours: 0,
    openRequests: 0,
    health: green,
    payments: onTime,
    nextReviewDay: day('2027-03-15'),
    ...over,
  };
}

describe('portfolioReview: worked examples', () => {
  test('$75/h above a $60 floor, green, paying on time: Keep', () => {
    const [row] = portfolioReview([client({})], options);
    expect(row).toMatchObject({
      rank: 1,
      verdict: 'Keep',
      effectiveRate: 75,
      action: 'Keep',
      newFee: null,
      day: null,
    });
    expect(row.why).toBe(`$75/h above a $60 floor; health Green ${green.score}`);
  });

  test('$48/h against a $60 floor: re-priced to $2,520 (+26%) from the next review, notice a month before', () => {
    // 40 h a month + 24 absorbed hours a year (2 a month): $2,000 / 42 h = $47.6/h; the floor needs $2,520.
    const [row] = portfolioReview(
      [client({ monthlyFee: 2000, absorbedHours: 24, nextReviewDay: day('2027-01-15') })],
      options,
    );
    expect(row.verdict).toBe('Re-price');
    expect(row.newFee).toBe(2520);
    expect(formatIsoDay(row.day as number)).toBe('2027-01-15');
    expect(row.why).toBe(
      `$48/h against a $60 floor; health Green ${green.score}; 24 h absorbed in 12 months (5% of contracted)`,
    );
    expect(row.action).toBe('Raise to $2,520 a month (+26%) from 15 Jan 2027; tell them by 16 Dec 2026');
  });

  test('a review already due: the raise starts no sooner than a month from today', () => {
    expect(formatIsoDay(raiseFromDay(day('2026-11-01'), TODAY))).toBe('2026-12-30');
    // Above the floor, review due in 10 days: the yearly 5% raise, rounded up to $10.
    const [row] = portfolioReview([client({ monthlyFee: 3100, nextReviewDay: day('2026-12-10') })], options);
    expect([row.verdict, row.newFee, formatIsoDay(row.day as number)]).toEqual([
      'Re-price',
      3260,
      '2026-12-30',
    ]);
    expect(row.why).toContain('rate review due 10 Dec 2026');
  });

  test(
    'late 5 of 6 invoices: let go at the first period close a month away, with the notice rule of ' +
      'offboarding',
    () => {
      const dues = ['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'];
      const invoices = dues.map((due, i) => ({ dueDay: day(due), paidDay: day(due) + (i === 0 ? 2 : 20) }));
      const [row] = portfolioReview([client({ payments: latePaymentRecord(invoices, TODAY, 7) })], options);
      expect(row.verdict).toBe('Let go');
      expect(row.leaveReason).toBe('Pays late');
      expect(row.why).toContain('late 5 of 6 invoices');
      // Started 15 Mar, 6-month program: periods close 15 Sep 2026, 15 Mar 2027; 30 Dec is the earliest with notice.
      expect(formatIsoDay(row.day as number)).toBe('2027-03-15');
      expect(formatIsoDay(row.noticeBy as number)).toBe('2027-02-13');
      expect(row.action).toBe(
        'End on 15 Mar 2027, the close of a program period; give notice by 13 Feb 2027 (Pays late)',
      );
    },
  );

  test('$30/h against a $60 floor needs +100%: let go as unprofitable, unless the client is Savvy', () => {
    const cheap = client({ monthlyFee: 1200 });
    const [row] = portfolioReview([cheap], options);
    expect([row.verdict, row.leaveReason]).toEqual(['Let go', 'Unprofitable']);
    expect(row.why).toBe(
      `$30/h against a $60 floor; health Green ${green.score}; a raise to the floor would be +100%`,
    );
    const [savvy] = portfolioReview([{ ...cheap, clientType: 'Savvy' }], options);
    expect([savvy.verdict, savvy.newFee]).toEqual(['Re-price', 2400]);
    expect(savvy.why).toContain('Savvy: loyal and refers others');
  });

  test('red health with scope creep (3 open requests): let go for scope creep', () => {
    const [row] = portfolioReview([client({ health: red, openRequests: 3 })], options);
    expect([row.verdict, row.leaveReason]).toEqual(['Let go', 'Scope creep']);
    expect(row.why).toContain('3 open requests');
    // The same client in the red without creep, above the floor: kept (health alone is a call, not an ending).
    expect(portfolioReview([client({ health: red })], options)[0].verdict).toBe('Keep');
  });

  test('no program length: the period is the monthly billing from the start; no start: a month from today', () => {
    expect(formatIsoDay(earliestEnding(day('2026-03-15'), null, TODAY, 'Poor fit'))).toBe('2027-01-15');
    expect(formatIsoDay(earliestEnding(null, 6, TODAY, 'Poor fit'))).toBe('2026-12-30');
  });

  test('no hours or no fee: rate unknown, never a verdict built on a guess', () => {
    const [row] = portfolioReview([client({ hoursPerMonth: null })], options);
    expect([row.verdict, row.effectiveRate]).toEqual(['Keep', null]);
    expect(row.why).toMatch(/^no hours a month set: rate unknown/);
  });

  test('ranking: Keep, Re-price, Let go; within each the highest profit per hour first', () => {
    const rows = portfolioReview(
      [
        client({ clientId: 'A', name: 'Low keep', monthlyFee: 2500 }),
        client({ clientId: 'B', name: 'Cheap', monthlyFee: 1000 }),
        client({ clientId: 'C', name: 'High keep', monthlyFee: 4000 }),
        client({ clientId: 'D', name: 'Re-price', monthlyFee: 2200 }),
      ],
      options,
    );
    expect(rows.map((r) => [r.rank, r.clientId, r.verdict])).toEqual([
      [1, 'C', 'Keep'],
      [2, 'A', 'Keep'],
      [3, 'D', 'Re-price'],
      [4, 'B', 'Let go'],
    ]);
  });

  test('the floor at 0 is off: nothing is re-priced for its rate', () => {
    const [row] = portfolioReview([client({ monthlyFee: 1000 })], { ...options, rateFloor: 0 });
    expect([row.verdict, row.why]).toEqual(['Keep', `$25/h; health Green ${green.score}`]);
  });

  test('quarterOf', () => {
    expect([
      quarterOf(day('2026-11-30')),
      quarterOf(day('2026-01-01')),
      quarterOf(day('2026-06-30')),
    ]).toEqual(['Q4 2026', 'Q1 2026', 'Q2 2026']);
  });
});
