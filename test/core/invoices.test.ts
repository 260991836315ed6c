import {
  amountDue,
  applyPayment,
  daysLate,
  isLate,
  isOverdue,
  latePaymentRecord,
  nextScheduledDue,
  type Invoice,
} from '../../src/core/invoices';
import { parseIsoDay } from '../../src/core/dates';

const day = (iso: string) => parseIsoDay(iso) as number;
const invoice = (over: Partial<Invoice> = {}): Invoice => ({
  dueDay: 100,
  amount: 1500,
  paidDay: null,
  paidAmount: null,
  ...over,
});

describe('daysLate', () => {
  test('paid: days from due to paid; early or on time is 0', () => {
    expect(daysLate(100, 114, null)).toBe(14);
    expect(daysLate(100, 100, 200)).toBe(0);
    expect(daysLate(100, 90, 200)).toBe(0);
  });
  test('unpaid: counts up to as-of, and is unknown without it', () => {
    expect(daysLate(100, null, 130)).toBe(30);
    expect(daysLate(100, null, 95)).toBe(0);
    expect(daysLate(100, null, null)).toBeNull();
  });
});

describe('isLate / isOverdue: the one late-payment rule', () => {
  test('late is more than the grace days after due, paid or not', () => {
    expect(isLate({ dueDay: 100, paidDay: 107 }, 200, 7)).toBe(false);
    expect(isLate({ dueDay: 100, paidDay: 108 }, 200, 7)).toBe(true);
    expect(isLate({ dueDay: 100, paidDay: null }, 107, 7)).toBe(false);
    expect(isLate({ dueDay: 100, paidDay: null }, 108, 7)).toBe(true);
    expect(isLate({ dueDay: null, paidDay: null }, 500, 0)).toBe(false);
  });
  test('only an unpaid late invoice is overdue: paying it late ends the chase, not the record', () => {
    expect(isOverdue({ dueDay: 100, paidDay: null }, 130, 7)).toBe(true);
    expect(isOverdue({ dueDay: 100, paidDay: 129 }, 130, 7)).toBe(false);
    expect(isLate({ dueDay: 100, paidDay: 129 }, 130, 7)).toBe(true);
  });
});

describe('latePaymentRecord', () => {
  test('a chronic late payer: 16 late of 17, with the average days late', () => {
    const invoices = Array.from({ length: 17 }, (_, i) => ({
      dueDay: 1000 + 30 * i,
      paidDay: 1000 + 30 * i + (i === 5 ? 2 : 10 + i),
    }));
    const record = latePaymentRecord(invoices, 2000, 7);
    expect(record.counted).toBe(17);
    expect(record.late).toBe(16);
    expect(record.unpaidLate).toBe(0);
    const lateDays = invoices.filter((_, i) => i !== 5).map((inv) => inv.paidDay - inv.dueDay);
    expect(record.averageDaysLate).toBeCloseTo(lateDays.reduce((a, b) => a + b, 0) / 16);
  });
  test('unpaid: counted once late (days up to as-of); not yet late or made ahead: left out', () => {
    const record = latePaymentRecord(
      [
        { dueDay: 100, paidDay: null }, // 30 days late on 130
        { dueDay: 125, paidDay: null }, // 5 days: within grace, may still be paid on time
        { dueDay: 160, paidDay: null }, // made ahead
        { dueDay: 90, paidDay: 92 }, // on time
      ],
      130,
      7,
    );
    expect(record).toEqual({ counted: 2, late: 1, unpaidLate: 1, averageDaysLate: 30 });
  });
  test('a paid invoice settled late counts once, as paid late (not as overdue and paid)', () => {
    expect(latePaymentRecord([{ dueDay: 100, paidDay: 120 }], 130, 7)).toEqual({
      counted: 1,
      late: 1,
      unpaidLate: 0,
      averageDaysLate: 20,
    });
  });
  test('a payment dated after the as-of day is not known yet; no invoices, no average', () => {
    expect(latePaymentRecord([{ dueDay: 100, paidDay: 140 }], 130, 7)).toMatchObject({
      late: 1,
      unpaidLate: 1,
    });
    expect(latePaymentRecord([], 130, 7)).toEqual({
      counted: 0,
      late: 0,
      unpaidLate: 0,
      averageDaysLate: null,
    });
  });
});

describe('applyPayment: settling and part payments', () => {
  test('paying what is due settles the invoice on the paid day', () => {
    expect(applyPayment(invoice(), 1500, 120)).toEqual({
      ok: true,
      paidAmount: 1500,
      paidDay: 120,
      stillDue: 0,
    });
  });
  test('a part payment keeps the invoice open for the rest; the rest then settles it', () => {
    const first = applyPayment(invoice(), 500.1, 110);
    expect(first).toEqual({ ok: true, paidAmount: 500.1, paidDay: null, stillDue: 999.9 });
    const after = invoice({ paidAmount: 500.1 });
    expect(amountDue(after)).toBe(999.9);
    expect(applyPayment(after, 999.9, 125)).toEqual({
      ok: true,
      paidAmount: 1500,
      paidDay: 125,
      stillDue: 0,
    });
  });
  test('a paid invoice, nothing, or more than is due is refused with a message', () => {
    const words = { invoice: 'the invoice due 28 Oct 2026', money: (n: number) => `$${n}` };
    expect(applyPayment(invoice({ paidDay: 110 }), 1500, 120, words)).toEqual({
      ok: false,
      problem: 'paid',
      message: 'The invoice due 28 Oct 2026 is already paid; nothing was changed.',
    });
    expect(applyPayment(invoice(), 0, 120, words)).toMatchObject({ ok: false, problem: 'amount' });
    expect(applyPayment(invoice({ paidAmount: 1000 }), 600, 120, words)).toEqual({
      ok: false,
      problem: 'amount',
      message: '$600 is more than the $500 still due on the invoice due 28 Oct 2026.',
    });
  });
  test('an old row with a paid date and no paid amount is paid in full', () => {
    expect(amountDue(invoice({ paidDay: 105 }))).toBe(0);
    expect(amountDue(invoice())).toBe(1500);
  });
});

describe('nextScheduledDue: the monthly fee schedule', () => {
  test('the first invoice is due on the start date; then monthly on the start day', () => {
    expect(nextScheduledDue(day('2026-01-31'), null, [])).toBe(day('2026-01-31'));
    expect(nextScheduledDue(day('2026-01-31'), null, [day('2026-01-31')])).toBe(day('2026-02-28'));
    // The anniversary of the start, not a month after the clamped 28th.
    expect(nextScheduledDue(day('2026-01-31'), null, [day('2026-01-31'), day('2026-02-28')])).toBe(
      day('2026-03-31'),
    );
  });
  test('after the latest invoice, however it was dated; a month after it without a start', () => {
    expect(nextScheduledDue(day('2026-01-10'), null, [day('2026-05-02')])).toBe(day('2026-05-10'));
    expect(nextScheduledDue(null, null, [day('2026-05-02')])).toBe(day('2026-06-02'));
    expect(nextScheduledDue(null, null, [])).toBeNull();
  });
  test('nothing past the end date', () => {
    expect(nextScheduledDue(day('2026-01-10'), day('2026-03-01'), [day('2026-02-10')])).toBeNull();
  });
});
