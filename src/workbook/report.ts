/**
 * The client's one-page progress report as a printable tab, "Report – <client>". Re-runnable: the tab
 * is ours by its sheet ID (remembered in DocumentProperties), so running it again rewrites that tab and
 * nothing else; a tab of the user's that has the name is never touched (the run is refused instead).
 */
import { earlierHistory, metricWithHistory, type EarlierHistory } from './linked-history';
import { clip } from '../core/quote';
import { PROFILE } from '../core/client-tab';
import { normalizeLabel } from '../core/clients';
import { columnLetter } from '../core/layout';
import { intlLocaleOf } from '../core/money';
import {
  REPORT_MAX_WINS,
  reportFingerprint,
  reportMetricRow,
  reportSubtitle,
  reportText,
  reportWins,
  type ReportInput,
} from '../core/progress-report';
import { REPORT_TAB_PREFIX } from './schema';
import { beyondBestNotes } from '../core/expectations';
import { metricRecords, recordsOf } from './expectations';
import { asText, dayToCell, readNumber, readText, writeBlock, sheetAt, type Zone } from './cells';
import { openRosterClient, type ClientTab } from './client-log';
import { todayIn } from './today';
import { withDocumentLock } from './lock';
import type { Outcome } from '../core/outcome';
import { rosterClients, type RosterClient } from './roster';
import { ROSTER } from './schema';
import {
  activeSpreadsheet,
  readSettings,
  readZone,
  requireTable,
  type Sheet,
  type Spreadsheet,
} from './tables';

const REPORT_PREFIX = 'clienttabs.report.';
/** Sheets' limit on a tab name. */
const MAX_TAB_NAME = 100;
/** The report's visible columns (A–H); the trend lines' data sits in hidden columns from K. */
const WIDTH = 8;
const DATA_COLUMN = 11;
const METRIC_HEADER = [
  'Metric',
  'Day one',
  '4 weeks ago',
  'Now',
  'Target',
  'Way to target',
  'Last 4 weeks',
  'Trend since day one',
];

export interface ReportMade {
  clientId: string;
  tabName: string;
  /** True when an earlier report tab was rewritten. */
  replaced: boolean;
  /** The same report as plain text, for an email. */
  text: string;
}

/** The report tab's name for a client (Sheets allows 100 characters). */
export function reportTabName(clientName: string): string {
  return `${REPORT_TAB_PREFIX}${clientName}`.slice(0, MAX_TAB_NAME);
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** The report's content, from the client's tab. */
export function reportInput(
  client: RosterClient,
  tab: ClientTab,
  zone: Zone,
  dateFormat: string,
  today: number,
  earlier?: EarlierHistory,
): ReportInput {
  const row = (r: number) => tab.values[r] ?? [];
  const profile = (label: string) =>
    readText(tab.model.profile.get(normalizeLabel(label))?.value ?? '', zone);
  const wins =
    tab.log.winsColumn < 0
      ? []
      : tab.log.entries.map((entry) => ({
          day: entry.day,
          text: readText(row(entry.row)[tab.log.winsColumn], zone),
        }));
  return {
    client: client.name,
    program: client.program || profile(PROFILE.program),
    startDay: client.startDay,
    today,
    definitionOfSuccess: profile(PROFILE.success),
    scope: profile(PROFILE.scope),
    metrics: tab.metrics.map((metric) => {
      const column = tab.log.metricColumns.get(metric.name) ?? -1;
      const values =
        column < 0
          ? []
          : tab.log.entries
              .map((entry) => ({ day: entry.day, value: readNumber(row(entry.row)[column]) }))
              .filter((point): point is { day: number; value: number } => point.value !== null);
      // Tabs linked as the client's history reach back before the log (and say where day one was).
      const joined = earlier?.tabs.length ? metricWithHistory(tab, metric, earlier) : null;
      return {
        name: metric.name,
        unit: metric.unit,
        baseline: joined ? joined.baseline : metric.baseline,
        target: metric.target,
        values: joined ? joined.values : values,
      };
    }),
    wins,
    dateFormat,
    intlLocale: intlLocaleOf(zone.locale),
  };
}

/** What the report tab holds now (formulas and typed values, wherever they sit). */
function fingerprintOf(sheet: Sheet): string {
  const range = sheet.getDataRange();
  return reportFingerprint(range.getValues(), range.getFormulas());
}

/** True when the tab no longer holds what the last report wrote (a tab made before fingerprints: false). */
function editedSinceMade(sheet: Sheet, clientId: string): boolean {
  const made = properties().getProperty(`${REPORT_PREFIX}${clientId}.made`);
  return made !== null && made !== fingerprintOf(sheet);
}

/** Our report tab for the client, a new one, or a refusal when a tab of the user's has the name. */
function reportSheet(
  ss: Spreadsheet,
  clientId: string,
  name: string,
): { sheet: Sheet; replaced: boolean } | string {
  const remembered = Number(properties().getProperty(REPORT_PREFIX + clientId));
  let ours = Number.isInteger(remembered) && remembered > 0 ? ss.getSheetById(remembered) : null;
  const named = ss.getSheetByName(name);
  // A report tab the user typed into is theirs from then on: remaking it would wipe what they typed.
  if (ours && editedSinceMade(ours, clientId)) {
    if (named && named.getSheetId() === ours.getSheetId())
      return (
        `"${clip(name)}" has changes of yours since ClientTabs made it. Rename that tab to keep ` +
        `them (or delete it), then make the report again.`
      );
    ours = null;
  }
  if (named && (!ours || named.getSheetId() !== ours.getSheetId()))
    return (
      `A tab named "${clip(name)}" already exists and ClientTabs did not make it. Rename that tab, ` +
      `then make the report again.`
    );
  if (ours) {
    if (ours.getName() !== name) ours.setName(name);
    return { sheet: ours, replaced: true };
  }
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  properties().setProperty(REPORT_PREFIX + clientId, String(sheet.getSheetId()));
  return { sheet, replaced: false };
}

/** Writes the report into `sheet` (emptied first: it is ours). */
function writeReport(sheet: Sheet, input: ReportInput, zone: Zone, dateFormat: string): void {
  const whole = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  whole.breakApart();
  sheet.clear();
  if (sheet.getMaxColumns() > WIDTH) sheet.showColumns(1, sheet.getMaxColumns());
  const metrics = input.metrics.map((metric) => reportMetricRow(metric, input.today));
  const wins = reportWins(input).slice(0, REPORT_MAX_WINS);
  const longest = Math.max(0, ...metrics.map((m) => m.series.length));
  const blank = () => Array<unknown>(WIDTH).fill('');
  const line = (first: unknown) => [first, ...Array<unknown>(WIDTH - 1).fill('')];
  const rows: unknown[][] = [
    line(asText(`Progress report: ${input.client}`)),
    line(asText(reportSubtitle(input))),
    blank(),
    line('What you wanted'),
    line(asText(input.definitionOfSuccess || '(not written down yet)')),
    line('What we agreed to do'),
    line(asText(input.scope || '(not written down yet)')),
    blank(),
    line('Where we are on the measures you chose'),
    METRIC_HEADER,
  ];
  const firstMetricRow = rows.length + 1;
  metrics.forEach((metric, i) => {
    const data = columnLetter(DATA_COLUMN + i);
    rows.push([
      asText(metric.unit ? `${metric.name} (${metric.unit})` : metric.name),
      metric.baseline ?? '',
      metric.fourWeeksAgo ?? '',
      metric.now ?? '',
      metric.target ?? '',
      metric.progress ?? '',
      metric.lastFourWeeks ?? '',
      metric.series.length >= 2 ? `=SPARKLINE(${data}2:${data}${metric.series.length + 1})` : '',
    ]);
  });
  if (!metrics.length) rows.push(line('No measures defined yet.'));
  for (const note of input.context ?? []) rows.push(line(asText(note)));
  rows.push(blank(), line('Wins logged'));
  const firstWinRow = rows.length + 1;
  for (const win of wins)
    rows.push([dayToCell(win.day, zone), asText(win.text), ...Array<unknown>(WIDTH - 2).fill('')]);
  if (!wins.length) rows.push(line('None logged yet.'));
  const needed = Math.max(rows.length, longest + 1);
  if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  if (sheet.getMaxColumns() < DATA_COLUMN + metrics.length - 1)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), DATA_COLUMN + metrics.length - 1 - sheet.getMaxColumns());
  writeBlock(sheetAt(sheet), 1, 1, rows);
  if (metrics.length && longest > 0) {
    const data = Array.from({ length: longest + 1 }, (_, r) =>
      metrics.map((metric) => (r === 0 ? asText(metric.name) : (metric.series[r - 1] ?? ''))),
    );
    writeBlock(sheetAt(sheet), 1, DATA_COLUMN, data);
    // The trend lines' data stays in the sheet for SPARKLINE, hidden so the page prints as one report.
    sheet.hideColumns(DATA_COLUMN, metrics.length);
  }
  sheet.getRange(1, 1).setFontSize(16).setFontWeight('bold');
  sheet.getRange(2, 1).setFontColor('#5f6368');
  for (const heading of [4, 6, 9, firstWinRow - 1])
    sheet.getRange(heading, 1).setFontWeight('bold').setFontColor('#1a73e8');
  for (const quoted of [5, 7])
    sheet.getRange(quoted, 1, 1, WIDTH).merge().setWrap(true).setVerticalAlignment('top');
  sheet.getRange(10, 1, 1, WIDTH).setFontWeight('bold').setBackground('#f1f3f4');
  if (metrics.length) {
    sheet.getRange(firstMetricRow, 2, metrics.length, 4).setNumberFormat('#,##0.##');
    sheet.getRange(firstMetricRow, 6, metrics.length, 1).setNumberFormat('0%');
    sheet.getRange(firstMetricRow, 7, metrics.length, 1).setNumberFormat('+#,##0.##;-#,##0.##;0');
  }
  if (wins.length) {
    sheet.getRange(firstWinRow, 1, wins.length, 1).setNumberFormat(dateFormat).setHorizontalAlignment('left');
    for (let i = 0; i < wins.length; i++) sheet.getRange(firstWinRow + i, 2, 1, WIDTH - 1).merge();
  }
  sheet.setColumnWidth(1, 190);
  sheet.setColumnWidths(2, WIDTH - 2, 92);
  sheet.setColumnWidth(WIDTH, 170);
}

/** Makes (or remakes) the progress report tab of `clientId`, and returns it as plain text too. */
export function makeReport(clientId: unknown): Outcome<ReportMade> {
  if (typeof clientId !== 'string' || clientId.trim() === '')
    return {
      ok: false,
      errors: [{ field: 'clientId', message: 'Choose a client.' }],
      message: 'Choose a client.',
    };
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const zone = readZone(ss);
    const settings = readSettings(ss, zone.locale);
    const clients = rosterClients(requireTable(ss, ROSTER), zone, settings);
    const client = clients.find((c) => c.clientId === clientId);
    if (!client) {
      const message = `No client with ID ${clip(clientId)} in the Clients sheet.`;
      return { ok: false, errors: [{ field: 'clientId', message }], message };
    }
    const tab = openRosterClient(ss, client, zone);
    const today = todayIn(zone);
    const earlier = earlierHistory(ss, client.clientId, zone, today);
    const input = reportInput(client, tab, zone, settings.dateFormat, today, earlier);
    // Every other client's tab is read once (the expectation check's history); the report is not budgeted.
    const others = recordsOf(
      ss,
      zone,
      clients.filter((c) => c.clientId !== client.clientId),
    );
    const own = metricRecords(client, tab);
    input.context = beyondBestNotes(client.clientId, own, others, input.intlLocale);
    const name = reportTabName(client.name);
    const target = reportSheet(ss, client.clientId, name);
    if (typeof target === 'string') return { ok: false, errors: [], message: target };
    writeReport(target.sheet, input, zone, settings.dateFormat);
    properties().setProperty(`${REPORT_PREFIX}${client.clientId}.made`, fingerprintOf(target.sheet));
    target.sheet.activate();
    return {
      ok: true,
      value: { clientId: client.clientId, tabName: name, replaced: target.replaced, text: reportText(input) },
    };
  });
}
