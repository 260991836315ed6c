/**
 * Adopting existing tabs: scan every tab and explain what was found, then add the confirmed ones to the
 * roster with live links (or link a tab to an existing client as history). Never writes to an adopted tab.
 * Resumable: tabs are processed against a time budget; what is left is kept in DocumentProperties and
 * returned, and the sidebar calls again.
 */
import { todayIn } from './today';
import { baseClientName, choiceFor, scanTab, type AdoptTable, type TabScan } from '../core/adopt';
import { cadenceFor } from '../core/cadence';
import type { FieldProblem } from '../core/outcome';
import { normalizeLabel } from '../core/clients';
import { formatIsoDay, ymdFromDay } from '../core/dates';
import { absoluteA1, columnLetter, formulaString, quoteSheetName } from '../core/layout';
import { ownRecord } from '../core/own';
import { progressFormula } from '../core/progress';
import { asText, dayToCell, readText, sheetAt, strictDayReader, writeBlock, type Zone } from './cells';
import { CHOICE_PREFIX, HISTORY_PREFIX, historyLinks } from './adopt-choice';
import { setIndexedClients, type IndexedClient } from './client-index';
import { withDocumentLock } from './lock';
import type { Outcome } from '../core/outcome';
import { nextClientId, openRoster, rosterClients, type RosterClient } from './roster';
import { isManagedSheet, ROSTER, ROSTER_METRIC_SLOTS } from './schema';
import {
  activeSpreadsheet,
  ensureRows,
  readSettings,
  readZone,
  requireTable,
  type Sheet,
  type Table,
} from './tables';

/** Apps Script stops a run at 6 minutes; stop starting new tabs after 4.5 to leave room for the writes. */
export const ADOPT_TIME_BUDGET_MS = 270_000;
const QUEUE_KEY = 'clienttabs.adoptQueue';

export type AdoptMode = 'client' | 'ended' | 'history';

/** One table of a tab as the preview shows it. */
export interface AdoptTableData {
  where: string;
  orientation: 'rows' | 'columns';
  axisLabel: string;
  measures: { name: string; baseline: number | null; target: number | null }[];
  /** `addable`: the preview may tick it back in as a measure (typed numbers or empty, never formulas or text). */
  leftOut: { label: string; reason: string; addable: boolean }[];
  observations: number;
  firstDate: string | null;
  lastDate: string | null;
  summaries: string[];
  /** Why this table is (or is not) a client log: the preview shows the picked table's. */
  reasons: string[];
  /** The header and the first lines of the table, as text, for the preview. */
  sample: string[][];
}

export interface AdoptCandidateData {
  tabName: string;
  verdict: 'log' | 'doubtful' | 'not-client';
  /** Ticked in the preview: only a clear client log is. */
  checked: boolean;
  /** What holds whichever table is picked (ticking, the name match); each table's own are in `tables`. */
  reasons: string[];
  confidence: number;
  /** The chosen table first, then the others the user may pick. */
  tables: AdoptTableData[];
  profile: { label: string; value: string }[];
  /** The existing client whose name the tab carries ("Tom Becker (old)" → Tom Becker). */
  match: { clientId: string; name: string } | null;
  mode: AdoptMode;
  /** The chosen table in brief. */
  dateColumn: string;
  metricColumns: string[];
  firstDate: string | null;
  lastDate: string | null;
  rows: number;
}

/** What the user confirmed for a tab in the preview. */
export interface AdoptTabChoice {
  /** Index into `tables` of the scan. */
  table?: number;
  measures?: string[];
  mode?: AdoptMode;
  /** With mode "history": the client the tab belongs to. */
  clientId?: string;
}

function describeTable(table: AdoptTable, values: unknown[][], zone: Zone): AdoptTableData {
  const days = table.observations.map((o) => o.day);
  const rows = table.orientation === 'rows';
  const line = (index: number) => (rows ? (values[index] ?? []) : values.map((row) => row[index]));
  const columns = [table.axis, ...table.measures.map((m) => m.index)];
  const cellsOf = (index: number) => columns.map((c) => readText(line(index)[c], zone));
  return {
    where: table.where,
    orientation: table.orientation,
    axisLabel: table.axisLabel,
    measures: table.measures.map(({ name, baseline, target }) => ({ name, baseline, target })),
    leftOut: table.leftOut.map(({ label, reason, addable }) => ({ label, reason, addable })),
    observations: table.observations.length,
    firstDate: days.length ? formatIsoDay(Math.min(...days)) : null,
    lastDate: days.length ? formatIsoDay(Math.max(...days)) : null,
    summaries: table.summaries.map((s) => s.label),
    reasons: table.reasons,
    sample: [
      [table.axisLabel, ...table.measures.map((m) => m.name)],
      ...table.observations.slice(-3).map((o) => cellsOf(o.index)),
    ],
  };
}

function describe(
  tabName: string,
  found: TabScan,
  values: unknown[][],
  zone: Zone,
  clients: readonly RosterClient[],
): AdoptCandidateData {
  const tables = [found.table, ...found.alternatives].map((t) => describeTable(t, values, zone));
  const chosen = tables[0];
  const base = normalizeLabel(baseClientName(tabName));
  const client = clients.find((c) => normalizeLabel(c.name) === base);
  const match = client ? { clientId: client.clientId, name: client.name } : null;
  const reasons = [...found.reasons];
  if (match)
    reasons.push(
      `Its name matches the client ${match.name}: linked to them as history, not a second client.`,
    );
  return {
    tabName,
    verdict: found.verdict,
    checked: found.verdict === 'log',
    reasons,
    confidence: found.confidence,
    tables,
    profile: found.profile.map(({ label, value }) => ({ label, value: String(value) })),
    match,
    mode: match ? 'history' : 'client',
    dateColumn:
      found.table.orientation === 'rows'
        ? `${found.table.axisLabel} (column ${columnLetter(found.table.axis + 1)})`
        : `${found.table.axisLabel} (row ${found.table.axis + 1})`,
    metricColumns: chosen.measures.map((m) => m.name),
    firstDate: chosen.firstDate,
    lastDate: chosen.lastDate,
    rows: chosen.observations,
  };
}

/** A tab's values and formulas: two reads of one range. */
function readTab(sheet: Sheet): { values: unknown[][]; formulas: string[][] } {
  const range = sheet.getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas() };
}

export function scanAdoptable(): {
  candidates: AdoptCandidateData[];
  skipped: { tabName: string; reason: string }[];
} {
  const ss = activeSpreadsheet();
  const zone = readZone(ss);
  const roster = requireTable(ss, ROSTER);
  const clients = rosterClients(roster, zone, readSettings(ss, zone.locale));
  const known = new Set(clients.map((c) => c.tabId));
  const history = new Set(historyLinks().keys());
  const today = todayIn(zone);
  const candidates: AdoptCandidateData[] = [];
  const skipped: { tabName: string; reason: string }[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    const sheetId = sheet.getSheetId();
    if (isManagedSheet(name) || known.has(sheetId) || history.has(sheetId)) continue;
    try {
      const { values, formulas } = readTab(sheet);
      const found = scanTab(values, { readDay: strictDayReader(zone), today, formulas });
      if (found.ok) candidates.push(describe(name, found, values, zone, clients));
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
 * Adopts `tabNames` (or, when empty, the queue left by an interrupted run), following what the user
 * confirmed per tab in `choices` (table, measures, new client / ended client / history of a client).
 * Stops starting tabs when the time budget is spent, writes the rows it has, returns the rest.
 */
export function adoptTabs(
  tabNames: string[],
  choices: Record<string, AdoptTabChoice> = {},
  budgetMs = ADOPT_TIME_BUDGET_MS,
): Outcome<AdoptProgressData> {
  const startedAt = Date.now();
  if (tabNames !== undefined && !Array.isArray(tabNames)) {
    const errors: FieldProblem[] = [{ field: 'tabNames', message: 'Choose the tabs to adopt.' }];
    return { ok: false, errors, message: errors[0].message };
  }
  const confirmed = choices && typeof choices === 'object' ? choices : {};
  return withDocumentLock(() => {
    const properties = PropertiesService.getDocumentProperties();
    let queue = (tabNames ?? []).filter(
      (name): name is string => typeof name === 'string' && name.trim() !== '',
    );
    if (queue.length === 0) queue = storedQueue(properties.getProperty(QUEUE_KEY));
    const { ss, zone, settings, roster, clients: known } = openRoster();
    const knownIds = new Set(known.map((c) => c.tabId));
    const history = new Set(historyLinks().keys());
    const today = todayIn(zone);
    let nextId = Number(nextClientId(roster).slice(2));
    const adopted: string[] = [];
    const failed: { tabName: string; reason: string }[] = [];
    const rows: Map<number, unknown>[] = [];
    const index = new Map<string, IndexedClient>();
    const stored: [string, string][] = [];
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
      if (knownIds.has(sheetId) || history.has(sheetId)) {
        failed.push({ tabName, reason: 'Already in the roster.' });
        continue;
      }
      const choice = ownChoice(confirmed, typedName, tabName);
      let scanned;
      let values: unknown[][];
      try {
        const read = readTab(sheet);
        values = read.values;
        scanned = confirmedScan(read.values, read.formulas, zone, today, choice);
      } catch (error) {
        failed.push({ tabName, reason: `Could not read the tab: ${(error as Error).message}` });
        continue;
      }
      if (!scanned.ok) {
        failed.push({ tabName, reason: scanned.reason });
        continue;
      }
      const { table } = scanned;
      if (table.measures.length === 0) {
        failed.push({ tabName, reason: 'No measure is ticked: tick at least one column of numbers.' });
        continue;
      }
      const mode = choice.mode ?? (matchOf(tabName, known) ? 'history' : 'client');
      stored.push([CHOICE_PREFIX + sheetId, JSON.stringify(choiceFor(values, table))]);
      if (mode === 'history') {
        const client = known.find(
          (c) => c.clientId === (choice.clientId ?? matchOf(tabName, known)?.clientId),
        );
        if (!client) {
          failed.push({ tabName, reason: 'Choose the client this tab is the history of.' });
          stored.pop();
          continue;
        }
        stored.push([HISTORY_PREFIX + sheetId, client.clientId]);
        history.add(sheetId);
        adopted.push(tabName);
        continue;
      }
      const clientId = `C-${String(nextId++).padStart(4, '0')}`;
      const rosterRow = firstRow + rows.length;
      const days = table.observations.map((o) => o.day);
      const cells = new Map<number, unknown>();
      const put = (key: string, value: unknown) => {
        if (roster.col[key] >= 0) cells.set(roster.col[key], value);
      };
      put('clientId', asText(clientId));
      put('name', asText(tabName));
      put('status', mode === 'ended' ? 'Ended' : 'Active');
      if (days.length) put('startDate', dayToCell(Math.min(...days), zone));
      if (mode === 'ended' && days.length) put('endDate', dayToCell(Math.max(...days), zone));
      put('cadenceDays', cadenceFor('', settings.cadence));
      put('tabId', sheetId);
      for (const [key, formula] of Object.entries(
        adoptedLinks(table, values, tabName, sheetId, rosterRow, roster),
      ))
        put(key, formula);
      rows.push(cells);
      knownIds.add(sheetId);
      // Dates across grow to the right: read well past the last column.
      const width =
        table.orientation === 'rows'
          ? Math.max(table.axis, ...table.measures.map((m) => m.index)) + 1
          : (values[0]?.length ?? 1) + 26;
      index.set(clientId, { sheetId, name: tabName, width: Math.max(26, width) });
      adopted.push(tabName);
    }
    const remaining = queue.slice(i);
    if (rows.length > 0) {
      ensureRows(roster.sheet, firstRow + rows.length - 1);
      writeRosterRows(roster.sheet, firstRow, rows);
      setIndexedClients(index);
      firstRow += rows.length;
    }
    if (stored.length > 0) properties.setProperties(ownRecord(stored));
    if (remaining.length > 0) properties.setProperty(QUEUE_KEY, JSON.stringify(remaining));
    else properties.deleteProperty(QUEUE_KEY);
    const total = adopted.length + failed.length + remaining.length;
    ss.toast(
      remaining.length > 0
        ? `Adopted ${adopted.length} of ${total} tabs so far; continuing…`
        : `Adopted ${adopted.length} ` +
            `tab${adopted.length === 1 ? '' : 's'}${failed.length ? `, ${failed.length} could not be read` : ''}.`,
      'ClientTabs',
    );
    return { ok: true, value: { adopted, remaining, failed, done: remaining.length === 0 } };
  });
}

function ownChoice(choices: Record<string, AdoptTabChoice>, typed: string, real: string): AdoptTabChoice {
  const raw = Object.prototype.hasOwnProperty.call(choices, real)
    ? choices[real]
    : Object.prototype.hasOwnProperty.call(choices, typed)
      ? choices[typed]
      : undefined;
  if (!raw || typeof raw !== 'object') return {};
  const modes: AdoptMode[] = ['client', 'ended', 'history'];
  return {
    table: Number.isInteger(raw.table) ? raw.table : undefined,
    measures: Array.isArray(raw.measures) ? raw.measures.filter((m) => typeof m === 'string') : undefined,
    mode: modes.includes(raw.mode as AdoptMode) ? raw.mode : undefined,
    clientId: typeof raw.clientId === 'string' ? raw.clientId : undefined,
  };
}

function matchOf(tabName: string, clients: readonly RosterClient[]): RosterClient | undefined {
  const base = normalizeLabel(baseClientName(tabName));
  return clients.find((c) => normalizeLabel(c.name) === base);
}

/** The scan with the user's choice of table and measures applied. */
function confirmedScan(
  values: unknown[][],
  formulas: string[][],
  zone: Zone,
  today: number,
  choice: AdoptTabChoice,
): { ok: true; table: AdoptTable } | { ok: false; reason: string } {
  const options = { readDay: strictDayReader(zone), today, formulas };
  const first = scanTab(values, options);
  if (!first.ok) return first;
  if (choice.table === undefined && choice.measures === undefined) return { ok: true, table: first.table };
  const tables = [first.table, ...first.alternatives];
  const picked = tables[choice.table ?? 0];
  if (!picked)
    return { ok: false, reason: 'The table chosen in the preview is no longer on the tab: scan again.' };
  const again = scanTab(values, {
    ...options,
    choice: { ...choiceFor(values, picked), measures: choice.measures ?? picked.measures.map((m) => m.name) },
  });
  return again.ok ? { ok: true, table: again.table } : again;
}

/**
 * The live links of an adopted tab. Unlike our own tabs, a found log may hold pre-dated lines, summary
 * lines and other tables: only dated lines on or before today with a value count.
 */
export function adoptedLinks(
  table: AdoptTable,
  values: unknown[][],
  tabName: string,
  sheetId: number,
  rosterRow: number,
  roster: Table,
): Record<string, string> {
  const tab = quoteSheetName(tabName);
  const rows = table.orientation === 'rows';
  const first = table.header + 2;
  const line = (index: number) =>
    rows
      ? `${tab}!${absoluteA1(`${columnLetter(index + 1)}${first}:${columnLetter(index + 1)}`)}`
      : `${tab}!${absoluteA1(`${columnLetter(first)}${index + 1}:${index + 1}`)}`;
  const weeks = weekDays(table, tab, line(table.axis));
  const dated = `ISNUMBER(${weeks}),${weeks}<=TODAY()`;
  const measures = table.measures.slice(0, ROSTER_METRIC_SLOTS);
  const any = measures.map((m) => `LEN(${line(m.index)})`).join('+');
  // Year-less dates ("3 Mar") are text to a formula: their days, fixed at adoption, stand in until a dated
  // line is newer.
  const yearless = table.observations.filter((o) => table.yearless.includes(o.index));
  const lastYearless = yearless.length ? Math.max(...yearless.map((o) => o.day)) : null;
  const formulas: Record<string, string> = {
    lastCheckIn:
      lastYearless === null
        ? `=IFERROR(MAX(FILTER(${weeks},${dated},(${any})>0)),"")`
        : `=MAX(IFERROR(FILTER(${weeks},${dated},(${any})>0),0),${dateLiteral(lastYearless)})`,
    link: `=HYPERLINK("#gid=${sheetId}",${formulaString(tabName)})`,
  };
  measures.forEach((measure, index) => {
    const i = index + 1;
    const column = line(measure.index);
    const pairs = rows
      ? `FILTER({${weeks},${column}},${dated},LEN(${column})>0)`
      : `TRANSPOSE(FILTER({${weeks};${column}},${dated},LEN(${column})>0))`;
    formulas[`metric${i}`] = rows
      ? `=${tab}!${absoluteA1(`${columnLetter(measure.index + 1)}${table.header + 1}`)}`
      : `=${tab}!${absoluteA1(`${columnLetter(table.header + 1)}${measure.index + 1}`)}`;
    const latest = `INDEX(SORT(${pairs},1,FALSE),1,2)`;
    const fallback = yearlessLatest(yearless, values, measure.index, rows);
    formulas[`latest${i}`] = fallback
      ? `=IFERROR(IF(IFERROR(MAX(FILTER(${weeks},${dated},LEN(${column})>0)),` +
        `0)>=${dateLiteral(fallback.day)},${latest},${tab}!${absoluteA1(fallback.cell)}),"")`
      : `=IFERROR(${latest},"")`;
    const latestColumn = roster.col[`latest${i}`];
    if (measure.baseline !== null && measure.target !== null && latestColumn >= 0) {
      const latestCell = `${columnLetter(latestColumn + 1)}${rosterRow}`;
      formulas[`progress${i}`] = progressFormula(
        String(measure.baseline),
        latestCell,
        String(measure.target),
      );
    }
    if (index === 0) formulas.trend = `=IFERROR(SPARKLINE(SORT(${pairs},1,TRUE)),"")`;
  });
  return formulas;
}

/** A day as a formula's date: DATE(2024,6,3). */
function dateLiteral(day: number): string {
  const { year, month, day: dayOfMonth } = ymdFromDay(day);
  return `DATE(${year},${month},${dayOfMonth})`;
}

/** The cell of a measure's latest value on a year-less line, and that line's day (null: none has one). */
function yearlessLatest(
  yearless: readonly { index: number; day: number }[],
  values: unknown[][],
  measure: number,
  rows: boolean,
): { day: number; cell: string } | null {
  const valueAt = (index: number) => (rows ? values[index]?.[measure] : values[measure]?.[index]);
  const latest = yearless
    .filter((o) => typeof valueAt(o.index) === 'number')
    .sort((a, b) => b.day - a.day)[0];
  if (!latest) return null;
  const cell = rows
    ? `${columnLetter(measure + 1)}${latest.index + 1}`
    : `${columnLetter(latest.index + 1)}${measure + 1}`;
  return { day: latest.day, cell };
}

/**
 * The axis as dates for a formula: the cells themselves, or, for "Week 1" labels, the start date plus
 * 7 days a week (as the scan reads them), so the roster's live links date those tabs too. Plain text
 * functions, not REGEXEXTRACT: they work the same under ARRAYFORMULA in Sheets and in the emulator.
 */
function weekDays(table: AdoptTable, tab: string, axis: string): string {
  if (!table.weekLabels || !table.start) return axis;
  const { line, index } = table.start;
  const [row, column] = table.orientation === 'rows' ? [line, index] : [index, line];
  const start = `${tab}!$${columnLetter(column + 1)}$${row + 1}`;
  const label = `LOWER(TRIM(${axis}&""))`;
  // "week 9", "wk. 9", "kw 9", "w9" → "9" (then the first word, for "Week 9 (June)").
  const bare = ['woche', 'week', 'wk', 'kw', 'w', '.'].reduce(
    (text, word) => `SUBSTITUTE(${text},"${word}","")`,
    label,
  );
  const week = `VALUE(LEFT(TRIM(${bare}),FIND(" ",TRIM(${bare})&" ")-1))`;
  const isWeek = `(LEFT(${label},1)="w")+(LEFT(${label},2)="kw")>0`;
  return `ARRAYFORMULA(IF(ISNUMBER(${axis}),${axis},IFERROR(IF(${isWeek},${start}+7*(${week}-1),""),"")))`;
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
