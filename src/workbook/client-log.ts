/**
 * Finding a client's tab and reading its log, cheaply: the index gives the tab's name and width, so one
 * getValues reads it (Spreadsheet.getRange(a1) is not a spreadsheet call). When the index is stale (tab
 * renamed, deleted, narrowed, or another tab took the name) it falls back to the roster and repairs it.
 */
import { todayIn } from './today';
import { orientedGrid, placeCheckIn, scanTab, type AdoptChoice } from '../core/adopt';
import { clip } from '../core/quote';
import {
  LOG,
  parseClientTab,
  PROFILE,
  type ClientTabModel,
  type LogLayout,
  type MetricDef,
} from '../core/client-tab';
import { normalizeLabel } from '../core/clients';
import { columnLetter, isBlank, quoteSheetName } from '../core/layout';
import { adoptedChoice } from './adopt-choice';
import { readDay, readNumber, readText, strictDayReader, type Zone } from './cells';
import { getIndexedClient, setIndexedClient, type IndexedClient } from './client-index';
import { rosterClients, type RosterClient } from './roster';
import { ROSTER } from './schema';
import { readSettings, requireTable, WorkbookError, type Spreadsheet } from './tables';

export interface ClientTab {
  clientId: string;
  tabName: string;
  width: number;
  values: unknown[][];
  model: ClientTabModel;
  /** The log to write into: ours, or the detected log of an adopted tab. */
  log: LogLayout;
  metrics: MetricDef[];
  adopted: boolean;
  /** Dates across the columns: `values` and `log` are transposed (a "row" is a column of the sheet). */
  transposed: boolean;
}

/**
 * A metric's latest logged value: the latest week that has one (the lower row on a tie), else null.
 * With `beforeDay`, only weeks before it: the previous check-in's value, which a fixed typo keeps.
 */
export function latestMetricValue(tab: ClientTab, metricName: string, beforeDay = Infinity): number | null {
  const column = tab.log.metricColumns.get(metricName) ?? -1;
  if (column < 0) return null;
  let latest: number | null = null;
  let latestDay = -Infinity;
  for (const entry of tab.log.entries) {
    if (entry.day >= beforeDay) continue;
    const value = readNumber(tab.values[entry.row]?.[column]);
    if (value !== null && entry.day >= latestDay) {
      latest = value;
      latestDay = entry.day;
    }
  }
  return latest;
}

/**
 * The tab's values in one getValues: the known width, down the whole height (open-ended range), so the
 * row of a week is found wherever the user moved it (never a window below where the log was last seen).
 * With `rows` (the height that read returned), whole rows instead: every column, for a tab widened since.
 */
function readByName(
  ss: Spreadsheet,
  name: string,
  width: number,
  rows?: number,
): { values: unknown[][]; range: GoogleAppsScript.Spreadsheet.Range } | null {
  try {
    const tab = quoteSheetName(name);
    const range = ss.getRange(rows ? `${tab}!1:${rows}` : `${tab}!A1:${columnLetter(Math.max(1, width))}`);
    return { values: range.getValues(), range };
  } catch {
    return null;
  }
}

/** The tab's own Client ID in its profile card (adopted tabs have none). */
function profileClientId(model: ClientTabModel): string | null {
  const entry = model.profile.get(normalizeLabel(PROFILE.clientId));
  return entry ? readText(entry.value) : null;
}

export function modelTab(
  clientId: string,
  tabName: string,
  width: number,
  values: unknown[][],
  zone: Zone,
  /** The table confirmed at adoption (adopt-choice.ts): every reader passes it, so all read the same table. */
  choice: () => AdoptChoice | null,
): ClientTab | null {
  const model = parseClientTab(values, (value) => readDay(value, zone));
  // Not adopted: our own layout's log (no metrics when the tab's metric table is gone).
  const ours = (log: LogLayout, metrics: MetricDef[]): ClientTab => ({
    clientId,
    tabName,
    width,
    values,
    model,
    log,
    metrics,
    adopted: false,
    transposed: false,
  });
  if (model.log && model.metrics.length > 0) return ours(model.log, model.metrics);
  const today = todayIn(zone);
  // The table the user confirmed at adoption (even when another table is headed "Week of" like ours),
  // else the scan's own choice.
  const confirmed = choice();
  const found = scanTab(values, { readDay: strictDayReader(zone), today, choice: confirmed });
  if (!found.ok) return model.log ? ours(model.log, []) : null;
  const table = found.table;
  const transposed = table.orientation === 'columns';
  // Dates across the columns: the log is read and written transposed, so a week is a "row" here too.
  const grid = transposed ? orientedGrid(values, 'columns', '' as unknown) : values;
  const isSatisfaction = (label: string) => normalizeLabel(label).startsWith('satisfaction');
  const metrics: MetricDef[] = table.measures
    .filter((metric) => !isSatisfaction(metric.label))
    .map((metric) => ({
      name: metric.name,
      unit: '',
      direction: 'up',
      baseline: metric.baseline,
      target: metric.target,
      row: table.header,
      nameColumn: metric.index,
      baselineColumn: -1,
      targetColumn: -1,
    }));
  const base = confirmed ? null : model.log;
  const log: LogLayout = base ?? {
    headerRow: table.header,
    weekColumn: table.axis,
    metricColumns: new Map(),
    satisfactionColumn: -1,
    winsColumn: -1,
    blockersColumn: -1,
    notesColumn: -1,
    enteredByColumn: -1,
    lastRow: table.header,
    entries: table.observations.map((o) => ({ row: o.index, day: o.day })),
    place: (weekDay) => {
      const placed = placeCheckIn(table, grid, weekDay);
      return { row: placed.index, insert: placed.insert, keepDate: placed.keepDate };
    },
  };
  for (const metric of metrics) log.metricColumns.set(metric.name, metric.nameColumn);
  if (!base) {
    // The tab's own Satisfaction, Wins, Blockers, Notes and Entered by columns, when it has them by name.
    const header = (grid[table.header] ?? []).map(normalizeLabel);
    const labelled = (label: string) => header.indexOf(normalizeLabel(label));
    log.satisfactionColumn = header.findIndex(isSatisfaction);
    log.winsColumn = labelled(LOG.wins);
    log.blockersColumn = labelled(LOG.blockers);
    log.notesColumn = labelled(LOG.notes);
    log.enteredByColumn = labelled(LOG.enteredBy);
    const observed = table.observations.map((o) => o.index);
    log.lastRow = observed.length ? Math.max(...observed) : table.header;
  }
  return { clientId, tabName, width, values: grid, model, log, metrics, adopted: true, transposed };
}

/** The client's tab for a save, through the index when fresh, else the roster; the index learns the tab. */
export function openClientTab(ss: Spreadsheet, clientId: string, zone: Zone): ClientTab {
  return findClientTab(ss, clientId, zone, true);
}

/** The client's tab for a read, found as openClientTab finds it; the index is left as it is. */
export function readClientTab(ss: Spreadsheet, clientId: string, zone: Zone): ClientTab {
  return findClientTab(ss, clientId, zone, false);
}

function findClientTab(ss: Spreadsheet, clientId: string, zone: Zone, remember: boolean): ClientTab {
  const indexed = getIndexedClient(clientId);
  if (indexed) {
    let read = readByName(ss, indexed.name, indexed.width);
    for (let attempt = 0; read && attempt < 2; attempt++) {
      const { values, range } = read;
      const tab = modelTab(clientId, indexed.name, values[0]?.length ?? indexed.width, values, zone, () =>
        adoptedChoice(indexed.sheetId),
      );
      const ownId = tab ? profileClientId(tab.model) : null;
      // A tab without our card (an adopted one) is only known by its sheet ID: names can be swapped.
      const same =
        ownId === clientId || (ownId === null && range.getSheet().getSheetId() === indexed.sheetId);
      if (!tab || !same) break;
      if (!mayBeCutOff(tab)) {
        if (remember && tab.width !== indexed.width)
          setIndexedClient(clientId, { ...indexed, width: tab.width });
        return tab;
      }
      // Columns were inserted since the index learnt the width: read every column once more.
      read = attempt === 0 ? readByName(ss, indexed.name, indexed.width, values.length) : null;
    }
  }
  return throughRoster(ss, clientId, zone, remember);
}

/**
 * True when the read may have missed log columns to the right (columns were inserted since the index
 * learnt the tab's width): the log header reaches the last column read, or one of our log columns is not
 * in it. Writing without them would drop what the user typed, so the caller reads the tab in full.
 */
function mayBeCutOff(tab: ClientTab): boolean {
  // Dates across: cut off when the last column read holds anything.
  if (tab.transposed) return (tab.values[tab.width - 1] ?? []).some((cell) => !isBlank(cell));
  const header = tab.values[tab.log.headerRow] ?? [];
  if (header.length >= tab.width && !isBlank(header[tab.width - 1])) return true;
  // Only a tab we made (its card has a Client ID) is known to have every log column and a metric table.
  if (profileClientId(tab.model) === null) return false;
  const { log, model } = tab;
  const trailing = [
    log.satisfactionColumn,
    log.winsColumn,
    log.blockersColumn,
    log.notesColumn,
    log.enteredByColumn,
  ];
  return (
    tab.adopted ||
    model.metricHeader === null ||
    trailing.some((column) => column < 0) ||
    tab.metrics.some((metric) => !log.metricColumns.has(metric.name))
  );
}

function throughRoster(ss: Spreadsheet, clientId: string, zone: Zone, remember: boolean): ClientTab {
  const roster = requireTable(ss, ROSTER);
  const client = rosterClients(roster, zone, readSettings(ss, zone.locale)).find(
    (c) => c.clientId === clientId,
  );
  if (!client) throw new WorkbookError(`No client with ID ${clip(clientId)} in the Clients sheet.`);
  return remember ? openRosterClient(ss, client, zone) : readRosterClient(ss, client, zone).tab;
}

/** A roster client's tab for a save: read through the roster, and the index learns where it is. */
export function openRosterClient(ss: Spreadsheet, client: RosterClient, zone: Zone): ClientTab {
  const { tab, entry } = readRosterClient(ss, client, zone);
  setIndexedClient(client.clientId, entry);
  return tab;
}

/** A roster client's tab for a read, and the index entry it would make; nothing is written. */
export function readRosterClient(
  ss: Spreadsheet,
  client: RosterClient,
  zone: Zone,
): { tab: ClientTab; entry: IndexedClient } {
  const sheet = client.tabId !== null ? ss.getSheetById(client.tabId) : ss.getSheetByName(client.tabName);
  if (!sheet)
    throw new WorkbookError(
      `The tab of ${client.name} (${client.clientId}) is gone. Bring it back with Edit > Undo or File > ` +
        `Version history; if they are no longer a client, offboard them.`,
    );
  const entry: IndexedClient = {
    sheetId: sheet.getSheetId(),
    name: sheet.getName(),
    width: sheet.getMaxColumns(),
  };
  const values = sheet.getRange(1, 1, sheet.getMaxRows(), entry.width).getValues();
  const tab = modelTab(client.clientId, entry.name, entry.width, values, zone, () =>
    adoptedChoice(entry.sheetId),
  );
  if (!tab)
    throw new WorkbookError(`Could not find a log (a "Week of" or date column) in the tab "${entry.name}".`);
  return { tab, entry };
}
