/** The roster (Clients): reading clients, and the live link formulas of a client's row. */
import { CLIENT_STATUSES, matchChoice, type ClientStatusName } from '../core/clients';
import { progressFormula } from '../core/progress';
import { cadenceFor } from '../core/cadence';
import { absoluteA1, columnLetter, formulaString, quoteSheetName } from '../core/layout';
import { readDay, readNumber, readText, type Zone } from './cells';
import { ROSTER, ROSTER_METRIC_SLOTS } from './schema';
import {
  activeSpreadsheet,
  cell,
  dataRows,
  readSettings,
  readZone,
  requireTable,
  type Settings,
  type Spreadsheet,
  type Table,
} from './tables';

export interface RosterClient {
  /** 0-based row in the roster's values. */
  row: number;
  clientId: string;
  name: string;
  tabName: string;
  /** The Status cell as written; what it means today is core/status.ts `statusOn`. */
  status: ClientStatusName;
  clientType: string;
  startDay: number | null;
  endDay: number | null;
  program: string;
  programMonths: number | null;
  monthlyFee: number | null;
  yearlyProfit: number | null;
  cadenceDays: number;
  /** From the live link: a day, null when the tab has no check-in, undefined when unreadable. */
  lastCheckIn: number | null | undefined;
  tabId: number | null;
  /** Advice inputs from the roster's own columns (typed, or computed by Sheets from live links). */
  hoursPerMonth: number | null;
  progress: number | null;
  satisfaction: number | null;
  satisfactionBefore: number | null;
}

/** What a change to the roster reads first. */
export interface OpenRoster {
  ss: Spreadsheet;
  zone: Zone;
  settings: Settings;
  roster: Table;
  clients: RosterClient[];
}

/** The active spreadsheet's zone, settings, roster (which must exist) and the roster's clients. */
export function openRoster(): OpenRoster {
  const ss = activeSpreadsheet();
  const zone = readZone(ss);
  const settings = readSettings(ss, zone.locale);
  const roster = requireTable(ss, ROSTER);
  return { ss, zone, settings, roster, clients: rosterClients(roster, zone, settings) };
}

/** The tab name a HYPERLINK live link shows. */
export function linkLabel(value: unknown): string {
  const text = readText(value);
  // An error value (#N/A, #REF!...) is not a name: the link has not computed (or broke).
  return /^#[A-Z/0-9]+[!?]?$/.test(text) ? '' : text;
}

/**
 * The clients of the roster. A client's tab name is the label its HYPERLINK shows; when that is not
 * computed (yet), the name the index last saw (`knownTabs`), else the client's name.
 */
export function rosterClients(
  table: Table,
  zone: Zone,
  settings: Settings,
  knownTabs: ReadonlyMap<string, string> = new Map(),
): RosterClient[] {
  return dataRows(table)
    .map((row): RosterClient => {
      const get = (key: string) => cell(table, row, key);
      const status = matchChoice(CLIENT_STATUSES, get('status')) ?? 'Active';
      const cadence = readNumber(get('cadenceDays'));
      const last = get('lastCheckIn');
      const lastDay = readDay(last, zone);
      const name = readText(get('name'));
      const clientId = readText(get('clientId'));
      return {
        row,
        clientId,
        name,
        tabName: linkLabel(get('link')) || knownTabs.get(clientId) || name,
        status,
        clientType: readText(get('clientType')),
        startDay: readDay(get('startDate'), zone),
        endDay: readDay(get('endDate'), zone),
        program: readText(get('program')),
        programMonths: readNumber(get('programMonths')),
        monthlyFee: readNumber(get('monthlyFee')),
        yearlyProfit: readNumber(get('yearlyProfit')),
        cadenceDays: cadence && cadence > 0 ? cadence : cadenceFor(get('clientType'), settings.cadence),
        lastCheckIn: lastDay !== null ? lastDay : last === '' ? null : undefined,
        tabId: readNumber(get('tabId')),
        hoursPerMonth: readNumber(get('hoursPerMonth')),
        progress: readNumber(get('progress1')),
        satisfaction: readNumber(get('satisfaction')),
        satisfactionBefore: readNumber(get('satisfactionBefore')),
      };
    })
    .filter((client) => client.clientId !== '' || client.name !== '');
}

/** The next free Client ID (C-0001, C-0002, ...). */
export function nextClientId(table: Table | null): string {
  let max = 0;
  if (table) {
    for (const row of dataRows(table)) {
      const match = /^C-(\d+)$/i.exec(readText(cell(table, row, 'clientId')));
      if (match) max = Math.max(max, Number(match[1]));
    }
  }
  return `C-${String(max + 1).padStart(4, '0')}`;
}

/** Where a client's log lives, in 1-based sheet coordinates, for building live links. */
export interface LogAddress {
  tabName: string;
  sheetId: number;
  /** First row below the log header. */
  firstRow: number;
  weekColumn: number;
  metrics: {
    /** The log header cell holding the metric's name, e.g. B12. */
    headerCell: string;
    column: number;
    baselineCell: string | null;
    targetCell: string | null;
  }[];
}

/** The live link formulas of a roster row (1-based `rosterRow`), keyed by roster column key. */
export function liveLinks(log: LogAddress, rosterRow: number, table: Table): Record<string, string> {
  const tab = quoteSheetName(log.tabName);
  const range = (column: number) =>
    `${tab}!${absoluteA1(`${columnLetter(column)}${log.firstRow}:${columnLetter(column)}`)}`;
  const weeks = range(log.weekColumn);
  const formulas: Record<string, string> = {
    lastCheckIn: `=IF(COUNT(${weeks})=0,"",MAX(${weeks}))`,
    link: `=HYPERLINK("#gid=${log.sheetId}",${formulaString(log.tabName)})`,
  };
  log.metrics.slice(0, ROSTER_METRIC_SLOTS).forEach((metric, index) => {
    const i = index + 1;
    const values = range(metric.column);
    const pairs = `FILTER({${weeks},${values}},${weeks}<>"",${values}<>"")`;
    formulas[`metric${i}`] = `=${tab}!${absoluteA1(metric.headerCell)}`;
    formulas[`latest${i}`] = `=IFERROR(INDEX(SORT(${pairs},1,FALSE),1,2),"")`;
    const latestColumn = table.col[`latest${i}`];
    if (metric.baselineCell && metric.targetCell && latestColumn >= 0) {
      const latestCell = `${columnLetter(latestColumn + 1)}${rosterRow}`;
      formulas[`progress${i}`] = progressFormula(
        `${tab}!${absoluteA1(metric.baselineCell)}`,
        latestCell,
        `${tab}!${absoluteA1(metric.targetCell)}`,
      );
    }
    if (index === 0) formulas.trend = `=IFERROR(SPARKLINE(SORT(${pairs},1,TRUE)),"")`;
  });
  return formulas;
}

/** The tab a live link formula points at (Sheets rewrites it when the tab is renamed). */
export function tabNameInFormula(formula: string): string | null {
  const quoted = /'((?:[^']|'')+)'!/.exec(formula);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /(?:^|[^A-Za-z0-9_.])([A-Za-z0-9_.]+)!/.exec(formula.replace(/^=/, ' '));
  return plain ? plain[1] : null;
}
