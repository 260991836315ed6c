/**
 * Finding a client's tab and reading its log, cheaply: the index gives the tab's name and width, so one
 * getValues reads it (Spreadsheet.getRange(a1) is not a spreadsheet call). When the index is stale (tab
 * renamed, deleted, narrowed, or another tab took the name) it falls back to the roster and repairs it.
 */
import { detectAdoptable } from '../core/adopt';
import {
  parseClientTab,
  PROFILE,
  type ClientTabModel,
  type LogLayout,
  type MetricDef,
} from '../core/client-tab';
import { normalizeLabel } from '../core/clients';
import { columnLetter, quoteSheetName } from '../core/layout';
import { readDay, readText, strictDayReader, type Zone } from './cells';
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
}

/** Rows read below the known end of a tab, and how many of them must be blank to trust the window. */
const WINDOW_ROWS = 100;
const BLANK_TAIL_ROWS = 50;

/**
 * The tab's values in one getValues: a window down to 100 rows below its known end when the window's last
 * 50 rows are blank (nothing typed beyond it), else the whole height (open-ended range).
 */
function readByName(ss: Spreadsheet, name: string, width: number, rows?: number): unknown[][] | null {
  const columns = `${quoteSheetName(name)}!A1:${columnLetter(Math.max(1, width))}`;
  if (rows) {
    try {
      const values = ss.getRange(`${columns}${rows + WINDOW_ROWS}`).getValues();
      const tail = values.slice(-BLANK_TAIL_ROWS);
      if (tail.every((row) => row.every((cell) => cell === '' || cell === null))) return values;
    } catch {
      // Fewer rows than the window (or the tab is gone): read it whole below.
    }
  }
  try {
    return ss.getRange(columns).getValues();
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
): ClientTab | null {
  const model = parseClientTab(values, (value) => readDay(value, zone));
  if (model.log && model.metrics.length > 0) {
    return {
      clientId,
      tabName,
      width,
      values,
      model,
      log: model.log,
      metrics: model.metrics,
      adopted: false,
    };
  }
  const detected = detectAdoptable(values, strictDayReader(zone));
  if (!detected.ok) {
    if (!model.log) return null;
    return { clientId, tabName, width, values, model, log: model.log, metrics: [], adopted: false };
  }
  const found = detected.value;
  const metrics: MetricDef[] = found.metricColumns
    .filter((metric) => !normalizeLabel(metric.label).startsWith('satisfaction'))
    .map((metric) => ({
      name: metric.label,
      unit: '',
      direction: 'up',
      baseline: null,
      target: null,
      row: found.headerRow,
      nameColumn: metric.column,
      baselineColumn: -1,
      targetColumn: -1,
    }));
  const base = model.log;
  const log: LogLayout = base ?? {
    headerRow: found.headerRow,
    weekColumn: found.dateColumn,
    metricColumns: new Map(),
    satisfactionColumn: -1,
    winsColumn: -1,
    blockersColumn: -1,
    notesColumn: -1,
    enteredByColumn: -1,
    lastRow: found.headerRow,
    entries: [],
  };
  for (const metric of metrics) log.metricColumns.set(metric.name, metric.nameColumn);
  if (!base) {
    const reader = (value: unknown) => readDay(value, zone);
    for (let row = found.headerRow + 1; row < values.length; row++) {
      const cells = values[row] ?? [];
      const owned = [log.weekColumn, ...log.metricColumns.values()];
      if (
        owned.some((column) => cells[column] !== '' && cells[column] !== null && cells[column] !== undefined)
      ) {
        log.lastRow = row;
      }
      const day = reader(cells[log.weekColumn]);
      if (day !== null) log.entries.push({ row, day });
    }
  }
  return { clientId, tabName, width, values, model, log, metrics, adopted: true };
}

/** The client's tab, through the index when it is fresh, else through the roster. */
export function openClientTab(ss: Spreadsheet, clientId: string, zone: Zone): ClientTab {
  const indexed = getIndexedClient(clientId);
  if (indexed) {
    const values = readByName(ss, indexed.name, indexed.width, indexed.rows);
    if (values) {
      const tab = modelTab(clientId, indexed.name, indexed.width, values, zone);
      const ownId = tab ? profileClientId(tab.model) : null;
      if (tab && (ownId === null || ownId === clientId)) return tab;
    }
  }
  return openThroughRoster(ss, clientId, zone);
}

function openThroughRoster(ss: Spreadsheet, clientId: string, zone: Zone): ClientTab {
  const roster = requireTable(ss, ROSTER);
  const client = rosterClients(roster, zone, readSettings(ss, zone.locale)).find(
    (c) => c.clientId === clientId,
  );
  if (!client) throw new WorkbookError(`No client with ID ${clientId} in the Clients sheet.`);
  return openRosterClient(ss, client, zone);
}

export function openRosterClient(ss: Spreadsheet, client: RosterClient, zone: Zone): ClientTab {
  const sheet = client.tabId !== null ? ss.getSheetById(client.tabId) : ss.getSheetByName(client.tabName);
  if (!sheet)
    throw new WorkbookError(
      `The tab of ${client.name} is gone. Run ClientTabs > Set up workbook to repair the roster.`,
    );
  const entry: IndexedClient = {
    sheetId: sheet.getSheetId(),
    name: sheet.getName(),
    width: sheet.getMaxColumns(),
  };
  const values = sheet.getRange(1, 1, sheet.getMaxRows(), entry.width).getValues();
  const tab = modelTab(client.clientId, entry.name, entry.width, values, zone);
  if (!tab)
    throw new WorkbookError(`Could not find a log (a "Week of" or date column) in the tab "${entry.name}".`);
  setIndexedClient(client.clientId, entry);
  return tab;
}
