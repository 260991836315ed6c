import { clientHealth, explainHealth, HEALTH_SIGNALS, type HealthSignal } from '../core/health';
import {
  isBlank,
  NUMBER,
  runFormula,
  type FormulaCall,
  type FormulaOutput,
  type Grid,
  type Kind,
} from './args';

const WEIGHT: Kind = {
  ...NUMBER,
  expected: 'a weight (0 or more)',
  check: { test: (w: number) => w >= 0, expected: 'a weight (0 or more)' },
};

/** Weights in signal order from a row or column of up to five numbers; blanks keep the default. */
function readWeights(call: FormulaCall, grid: Grid): Partial<Record<HealthSignal, number>> {
  if (grid.rows > 1 && grid.cols > 1)
    call.fail(`weights must be one row or one column of up to ${HEALTH_SIGNALS.length} numbers`);
  const count = Math.max(grid.rows, grid.cols);
  if (count > HEALTH_SIGNALS.length)
    call.fail(
      `weights must be one row or one column of up to ${HEALTH_SIGNALS.length} numbers; got ${count}`,
    );
  const weights: Partial<Record<HealthSignal, number>> = {};
  for (let i = 0; i < count; i++) {
    const row = grid.rows > 1 ? i : 0;
    const col = grid.rows > 1 ? 0 : i;
    if (isBlank(grid.at(row, col))) continue;
    weights[HEALTH_SIGNALS[i]] = call.read(grid, WEIGHT, row, col);
  }
  return weights;
}

/** TRUE, "TRUE" or 1 → true; blank, FALSE or 0 → false. */
function readFlag(call: FormulaCall, grid: Grid): boolean {
  if (!grid.single) call.fail(`${grid.name} must be TRUE or FALSE; got a range`);
  const value = grid.at(0, 0);
  if (isBlank(value) || value === false || value === 0) return false;
  if (value === true || value === 1) return true;
  const word = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (word === 'TRUE') return true;
  if (word === 'FALSE') return false;
  return call.fail(`${grid.name} must be TRUE or FALSE; got ${call.describe(value)}`);
}

/**
 * A client's health from 0 to 100: a weighted mean of five signals (check-ins against the cadence,
 * progress to target, satisfaction, late payments, open out-of-scope requests), each scored 0 to 1.
 * A signal left blank has no data and is left out, never counted as bad. There is no score (blank, or
 * "No score yet" when explained) until a check-in, progress or satisfaction has data: late payments and
 * open requests alone only say nothing has gone wrong yet. Bands: Red 0–50, Yellow 51–75,
 * Green 76–100. With explain TRUE the result is text: the band, the score, how many signals had data,
 * and the signals that cost the most points. Takes single values or whole columns (one row per client).
 *
 * @param {number|number[][]} days_since_checkin Days since the last check-in, e.g. =TODAY()-L2.
 * @param {number|number[][]} cadence_days How often the client should be checked in with, in days.
 * @param {number|number[][]} progress Progress to target, 0 to 1 (see CLIENT_PROGRESS).
 * @param {number|number[][]} satisfaction The latest satisfaction score, 1 to 10.
 * @param {number|number[][]} late_payments How many payments were late.
 * @param {number|number[][]} open_requests How many out-of-scope requests wait for a decision.
 * @param {number[][]} [weights] Weights of the five signals in that order, on any scale. Default 30, 25, 25, 10, 10.
 * @param {boolean} [explain] TRUE for the band and reasons as text. Default FALSE.
 * @return {number|string|number[][]} The score 0–100, or the explanation.
 * @example =CLIENT_HEALTH(21, 7, 0.4, 6, 2, 0, , TRUE)
 * @example =CLIENT_HEALTH(T2:T, J2:J, O2:O, U2:U, V2:V, W2:W)
 * @customfunction
 */
export function CLIENT_HEALTH(
  days_since_checkin: unknown,
  cadence_days: unknown,
  progress: unknown,
  satisfaction: unknown,
  late_payments: unknown,
  open_requests: unknown,
  weights?: unknown,
  explain?: unknown,
): FormulaOutput {
  return runFormula('CLIENT_HEALTH', (call) => {
    const chosen = readWeights(call, call.arg('weights', weights));
    const asText = readFlag(call, call.arg('explain', explain));
    const blank = Number.NaN; // a blank cell is "no data", not a required value
    const operand = (name: string, value: unknown) => ({
      grid: call.arg(name, value),
      kind: NUMBER,
      fallback: blank,
    });
    return call.elementwise(
      [
        operand('days_since_checkin', days_since_checkin),
        operand('cadence_days', cadence_days),
        operand('progress', progress),
        operand('satisfaction', satisfaction),
        operand('late_payments', late_payments),
        operand('open_requests', open_requests),
      ],
      (values) => {
        if (values.every(Number.isNaN)) return '';
        const [days, cadence, fraction, score, late, open] = values.map((v) => (Number.isNaN(v) ? null : v));
        const health = clientHealth(
          {
            daysSinceCheckIn: days,
            cadenceDays: cadence,
            progress: fraction,
            satisfaction: score,
            latePayments: late,
            openRequests: open,
          },
          chosen,
        );
        if (asText) return explainHealth(health);
        return health.score ?? '';
      },
    );
  });
}
