/**
 * A new client's tab, laid out from the schema: profile card, metric definitions, the weekly log's
 * header, and (to the right of the card) the client's payments and requests through native FILTER.
 */
import { LOG, LOG_TRAILING, METRIC_HEADER, PROFILE } from '../core/client-tab';
import { columnLetter, quoteSheetName } from '../core/layout';
import type { NewClient } from '../core/new-client';
import { asText, dayToCell, type Zone } from './cells';
import type { LogAddress } from './roster';
import { PAYMENTS, REQUESTS } from './schema';
import type { Sheet, Table } from './tables';

/**
 * Rows a client tab's log gets when created and gains each time it fills up: a year of weekly check-ins.
 * Sheets counts every cell of every tab, empty ones too, against 10 million, so a new tab is trimmed from
 * the 1,000 × 26 that insertSheet makes to what it uses and grows in blocks.
 */
export const LOG_BLOCK_ROWS = 52;

/** How many payments / requests the tab shows (the latest ones): the space above the log is fixed. */
export const TAB_LOG_PREVIEW_ROWS = 5;
const PAYMENTS_COLUMN = 8; // H
const REQUESTS_COLUMN = 13; // M
/** Columns of a new tab: the card and log on the left, the payments and requests previews up to P. */
export const NEW_TAB_WIDTH = REQUESTS_COLUMN + 3;

export interface ClientTabBlock {
  values: unknown[][];
  /** 1-based row of the log header. */
  logHeaderRow: number;
  metricColumns: number[];
  /** 1-based rows of the metric definitions. */
  metricRows: number[];
}

/** Column letter of a shared log's column, by its header (schema order when the sheet is missing). */
function logColumn(table: Table | null, spec: typeof PAYMENTS, key: string): string {
  const found = table ? table.col[key] : -1;
  const index = found !== undefined && found >= 0 ? found : spec.columns.findIndex((c) => c.key === key);
  return columnLetter(index + 1);
}

function filterFormula(
  sheetName: string,
  table: Table | null,
  spec: typeof PAYMENTS,
  keys: string[],
  clientIdCell: string,
  empty: string,
): string {
  const sheet = quoteSheetName(sheetName);
  const first = (table ? table.header.row : 0) + 2;
  const range = (key: string) => {
    const letter = logColumn(table, spec, key);
    return `${sheet}!${letter}${first}:${letter}`;
  };
  const columns = keys.map(range).join(',');
  return (
    `=IFERROR(ARRAY_CONSTRAIN(SORT(FILTER({${columns}},${range('clientId')}=${clientIdCell}),1,` +
    `FALSE),${TAB_LOG_PREVIEW_ROWS},${keys.length}),"${empty}")`
  );
}

export function buildClientTab(
  client: NewClient,
  clientId: string,
  zone: Zone,
  payments: Table | null,
  requests: Table | null,
): ClientTabBlock {
  const metricCount = client.metrics.length;
  const logHeaderRow = Math.max(8 + metricCount + 2, TAB_LOG_PREVIEW_ROWS + 4);
  const logWidth = 1 + metricCount + LOG_TRAILING.length;
  const width = Math.max(logWidth, NEW_TAB_WIDTH);
  const values: unknown[][] = [];
  for (let r = 0; r < logHeaderRow; r++) values.push(new Array(width).fill(''));
  const set = (row: number, column: number, value: unknown) => {
    values[row - 1][column - 1] = value;
  };
  const profile: [string, unknown][] = [
    [PROFILE.client, asText(client.name)],
    [PROFILE.clientId, asText(clientId)],
    [PROFILE.since, dayToCell(client.startDay, zone)],
    [
      PROFILE.program,
      asText(client.program + (client.programMonths ? ` (${client.programMonths} months)` : '')),
    ],
    [PROFILE.success, asText(client.definitionOfSuccess)],
    [PROFILE.scope, asText(client.scope)],
  ];
  profile.forEach(([label, value], index) => {
    set(index + 1, 1, label);
    set(index + 1, 2, value);
  });
  METRIC_HEADER.forEach((label, index) => set(8, index + 1, label));
  const metricRows: number[] = [];
  client.metrics.forEach((metric, index) => {
    const row = 9 + index;
    metricRows.push(row);
    set(row, 1, asText(metric.name));
    set(row, 2, asText(metric.unit));
    set(row, 3, metric.direction);
    set(row, 4, metric.baseline ?? '');
    set(row, 5, metric.target ?? '');
  });
  set(logHeaderRow, 1, LOG.weekOf);
  const metricColumns = client.metrics.map((metric, index) => {
    set(logHeaderRow, 2 + index, asText(metric.name));
    return 2 + index;
  });
  LOG_TRAILING.forEach((label, index) => set(logHeaderRow, 2 + metricCount + index, label));

  const idCell = '$B$2';
  set(1, PAYMENTS_COLUMN, 'Payments');
  ['Due', 'Paid', 'Amount'].forEach((label, i) => set(2, PAYMENTS_COLUMN + i, label));
  set(
    3,
    PAYMENTS_COLUMN,
    filterFormula(PAYMENTS.sheet, payments, PAYMENTS, ['due', 'paid', 'amount'], idCell, 'No payments yet'),
  );
  set(1, REQUESTS_COLUMN, 'Out-of-scope requests');
  ['Date', 'Request', 'Decision', 'Fee'].forEach((label, i) => set(2, REQUESTS_COLUMN + i, label));
  set(
    3,
    REQUESTS_COLUMN,
    filterFormula(
      REQUESTS.sheet,
      requests,
      REQUESTS,
      ['date', 'request', 'decision', 'fee'],
      idCell,
      'No requests yet',
    ),
  );
  return { values, logHeaderRow, metricColumns, metricRows };
}

export function logAddressOfNewTab(block: ClientTabBlock, tabName: string, sheetId: number): LogAddress {
  return {
    tabName,
    sheetId,
    firstRow: block.logHeaderRow + 1,
    weekColumn: 1,
    metrics: block.metricColumns.map((column, index) => ({
      headerCell: `${columnLetter(column)}${block.logHeaderRow}`,
      column,
      baselineCell: `D${block.metricRows[index]}`,
      targetCell: `E${block.metricRows[index]}`,
    })),
  };
}

/** Cuts a new tab down to `rows` × `columns` (insertSheet makes 1,000 × 26; each empty cell counts). */
export function trimTab(tab: Sheet, rows: number, columns: number): void {
  const maxRows = tab.getMaxRows();
  const maxColumns = tab.getMaxColumns();
  if (maxRows > rows) tab.deleteRows(rows + 1, maxRows - rows);
  if (maxColumns > columns) tab.deleteColumns(columns + 1, maxColumns - columns);
}

/**
 * Adds LOG_BLOCK_ROWS rows below a full tab, with the last row's formats and validation copied onto them
 * (whether Sheets' insertRowsAfter inherits them is not documented, so nothing relies on it).
 */
export function growTab(tab: Sheet): void {
  const last = tab.getMaxRows();
  tab.insertRowsAfter(last, LOG_BLOCK_ROWS);
  dressAddedRows(tab, last, LOG_BLOCK_ROWS);
}

/** Gives the `rows` rows below row `last` that row's formats and data validation. */
export function dressAddedRows(tab: Sheet, last: number, rows: number): void {
  const width = tab.getMaxColumns();
  const source = tab.getRange(last, 1, 1, width);
  const added = tab.getRange(last + 1, 1, rows, width);
  source.copyTo(added, { formatOnly: true });
  const rules = source.getDataValidations()[0];
  if (rules.some((rule) => rule !== null))
    added.setDataValidations(Array.from({ length: rows }, () => rules));
}
