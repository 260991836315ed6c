/**
 * Invoices paid late. A paid invoice is late by the days from due to paid; an unpaid one by the days
 * from due to `asOfDay`. Early or on time is 0.
 */

/** Days late; null for an unpaid invoice when no as-of day is given. */
export function daysLate(dueDay: number, paidDay: number | null, asOfDay: number | null): number | null {
  const until = paidDay ?? asOfDay;
  return until === null ? null : Math.max(0, until - dueDay);
}
