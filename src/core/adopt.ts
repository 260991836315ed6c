/**
 * Adopting an existing client tab: from its values alone, find a header row with a date column and
 * numeric columns beside it. Pure: the workbook reads the tab once and never writes to it.
 */
import { isBlank } from './layout';

export interface AdoptDetection {
  /** 0-based header row. */
  headerRow: number;
  dateColumn: number;
  dateLabel: string;
  metricColumns: { column: number; label: string }[];
  firstDay: number;
  lastDay: number;
  /** Dated rows below the header. */
  rows: number;
}

export type AdoptResult = { ok: true; value: AdoptDetection } | { ok: false; reason: string };

/** Share of a column's filled cells that must be numbers for it to count as a metric. */
const MIN_SHARE = 0.6;
/** Share of the filled cells below a header that must be dates: a title block above the real header fails it. */
const MIN_DATE_SHARE = 0.8;
/** A header is looked for in the first non-blank rows only: a title block is short (blank rows inserted above don't count). */
const MAX_HEADER_ROWS = 30;

/**
 * Detects the log of an existing client tab. `readDay` turns a date cell into a day number (null when
 * the cell is not a date); numbers are never read as dates here, only actual date cells and date text.
 */
export function detectAdoptable(
  values: readonly unknown[][],
  readDay: (value: unknown) => number | null,
): AdoptResult {
  const filled = values.some((row) => row.some((cell) => !isBlank(cell)));
  if (!filled) return { ok: false, reason: 'The tab is empty.' };
  let sawDateColumn = false;
  let filledRows = 0;
  for (let headerRow = 0; headerRow < values.length && filledRows <= MAX_HEADER_ROWS; headerRow++) {
    const header = values[headerRow] ?? [];
    if (header.some((cell) => !isBlank(cell))) filledRows++;
    const labelled = header
      .map((cell, column) => ({ column, label: typeof cell === 'string' ? cell.trim() : '' }))
      .filter((cell) => cell.label !== '');
    if (labelled.length < 2) continue;
    const below = values.slice(headerRow + 1);
    for (const candidate of labelled) {
      const days: number[] = [];
      let filledCells = 0;
      for (const row of below) {
        const cell = row[candidate.column];
        if (isBlank(cell)) continue;
        filledCells++;
        const day = typeof cell === 'number' ? null : readDay(cell);
        if (day !== null) days.push(day);
      }
      if (days.length < 1 || days.length < filledCells * MIN_DATE_SHARE) continue;
      sawDateColumn = true;
      const metricColumns = labelled.filter(
        (other) =>
          other.column !== candidate.column &&
          isNumericColumn(below, other.column, candidate.column, readDay),
      );
      if (metricColumns.length === 0) continue;
      return {
        ok: true,
        value: {
          headerRow,
          dateColumn: candidate.column,
          dateLabel: candidate.label,
          metricColumns,
          firstDay: Math.min(...days),
          lastDay: Math.max(...days),
          rows: days.length,
        },
      };
    }
  }
  return {
    ok: false,
    reason: sawDateColumn
      ? 'Found a date column, but no column of numbers beside it.'
      : 'No header row with a date column below it (looked in the first 30 rows with content).',
  };
}

/** Numbers in most filled cells of the rows where the date column has a date. */
function isNumericColumn(
  rows: readonly unknown[][],
  column: number,
  dateColumn: number,
  readDay: (value: unknown) => number | null,
): boolean {
  let filled = 0;
  let numbers = 0;
  for (const row of rows) {
    if (readDay(row[dateColumn]) === null) continue;
    const cell = row[column];
    if (isBlank(cell)) continue;
    filled++;
    if (typeof cell === 'number' && Number.isFinite(cell)) numbers++;
  }
  return numbers > 0 && numbers >= filled * MIN_SHARE;
}
