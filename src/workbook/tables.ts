/**
 * Reading the managed sheets in batches (one getValues per sheet) and finding their columns by header
 * label, plus the spreadsheet's zone and settings.
 */
import { CLIENT_TYPES, normalizeLabel, type ClientTypeName } from '../core/clients';
import { parseWeekday } from '../core/cadence';
import type { Weekday } from '../core/dates';
import { findHeaderRow, isBlank, lastFilledRow, type HeaderMatch } from '../core/layout';
import { parseNumber } from '../core/parse';
import type { HealthSignal } from '../core/health';
import { sheetAt, writeBlock, type Zone } from './cells';
import { HEALTH_WEIGHT_ROWS } from './advice-schema';
import { handlingFromSettings } from './handling-schema';
import { SETTING, SETTINGS, SETTINGS_HEADER, SHEET, type TableSpec } from './schema';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The spreadsheet's time zone and locale, read now (2 calls): a reader, so it remembers nothing. */
export function readZone(ss: Spreadsheet): Zone {
  return { timeZone: ss.getSpreadsheetTimeZone(), locale: ss.getSpreadsheetLocale() };
}

export interface Table {
  sheet: Sheet;
  values: unknown[][];
  header: HeaderMatch;
  /** 0-based column of each spec key that was found; -1 when missing. */
  col: Record<string, number>;
  /** 0-based index of the last row with content (the header row when there are no data rows). */
  lastRow: number;
}

/** The labels that identify a table's header row. */
function keyLabels(spec: TableSpec): string[] {
  return spec.columns.slice(0, 2).map((column) => column.label);
}

export function tableFromValues(sheet: Sheet, values: unknown[][], spec: TableSpec): Table | null {
  const header = findHeaderRow(values, keyLabels(spec));
  if (!header) return null;
  const col: Record<string, number> = {};
  for (const column of spec.columns) col[column.key] = header.columns.get(normalizeLabel(column.label)) ?? -1;
  return { sheet, values, header, col, lastRow: lastFilledRow(values, header.row) };
}

/** A managed table: getSheetByName + getDataRange + getValues. Null when the sheet or its header is missing. */
export function readTable(ss: Spreadsheet, spec: TableSpec): Table | null {
  const sheet = ss.getSheetByName(spec.sheet);
  if (!sheet) return null;
  return tableFromValues(sheet, sheet.getDataRange().getValues(), spec);
}

export function requireTable(ss: Spreadsheet, spec: TableSpec): Table {
  const table = readTable(ss, spec);
  if (!table) {
    throw new WorkbookError(
      `The ${spec.sheet} sheet is missing or has no header row. Run ClientTabs > Set up workbook.`,
    );
  }
  return table;
}

/** A problem with the workbook itself, shown to the user as is. */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** The data rows of a table (0-based indexes into `values`). */
export function dataRows(table: Table): number[] {
  const rows: number[] = [];
  for (let row = table.header.row + 1; row <= table.lastRow; row++) {
    if ((table.values[row] ?? []).some((cell) => !isBlank(cell))) rows.push(row);
  }
  return rows;
}

export function cell(table: Table, row: number, key: string): unknown {
  const column = table.col[key];
  return column === undefined || column < 0 ? '' : (table.values[row] ?? [])[column];
}

/**
 * Writes `cells` (0-based column → value) into 1-based `sheetRow`, as contiguous runs: one setValues
 * per run, so columns in between (a user's own, or live formulas) are never touched.
 */
export function writeCells(sheet: Sheet, sheetRow: number, cells: Map<number, unknown>): void {
  const columns = [...cells.keys()].filter((column) => column >= 0).sort((a, b) => a - b);
  let start = 0;
  while (start < columns.length) {
    let end = start;
    while (end + 1 < columns.length && columns[end + 1] === columns[end] + 1) end++;
    const run = columns.slice(start, end + 1).map((column) => cells.get(column));
    writeBlock(sheetAt(sheet), sheetRow, columns[start] + 1, [run]);
    start = end + 1;
  }
}

/** Makes sure 1-based `sheetRow` exists (a full sheet gets 100 more rows). */
export function ensureRows(sheet: Sheet, sheetRow: number): void {
  const maxRows = sheet.getMaxRows();
  if (sheetRow > maxRows) sheet.insertRowsAfter(maxRows, Math.max(100, sheetRow - maxRows));
}

export interface Settings {
  currency: string;
  dateFormat: string;
  weekStart: Weekday;
  ltvToCac: number;
  graceDays: number;
  cadence: Partial<Record<ClientTypeName, number>>;
  /** Handling advice per client type (Settings, blank → core/client-handling's default). */
  handling: Record<ClientTypeName, string>;
  /** The health weights of the Settings rows, by signal (HEALTH_WEIGHT_ROWS). */
  healthWeights: Record<HealthSignal, number>;
  rateFloor: number;
  hourlyCost: number;
}

/** Settings by label from the Settings sheet's values; defaults for anything missing or unreadable. */
export function settingsFromValues(values: readonly unknown[][], locale: string): Settings {
  const header = findHeaderRow(values, SETTINGS_HEADER.slice(0, 2));
  const labelColumn = header ? (header.columns.get('setting') as number) : 0;
  const valueColumn = header ? (header.columns.get('value') as number) : 1;
  const byLabel = new Map<string, unknown>();
  for (const row of values) {
    const label = normalizeLabel(row[labelColumn]);
    if (label !== '' && !byLabel.has(label)) byLabel.set(label, row[valueColumn]);
  }
  const spec = (label: string) =>
    SETTINGS.find((setting) => setting.label === label) as (typeof SETTINGS)[number];
  const raw = (label: string) => {
    const value = byLabel.get(normalizeLabel(label));
    return isBlank(value) ? spec(label).value(locale) : value;
  };
  const number = (label: string, test: (n: number) => boolean) => {
    const parsed = parseNumber(raw(label), locale);
    return parsed !== null && test(parsed) ? parsed : (spec(label).value(locale) as number);
  };
  const cadence: Partial<Record<ClientTypeName, number>> = {};
  for (const type of CLIENT_TYPES) {
    cadence[type] = number(SETTING.cadencePrefix + type, (n) => Number.isInteger(n) && n >= 1 && n <= 365);
  }
  return {
    currency: String(raw(SETTING.currency)),
    dateFormat: String(raw(SETTING.dateFormat)),
    weekStart: parseWeekday(raw(SETTING.weekStart)) ?? 1,
    ltvToCac: number(SETTING.ltvToCac, (n) => n > 0),
    graceDays: number(SETTING.graceDays, (n) => n >= 0),
    cadence,
    handling: handlingFromSettings(raw),
    healthWeights: Object.fromEntries(
      HEALTH_WEIGHT_ROWS.map(([label, signal]) => [signal, number(label, (n) => n >= 0)]),
    ) as Record<HealthSignal, number>,
    rateFloor: number(SETTING.rateFloor, (n) => n >= 0),
    hourlyCost: number(SETTING.hourlyCost, (n) => n >= 0),
  };
}

export function readSettings(ss: Spreadsheet, locale: string): Settings {
  const sheet = ss.getSheetByName(SHEET.settings);
  return settingsFromValues(sheet ? sheet.getDataRange().getValues() : [], locale);
}
