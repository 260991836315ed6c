import { clientLtv } from '../core/ltv';
import { MONEY, runFormula, YEARS, type FormulaOutput } from './args';

/**
 * Lifetime value of a client: yearly profit × the years they stay.
 * Takes single values or whole columns (a single value applies to every row); rows left blank stay blank.
 *
 * @param {number|number[][]} yearly_profit Profit from the client per year, e.g. 3500 or "$3,500".
 * @param {number|number[][]} lifespan_years How many years the client stays, e.g. 3.2 (see CLIENT_LIFESPAN).
 * @return {number|number[][]} The client's lifetime value, in the currency of yearly_profit.
 * @example =CLIENT_LTV(3500, 3.2)
 * @example =CLIENT_LTV(H2:H, 3.2)
 * @customfunction
 */
export function CLIENT_LTV(yearly_profit: unknown, lifespan_years: unknown): FormulaOutput {
  return runFormula('CLIENT_LTV', (call) =>
    call.elementwise(
      [
        { grid: call.arg('yearly_profit', yearly_profit), kind: MONEY },
        { grid: call.arg('lifespan_years', lifespan_years), kind: YEARS },
      ],
      ([profit, years]) => clientLtv(profit, years),
    ),
  );
}
