import { firstDayOfMonthIndex } from '../core/dates';
import { cohortRetention } from '../core/retention';
import { numberKind, runFormula, type FormulaOutput, type OutputCell } from './args';

const MONTH_COUNT = numberKind('a whole number of months', {
  test: (months) => Number.isInteger(months) && months >= 1 && months <= 120,
  expected: 'a whole number of months from 1 to 120',
});

/**
 * Monthly cohort retention table, spilled: a header row ("Cohort", "Month 0", "Month 1", ...), then one
 * row per month in which clients started (oldest first): that month (its 1st), then the share of those
 * clients still with you 0, 1, 2, ... months after their own start date.
 * A cell stays blank until every client in the cohort has reached that month by as_of.
 * Clients starting after as_of are left out. Blank when there are no clients.
 *
 * @param {Date[][]} start_dates The date each client started.
 * @param {Date[][]} end_dates The date each client ended, blank for active clients; same shape as start_dates.
 * @param {number} [months] How many month columns to show, 1 to 120. Default 12.
 * @param {Date} [as_of] The date to measure on, e.g. TODAY(). Left out, it is the day the formula last ran: Sheets re-runs it only when an argument changes.
 * @return {any[][]} The cohort table; format the share columns as percents.
 * @example =CLIENT_RETENTION(E2:E, F2:F, 12, TODAY())
 * @example =CLIENT_RETENTION(E2:E, F2:F, 6, DATE(2024, 12, 31))
 * @customfunction
 */
export function CLIENT_RETENTION(
  start_dates: unknown,
  end_dates: unknown,
  months?: unknown,
  as_of?: unknown,
): FormulaOutput {
  return runFormula('CLIENT_RETENTION', (call) => {
    const stays = call.stays(call.arg('start_dates', start_dates), call.arg('end_dates', end_dates));
    const monthCount = call.single(call.arg('months', months), MONTH_COUNT, 12);
    const asOfDay = call.dateOrToday(call.arg('as_of', as_of));
    if (stays.length === 0) return '';
    const header: OutputCell[] = ['Cohort'];
    for (let k = 0; k < monthCount; k++) header.push(`Month ${k}`);
    const rows = cohortRetention(stays, monthCount, asOfDay).map((cohort): OutputCell[] => [
      call.dateCell(firstDayOfMonthIndex(cohort.monthIndex)),
      ...cohort.shares.map((share) => share ?? ''),
    ]);
    return [header, ...rows];
  });
}
