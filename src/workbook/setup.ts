/**
 * Set up workbook: creates what is missing and repairs what is broken, never changing a value a user
 * typed. Safe to run again on a set-up or half-set-up workbook. A constant number of calls: each managed
 * sheet is read once and written at most once per region.
 */
import { LOG, LOG_TRAILING, METRIC_HEADER, PROFILE_ORDER } from '../core/client-tab';
import { normalizeLabel } from '../core/clients';
import { progressFormula } from '../core/progress';
import { findHeaderRow, isBlank, lastFilledRow } from '../core/layout';
import { readNumber, readText } from './cells';
import { NEW_TAB_WIDTH } from './client-tab';
import { indexedClients, setIndexedClients, type IndexedClient } from './client-index';
import { settingValueCell, upgradeDashboard, writeDashboard } from './dashboard';
import { RATES, scaledWeightDefault } from './advice-schema';
import { setUpRosterAdvice } from './setup-advice';
import { withDocumentLock } from './lock';
import { todayIn } from './today';
import { writeStatusesOfToday } from './status-sync';
import { liveLinksLabel, repairLinkFormula } from './links';
import {
  numberFormat,
  PAYMENTS,
  REQUESTS,
  ROSTER,
  ROSTER_METRIC_SLOTS,
  SETTING,
  SETTINGS,
  SETTINGS_HEADER,
  SHEET,
  type TableSpec,
} from './schema';
import {
  activeSpreadsheet,
  readZone,
  settingsFromValues,
  tableFromValues,
  type Settings,
  type Sheet,
  type Spreadsheet,
  type Table,
  WorkbookError,
} from './tables';

export interface SetupReport {
  created: string[];
  headersAdded: string[];
  settingsAdded: string[];
  linksRepaired: number;
  /** Dashboard cells that still held an earlier version's formula and now hold this one's. */
  dashboardUpgraded: number;
  /** Roster Progress cells that still held 0.1's CLIENT_PROGRESS and now hold native arithmetic. */
  progressUpgraded: number;
  /** Advice formulas written into the roster (header formulas and rows that lacked them). */
  adviceFormulas: number;
}

const PROTECTION = 'ClientTabs: header row';

function sheetNamed(ss: Spreadsheet, name: string, report: SetupReport): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  report.created.push(name);
  return ss.insertSheet(name);
}

/** A managed sheet that exists, read once. */
interface Existing {
  sheet: Sheet;
  values: unknown[][];
}

/**
 * Reads the managed sheets that exist (one getValues each) and refuses, before anything is written, a tab
 * that has a managed name but holds content of the user's without that sheet's header: Set up would
 * otherwise write its rows into the user's tab.
 */
function readManagedSheets(ss: Spreadsheet): Map<string, Existing> {
  const found = new Map<string, Existing>();
  const tables: [string, readonly string[]][] = [
    [SHEET.settings, SETTINGS_HEADER.slice(0, 2)],
    ...[ROSTER, PAYMENTS, REQUESTS, RATES].map((spec): [string, string[]] => [spec.sheet, keyLabels(spec)]),
  ];
  for (const [name, labels] of tables) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const values = sheet.getDataRange().getValues();
    const empty = values.every((row) => row.every(isBlank));
    if (!empty && !findHeaderRow(values, labels)) {
      throw new WorkbookError(
        `The tab "${sheet.getName()}" holds content of yours, without ` +
          `the ${labels.map((l) => `"${l}"`).join(' and ')} header ClientTabs keeps there. Rename that ` +
          `tab and run Set up again (ClientTabs then makes its own "${name}" tab). Nothing was changed.`,
      );
    }
    found.set(name, { sheet, values });
  }
  return found;
}

function keyLabels(spec: TableSpec): string[] {
  return spec.columns.slice(0, 2).map((c) => c.label);
}

/**
 * The header row of a table: the row holding its key labels, or row 1. Missing labels go after the
 * last filled cell of that row, so nothing a user typed moves or changes.
 */
function repairHeader(sheet: Sheet, values: unknown[][], spec: TableSpec, report: SetupReport): unknown[][] {
  const header = findHeaderRow(values, keyLabels(spec));
  const row = header ? header.row : 0;
  const cells = values[row] ?? [];
  const present = new Set(cells.map(normalizeLabel));
  const missing = spec.columns.map((c) => c.label).filter((label) => !present.has(normalizeLabel(label)));
  if (missing.length === 0) return values;
  let last = cells.length - 1;
  while (last >= 0 && isBlank(cells[last])) last--;
  const start = last + 1;
  const needed = start + missing.length;
  const maxColumns = sheet.getMaxColumns();
  if (needed > maxColumns) sheet.insertColumnsAfter(maxColumns, needed - maxColumns);
  sheet.getRange(row + 1, start + 1, 1, missing.length).setValues([missing]);
  report.headersAdded.push(...missing.map((label) => `${spec.sheet}: ${label}`));
  const updated = values.length ? values.map((r) => r.slice()) : [[]];
  while (updated.length <= row) updated.push([]);
  missing.forEach((label, i) => (updated[row][start + i] = label));
  return updated;
}

/** Formats, dropdowns, frozen and warning-protected header for a table whose header is in place. */
function dressTable(
  sheet: Sheet,
  table: Table,
  spec: TableSpec,
  settings: Settings,
  protections: boolean,
): void {
  const firstData = table.header.row + 2;
  const rows = Math.max(1, sheet.getMaxRows() - firstData + 1);
  for (const column of spec.columns) {
    const index = table.col[column.key];
    if (index < 0) continue;
    const range = sheet.getRange(firstData, index + 1, rows, 1);
    const format = column.format ? numberFormat(column.format, settings) : null;
    if (format) range.setNumberFormat(format);
    if (column.choices) {
      range.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...column.choices], true)
          .setAllowInvalid(false)
          .build(),
      );
    }
  }
  sheet.setFrozenRows(table.header.row + 1);
  if (!protections) {
    const width = Math.max(...Object.values(table.col)) + 1;
    sheet
      .getRange(table.header.row + 1, 1, 1, width)
      .protect()
      .setDescription(PROTECTION)
      .setWarningOnly(true);
  }
}

function hasOurProtection(sheet: Sheet): boolean {
  return sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .some((p) => (p as GoogleAppsScript.Spreadsheet.Protection).getDescription() === PROTECTION);
}

function setUpTable(
  ss: Spreadsheet,
  spec: TableSpec,
  existing: Existing | undefined,
  settings: Settings,
  report: SetupReport,
): Table {
  const sheet = existing?.sheet ?? sheetNamed(ss, spec.sheet, report);
  if (!existing && spec === ROSTER) trimRoster(sheet);
  const values = repairHeader(sheet, existing?.values ?? [], spec, report);
  const table = tableFromValues(sheet, values, spec) as Table;
  dressTable(sheet, table, spec, settings, hasOurProtection(sheet));
  return table;
}

/**
 * A new roster starts with room for ROSTER_ROWS clients (New client adds rows as it fills): the advice
 * columns' formulas spill down the whole sheet, and a recalculation costs in proportion to its rows.
 */
const ROSTER_ROWS = 30;
function trimRoster(sheet: Sheet): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows > ROSTER_ROWS + 1) sheet.deleteRows(ROSTER_ROWS + 2, maxRows - ROSTER_ROWS - 1);
}

function setUpSettings(
  ss: Spreadsheet,
  existing: Existing | undefined,
  locale: string,
  report: SetupReport,
): { values: unknown[][]; settings: Settings } {
  const sheet = existing?.sheet ?? sheetNamed(ss, SHEET.settings, report);
  let values = existing?.values ?? [];
  let header = findHeaderRow(values, SETTINGS_HEADER.slice(0, 2));
  const rowsToWrite: unknown[][] = [];
  let writeAt: number;
  if (!header) {
    const empty = values.every((row) => row.every(isBlank));
    writeAt = empty ? 1 : lastFilledRow(values, -1) + 3;
    rowsToWrite.push([...SETTINGS_HEADER]);
    header = {
      row: writeAt - 1,
      columns: new Map([
        ['setting', 0],
        ['value', 1],
        ['about', 2],
      ]),
    };
  } else {
    writeAt = lastFilledRow(values, header.row) + 2;
  }
  const labelColumn = header.columns.get('setting') as number;
  const valueColumn = header.columns.get('value') ?? labelColumn + 1;
  const present = new Set(values.map((row) => normalizeLabel(row[labelColumn])));
  // Weights the workbook already has, on its own scale: a weight row added now takes the same scale.
  const weights = values
    .filter((row) => /^health weight:/.test(normalizeLabel(row[labelColumn])))
    .map((row) => readNumber(row[valueColumn]))
    .filter((w): w is number => w !== null && w >= 0);
  for (const setting of SETTINGS) {
    if (present.has(normalizeLabel(setting.label))) continue;
    const row: unknown[] = [];
    row[labelColumn] = setting.label;
    row[valueColumn] = scaledWeightDefault(setting.label, weights) ?? setting.value(locale);
    row[header.columns.get('about') ?? labelColumn + 2] = setting.about;
    rowsToWrite.push(row);
    report.settingsAdded.push(setting.label);
  }
  if (rowsToWrite.length > 0) {
    const width = Math.max(...rowsToWrite.map((r) => r.length));
    const block = padRows(rowsToWrite, width);
    sheet.getRange(writeAt, 1, block.length, width).setValues(block);
    values = values.map((r) => r.slice());
    while (values.length < writeAt - 1) values.push([]);
    block.forEach((r, i) => (values[writeAt - 1 + i] = r));
    if (report.created.includes(SHEET.settings)) sheet.setFrozenRows(1);
  }
  return { values, settings: settingsFromValues(values, locale) };
}

/** The client-tab template: the layout every client tab follows, with an example metric. Made once. */
function setUpTemplate(ss: Spreadsheet, report: SetupReport): void {
  if (ss.getSheetByName(SHEET.template)) return;
  const sheet = sheetNamed(ss, SHEET.template, report);
  const width = 1 + 1 + LOG_TRAILING.length;
  const rows: unknown[][] = PROFILE_ORDER.map((label) => [label, '']);
  rows.push([], [...METRIC_HEADER], ['Revenue per month', 'USD', 'up', 10000, 20000], []);
  rows.push([LOG.weekOf, 'Revenue per month', ...LOG_TRAILING]);
  const block = padRows(rows, width);
  sheet.getRange(1, 1, block.length, width).setValues(block);
  sheet.hideSheet();
}

function setUpDashboard(
  ss: Spreadsheet,
  roster: Table,
  settingsValues: unknown[][],
  settings: Settings,
  report: SetupReport,
): void {
  const existing = ss.getSheetByName(SHEET.dashboard);
  const sheet = existing ?? sheetNamed(ss, SHEET.dashboard, report);
  const ltvToCacCell = settingValueCell(settingsValues, SETTING.ltvToCac);
  if (existing) {
    const values = existing.getDataRange().getValues();
    if (values.some((row) => row.some((c) => !isBlank(c)))) {
      report.dashboardUpgraded = upgradeDashboard(existing, roster, ltvToCacCell, settings);
      return;
    }
  }
  writeDashboard(sheet, roster, ltvToCacCell, settings);
}

/** The gid of a HYPERLINK formula ClientTabs wrote, or null for anything else in the cell. */
function ourLinkGid(formula: unknown): number | null {
  const match = typeof formula === 'string' ? /^=HYPERLINK\("#gid=(\d+)",/.exec(formula) : null;
  return match ? Number(match[1]) : null;
}

/**
 * Tab renames: Sheets rewrites the live link formulas' references, so the tab's current name is in the
 * "Last check-in" formula; the HYPERLINK label is plain text and is fixed here. Only a cell that still
 * holds our own link to the row's tab is rewritten (a user's formula, note or value is never touched),
 * in one write per run of adjacent repaired rows. One getFormulas.
 */
function repairLinks(
  roster: Table,
  report: SetupReport,
): { index: Map<string, IndexedClient>; formulas: string[][] } {
  const index = new Map<string, IndexedClient>();
  const first = roster.header.row + 1;
  const count = roster.lastRow - roster.header.row;
  const linkColumn = roster.col.link;
  const lastColumn = roster.col.lastCheckIn;
  if (count <= 0 || linkColumn < 0 || lastColumn < 0) return { index, formulas: [] };
  const formulas = roster.sheet
    .getRange(first + 1, 1, count, roster.values[roster.header.row].length)
    .getFormulas();
  const repaired = new Map<number, string>();
  const indexed = indexedClients();
  for (let i = 0; i < count; i++) {
    const values = roster.values[first + i] ?? [];
    const linkFormula = formulas[i][linkColumn];
    const tabName = liveLinksLabel(formulas[i][lastColumn]);
    const tabId = readNumber(values[roster.col.tabId]);
    const clientId = readText(values[roster.col.clientId]);
    if (tabName && tabId !== null && ourLinkGid(linkFormula) === tabId) {
      const next = repairLinkFormula(linkFormula, tabId, tabName);
      if (next !== linkFormula) repaired.set(i, next);
    }
    if (clientId && tabId !== null) {
      // The width the index learnt from the tab itself stays; a tab it never saw starts at a new tab's.
      const known = indexed.get(clientId);
      const width = known && known.sheetId === tabId ? known.width : NEW_TAB_WIDTH;
      index.set(clientId, { sheetId: tabId, name: tabName ?? readText(values[linkColumn]), width });
    }
  }
  writeColumnRuns(roster.sheet, first + 1, linkColumn + 1, repaired);
  report.linksRepaired += repaired.size;
  for (let slot = 1; slot <= ROSTER_METRIC_SLOTS; slot++) {
    const column = roster.col[`progress${slot}`];
    if (column === undefined || column < 0) continue;
    const upgraded = new Map<number, string>();
    formulas.forEach((row, i) => {
      const next = upgradedProgressFormula(row[column]);
      if (next) upgraded.set(i, next);
    });
    writeColumnRuns(roster.sheet, first + 1, column + 1, upgraded);
    report.progressUpgraded += upgraded.size;
  }
  return { index, formulas };
}

/**
 * 0.1 wrote `=CLIENT_PROGRESS(tab!baseline,latest,tab!target)` in every roster row: one custom-function
 * execution per client and metric on each recalculation. A cell still holding exactly that gets the
 * native arithmetic; anything else in the cell is the user's.
 */
function upgradedProgressFormula(formula: unknown): string | null {
  const ref = `(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!\\$?[A-Z]+\\$?\\d+`;
  const match =
    typeof formula === 'string'
      ? new RegExp(`^=CLIENT_PROGRESS\\((${ref}),(\\$?[A-Z]+\\$?\\d+),(${ref})\\)$`).exec(formula)
      : null;
  return match ? progressFormula(match[1], match[2], match[3]) : null;
}

/** Writes `cells` (row offset → value) into one column, one setValues per run of adjacent rows. */
function writeColumnRuns(sheet: Sheet, firstRow: number, column: number, cells: Map<number, string>): void {
  const rows = [...cells.keys()].sort((a, b) => a - b);
  for (let start = 0; start < rows.length;) {
    let end = start;
    while (end + 1 < rows.length && rows[end + 1] === rows[end] + 1) end++;
    const run = rows.slice(start, end + 1).map((i) => [cells.get(i)]);
    sheet.getRange(firstRow + rows[start], column, run.length, 1).setValues(run);
    start = end + 1;
  }
}

export function setUpWorkbook(): SetupReport {
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const zone = readZone(ss);
    const report: SetupReport = {
      created: [],
      headersAdded: [],
      settingsAdded: [],
      linksRepaired: 0,
      dashboardUpgraded: 0,
      progressUpgraded: 0,
      adviceFormulas: 0,
    };
    const existing = readManagedSheets(ss);
    const { values: settingsValues, settings } = setUpSettings(
      ss,
      existing.get(SHEET.settings),
      zone.locale,
      report,
    );
    const roster = setUpTable(ss, ROSTER, existing.get(ROSTER.sheet), settings, report);
    const payments = setUpTable(ss, PAYMENTS, existing.get(PAYMENTS.sheet), settings, report);
    const requests = setUpTable(ss, REQUESTS, existing.get(REQUESTS.sheet), settings, report);
    const rates = setUpTable(ss, RATES, existing.get(RATES.sheet), settings, report);
    setUpTemplate(ss, report);
    setUpDashboard(ss, roster, settingsValues, settings, report);
    const links = repairLinks(roster, report);
    setIndexedClients(links.index);
    writeStatusesOfToday(roster, zone, settings, todayIn(zone));
    report.adviceFormulas = setUpRosterAdvice(roster, { payments, requests, rates }, links.formulas);
    return report;
  });
}

/** Rows of any length as the rectangle setValues needs: missing cells blank. */
function padRows(rows: readonly unknown[][], width: number): unknown[][] {
  return rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? '' : r[i])));
}
