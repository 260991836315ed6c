/**
 * The Dashboard: portfolio numbers from =CLIENT_* formulas over roster columns (native formulas only
 * where no CLIENT_* exists), the retention cohort table, active clients by month with a chart, and the
 * "needs attention" list that Refresh rewrites in one write.
 */
import { ATTENTION_REASONS, needsAttention, type AttentionClient } from '../core/attention';
import { formatMoney, intlLocaleOf } from '../core/money';
import { weekOf } from '../core/cadence';
import { formatIsoDay } from '../core/dates';
import { latestEntry } from '../core/client-tab';
import { columnLetter, findHeaderRow, isBlank, quoteSheetName } from '../core/layout';
import { normalizeLabel } from '../core/clients';
import { asText, readDay, readText, sheetAt, writeBlock, type Zone } from './cells';
import { getIndexedClient } from './client-index';
import { adoptedChoice } from './adopt-choice';
import { modelTab } from './client-log';
import { todayIn } from './today';
import { withDocumentLock } from './lock';
import { openRoster, type RosterClient } from './roster';
import { DASHBOARD, numberFormat, PAYMENTS, REQUESTS, SHEET } from './schema';
import { RATES } from './advice-schema';
import { attentionClient, hoursRequests, paymentRecords, rateRecords } from './dashboard-advice';
import { owesCheckIns, statusOn } from '../core/status';
import { writeStatusesOfToday } from './status-sync';
import {
  cell,
  dataRows,
  ensureRows,
  readTable,
  type Settings,
  type Spreadsheet,
  type Table,
  WorkbookError,
} from './tables';

export const ATTENTION_COLUMN = 4; // D
export const RETENTION_COLUMN = 10; // J
const MONTHS_SHOWN = 12;
/**
 * The Dashboard's =TODAY() cell. Every CLIENT_* that depends on today takes it as an argument: Sheets re-runs a
 * custom function only when an argument's value changes, so one that reads the clock itself would freeze.
 */
const TODAY_CELL = 'B11';
const ALL_CLEAR = 'Nobody needs attention. ✓';

/** The dashboard's cells (A1 notation → value or formula), from the roster's actual columns. */
export function dashboardCells(
  roster: Table,
  settingsValueCell: string | null,
  settings: Settings,
): {
  block: unknown[][];
  retentionAnchor: string;
  chartRange: { row: number; rows: number };
} {
  const first = roster.header.row + 2;
  const range = (key: string) => {
    const letter = columnLetter(roster.col[key] + 1);
    return `${quoteSheetName(SHEET.clients)}!${letter}${first}:${letter}`;
  };
  const starts = range('startDate');
  const ends = range('endDate');
  const rows: [string, string][] = [
    // Clients serving notice are still clients until their end date (core/status.ts statusOn).
    [
      'Active clients',
      `=COUNTIF(${range('status')},"Active")+COUNTIFS(${range('status')},"Serving notice",${ends},">"&${TODAY_CELL})`,
    ],
    ['Clients, all time', `=COUNTA(${range('clientId')})`],
    ['Average years a client stays, so far', `=CLIENT_LIFESPAN(${starts},${ends},"simple",${TODAY_CELL})`],
    [
      'Expected years a client stays (active ones still counting)',
      `=CLIENT_LIFESPAN(${starts},${ends},"km",${TODAY_CELL})`,
    ],
    ['Yearly profit per client', `=IFERROR(AVERAGE(${range('yearlyProfit')}),0)`],
    ['Lifetime value (LTV)', '=CLIENT_LTV(B6,B5)'],
    ['LTV:CAC target', settingsValueCell ? `=${settingsValueCell}` : String(settings.ltvToCac)],
    ['Most to spend winning a client', '=CLIENT_MAX_CAC(B7,B8)'],
    ['Churn period start', `=EDATE(${TODAY_CELL},-12)`],
    ['Churn period end (today)', '=TODAY()'],
    ['Churn, last 12 months', `=CLIENT_CHURN(${starts},${ends},B10,B11)`],
  ];
  const width = RETENTION_COLUMN;
  const height = 16 + MONTHS_SHOWN;
  const block: unknown[][] = [];
  for (let r = 0; r < height; r++) block.push(new Array(width).fill(''));
  block[0][0] = DASHBOARD.title;
  rows.forEach(([label, formula], index) => {
    block[index + 1][0] = label;
    block[index + 1][1] = formula;
  });
  const chartHeaderRow = 15; // 1-based
  block[chartHeaderRow - 2][0] = DASHBOARD.activeByMonth;
  block[chartHeaderRow - 1][0] = 'Month end';
  block[chartHeaderRow - 1][1] = 'Active clients';
  for (let k = 0; k < MONTHS_SHOWN; k++) {
    const row = chartHeaderRow + 1 + k;
    block[row - 1][0] = `=EOMONTH(TODAY(),${k - (MONTHS_SHOWN - 1)})`;
    block[row - 1][1] =
      `=COUNTIFS(${starts},"<="&A${row},${ends},"")+COUNTIFS(${starts},"<="&A${row},${ends},">"&A${row})`;
  }
  block[0][ATTENTION_COLUMN - 1] = DASHBOARD.attention;
  DASHBOARD.attentionHeader.forEach((label, i) => (block[1][ATTENTION_COLUMN - 1 + i] = label));
  block[0][RETENTION_COLUMN - 1] = DASHBOARD.retention;
  block[1][RETENTION_COLUMN - 1] = `=CLIENT_RETENTION(${starts},${ends},${MONTHS_SHOWN},${TODAY_CELL})`;
  return {
    block,
    retentionAnchor: `${columnLetter(RETENTION_COLUMN)}2`,
    chartRange: { row: chartHeaderRow, rows: MONTHS_SHOWN + 1 },
  };
}

/** Writes a fresh dashboard (only when the sheet is new or empty: a dashboard a user changed is left as is). */
export function writeDashboard(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  roster: Table,
  settingsValueCell: string | null,
  settings: Settings,
): void {
  const { block, chartRange } = dashboardCells(roster, settingsValueCell, settings);
  const money = numberFormat('currency', settings) as string;
  sheet.getRange(1, 1, block.length, block[0].length).setValues(block);
  sheet
    .getRange(2, 2, 11, 1)
    .setNumberFormats([
      ['0'],
      ['0'],
      ['0.0'],
      ['0.0'],
      [money],
      [money],
      ['0.0'],
      [money],
      [settings.dateFormat],
      [settings.dateFormat],
      ['0.0%'],
    ]);
  sheet.getRange(chartRange.row + 1, 1, chartRange.rows - 1, 1).setNumberFormat('mmm yyyy');
  const shares = sheet.getRange(3, RETENTION_COLUMN + 1, 60, MONTHS_SHOWN);
  shares.setNumberFormat('0%');
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .setGradientMinpointWithValue('#f4c7c3', SpreadsheetApp.InterpolationType.NUMBER, '0')
    .setGradientMaxpointWithValue('#b7e1cd', SpreadsheetApp.InterpolationType.NUMBER, '1')
    .setRanges([shares])
    .build();
  sheet.setConditionalFormatRules([rule]);
  const chart = sheet
    .newChart()
    .asLineChart()
    .addRange(sheet.getRange(chartRange.row, 1, chartRange.rows, 2))
    .setPosition(chartRange.row + chartRange.rows + 1, 1, 0, 0)
    .setOption('title', DASHBOARD.activeByMonth)
    .setOption('legend', { position: 'none' })
    .build();
  sheet.insertChart(chart);
  sheet.setFrozenRows(2);
}

/**
 * What ClientTabs 0.1 wrote where the Dashboard now writes `formula`: its CLIENT_* read the clock themselves
 * and froze the day they were written (Sheets re-runs a custom function only when an argument changes).
 */
function formulaBeforeTodayCell(formula: string): string {
  return formula.replace(`,${TODAY_CELL})`, ')').replace(`EDATE(${TODAY_CELL},`, 'EDATE(TODAY(),');
}

/**
 * Set up on a Dashboard made by an earlier version: each cell that still holds exactly the formula that
 * version wrote gets today's formula; a cell the user changed is theirs and stays. Returns the cells changed.
 */
export function upgradeDashboard(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  roster: Table,
  settingsValueCell: string | null,
  settings: Settings,
): number {
  const { block } = dashboardCells(roster, settingsValueCell, settings);
  const existing = sheet.getRange(1, 1, block.length, block[0].length).getFormulas();
  let upgraded = 0;
  block.forEach((row, r) =>
    row.forEach((wanted, c) => {
      if (typeof wanted !== 'string' || !wanted.startsWith('=')) return;
      const old = formulaBeforeTodayCell(wanted);
      if (old === wanted || existing[r]?.[c] !== old) return;
      sheet.getRange(r + 1, c + 1).setFormula(wanted);
      upgraded++;
    }),
  );
  return upgraded;
}

/** A1 of the Settings value cell holding `label`, for formulas that should follow it. */
export function settingValueCell(values: readonly unknown[][], label: string): string | null {
  const header = findHeaderRow(values, ['Setting', 'Value']);
  if (!header) return null;
  const labelColumn = header.columns.get('setting') as number;
  const valueColumn = header.columns.get('value') as number;
  for (let row = header.row + 1; row < values.length; row++) {
    if (normalizeLabel(values[row][labelColumn]) === normalizeLabel(label)) {
      return `${quoteSheetName(SHEET.settings)}!$${columnLetter(valueColumn + 1)}$${row + 1}`;
    }
  }
  return null;
}

/**
 * Last check-in of each client: the roster's live link when it holds a date (real Sheets computes it), else
 * one read of that client's tab. Call count grows with clients whose link is unreadable, never with log rows.
 */
export function lastCheckIns(
  ss: Spreadsheet,
  clients: RosterClient[],
  zone: Zone,
): Map<string, number | null> {
  const result = new Map<string, number | null>();
  for (const client of clients) {
    if (client.lastCheckIn !== undefined) {
      result.set(client.clientId, client.lastCheckIn);
      continue;
    }
    if (client.status === 'Ended') continue;
    result.set(client.clientId, readLastCheckIn(ss, client, zone));
  }
  return result;
}

/** The client's latest check-in, read from the tab with the roster's Tab ID (a name can be another tab's). */
function readLastCheckIn(ss: Spreadsheet, client: RosterClient, zone: Zone): number | null {
  const indexed = getIndexedClient(client.clientId);
  const sheetId = client.tabId ?? indexed?.sheetId ?? null;
  try {
    const sheet = sheetId === null ? null : ss.getSheetById(sheetId);
    if (!sheet) return null;
    // The width the index learnt for this very tab, in one read; else (or if the tab got narrower) all of it.
    const width = indexed && indexed.sheetId === sheetId ? indexed.width : null;
    let values: unknown[][];
    try {
      values = width
        ? sheet.getRange(`A1:${columnLetter(width)}`).getValues()
        : sheet.getDataRange().getValues();
    } catch {
      values = sheet.getDataRange().getValues();
    }
    // The table confirmed at adoption, as the roster's live links read it (not a fresh guess).
    const tab = modelTab(client.clientId, client.tabName, values[0]?.length ?? 0, values, zone, () =>
      adoptedChoice(sheet.getSheetId()),
    );
    return tab ? (latestEntry(tab.log)?.day ?? null) : null;
  } catch {
    return null;
  }
}

export interface RefreshReport {
  items: number;
}

/** Refresh: recomputes the "needs attention" list and rewrites only that list, in one write. */
export function refreshDashboard(): RefreshReport {
  return withDocumentLock(() => {
    const { ss, zone, settings, roster, clients } = openRoster();
    const today = todayIn(zone);
    const last = lastCheckIns(
      ss,
      clients.filter((c) => owesCheckIns(statusOn(c.status, c.endDay, today))),
      zone,
    );
    const payments = readTable(ss, PAYMENTS);
    const requests = readTable(ss, REQUESTS);
    const paymentRows = paymentRecords(payments, zone);
    const logs = {
      payments: paymentRows,
      requests: hoursRequests(requests, zone),
      rates: rateRecords(readTable(ss, RATES), zone),
    };
    const attentionClients: AttentionClient[] = clients.map((c) =>
      attentionClient(c, last.get(c.clientId) ?? null, today, settings, logs),
    );
    const items = needsAttention(
      attentionClients,
      paymentRows,
      requests
        ? dataRows(requests).map((row) => ({
            clientId: readText(cell(requests, row, 'clientId')),
            day: readDay(cell(requests, row, 'date'), zone),
            request: readText(cell(requests, row, 'request')),
            decision: readText(cell(requests, row, 'decision')),
          }))
        : [],
      today,
      weekOf(today, settings.weekStart),
      settings.graceDays,
      (amount) => formatMoney(amount, settings.currency, intlLocaleOf(zone.locale)),
      { rateFloor: settings.rateFloor },
    );
    const sheet = ss.getSheetByName(SHEET.dashboard);
    if (!sheet) throw new WorkbookError('The Dashboard sheet is missing. Run ClientTabs > Set up workbook.');
    const values = sheet.getDataRange().getValues();
    const header = findHeaderRow(values, DASHBOARD.attentionHeader.slice(0, 2));
    if (!header) {
      throw new WorkbookError(
        `The Dashboard has no "${DASHBOARD.attention}" header row ` +
          `(${DASHBOARD.attentionHeader.join(', ')}), so Refresh has nowhere of its own to write the ` +
          `list. Type those labels back above it, or delete the Dashboard tab and run Set up.`,
      );
    }
    const headerRow = header.row;
    // The list's own columns, found by their labels: a column the user inserted between them is skipped.
    const columns = DASHBOARD.attentionHeader.map((label) => header.columns.get(normalizeLabel(label)) ?? -1);
    const [clientColumn, whyColumn] = columns;
    // The previous list: the rows Refresh wrote (a reason in "Why", or the all-clear line), up to the first other row.
    const ours = new Set<string>([...Object.values(ATTENTION_REASONS), ALL_CLEAR].map(normalizeLabel));
    let previous = 0;
    for (let row = headerRow + 1; row < values.length; row++) {
      const cells = values[row] ?? [];
      if (!ours.has(normalizeLabel(cells[whyColumn])) && !ours.has(normalizeLabel(cells[clientColumn])))
        break;
      previous++;
    }
    const rows: unknown[][] = items.map((item) => [
      asText(item.name),
      item.reason,
      asText(item.detail),
      item.sinceDay === null ? '' : formatIsoDay(item.sinceDay),
      asText(item.clientId),
      item.action,
    ]);
    if (rows.length === 0) rows.push([ALL_CLEAR, '', '', '', '', '']);
    while (rows.length < previous) rows.push(new Array(DASHBOARD.attentionHeader.length).fill(''));
    // Below the previous list the rows are the user's until the list grows into them: never overwrite them.
    for (
      let row = headerRow + 1 + previous;
      row < Math.min(values.length, headerRow + 1 + rows.length);
      row++
    ) {
      const cells = values[row] ?? [];
      const filled = columns.find((column) => column >= 0 && !isBlank(cells[column]));
      if (filled !== undefined) {
        throw new WorkbookError(
          `The needs-attention list needs ${rows.length} rows, but ${columnLetter(filled + 1)}${row + 1} ` +
            `on the Dashboard has content of yours. Move it out of the list's columns below the list and ` +
            `refresh again.`,
        );
      }
    }
    // After every refusal above, so a Refresh that refuses changes nothing.
    writeStatusesOfToday(roster, zone, settings, today);
    // A list longer than the sheet (hundreds of clients) gets rows first: Sheets refuses a range past the last.
    const lastRow = headerRow + 1 + rows.length;
    if (lastRow > values.length) ensureRows(sheet, lastRow);
    const cellsByColumn = new Map<number, number>();
    columns.forEach((column, i) => {
      if (column >= 0) cellsByColumn.set(column, i);
    });
    const sorted = [...cellsByColumn.keys()].sort((a, b) => a - b);
    for (let start = 0; start < sorted.length;) {
      let end = start;
      while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
      const run = sorted.slice(start, end + 1).map((column) => cellsByColumn.get(column) as number);
      const block = rows.map((row) => run.map((i) => row[i]));
      writeBlock(sheetAt(sheet), headerRow + 2, sorted[start] + 1, block);
      start = end + 1;
    }
    return { items: items.length };
  });
}
