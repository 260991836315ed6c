/**
 * The usual hand-written script, for comparison: the cell-by-cell getValue/setValue loops the tutorials
 * show (find the last row or the client by reading one cell at a time, write each cell on its own). It
 * knows the workbook's layout as constants (a `Layout`, read once before counting) the way such scripts
 * hard-code their columns, takes no lock and keeps no index. Each function does what the add-on's flow
 * does, so the two call counts compare like for like.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A cell to write: its 1-based position and either a value or a formula. */
export interface CellWrite {
  row: number;
  column: number;
  value?: unknown;
  formula?: string;
}

/** What a hand-written script would hard-code about the workbook. */
export interface Layout {
  /** 1-based row of the roster's header; clients are listed below it. */
  rosterHeaderRow: number;
  /** 1-based roster columns. */
  nameColumn: number;
  statusColumn: number;
  cadenceColumn: number;
  /** 1-based row of a client tab's log header; check-ins are listed below it, Week of in column A. */
  logHeaderRow: number;
}

function sheetNamed(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`baseline: no tab ${name}`);
  return sheet;
}

/** The tutorials' last-row loop: read down a column until a blank cell. */
export function lastRowByLoop(sheet: Sheet, column: number, headerRow: number): number {
  const maxRows = sheet.getMaxRows();
  let row = headerRow + 1;
  while (row <= maxRows && sheet.getRange(row, column).getValue() !== '') row++;
  return row - 1;
}

/** The tutorials' lookup: read down the name column until the client's row (0 when not found). */
export function findRowByLoop(sheet: Sheet, column: number, headerRow: number, wanted: unknown): number {
  const maxRows = sheet.getMaxRows();
  for (let row = headerRow + 1; row <= maxRows; row++) {
    const value = sheet.getRange(row, column).getValue();
    if (value === '') return 0;
    if (value === wanted || (value instanceof Date && wanted instanceof Date && +value === +wanted))
      return row;
  }
  return 0;
}

export function writeCells(sheet: Sheet, cells: readonly CellWrite[], rowOffset = 0): void {
  for (const cell of cells) {
    const range = sheet.getRange(cell.row + rowOffset, cell.column);
    if (cell.formula !== undefined) range.setFormula(cell.formula);
    else range.setValue(cell.value);
  }
}

/** Set up: each sheet made when missing, then every header and setting written cell by cell. */
export function setUp(ss: Spreadsheet, sheets: Record<string, CellWrite[]>): void {
  for (const [name, cells] of Object.entries(sheets)) {
    const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
    writeCells(sheet, cells);
  }
}

/** New client: find the roster's first free row, make the tab, write its card and the roster row cell by cell. */
export function newClient(
  ss: Spreadsheet,
  layout: Layout,
  tabName: string,
  tabCells: readonly CellWrite[],
  rosterCells: readonly CellWrite[],
): number {
  const roster = sheetNamed(ss, 'Clients');
  const row = lastRowByLoop(roster, layout.nameColumn, layout.rosterHeaderRow) + 1;
  // Sheets refuses a range past the last row: a full roster gets a row first.
  if (row > roster.getMaxRows()) roster.insertRowsAfter(roster.getMaxRows(), 1);
  writeCells(ss.insertSheet(tabName), tabCells);
  writeCells(
    roster,
    rosterCells.map((cell) => ({ ...cell, row })),
  );
  return row;
}

/** The client's tab, once a cell-by-cell scan of the roster has found the client. */
function clientTabByLoop(ss: Spreadsheet, layout: Layout, clientName: string): Sheet {
  const roster = sheetNamed(ss, 'Clients');
  if (findRowByLoop(roster, layout.nameColumn, layout.rosterHeaderRow, clientName) === 0)
    throw new Error(`baseline: ${clientName} is not in the roster`);
  return sheetNamed(ss, clientName);
}

/** Check-in: find the client in the roster, then the tab's last log row, then write the new row cell by cell. */
export function checkIn(
  ss: Spreadsheet,
  layout: Layout,
  clientName: string,
  values: readonly unknown[],
): number {
  const tab = clientTabByLoop(ss, layout, clientName);
  const row = lastRowByLoop(tab, 1, layout.logHeaderRow) + 1;
  if (row > tab.getMaxRows()) tab.insertRowsAfter(tab.getMaxRows(), 1);
  values.forEach((value, index) => tab.getRange(row, index + 1).setValue(value));
  return row;
}

/** Replace: find the client, then the week's row by date, keep the old values in a note, write each cell. */
export function replaceCheckIn(
  ss: Spreadsheet,
  layout: Layout,
  clientName: string,
  week: Date,
  values: readonly unknown[],
): number {
  const tab = clientTabByLoop(ss, layout, clientName);
  const row = findRowByLoop(tab, 1, layout.logHeaderRow, week);
  if (row === 0) throw new Error(`baseline: no row for ${week.toISOString()} in ${clientName}`);
  const previous = values.map((_, index) => tab.getRange(row, index + 1).getValue());
  tab.getRange(row, 1).setNote(`Replaced: ${previous.join(' | ')}`);
  values.forEach((value, index) => tab.getRange(row, index + 1).setValue(value));
  return row;
}

/** The latest date in a tab's log, read a cell at a time (null when the log is empty). */
function lastCheckInByLoop(tab: Sheet, layout: Layout): Date | null {
  const last = lastRowByLoop(tab, 1, layout.logHeaderRow);
  if (last <= layout.logHeaderRow) return null;
  const value = tab.getRange(last, 1).getValue();
  return value instanceof Date ? value : null;
}

/** The due list: every roster row's name, status and cadence, and each active client's last check-in. */
export function dueList(
  ss: Spreadsheet,
  layout: Layout,
): { name: string; last: Date | null; cadence: unknown }[] {
  const roster = sheetNamed(ss, 'Clients');
  const due: { name: string; last: Date | null; cadence: unknown }[] = [];
  const maxRows = roster.getMaxRows();
  for (let row = layout.rosterHeaderRow + 1; row <= maxRows; row++) {
    const name = roster.getRange(row, layout.nameColumn).getValue();
    if (name === '') break;
    if (roster.getRange(row, layout.statusColumn).getValue() !== 'Active') continue;
    const cadence = roster.getRange(row, layout.cadenceColumn).getValue();
    const tab = ss.getSheetByName(String(name));
    due.push({ name: String(name), last: tab ? lastCheckInByLoop(tab, layout) : null, cadence });
  }
  return due;
}

/** Refresh: the due list's reads, then the needs-attention list written cell by cell. */
export function refreshDashboard(ss: Spreadsheet, layout: Layout, attention: readonly CellWrite[]): void {
  dueList(ss, layout);
  writeCells(sheetNamed(ss, 'Dashboard'), attention);
}

/**
 * Portfolio review: the due list's reads, the Payments log read down to its end (each row's client, due
 * and paid), then the review (its title, header and a row per active client) written cell by cell.
 */
export function portfolioReview(
  ss: Spreadsheet,
  layout: Layout,
  tabName: string,
  review: readonly CellWrite[],
): void {
  dueList(ss, layout);
  const payments = sheetNamed(ss, 'Payments');
  const last = lastRowByLoop(payments, 1, 1);
  for (let row = 2; row <= last; row++)
    for (const column of [1, 3, 4]) payments.getRange(row, column).getValue();
  writeCells(ss.getSheetByName(tabName) ?? ss.insertSheet(tabName), review);
}

/** Adopt: for each tab, find the date column along the header and the log's end down it, then a roster row per tab. */
export function adopt(
  ss: Spreadsheet,
  layout: Layout,
  tabNames: readonly string[],
  rosterCells: (tabName: string) => CellWrite[],
): void {
  const roster = sheetNamed(ss, 'Clients');
  let row = lastRowByLoop(roster, layout.nameColumn, layout.rosterHeaderRow) + 1;
  for (const name of tabNames) {
    const tab = sheetNamed(ss, name);
    const width = tab.getMaxColumns();
    let dateColumn = 0;
    for (let column = 1; column <= width && dateColumn === 0; column++) {
      const label = tab.getRange(1, column).getValue();
      if (label === '') break;
      if (/date|week/i.test(String(label))) dateColumn = column;
    }
    if (dateColumn === 0) continue;
    const last = lastRowByLoop(tab, dateColumn, 1);
    tab.getRange(2, dateColumn).getValue();
    tab.getRange(last, dateColumn).getValue();
    if (row > roster.getMaxRows()) roster.insertRowsAfter(roster.getMaxRows(), 1);
    writeCells(
      roster,
      rosterCells(name).map((cell) => ({ ...cell, row })),
    );
    row++;
  }
}
