/**
 * Finding the sections of a sheet by their header labels, in a 2D array of cell values as
 * `getValues()` returns them (0-based indexes here; callers add 1 for Sheets rows and columns).
 * Users insert rows and columns and add their own, so nothing here assumes an address.
 */
import { normalizeLabel } from './clients';

export interface HeaderMatch {
  /** 0-based row of the header. */
  row: number;
  /** normalized label → 0-based column, for every non-empty cell of the header row. */
  columns: Map<string, number>;
}

/** The first row (at or after `fromRow`) holding every label of `required`, with its column map. */
export function findHeaderRow(
  values: readonly unknown[][],
  required: readonly string[],
  fromRow = 0,
): HeaderMatch | null {
  const wanted = required.map(normalizeLabel);
  for (let row = fromRow; row < values.length; row++) {
    const cells = values[row] ?? [];
    const columns = new Map<string, number>();
    cells.forEach((cell, column) => {
      const label = normalizeLabel(cell);
      if (label !== '' && !columns.has(label)) columns.set(label, column);
    });
    if (wanted.every((label) => columns.has(label))) return { row, columns };
  }
  return null;
}

/** The column of `label` in a header match, or -1. */
export function columnOf(header: HeaderMatch, label: string): number {
  return header.columns.get(normalizeLabel(label)) ?? -1;
}

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/**
 * The profile card: for each label, the first non-blank cell to its right on the row where the label
 * stands alone (searching rows before `beforeRow`). Labels not found are absent from the map.
 */
export function readLabelledValues(
  values: readonly unknown[][],
  labels: readonly string[],
  beforeRow = values.length,
): Map<string, { row: number; column: number; value: unknown }> {
  const found = new Map<string, { row: number; column: number; value: unknown }>();
  const wanted = new Set(labels.map(normalizeLabel));
  for (let row = 0; row < Math.min(beforeRow, values.length); row++) {
    const cells = values[row] ?? [];
    for (let column = 0; column < cells.length; column++) {
      const label = normalizeLabel(cells[column]);
      if (!wanted.has(label) || found.has(label)) continue;
      found.set(label, { row, column: column + 1, value: cells[column + 1] ?? '' });
      break;
    }
  }
  return found;
}

/** The last row index (≥ `afterRow`) with any non-blank cell; `afterRow` itself when none below it. */
export function lastFilledRow(values: readonly unknown[][], afterRow: number): number {
  for (let row = values.length - 1; row > afterRow; row--) {
    if ((values[row] ?? []).some((cell) => !isBlank(cell))) return row;
  }
  return afterRow;
}

/** 1-based column number → A1 letters (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A1 notation with every part fixed ("B12" → "$B$12", "A13:A" → "$A$13:$A", "C5:5" → "$C$5:$5"): a sorted
 * roster row keeps pointing at its client's cells (a sort moves relative references with the row, as
 * copying does).
 */
export function absoluteA1(a1: string): string {
  return a1
    .split(':')
    .map((part) => {
      const [, letters = '', row = ''] = /^\$?([A-Z]*)\$?(\d*)$/.exec(part) ?? [];
      return `${letters && `$${letters}`}${row && `$${row}`}`;
    })
    .join(':');
}

/** A sheet name as it goes into a formula: always quoted, inner quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Does `formula` reference the sheet `name`? We write every sheet name quoted, but a reference Sheets rewrites
 * (a column inserted in that tab) may come back without quotes when the name needs none, so both count.
 */
export function refersToSheet(formula: string, name: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""'); // text in quotes is no reference
  if (code.includes(`${quoteSheetName(name)}!`)) return true;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return false;
  return new RegExp(`(^|[^A-Za-z0-9_.'])${name}!`, 'i').test(code);
}

/** A string as a formula string literal. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
