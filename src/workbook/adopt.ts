/**
 * Adopting existing client tabs: scan every tab, list what was found, then add the confirmed ones to the
 * roster with live link formulas. Never writes to an adopted tab. Resumable: tabs are processed against
 * a time budget; what is left is kept in DocumentProperties and returned, and the sidebar calls again.
 */
import { detectAdoptable, type AdoptDetection } from '../core/adopt';
import { formatIsoDay } from '../core/dates';
import { columnLetter } from '../core/layout';
import type { FieldProblem } from '../core/checkin';
import { asText, dayToCell, sheetAt, strictDayReader, writeBlock } from './cells';
import { setIndexedClients, type IndexedClient } from './client-index';
import { withDocumentLock } from './lock';
import type { Outcome } from './new-client';
import { liveLinks, nextClientId, openRoster, rosterClients, type LogAddress } from './roster';
import { isManagedSheet, ROSTER } from './schema';
import { activeSpreadsheet, ensureRows, readSettings, readZone, requireTable, type Sheet } from './tables';
import { cadenceFor } from '../core/cadence';

/** Apps Script stops a run at 6 minutes; stop starting new tabs after 4.5 to leave room for the writes. */
export const ADOPT_TIME_BUDGET_MS = 270_000;
const QUEUE_KEY = 'clienttabs.adoptQueue';

export interface AdoptCandidateData {
  tabName: string;
  dateColumn: string;
  metricColumns: string[];
  firstDate: string | null;
  lastDate: string | null;
  rows: number;
}

function describe(tabName: string, found: AdoptDetection): AdoptCandidateData {
  return {
    tabName,
    dateColumn: `${found.dateLabel} (column ${columnLetter(found.dateColumn + 1)})`,
    metricColumns: found.metricColumns.map((m) => m.label),
    firstDate: formatIsoDay(found.firstDay),
    lastDate: formatIsoDay(found.lastDay),
    rows: found.rows,
  };
}

function readTab(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

export function scanAdoptable(): {
  candidates: AdoptCandidateData[];
  skipped: { tabName: string; reason: string }[];
} {
  const ss = activeSpreadsheet();
  const zone = readZone(ss);
  const roster = requireTable(ss, ROSTER);
  const known = new Set(rosterClients(roster, zone, readSettings(ss, zone.locale)).map((c) => c.tabId));
  const candidates: AdoptCandidateData[] = [];
  const skipped: { tabName: string; reason: string }[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (isManagedSheet(name) || known.has(sheet.getSheetId())) continue;
    try {
      const found = detectAdoptable(readTab(sheet), strictDayReader(zone));
      if (found.ok) candidates.push(describe(name, found.value));
      else skipped.push({ tabName: name, reason: found.reason });
    } catch (error) {
      skipped.push({ tabName: name, reason: `Could not read the tab: ${(error as Error).message}` });
    }
  }
  return { candidates, skipped };
}

export interface AdoptProgressData {
  adopted: string[];
  remaining: string[];
  failed: { tabName: string; reason: string }[];
  done: boolean;
}

/**
 * Adopts `tabNames` (or, when empty, the queue left by an interrupted run). Stops starting tabs when the
 * time budget is spent, writes the rows it has, and returns the rest as `remaining`.
 */
export function adoptTabs(tabNames: string[], budgetMs = ADOPT_TIME_BUDGET_MS): Outcome<AdoptProgressData> {
  const startedAt = Date.now();
  if (tabNames !== undefined && !Array.isArray(tabNames)) {
    const errors: FieldProblem[] = [{ field: 'tabNames', message: 'Choose the tabs to adopt.' }];
    return { ok: false, errors, message: errors[0].message };
  }
  return withDocumentLock(() => {
    const properties = PropertiesService.getDocumentProperties();
    let queue = (tabNames ?? []).filter(
      (name): name is string => typeof name === 'string' && name.trim() !== '',
    );
    if (queue.length === 0) queue = storedQueue(properties.getProperty(QUEUE_KEY));
    const { ss, zone, settings, roster, clients: known } = openRoster();
    const knownIds = new Set(known.map((c) => c.tabId));
    let nextId = Number(nextClientId(roster).slice(2));
    const adopted: string[] = [];
    const failed: { tabName: string; reason: string }[] = [];
    const rows: Map<number, unknown>[] = [];
    const index = new Map<string, IndexedClient>();
    let firstRow = roster.lastRow + 2;
    let i = 0;
    for (; i < queue.length; i++) {
      if (Date.now() - startedAt > budgetMs) break;
      const typedName = queue[i];
      const sheet = ss.getSheetByName(typedName);
      if (!sheet) {
        failed.push({ tabName: typedName, reason: 'There is no tab with this name any more.' });
        continue;
      }
      // Sheets finds tabs by name ignoring case: the client is named after the tab, not after what was typed.
      const tabName = sheet.getName();
      if (isManagedSheet(tabName)) {
        failed.push({ tabName, reason: 'This is a ClientTabs sheet, not a client tab.' });
        continue;
      }
      const sheetId = sheet.getSheetId();
      if (knownIds.has(sheetId)) {
        failed.push({ tabName, reason: 'Already in the roster.' });
        continue;
      }
      let found;
      try {
        found = detectAdoptable(readTab(sheet), strictDayReader(zone));
      } catch (error) {
        failed.push({ tabName, reason: `Could not read the tab: ${(error as Error).message}` });
        continue;
      }
      if (!found.ok) {
        failed.push({ tabName, reason: found.reason });
        continue;
      }
      const detection = found.value;
      const clientId = `C-${String(nextId++).padStart(4, '0')}`;
      const rosterRow = firstRow + rows.length;
      const address: LogAddress = {
        tabName,
        sheetId,
        firstRow: detection.headerRow + 2,
        weekColumn: detection.dateColumn + 1,
        metrics: detection.metricColumns.map((metric) => ({
          headerCell: `${columnLetter(metric.column + 1)}${detection.headerRow + 1}`,
          column: metric.column + 1,
          baselineCell: null,
          targetCell: null,
        })),
      };
      const cells = new Map<number, unknown>();
      const put = (key: string, value: unknown) => {
        if (roster.col[key] >= 0) cells.set(roster.col[key], value);
      };
      put('clientId', asText(clientId));
      put('name', asText(tabName));
      put('status', 'Active');
      put('startDate', dayToCell(detection.firstDay, zone));
      put('cadenceDays', cadenceFor('', settings.cadence));
      put('tabId', sheetId);
      for (const [key, formula] of Object.entries(liveLinks(address, rosterRow, roster))) put(key, formula);
      rows.push(cells);
      knownIds.add(sheetId);
      index.set(clientId, { sheetId, name: tabName, width: Math.max(26, detection.dateColumn + 1) });
      adopted.push(tabName);
    }
    const remaining = queue.slice(i);
    if (rows.length > 0) {
      ensureRows(roster.sheet, firstRow + rows.length - 1);
      writeRosterRows(roster.sheet, firstRow, rows);
      setIndexedClients(index);
      firstRow += rows.length;
    }
    if (remaining.length > 0) properties.setProperty(QUEUE_KEY, JSON.stringify(remaining));
    else properties.deleteProperty(QUEUE_KEY);
    const total = adopted.length + failed.length + remaining.length;
    ss.toast(
      remaining.length > 0
        ? `Adopted ${adopted.length} of ${total} tabs so far; continuing…`
        : `Adopted ${adopted.length} tab${adopted.length === 1 ? '' : 's'}${failed.length ? `, ${failed.length} could not be read` : ''}.`,
      'ClientTabs',
    );
    return { ok: true, value: { adopted, remaining, failed, done: remaining.length === 0 } };
  });
}

/** The tabs an interrupted run left to adopt (none when the stored queue is missing or damaged). */
function storedQueue(raw: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

/** All new roster rows in one block per contiguous run of columns. */
function writeRosterRows(sheet: Sheet, firstRow: number, rows: Map<number, unknown>[]): void {
  const columns = [...new Set(rows.flatMap((r) => [...r.keys()]))].sort((a, b) => a - b);
  let start = 0;
  while (start < columns.length) {
    let end = start;
    while (end + 1 < columns.length && columns[end + 1] === columns[end] + 1) end++;
    const run = columns.slice(start, end + 1);
    const block = rows.map((r) => run.map((c) => (r.has(c) ? r.get(c) : '')));
    writeBlock(sheetAt(sheet), firstRow, run[0] + 1, block);
    start = end + 1;
  }
}
