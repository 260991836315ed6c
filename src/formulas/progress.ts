import { progressFraction } from '../core/progress';
import { NUMBER, runFormula, type FormulaOutput } from './args';

/**
 * How far a client has come from where they started (baseline) towards their target: 0 at the baseline,
 * 1 at the target (100%), below 0 if things got worse, above 1 past the target.
 * Works for goals that go down: cost per lead from $30 to $20 is halfway (0.5) at $25.
 * Takes single values or whole columns; rows left blank stay blank.
 *
 * @param {number|number[][]} baseline Where the client was before you started, e.g. 30 or "$30".
 * @param {number|number[][]} current Where they are now.
 * @param {number|number[][]} target Where they want to be; must differ from baseline.
 * @return {number|number[][]} The fraction of the way from baseline to target; format the cell as a percent.
 * @example =CLIENT_PROGRESS(30, 25, 20)
 * @example =CLIENT_PROGRESS(D2:D, E2:E, F2:F)
 * @customfunction
 */
export function CLIENT_PROGRESS(baseline: unknown, current: unknown, target: unknown): FormulaOutput {
  return runFormula('CLIENT_PROGRESS', (call) =>
    call.elementwise(
      [
        { grid: call.arg('baseline', baseline), kind: NUMBER },
        { grid: call.arg('current', current), kind: NUMBER },
        { grid: call.arg('target', target), kind: NUMBER },
      ],
      ([from, now, to]) => progressFraction(from, now, to),
    ),
  );
}
