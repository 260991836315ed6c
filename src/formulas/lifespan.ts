import { clientLifespanYears, LIFESPAN_METHODS, type LifespanMethod } from '../core/lifespan';
import { runFormula, type FormulaOutput } from './args';

/**
 * Average number of years a client stays, from each client's start and end dates.
 * A blank end date means the client is still with you. Clients starting after as_of are left out,
 * and an end date after as_of is not counted yet. Years are 365.25 days. Blank when there are no clients.
 * Methods: "simple" adds up every client's years (active clients up to as_of) and divides by the
 * number of clients; it underestimates while many clients are still active.
 * "km" (Kaplan–Meier) treats active clients as still going and gives the mean stay up to the longest
 * stay seen so far. "churn" is 1 ÷ yearly churn rate: client-years ÷ clients who ended.
 *
 * @param {Date[][]} start_dates The date each client started, e.g. the Start column of the roster.
 * @param {Date[][]} end_dates The date each client ended, blank for active clients; same shape as start_dates.
 * @param {string} [method] "simple", "km" or "churn". Default "simple".
 * @param {Date} [as_of] The date to measure on, e.g. TODAY(). Left out, it is the day the formula last ran: Sheets re-runs it only when an argument changes.
 * @return {number} The average client lifespan in years.
 * @example =CLIENT_LIFESPAN(E2:E, F2:F)
 * @example =CLIENT_LIFESPAN(E2:E, F2:F, "km", TODAY())
 * @example =CLIENT_LIFESPAN(E2:E, F2:F, "churn", DATE(2024, 12, 31))
 * @customfunction
 */
export function CLIENT_LIFESPAN(
  start_dates: unknown,
  end_dates: unknown,
  method?: unknown,
  as_of?: unknown,
): FormulaOutput {
  return runFormula('CLIENT_LIFESPAN', (call) => {
    const stays = call.stays(call.arg('start_dates', start_dates), call.arg('end_dates', end_dates));
    const chosen = call.choice<LifespanMethod>(call.arg('method', method), LIFESPAN_METHODS, 'simple');
    const asOfDay = call.dateOrToday(call.arg('as_of', as_of));
    return stays.length === 0 ? '' : clientLifespanYears(stays, asOfDay, chosen);
  });
}
