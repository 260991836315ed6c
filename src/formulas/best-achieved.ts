import { bestValue, type Direction } from '../core/expectations';
import { isBlank, NUMBER, runFormula, type FormulaOutput } from './args';

const DIRECTIONS: readonly Direction[] = ['up', 'down'];

/**
 * The best value each metric has reached: the highest where higher is better ("up"), the lowest where lower
 * is better ("down"). One column per metric, as in a client tab's log; one direction per metric, as a row
 * or a column (the tab's metric table lists them down its Direction column), or one for every metric.
 * Blank cells are skipped; a metric with no value yet gives a blank.
 *
 * @param {number[][]} metric_values The logged values, one column per metric, e.g. a client's log columns.
 * @param {string[][]} directions "up" or "down" for each metric (as many as metric_values has columns), or one for all.
 * @return {number[][]} One row: the best value of each metric.
 * @example =CLIENT_BEST_ACHIEVED(B13:C, C9:C10)
 * @example =CLIENT_BEST_ACHIEVED(C13:C, "down")
 * @customfunction
 */
export function CLIENT_BEST_ACHIEVED(metric_values: unknown, directions: unknown): FormulaOutput {
  return runFormula('CLIENT_BEST_ACHIEVED', (call) => {
    const values = call.arg('metric_values', metric_values);
    const ways = call.arg('directions', directions);
    if (ways.rows > 1 && ways.cols > 1)
      call.fail(
        `directions must be one row or one column of "up" or "down"; got ${call.describe(directions)}`,
      );
    const count = Math.max(ways.rows, ways.cols);
    if (!ways.single && count !== values.cols)
      call.fail(
        `directions must give one direction per column of metric_values (${values.cols}); got ${count}`,
      );
    const directionOf = (col: number): Direction => {
      const [row, column] = ways.single ? [0, 0] : ways.rows > 1 ? [col, 0] : [0, col];
      const cell = ways.at(row, column);
      const word = typeof cell === 'string' ? cell.trim().toLowerCase() : '';
      const found = DIRECTIONS.find((direction) => direction === word);
      if (found) return found;
      const where = ways.single ? '' : ` (${ways.rows > 1 ? 'row' : 'column'} ${col + 1})`;
      return call.fail(`directions must be "up" or "down"; got ${call.describe(cell)}${where}`);
    };
    const row: (number | string)[] = [];
    for (let col = 0; col < values.cols; col++) {
      const direction = directionOf(col);
      const numbers: number[] = [];
      for (let r = 0; r < values.rows; r++)
        if (!isBlank(values.at(r, col))) numbers.push(call.read(values, NUMBER, r, col));
      row.push(bestValue(numbers, direction) ?? '');
    }
    return values.single ? row[0] : [row];
  });
}
