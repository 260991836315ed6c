import { daysLate } from '../core/invoices';
import { DATE, runFormula, type FormulaOutput } from './args';

/**
 * How many days each invoice was paid late: from its due date to the day it was paid, or, while unpaid,
 * to as_of. On time or early is 0. Without as_of an unpaid invoice stays blank: pass TODAY() (Sheets
 * re-runs a custom function only when an argument changes, so it cannot follow the date by itself).
 * Takes single values or whole columns; rows with no due date stay blank.
 *
 * @param {Date|Date[][]} due_dates The date each invoice was due.
 * @param {Date|Date[][]} paid_dates The date each was paid, blank while unpaid; same shape as due_dates.
 * @param {Date} [as_of] The day to count unpaid invoices up to, e.g. TODAY().
 * @return {number|number[][]} Days late, 0 when paid on time.
 * @example =CLIENT_DAYS_LATE(B2:B, C2:C, TODAY())
 * @example =CLIENT_DAYS_LATE(DATE(2024,3,1), DATE(2024,3,15))
 * @customfunction
 */
export function CLIENT_DAYS_LATE(due_dates: unknown, paid_dates: unknown, as_of?: unknown): FormulaOutput {
  return runFormula('CLIENT_DAYS_LATE', (call) => {
    const asOfDay = call.single(call.arg('as_of', as_of), DATE, Number.NaN);
    const unpaid = Number.NaN; // a blank paid date
    return call.elementwise(
      [
        { grid: call.arg('due_dates', due_dates), kind: DATE },
        { grid: call.arg('paid_dates', paid_dates), kind: DATE, fallback: unpaid },
      ],
      ([dueDay, paidDay]) => {
        const late = daysLate(
          dueDay,
          Number.isNaN(paidDay) ? null : paidDay,
          Number.isNaN(asOfDay) ? null : asOfDay,
        );
        return late ?? '';
      },
    );
  });
}
