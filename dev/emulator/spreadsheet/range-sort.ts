/**
 * Range.sort(sortSpecObj), as the Apps Script reference (Class Range, `sort(sortSpecObj)`) describes it:
 * "Sorts the cells in the given range, by column and order specified". The spec is a column number, an
 * object `{column, ascending}` (ascending defaults to true) or an array of either, later ones breaking
 * ties; column numbers count from the sheet's column A (the reference sorts "G3:J10" by `column: 10`).
 *
 * Guesses (no Google page settles them): rows move whole inside the range (values, formulas, number
 * formats, styles, validation, notes), a moved formula's relative references move with its row, the order
 * is SORT's (numbers and dates, then text without case, then booleans; blanks last either way, ties kept),
 * and a column outside the range or a malformed spec throws before anything moves.
 */
import { isDate } from '../dates';
import { fail } from '../errors';
import type { Cell, Span } from '../model';
import type { Runtime } from '../runtime';
import { offsetFormula } from './cell-writes';
import type { CellValue } from '../values';

interface SortKey {
  column: number;
  ascending: boolean;
}

/** The sort keys of a spec, or a thrown message when it is not one Apps Script takes. */
export function sortKeys(spec: unknown, span: Span): SortKey[] {
  const specs = Array.isArray(spec) ? spec : [spec];
  if (specs.length === 0) fail('Range.sort: the sort specification is empty.');
  return specs.map((s: unknown) => {
    const key =
      typeof s === 'number'
        ? { column: s, ascending: true }
        : s !== null && typeof s === 'object' && typeof (s as { column?: unknown }).column === 'number'
          ? {
              column: (s as { column: number }).column,
              ascending: (s as { ascending?: unknown }).ascending !== false,
            }
          : fail(
              `Range.sort: a sort specification is a column number or {column, ascending}; got ${JSON.stringify(s)}.`,
            );
    if (!Number.isInteger(key.column) || key.column < span.col || key.column >= span.col + span.numCols)
      fail(`Range.sort: column ${key.column} is outside the range being sorted.`);
    return key;
  });
}

const isBlank = (v: CellValue) => v === '' || v === null || v === undefined;

/** SORT's order (engine.ts compareSheets): numbers and dates, then text without case, then booleans. */
function compare(a: CellValue, b: CellValue): number {
  const rank = (x: CellValue) => (typeof x === 'boolean' ? 2 : typeof x === 'string' ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') return a.toLowerCase().localeCompare((b as string).toLowerCase());
  const n = (x: CellValue) => (isDate(x) ? x.getTime() : Number(x));
  return n(a) - n(b);
}

/** For each row of the sorted range, the (0-based) row of the unsorted range it comes from. */
export function sortOrder(values: CellValue[][], keys: SortKey[], firstColumn: number): number[] {
  const rows = values.map((_, i) => i);
  return rows.sort((x, y) => {
    for (const key of keys) {
      const a = values[x][key.column - firstColumn];
      const b = values[y][key.column - firstColumn];
      if (isBlank(a) || isBlank(b)) {
        if (isBlank(a) && isBlank(b)) continue;
        return isBlank(a) ? 1 : -1;
      }
      const c = compare(a, b);
      if (c) return key.ascending ? c : -c;
    }
    return x - y;
  });
}

type Moved = Pick<Cell, 'v' | 'f' | 'bad' | 'nf' | 'st' | 'dv' | 'note' | 'spark'>;

/** Sorts the rows of `span` in place by `spec`. */
export function sortSpan(rt: Runtime, span: Span, spec: unknown): void {
  const keys = sortKeys(spec, span);
  const { sheet } = span;
  rt.wb.ensureCalculated(span);
  const values: CellValue[][] = [];
  const cells: (Moved | undefined)[][] = [];
  for (let i = 0; i < span.numRows; i++) {
    values.push([]);
    cells.push([]);
    for (let j = 0; j < span.numCols; j++) {
      values[i].push(sheet.valueAt(span.row + i, span.col + j));
      const cell = sheet.cell(span.row + i, span.col + j);
      cells[i].push(
        cell && {
          v: cell.v,
          f: cell.f,
          bad: cell.bad,
          nf: cell.nf,
          st: cell.st,
          dv: cell.dv,
          note: cell.note,
          spark: cell.spark,
        },
      );
    }
  }
  const order = sortOrder(values, keys, span.col);
  order.forEach((from, to) => {
    if (from === to) return;
    for (let j = 0; j < span.numCols; j++) {
      const source = cells[from][j];
      const existing = sheet.cell(span.row + to, span.col + j);
      if (!source && !existing) continue;
      const cell = existing ?? sheet.ensure(span.row + to, span.col + j);
      // A formula cell's computed value is recomputed at its new place.
      Object.assign(cell, {
        v: undefined,
        f: undefined,
        bad: undefined,
        cv: undefined,
        why: undefined,
        nf: undefined,
        st: undefined,
        dv: undefined,
        note: undefined,
        spark: undefined,
      });
      if (!source) continue;
      Object.assign(cell, source);
      if (source.f !== undefined && !source.bad) cell.f = offsetFormula(source.f, to - from, 0);
    }
  });
  rt.wb.touch(span);
}
