import { leastSquaresSlope, trendPerWeek, type TrendPoint } from '../core/trend';
import { DATE, isBlank, NUMBER, runFormula, type FormulaOutput } from './args';

/**
 * The trend of a metric: its least-squares slope, per week when dates are given, else per row.
 * Rows where the value (or its date) is blank are ignored. Blank when fewer than two values
 * (on different dates) are left, since no trend can be drawn yet.
 *
 * @param {number[][]} values The metric's values: one column or one row, e.g. a client's weekly log column.
 * @param {Date[][]} [dates] The date of each value; same shape as values. Without dates, rows are equally spaced.
 * @return {number} The change per week (with dates) or per row (without).
 * @example =CLIENT_TREND(C5:C)
 * @example =CLIENT_TREND(C5:C, A5:A)
 * @customfunction
 */
export function CLIENT_TREND(values: unknown, dates?: unknown): FormulaOutput {
  return runFormula('CLIENT_TREND', (call) => {
    const valueGrid = call.arg('values', values);
    if (valueGrid.rows > 1 && valueGrid.cols > 1) {
      call.fail(`values must be one column or one row; got ${call.describe(values)}`);
    }
    const dateGrid = call.arg('dates', dates);
    const withDates = !(dateGrid.single && isBlank(dateGrid.at(0, 0)));
    if (withDates) {
      if (dateGrid.single !== valueGrid.single)
        call.fail('dates must be a range of the same shape as values');
      // Same rows and columns: a shorter dates range would silently drop values.
      call.commonShape([valueGrid, dateGrid]);
    }
    const points: TrendPoint[] = [];
    const length = Math.max(valueGrid.rows, valueGrid.cols);
    for (let i = 0; i < length; i++) {
      const [row, col] = valueGrid.cols === 1 ? [i, 0] : [0, i];
      if (isBlank(valueGrid.at(row, col)) || (withDates && isBlank(dateGrid.at(row, col)))) continue;
      const y = call.read(valueGrid, NUMBER, row, col);
      points.push({ x: withDates ? call.read(dateGrid, DATE, row, col) : i, y });
    }
    const slope = withDates ? trendPerWeek(points) : leastSquaresSlope(points);
    return slope ?? '';
  });
}
