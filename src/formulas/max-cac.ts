import { DEFAULT_LTV_TO_CAC_RATIO, maxCac } from '../core/ltv';
import { MONEY, RATIO, runFormula, type FormulaOutput } from './args';

/**
 * The most you can spend to win a client (customer acquisition cost) and keep LTV:CAC at the ratio.
 * Takes single values or whole columns; rows left blank stay blank.
 *
 * @param {number|number[][]} ltv The client's lifetime value (see CLIENT_LTV).
 * @param {number|number[][]} [ltv_to_cac_ratio] The LTV:CAC ratio to keep, e.g. 3 or "3:1". Default 3.
 * @return {number|number[][]} ltv ÷ ltv_to_cac_ratio.
 * @example =CLIENT_MAX_CAC(11200)
 * @example =CLIENT_MAX_CAC(11200, 4)
 * @customfunction
 */
export function CLIENT_MAX_CAC(ltv: unknown, ltv_to_cac_ratio?: unknown): FormulaOutput {
  return runFormula('CLIENT_MAX_CAC', (call) =>
    call.elementwise(
      [
        { grid: call.arg('ltv', ltv), kind: MONEY },
        {
          grid: call.arg('ltv_to_cac_ratio', ltv_to_cac_ratio),
          kind: RATIO,
          fallback: DEFAULT_LTV_TO_CAC_RATIO,
        },
      ],
      ([value, ratio]) => maxCac(value, ratio),
    ),
  );
}
