import { logoChurn } from '../core/churn';
import { DomainError } from '../core/errors';
import { DATE, runFormula, type FormulaOutput } from './args';

/**
 * Logo churn for a period: clients who ended within the period ÷ clients active at its start.
 * Active at the start: started before period_start and not ended before it. A client who starts inside
 * the period is new, so one who starts and ends inside it counts in neither number.
 * Both period dates are included. Give period_start and period_end as columns to get one churn per row
 * (e.g. one per month). Blank when there are no clients. If nobody was active at period_start the
 * churn is undefined: an error for a single period, a blank row when periods are ranges.
 *
 * @param {Date[][]} start_dates The date each client started.
 * @param {Date[][]} end_dates The date each client ended, blank for active clients; same shape as start_dates.
 * @param {Date|Date[][]} period_start The first day of the period.
 * @param {Date|Date[][]} period_end The last day of the period.
 * @return {number|number[][]} The share of clients lost in the period; format the cell as a percent.
 * @example =CLIENT_CHURN(E2:E, F2:F, DATE(2024, 1, 1), DATE(2024, 12, 31))
 * @example =CLIENT_CHURN(E2:E, F2:F, H2:H13, I2:I13)
 * @customfunction
 */
export function CLIENT_CHURN(
  start_dates: unknown,
  end_dates: unknown,
  period_start: unknown,
  period_end: unknown,
): FormulaOutput {
  return runFormula('CLIENT_CHURN', (call) => {
    const stays = call.stays(call.arg('start_dates', start_dates), call.arg('end_dates', end_dates));
    return call.elementwise(
      [
        { grid: call.arg('period_start', period_start), kind: DATE },
        { grid: call.arg('period_end', period_end), kind: DATE },
      ],
      ([from, to], single) => {
        if (to < from) throw new DomainError('period_end must be on or after period_start');
        if (stays.length === 0) return '';
        const { rate } = logoChurn(stays, from, to);
        if (rate !== null) return rate;
        if (!single) return '';
        throw new DomainError(
          'no clients were active on period_start (started before it and not ended before it), ' +
            'so there is no churn to measure',
        );
      },
    );
  });
}
