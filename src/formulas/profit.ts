import { clientProfit, effectiveHourlyRate } from '../core/profitability';
import { MONEY, NUMBER, runFormula, type FormulaOutput } from './args';

/**
 * What each hour of work for a client earns: revenue ÷ hours. Count every hour, absorbed out-of-scope
 * work included, to see the rate you really get. Takes single values or whole columns.
 *
 * @param {number|number[][]} revenue What the client paid over the period, e.g. 6000 or "$6,000".
 * @param {number|number[][]} hours The hours worked for them over the same period.
 * @return {number|number[][]} Revenue per hour, in the currency of revenue.
 * @example =CLIENT_EFFECTIVE_RATE(6000, 48)
 * @example =CLIENT_EFFECTIVE_RATE(H2:H, K2:K)
 * @customfunction
 */
export function CLIENT_EFFECTIVE_RATE(revenue: unknown, hours: unknown): FormulaOutput {
  return runFormula('CLIENT_EFFECTIVE_RATE', (call) =>
    call.elementwise(
      [
        { grid: call.arg('revenue', revenue), kind: MONEY },
        { grid: call.arg('hours', hours), kind: NUMBER },
      ],
      ([money, time]) => effectiveHourlyRate(money, time),
    ),
  );
}

/**
 * Profit from a client: revenue less the hours at their cost and any direct costs.
 * Takes single values or whole columns; a blank direct cost is 0.
 *
 * @param {number|number[][]} revenue What the client paid over the period.
 * @param {number|number[][]} hours The hours worked for them, absorbed out-of-scope work included.
 * @param {number|number[][]} hourly_cost What an hour of that work costs you (your own or a contractor's).
 * @param {number|number[][]} [direct_costs] Other costs of serving the client (tools, ads). Default 0.
 * @return {number|number[][]} The profit, in the currency of revenue.
 * @example =CLIENT_PROFIT(6000, 48, 40, 300)
 * @example =CLIENT_PROFIT(H2:H, K2:K, 40)
 * @customfunction
 */
export function CLIENT_PROFIT(
  revenue: unknown,
  hours: unknown,
  hourly_cost: unknown,
  direct_costs?: unknown,
): FormulaOutput {
  return runFormula('CLIENT_PROFIT', (call) =>
    call.elementwise(
      [
        { grid: call.arg('revenue', revenue), kind: MONEY },
        { grid: call.arg('hours', hours), kind: NUMBER },
        { grid: call.arg('hourly_cost', hourly_cost), kind: MONEY },
        { grid: call.arg('direct_costs', direct_costs), kind: MONEY, fallback: 0 },
      ],
      ([money, time, cost, direct]) => clientProfit(money, time, cost, direct),
    ),
  );
}
