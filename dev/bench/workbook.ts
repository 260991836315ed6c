/**
 * Generated workbooks for the benchmark: `clients` clients made through the bundle (rpcCreateClient, so
 * tabs, roster rows, live links and the index are the add-on's own), then `weeks` weekly check-ins per
 * tab written in bulk through the emulator's Range.setValues. Logging 156,000 rows one RPC at a time
 * would take hours; the bulk write leaves the workbook as the add-on would have: rows grown in blocks
 * of LOG_BLOCK_ROWS with formats and validation copied (as growTab does), and the index's row count
 * (clienttabs.client.<id> in DocumentProperties) updated as rememberRows would.
 */
import { createEmulator, type Emulator, type LoadedBundle } from '../emulator';
import { SAMPLE_CLIENT } from '../fixtures/sample-clients';
import { dayOfTimeInZone, midnightInZone } from '../../src/core/time-zone';
import { dressAddedRows } from '../../src/workbook/client-tab';
import { LOG_BLOCK_ROWS } from '../../src/workbook/client-tab';

/** Wednesday 2024-06-12, noon in New York: the benchmark's "now". */
export const NOW = Date.parse('2024-06-12T16:00:00Z');
export const DAY = 24 * 3600 * 1000;
/** Three years of weekly check-ins. */
export const THREE_YEARS = 156;
const INDEX_PREFIX = 'clienttabs.client.';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

interface Result<T> {
  ok: boolean;
  value?: T;
  message?: string;
}

/** An RPC's value; a refusal stops the benchmark, naming `what` failed and why. */
export function ok<T>(result: unknown, what: string): T {
  const r = result as Result<T>;
  if (!r || r.ok !== true) throw new Error(`bench: ${what} failed: ${r?.message ?? JSON.stringify(result)}`);
  return r.value as T;
}

export interface GeneratedClient {
  clientId: string;
  tabName: string;
}

export interface GeneratedWorkbook {
  emulator: Emulator;
  bundle: LoadedBundle;
  clients: GeneratedClient[];
  weeks: number;
}

/** The sample client numbered `index`: names in order, start dates before the first logged week, types in turn. */
export function clientForm(index: number, weeks = THREE_YEARS) {
  return {
    ...SAMPLE_CLIENT,
    name: `Client ${String(index).padStart(4, '0')}`,
    startDate: iso(NOW - (weeks + 2) * 7 * DAY - (index % 7) * DAY),
    clientType: ['Micromanager', 'Savvy', 'In the dark', 'Laissez-faire'][index % 4],
  };
}

/** Monday of the week `weeksAgo` weeks before NOW's week (NOW is a Wednesday). */
export function weekOfAgo(weeksAgo: number): number {
  return NOW - 2 * DAY - weeksAgo * 7 * DAY;
}

/**
 * A log row as the add-on writes it: Week of, Revenue, Cost per lead, Satisfaction, Wins, Blockers, Notes,
 * Entered by.
 */
function logRow(week: Date, index: number, client: number): unknown[] {
  return [
    week,
    10000 + index * 60 + (client % 17) * 10,
    30 - (index % 10) * 0.5,
    6 + ((index + client) % 5),
    index % 3 === 0 ? "'Closed two deals" : '',
    index % 7 === 0 ? "'Waiting on the new site" : '',
    '',
    "'Sam",
  ];
}

/** Rows inserted below a tab whose formats and validation are still to be copied onto them. */
interface PendingRows {
  sheet: Sheet;
  last: number;
  rows: number;
}

/** Inserts `blocks` × LOG_BLOCK_ROWS rows below a tab: the structural half of growTab. */
function insertBlocks(sheet: Sheet, blocks: number): PendingRows {
  const last = sheet.getMaxRows();
  const rows = blocks * LOG_BLOCK_ROWS;
  sheet.insertRowsAfter(last, rows);
  return { sheet, last, rows };
}

/** Copies the last row's formats and validation onto the inserted rows, as growTab does. */
function dressBlocks({ sheet, last, rows }: PendingRows): void {
  dressAddedRows(sheet, last, rows);
}

/**
 * Adds `blocks` × LOG_BLOCK_ROWS rows below a tab with the last row's formats and validation, as the add-on's
 * growTab does block by block (one insert here: the same rows, one structural change for the emulator).
 */
export function growTab(emulator: Emulator, tabName: string, blocks = 1): void {
  const sheet = emulator.spreadsheet.getSheetByName(tabName);
  if (!sheet) throw new Error(`bench: no tab ${tabName}`);
  dressBlocks(insertBlocks(sheet, blocks));
}

/** The blocks a tab needs for its log to have room for `weeks` rows (0 when it has room). */
function blocksToFit(sheet: Sheet, headerRow: number, weeks: number): number {
  return Math.max(0, Math.ceil((headerRow + weeks - sheet.getMaxRows()) / LOG_BLOCK_ROWS));
}

/** A client tab's log header row (1-based), found by its "Week of" label. */
function logHeaderRow(sheet: Sheet, tabName: string): number {
  const firstColumn = sheet.getRange(1, 1, sheet.getMaxRows(), 1).getValues();
  const row = firstColumn.findIndex((cells) => cells[0] === 'Week of') + 1;
  if (row === 0) throw new Error(`bench: no "Week of" header in ${tabName}`);
  return row;
}

/**
 * Writes `weeks` check-in rows into client tabs made by rpcCreateClient (grown to fit beforehand, growing
 * here the ones that are not), and records the rows in the add-on's index as rememberRows does. Reads
 * every header first and writes every log after: the workbook ends up as if logged week by week.
 */
export function writeLogs(
  emulator: Emulator,
  clients: readonly GeneratedClient[],
  weeks: number,
  firstNumber = 0,
): void {
  const ss = emulator.spreadsheet;
  const zone = ss.getSpreadsheetTimeZone();
  const tabs = clients.map((client) => {
    const sheet = ss.getSheetByName(client.tabName);
    if (!sheet) throw new Error(`bench: no tab ${client.tabName}`);
    return { client, sheet, headerRow: logHeaderRow(sheet, client.tabName) };
  });
  for (const { client, sheet, headerRow } of tabs) {
    const blocks = blocksToFit(sheet, headerRow, weeks);
    if (blocks > 0) growTab(emulator, client.tabName, blocks);
  }
  const days = Array.from({ length: weeks }, (_, i) =>
    midnightInZone(dayOfTimeInZone(weekOfAgo(weeks - i), zone), zone),
  );
  tabs.forEach(({ client, sheet, headerRow }, index) => {
    const rows = days.map((day, i) => logRow(day, i, firstNumber + index));
    if (rows.length > 0) sheet.getRange(headerRow + 1, 1, rows.length, rows[0].length).setValues(rows);
    const key = INDEX_PREFIX + client.clientId;
    const raw = emulator.properties.document.get(key);
    if (!raw) throw new Error(`bench: the add-on left no index entry for ${client.clientId}`);
    const entry = JSON.parse(raw) as { rows?: number };
    emulator.properties.document.set(key, JSON.stringify({ ...entry, rows: headerRow + weeks }));
  });
}

/**
 * Formulas set aside while a workbook is generated, then written back as they were, character for
 * character: the roster's live links and each tab's payments and requests previews. The emulator re-reads
 * every formula after each structural change (each new tab is several), so with them in place making n
 * clients costs n² formula evaluations.
 */
class FormulasAside {
  private readonly aside: { sheet: Sheet; row: number; formulas: string[] }[] = [];

  /** Blanks the formulas of rows `from`..`to` (1-based) of `sheet`, keeping them. */
  setAside(sheet: Sheet, from: number, to: number): void {
    if (to < from) return;
    const formulas = sheet.getRange(from, 1, to - from + 1, sheet.getMaxColumns()).getFormulas();
    formulas.forEach((row, r) => {
      if (!row.some((f) => f !== '')) return;
      this.aside.push({ sheet, row: from + r, formulas: row });
      row.forEach((formula, c) => {
        if (formula) sheet.getRange(from + r, c + 1).setValue('');
      });
    });
  }

  /** Writes every formula set aside back, one write per run of adjacent formulas (values between stay). */
  restore(): void {
    for (const { sheet, row, formulas } of this.aside) {
      for (let first = 0; first < formulas.length; first++) {
        if (!formulas[first]) continue;
        let last = first;
        while (last + 1 < formulas.length && formulas[last + 1]) last++;
        sheet.getRange(row, first + 1, 1, last - first + 1).setFormulas([formulas.slice(first, last + 1)]);
        first = last;
      }
    }
    this.aside.length = 0;
  }
}

/**
 * Adds `count` clients through the bundle (the sidebar's rpcCreateClient, `nextIndex` numbering their forms)
 * and writes `weeks` check-ins into each (writeLogs), with the formulas set aside meanwhile.
 */
export function addClients(
  book: GeneratedWorkbook,
  count: number,
  nextIndex: () => number,
): GeneratedClient[] {
  const ss = book.emulator.spreadsheet;
  const aside = new FormulasAside();
  const roster = ss.getSheetByName('Clients');
  if (!roster) throw new Error('bench: no Clients sheet');
  // The last client's row, by the Client ID column: the advice columns spill blanks to the sheet's end (getLastRow).
  const ids = roster.getRange(1, 1, roster.getMaxRows(), 1).getValues();
  let lastRow = ids.length;
  while (lastRow > 1 && ids[lastRow - 1][0] === '') lastRow--;
  aside.setAside(roster, 2, lastRow);
  const made: GeneratedClient[] = [];
  let headerRow = 0;
  const pending: PendingRows[] = [];
  for (let i = 0; i < count; i++) {
    const created = ok<GeneratedClient>(
      book.bundle.call('rpcCreateClient', clientForm(nextIndex(), book.weeks)),
      'new client',
    );
    made.push({ clientId: created.clientId, tabName: created.tabName });
    // The add-on appends the client's row below the last one (reading getLastRow here would recalculate).
    aside.setAside(roster, lastRow + i + 1, lastRow + i + 1);
    const tab = ss.getSheetByName(created.tabName) as Sheet;
    aside.setAside(tab, 1, 5);
    // Rows inserted now, while the workbook is small (each structural change makes the emulator rescan every
    // cell), and dressed once every tab exists (copied formats are cells the rescans would visit too).
    headerRow ||= logHeaderRow(tab, created.tabName);
    const blocks = blocksToFit(tab, headerRow, book.weeks);
    if (blocks > 0) pending.push(insertBlocks(tab, blocks));
  }
  pending.forEach(dressBlocks);
  writeLogs(book.emulator, made, book.weeks, book.clients.length);
  aside.restore();
  book.clients.push(...made);
  return made;
}

/** A set-up workbook with `clients` clients (through the bundle), each with `weeks` weekly check-ins (in bulk). */
export function generateWorkbook(clients: number, weeks = THREE_YEARS): GeneratedWorkbook {
  const emulator = createEmulator({ now: () => new Date(NOW) });
  const bundle = emulator.loadBundle();
  bundle.call('menuSetUpWorkbook');
  const book: GeneratedWorkbook = { emulator, bundle, clients: [], weeks };
  let next = 0;
  addClients(book, clients, () => next++);
  return book;
}
