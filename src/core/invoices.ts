/**
 * Invoices and the payments that settle them: the one late-payment rule, a client's late-payment
 * record, what a payment leaves due, and the next invoice of a monthly fee schedule. Days are day
 * numbers (see `dates.ts`); an invoice is one row of the Payments sheet.
 */
import { addMonths } from './dates';

/** Days late; null for an unpaid invoice when no as-of day is given. */
export function daysLate(dueDay: number, paidDay: number | null, asOfDay: number | null): number | null {
  const until = paidDay ?? asOfDay;
  return until === null ? null : Math.max(0, until - dueDay);
}

/**
 * An invoice as a Payments row holds it. It is paid when its paid date is filled: a part payment adds to
 * `paidAmount` and leaves the paid date blank, so every reader that asks "is Paid blank?" sees it open.
 */
export interface Invoice {
  dueDay: number | null;
  amount: number | null;
  paidDay: number | null;
  /** What has been paid so far; null on rows from before the column existed (paid in full when dated). */
  paidAmount: number | null;
}

export function isPaid(invoice: Pick<Invoice, 'paidDay'>): boolean {
  return invoice.paidDay !== null;
}

/**
 * The late-payment rule, for every place that shows one (card, Dashboard, advice): an invoice is late when
 * it was paid, or is still unpaid on `asOfDay`, more than `graceDays` after its due date. Paid late stays
 * late (it counts in the record); only an unpaid late invoice still needs chasing (`isOverdue`).
 */
export function isLate(
  invoice: Pick<Invoice, 'dueDay' | 'paidDay'>,
  asOfDay: number,
  graceDays: number,
): boolean {
  if (invoice.dueDay === null) return false;
  return (daysLate(invoice.dueDay, invoice.paidDay, asOfDay) as number) > graceDays;
}

/** Unpaid and late on `asOfDay`: the invoice to chase. */
export function isOverdue(
  invoice: Pick<Invoice, 'dueDay' | 'paidDay'>,
  asOfDay: number,
  graceDays: number,
): boolean {
  return !isPaid(invoice) && isLate(invoice, asOfDay, graceDays);
}

const cents = (amount: number) => Math.round(amount * 100);

/** What is still due on an invoice: nothing once paid, else the amount less any part payments. */
export function amountDue(invoice: Invoice): number {
  if (isPaid(invoice) || invoice.amount === null) return 0;
  return Math.max(0, cents(invoice.amount) - cents(invoice.paidAmount ?? 0)) / 100;
}

export interface LatePaymentRecord {
  /** Invoices whose outcome is known on the as-of day: paid ones, and unpaid ones already late. */
  counted: number;
  /** How many of those were (or are) late. */
  late: number;
  /** Of the late ones, how many are still unpaid. */
  unpaidLate: number;
  /** Mean days late over the late ones (paid: due → paid; unpaid: due → as-of); null when none was late. */
  averageDaysLate: number | null;
}

/**
 * A client's late-payment record: "late 16 of 17, 12 days late on average". An unpaid invoice not yet past
 * its grace days (or not yet due, an invoice made ahead) is left out: it may still be paid on time.
 * Shared by the card and the Dashboard's "needs attention" list.
 */
export function latePaymentRecord(
  invoices: readonly Pick<Invoice, 'dueDay' | 'paidDay'>[],
  asOfDay: number,
  graceDays: number,
): LatePaymentRecord {
  let counted = 0;
  let late = 0;
  let unpaidLate = 0;
  let totalDaysLate = 0;
  for (const invoice of invoices) {
    if (invoice.dueDay === null) continue;
    // A payment dated after the as-of day is not known yet on that day.
    const paidDay = invoice.paidDay !== null && invoice.paidDay <= asOfDay ? invoice.paidDay : null;
    const known = { dueDay: invoice.dueDay, paidDay };
    const isLateHere = isLate(known, asOfDay, graceDays);
    if (paidDay === null && !isLateHere) continue;
    counted++;
    if (!isLateHere) continue;
    late++;
    if (paidDay === null) unpaidLate++;
    totalDaysLate += daysLate(invoice.dueDay, paidDay, asOfDay) as number;
  }
  return { counted, late, unpaidLate, averageDaysLate: late === 0 ? null : totalDaysLate / late };
}

export type PaymentOutcome =
  | { ok: true; paidAmount: number; paidDay: number | null; stillDue: number }
  | { ok: false; problem: 'paid' | 'amount'; message: string };

/** How a message names the invoice (`the invoice due 28 Oct 2026`) and shows money (`$1,500`). */
export interface PaymentWords {
  invoice: string;
  money: (amount: number) => string;
}

/**
 * Applies a payment of `amount` on `paidDay` to an invoice. A payment of everything due settles it (paid
 * date written); less is a part payment (the invoice stays open for the rest); a paid invoice, nothing, or
 * more than is due is refused: an overpayment is a typo or belongs to another invoice.
 */
export function applyPayment(
  invoice: Invoice,
  amount: number,
  paidDay: number,
  words: PaymentWords = { invoice: 'the invoice', money: String },
): PaymentOutcome {
  if (isPaid(invoice)) {
    return {
      ok: false,
      problem: 'paid',
      message: `${capitalize(words.invoice)} is already paid; nothing was changed.`,
    };
  }
  if (!(amount > 0)) return { ok: false, problem: 'amount', message: 'The amount paid must be more than 0.' };
  const total = cents(invoice.paidAmount ?? 0) + cents(amount);
  if (invoice.amount !== null && total > cents(invoice.amount)) {
    return {
      ok: false,
      problem: 'amount',
      message:
        `${words.money(amount)} is more than the ${words.money(amountDue(invoice))} still due ` +
        `on ${words.invoice}.`,
    };
  }
  const stillDue = invoice.amount === null ? 0 : (cents(invoice.amount) - total) / 100;
  return { ok: true, paidAmount: total / 100, paidDay: stillDue === 0 ? paidDay : null, stillDue };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The due day of the next invoice of a monthly fee: the first monthly anniversary of the start after the
 * latest invoice (the start itself when there is none), so a start on the 31st bills on each month's last
 * day. Without a start, a month after the latest invoice. Null when there is nothing to bill from, or the
 * next one would fall after the client's end.
 */
export function nextScheduledDue(
  startDay: number | null,
  endDay: number | null,
  invoiceDueDays: readonly number[],
): number | null {
  const latest = invoiceDueDays.length ? Math.max(...invoiceDueDays) : null;
  let next: number | null;
  if (startDay === null) next = latest === null ? null : addMonths(latest, 1);
  else if (latest === null || latest < startDay) next = startDay;
  else {
    let months = 0;
    while (addMonths(startDay, months) <= latest) months++;
    next = addMonths(startDay, months);
  }
  return next !== null && endDay !== null && next > endDay ? null : next;
}
