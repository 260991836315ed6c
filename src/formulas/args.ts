/**
 * Everything the CLIENT_* formulas share about their arguments: the shapes Sheets passes (a bare value
 * or a 2D array), broadcasting a single value against a range, blanks, reading numbers/money/dates with
 * the spreadsheet's locale and time zone, and error messages that name the formula, the argument, what
 * was expected, what was found and where. Each formula file then only says what its arguments are.
 */
import { formatIsoDay, isDate } from '../core/dates';
import { DomainError } from '../core/errors';
import { parseDate, parseMoney, parseNumber, parseRatio } from '../core/parse';
import type { Stay } from '../core/stays';
import { getFormulaContext, type FormulaContext } from './context';
import { dayOfDateArgument, dayOfDateInZone, midnightInZone } from '../core/time-zone';

export type OutputCell = number | string | Date;
export type FormulaOutput = OutputCell | OutputCell[][];

/** An error whose message is ready for the user (Sheets shows it under #ERROR!). */
export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaError';
  }
}

/** How to read one kind of value, and how to say what was expected. */
export interface Kind {
  expected: string;
  read(value: unknown, context: () => FormulaContext): number | null;
  /** A readable value can still be out of range; `expected` then replaces the kind's own. */
  check?: { test(value: number): boolean; expected: string };
}

export const numberKind = (expected: string, check?: Kind['check']): Kind => ({
  expected,
  read: (value, context) => (typeof value === 'number' ? value : parseNumber(value, context().locale)),
  check,
});

export const MONEY: Kind = {
  expected: 'an amount of money',
  read: (value, context) => (typeof value === 'number' ? value : parseMoney(value, context().locale)),
};
export const NUMBER: Kind = numberKind('a number');
export const YEARS: Kind = numberKind('a number of years', {
  test: (years) => years >= 0,
  expected: 'a number of years (0 or more)',
});
export const RATIO: Kind = {
  expected: 'a ratio greater than 0 (such as 3 or 3:1)',
  read: (value, context) => (typeof value === 'number' ? value : parseRatio(value, context().locale)),
  check: { test: (ratio) => ratio > 0, expected: 'a ratio greater than 0 (such as 3 or 3:1)' },
};
export const DATE: Kind = {
  expected: 'a date',
  read: (value, context) =>
    isDate(value)
      ? dayOfDateArgument(value, context().timeZone, context().scriptTimeZone)
      : typeof value === 'number' || typeof value === 'string'
        ? parseDate(value, context().locale)
        : null,
};

/** A formula argument seen as a grid. A bare value, a 1×1 range and an omitted argument are `single`. */
export interface Grid {
  name: string;
  rows: number;
  cols: number;
  single: boolean;
  at(row: number, col: number): unknown;
}

export function isBlank(value: unknown): boolean {
  return (
    value === '' ||
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '')
  );
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function shapeText(grid: Grid): string {
  return `${plural(grid.rows, 'row')} × ${plural(grid.cols, 'column')}`;
}

/** Where a cell is inside the range passed, for messages: " (row 3)"; nothing for a single value. */
function positionText(
  grid: { rows: number; cols: number; single: boolean },
  row: number,
  col: number,
): string {
  if (grid.single) return '';
  if (grid.cols === 1) return ` (row ${row + 1})`;
  if (grid.rows === 1) return ` (column ${col + 1})`;
  return ` (row ${row + 1}, column ${col + 1})`;
}

/** One operand of an element-wise formula; `fallback` makes it optional (used when blank). */
export interface Operand {
  grid: Grid;
  kind: Kind;
  fallback?: number;
}

/** The arguments of one formula call, with messages prefixed by the formula's name. */
export class FormulaCall {
  private context: FormulaContext | null = null;
  // Read lazily: a call with only numbers never needs the spreadsheet's locale.
  readonly getContext = (): FormulaContext => (this.context ??= getFormulaContext());

  constructor(readonly formula: string) {}

  fail(message: string): never {
    throw new FormulaError(`${this.formula}: ${message}`);
  }

  arg(name: string, value: unknown): Grid {
    if (!Array.isArray(value)) return { name, rows: 1, cols: 1, single: true, at: () => value };
    const rows: unknown[][] = value.map((row) => (Array.isArray(row) ? row : [row]));
    const cols = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
    if (rows.length === 0 || cols === 0) return { name, rows: 1, cols: 1, single: true, at: () => '' };
    if (rows.length === 1 && cols === 1)
      return { name, rows: 1, cols: 1, single: true, at: () => rows[0][0] };
    return { name, rows: rows.length, cols, single: false, at: (row, col) => rows[row][col] };
  }

  /** Sheets-style description of a value for "got ...". */
  describe(value: unknown): string {
    if (isBlank(value)) return 'a blank cell';
    if (typeof value === 'string')
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (isDate(value)) {
      const { timeZone, scriptTimeZone } = this.getContext();
      const day = dayOfDateArgument(value, timeZone, scriptTimeZone);
      return day === null ? 'an invalid date' : `the date ${formatIsoDay(day)}`;
    }
    if (Array.isArray(value)) return `a range of ${shapeText(this.arg('', value))}`;
    // Sheets only passes numbers, text, booleans and Dates; anything else came from a script.
    if (typeof value === 'object' && value !== null) return 'an object';
    if (typeof value === 'function') return 'a function';
    return String(value);
  }

  /** Reads a non-blank cell, or throws the user-facing message. */
  read(grid: Grid, kind: Kind, row: number, col: number): number {
    const value = grid.at(row, col);
    const parsed = kind.read(value, this.getContext);
    if (parsed !== null && Number.isFinite(parsed) && (!kind.check || kind.check.test(parsed))) return parsed;
    const expected = parsed !== null && kind.check ? kind.check.expected : kind.expected;
    return this.fail(
      `${grid.name} must be ${expected}; got ${this.describe(value)}${positionText(grid, row, col)}`,
    );
  }

  /** The shape all ranged grids share (single values broadcast), or the message saying they differ. */
  commonShape(grids: readonly Grid[]): { rows: number; cols: number; single: boolean } {
    const ranged = grids.filter((grid) => !grid.single);
    if (ranged.length === 0) return { rows: 1, cols: 1, single: true };
    const [first] = ranged;
    for (const other of ranged) {
      if (other.rows !== first.rows || other.cols !== first.cols) {
        this.fail(
          `${first.name} is ${shapeText(first)} but ${other.name} is ${shapeText(other)}; ` +
            'pass ranges of the same shape or a single value',
        );
      }
    }
    return { rows: first.rows, cols: first.cols, single: false };
  }

  /**
   * Applies `compute` cell by cell across operands of one shape (single values broadcast). A cell whose
   * required operands are not all filled in gives '' (trailing blank rows of `E2:E` stay blank);
   * a blank optional operand takes its fallback. Returns a single value when every operand is single.
   */
  elementwise(
    operands: readonly Operand[],
    compute: (values: number[], single: boolean) => OutputCell,
  ): FormulaOutput {
    const shape = this.commonShape(operands.map((operand) => operand.grid));
    const output: OutputCell[][] = [];
    for (let row = 0; row < shape.rows; row++) {
      const outputRow: OutputCell[] = [];
      for (let col = 0; col < shape.cols; col++) {
        outputRow.push(this.computeCell(operands, row, col, shape, compute));
      }
      output.push(outputRow);
    }
    return shape.single ? output[0][0] : output;
  }

  private computeCell(
    operands: readonly Operand[],
    row: number,
    col: number,
    shape: { rows: number; cols: number; single: boolean },
    compute: (values: number[], single: boolean) => OutputCell,
  ): OutputCell {
    const values: number[] = [];
    for (const { grid, kind, fallback } of operands) {
      const r = grid.single ? 0 : row;
      const c = grid.single ? 0 : col;
      if (isBlank(grid.at(r, c))) {
        if (fallback === undefined) return '';
        values.push(fallback);
      } else {
        values.push(this.read(grid, kind, r, c));
      }
    }
    let result: OutputCell;
    try {
      result = compute(values, shape.single);
    } catch (error) {
      if (error instanceof DomainError) this.fail(`${error.message}${positionText(shape, row, col)}`);
      throw error;
    }
    return this.finite(result, positionText(shape, row, col));
  }

  /** A result Sheets can show: a number too large for a cell (Infinity) would show as #NUM! with no reason. */
  finite<T>(result: T, where = ''): T {
    if (typeof result === 'number' && !Number.isFinite(result)) {
      this.fail(`the result is too large to show; check the size of the inputs${where}`);
    }
    return result;
  }

  /**
   * Client stays from parallel start and end date ranges. Rows with neither date are skipped; a blank
   * end date means still a client. An end date without a start date, or before it, is an error.
   */
  stays(starts: Grid, ends: Grid): Stay[] {
    const shape = this.commonShape([starts, ends]);
    const stays: Stay[] = [];
    for (let row = 0; row < shape.rows; row++) {
      for (let col = 0; col < shape.cols; col++) {
        const r = starts.single ? 0 : row;
        const c = starts.single ? 0 : col;
        const er = ends.single ? 0 : row;
        const ec = ends.single ? 0 : col;
        const startBlank = isBlank(starts.at(r, c));
        const endBlank = isBlank(ends.at(er, ec));
        if (startBlank && endBlank) continue;
        const where = positionText(shape, row, col);
        if (startBlank)
          this.fail(`${starts.name} must be a date when ${ends.name} has one; got a blank cell${where}`);
        const startDay = this.read(starts, DATE, r, c);
        const endDay = endBlank ? null : this.read(ends, DATE, er, ec);
        if (endDay !== null && endDay < startDay) {
          this.fail(
            `${ends.name} must be on or after the start date ${formatIsoDay(startDay)}; ` +
              `got ${formatIsoDay(endDay)}${where}`,
          );
        }
        stays.push({ startDay, endDay });
      }
    }
    return stays;
  }

  /** An argument that must be one value (a 1×1 range is fine); `fallback` when blank or omitted. */
  single(grid: Grid, kind: Kind, fallback: number): number {
    if (!grid.single) this.fail(`${grid.name} must be a single value; got a range of ${shapeText(grid)}`);
    return isBlank(grid.at(0, 0)) ? fallback : this.read(grid, kind, 0, 0);
  }

  /** One of a few words, case-insensitive; `fallback` when blank. */
  choice<T extends string>(grid: Grid, options: readonly T[], fallback: T): T {
    if (!grid.single) this.fail(`${grid.name} must be a single value; got a range of ${shapeText(grid)}`);
    const value = grid.at(0, 0);
    if (isBlank(value)) return fallback;
    const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
    const match = options.find((option) => option === word);
    if (match) return match;
    const quoted = options.map((option) => `"${option}"`);
    return this.fail(
      `${grid.name} must be ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}; ` +
        `got ${this.describe(value)}`,
    );
  }

  /** A single date argument that defaults to today in the spreadsheet's time zone. */
  dateOrToday(grid: Grid): number {
    if (!grid.single || !isBlank(grid.at(0, 0))) return this.single(grid, DATE, 0);
    const { today, timeZone } = this.getContext();
    return dayOfDateInZone(today, timeZone) as number;
  }

  /** A day number as the Date Sheets shows as that day in the spreadsheet's time zone. */
  dateCell(dayNumber: number): Date {
    if (!(dayNumber <= LAST_SHEETS_DAY))
      this.fail('the date would fall after 9999-12-31, the last day a Sheets date can hold');
    return midnightInZone(dayNumber, this.getContext().timeZone);
  }
}

/**
 * 9999-12-31 as a day number (days since 1970-01-01): Sheets' DATE takes years up to 9999 and answers #NUM!
 * beyond (support.google.com/docs/answer/3092969), so no cell holds a later day.
 */
const LAST_SHEETS_DAY = Date.UTC(9999, 11, 31) / 86_400_000;

/**
 * Runs a formula body so that every failure reaches the user as a message that names the formula:
 * unexpected exceptions become "CLIENT_X: unexpected error: ..." rather than a raw TypeError.
 */
export function runFormula<T>(formula: string, body: (call: FormulaCall) => T): T {
  try {
    const call = new FormulaCall(formula);
    return call.finite(body(call));
  } catch (error) {
    if (error instanceof FormulaError) throw error;
    if (error instanceof DomainError) throw new FormulaError(`${formula}: ${error.message}`);
    const detail = error instanceof Error ? error.message : String(error);
    throw new FormulaError(`${formula}: unexpected error: ${detail}`);
  }
}
