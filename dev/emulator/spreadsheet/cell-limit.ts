/** Sheets' cap of 10 million cells per spreadsheet, checked before anything that adds cells. */
import { fail } from '../errors';
import { Runtime } from '../runtime';

/**
 * Sheets' cap: 10 million cells per spreadsheet, every cell of every sheet counted, empty ones too
 * (Google Drive Help, "Files you can store in Google Drive"). The message is the one Apps Script and
 * the Sheets API users report; Google's docs do not print it.
 */
export const CELL_LIMIT = 10_000_000;

/** a sheet insertSheet adds: 1,000 rows by 26 columns (what the model creates) */
export const NEW_SHEET_ROWS = 1000;

export const NEW_SHEET_COLUMNS = 26;

/** Throws Sheets' message, changing nothing, when `added` more cells would pass the cap. */
export function checkCellLimit(rt: Runtime, added: number): void {
  if (added <= 0) return;
  let cells = 0;
  for (const s of rt.wb.sheets) cells += s.maxRows * s.maxCols;
  if (cells + added > CELL_LIMIT)
    fail(
      `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
    );
}
