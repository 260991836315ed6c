/**
 * The workbook flows at scale: each runs through the bundle on a generated workbook, and the same
 * operation runs as a cell-by-cell script (baseline.ts). Counted by the emulator: every Class.method call
 * (document, properties, lock, cache...) and the document calls apart, on a fresh workbook per size.
 */
import { performance } from 'node:perf_hooks';
import type { Emulator } from '../emulator';
import * as baseline from './baseline';
import type { CellWrite, Layout } from './baseline';
import { sampleCheckIn } from '../fixtures/sample-clients';
import {
  clientForm,
  generateWorkbook,
  growTab,
  iso,
  ok,
  weekOfAgo,
  type GeneratedClient,
  type GeneratedWorkbook,
} from './workbook';
import { measureRecalc, type RecalcResult } from './recalc';
import { estimateMs } from './limits';
import { isDocumentCall } from '../emulator/calls';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tab the Portfolio review menu item writes. */
const REVIEW_TAB = 'Portfolio review';

/** Calls by service: what the cost model prices differently. */
export interface ServiceCalls {
  document: number;
  properties: number;
  lock: number;
  cache: number;
  other: number;
}

export interface Counted {
  calls: number;
  documentCalls: number;
  services: ServiceCalls;
  ms: number;
  /** What the calls would take in Apps Script at the published per-call costs (limits.ts). */
  estimatedMs: number;
}

export interface ScenarioResult {
  name: string;
  clients: number;
  calls: number;
  documentCalls: number;
  baselineCalls: number;
  ms: number;
  services: ServiceCalls;
  baselineDocumentCalls: number;
  baselineMs: number;
  estimatedMs: number;
  baselineEstimatedMs: number;
}

/** Runs `work` with the call log reset; the counts and the wall time of that run alone. */
export function measure(emulator: Emulator, work: () => unknown): Counted {
  emulator.calls.reset();
  const start = performance.now();
  work();
  const ms = performance.now() - start;
  const byMethod = emulator.calls.byMethod();
  const services: ServiceCalls = {
    document: emulator.calls.documentCalls(),
    properties: 0,
    lock: 0,
    cache: 0,
    other: 0,
  };
  let classified = 0;
  for (const [name, count] of Object.entries(byMethod)) {
    const cls = name.slice(0, name.indexOf('.'));
    if (cls === 'PropertiesService' || cls === 'Properties') services.properties += count;
    else if (cls === 'LockService' || cls === 'Lock') services.lock += count;
    else if (cls === 'CacheService' || cls === 'Cache') services.cache += count;
    else continue;
    classified += count;
  }
  const calls = emulator.calls.count();
  services.other = calls - services.document - classified;
  const estimatedMs = estimateMs(byMethod, (name) => {
    const dot = name.indexOf('.');
    return isDocumentCall(name.slice(0, dot), name.slice(dot + 1));
  });
  return { calls, documentCalls: services.document, services, ms, estimatedMs };
}

function scenario(name: string, clients: number, flow: Counted, hand: Counted): ScenarioResult {
  return {
    name,
    clients,
    calls: flow.calls,
    documentCalls: flow.documentCalls,
    baselineCalls: hand.calls,
    ms: round(flow.ms),
    services: flow.services,
    baselineDocumentCalls: hand.documentCalls,
    baselineMs: round(hand.ms),
    estimatedMs: round(flow.estimatedMs),
    baselineEstimatedMs: round(hand.estimatedMs),
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function sheet(emulator: Emulator, name: string): Sheet {
  const found = emulator.spreadsheet.getSheetByName(name);
  if (!found) throw new Error(`bench: no sheet ${name}`);
  return found;
}

/** The non-blank cells of rows `from`..`to` (1-based) as writes: formulas as formulas. */
export function cellsOf(tab: Sheet, from: number, to: number): CellWrite[] {
  const width = tab.getMaxColumns();
  const range = tab.getRange(from, 1, to - from + 1, width);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const cells: CellWrite[] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = formulas[r][c];
      if (formula) cells.push({ row: from + r, column: c + 1, formula });
      else if (value !== '') cells.push({ row: from + r, column: c + 1, value });
    }),
  );
  return cells;
}

/** What a hand-written script would hard-code, read from the generated workbook. */
export function layoutOf(emulator: Emulator, anyClientTab: string): Layout {
  const roster = sheet(emulator, 'Clients').getDataRange().getValues();
  const headerIndex = roster.findIndex((row) => row.includes('Client ID'));
  const header = roster[headerIndex];
  const tab = sheet(emulator, anyClientTab);
  const column = tab.getRange(1, 1, tab.getMaxRows(), 1).getValues();
  return {
    rosterHeaderRow: headerIndex + 1,
    nameColumn: header.indexOf('Client') + 1,
    statusColumn: header.indexOf('Status') + 1,
    cadenceColumn: header.indexOf('Check-in every (days)') + 1,
    logHeaderRow: column.findIndex((row) => row[0] === 'Week of') + 1,
  };
}

/** Every non-blank cell of a freshly set-up workbook's sheets: what a hand-written set-up script writes. */
function setUpPayload(): Record<string, CellWrite[]> {
  const fresh = generateWorkbook(0, 0);
  const payload: Record<string, CellWrite[]> = {};
  for (const tab of fresh.emulator.spreadsheet.getSheets()) {
    const cells = cellsOf(tab, 1, Math.max(1, tab.getLastRow()));
    if (cells.length > 0) payload[tab.getName()] = cells;
  }
  return payload;
}

/** The Needs-attention list Refresh wrote: its rows below the header, columns Client..Client ID. */
function attentionCells(emulator: Emulator): CellWrite[] {
  const dashboard = sheet(emulator, 'Dashboard');
  const values = dashboard.getDataRange().getValues();
  for (let r = 0; r < values.length; r++) {
    const column = values[r].indexOf('Why');
    if (column < 1 || values[r][column - 1] !== 'Client') continue;
    let last = r + 1;
    while (last + 1 < values.length && values[last + 1][column - 1] !== '') last++;
    return cellsOf(dashboard, r + 2, last + 1).filter(
      (cell) => cell.column >= column && cell.column <= column + 4,
    );
  }
  return [];
}

/** The values a cell-by-cell check-in writes: the same row the sidebar sends. */
function checkInRow(week: Date, revenue: number): unknown[] {
  return [week, revenue, 27, 8, 'Closed two deals', '', '', 'Sam'];
}

export interface SizeOptions {
  sizes: number[];
  weeks: number;
  adoptTabs: number;
  log?: (line: string) => void;
}

export interface ScaleResults {
  scenarios: ScenarioResult[];
  recalc: RecalcResult[];
  /** Document calls of a Replace right after Set up was run again (Set up must leave the index usable). */
  replaceAfterSetUp: { clients: number; documentCalls: number }[];
}

/** Runs every flow at every size (ascending) on one growing workbook, then adoption on its own workbook. */
export function runScenarios(options: SizeOptions): ScaleResults {
  const log = options.log ?? (() => undefined);
  const sizes = [...options.sizes].sort((a, b) => a - b);
  const scenarios: ScenarioResult[] = [];
  const recalc: RecalcResult[] = [];
  const replaceAfterSetUp: { clients: number; documentCalls: number }[] = [];
  const setUpCells = setUpPayload();
  const weekOfThis = iso(weekOfAgo(0));

  for (const size of sizes) {
    // A workbook of its own per size: the emulator rescans every cell on each structural change, so
    // making all tabs before any log is written is far quicker than growing one workbook through the sizes.
    const started = performance.now();
    const book: GeneratedWorkbook = generateWorkbook(size, options.weeks);
    const { emulator, bundle } = book;
    const ss = emulator.spreadsheet;
    log(`  ${size} clients: workbook ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Clients a check-in this week was already logged for are not picked again.
    const checkedIn = new Set<GeneratedClient>();
    const pick = (from: number) => {
      const client = [...book.clients.slice(from), ...book.clients].find((c) => !checkedIn.has(c));
      if (!client) throw new Error('bench: every client already has this week logged');
      checkedIn.add(client);
      return client;
    };
    const n = book.clients.length;
    recalc.push(measureRecalc(emulator, n));
    const layout = layoutOf(emulator, book.clients[0].tabName);

    // The sidebar's check-in view opens on rpcGetDueList.
    const due = measure(emulator, () => bundle.call('rpcGetDueList'));
    const dueHand = measure(emulator, () => baseline.dueList(ss, layout));
    scenarios.push(scenario('Open the due list', n, due, dueHand));

    const refresh = measure(emulator, () => bundle.call('menuRefreshDashboard'));
    const attention = attentionCells(emulator);
    const refreshHand = measure(emulator, () => baseline.refreshDashboard(ss, layout, attention));
    scenarios.push(scenario('Refresh the Dashboard', n, refresh, refreshHand));

    // A check-in where the tab has room (51 weeks in 52): the tab grown one block beforehand, uncounted.
    const roomy = pick(Math.floor(n / 2));
    growTab(emulator, roomy.tabName);
    const week = sheet(emulator, roomy.tabName);
    const weekDate = new Date(Date.parse(`${weekOfThis}T00:00:00Z`));
    const handRow = measure(emulator, () =>
      baseline.checkIn(ss, layout, roomy.tabName, checkInRow(weekDate, 12000)),
    );
    week.getRange(lastRow(week, layout), 1, 1, 8).clearContent();
    const checkIn = measure(emulator, () =>
      ok(bundle.call('rpcSaveCheckIn', sampleCheckIn(roomy.clientId, weekOfThis)), 'check-in'),
    );
    scenarios.push(scenario('Check-in', n, checkIn, handRow));

    // Replace the same week with other numbers.
    const replaceEntry = { ...sampleCheckIn(roomy.clientId, weekOfThis), replace: true };
    replaceEntry.values = { Revenue: '12500', 'Cost per lead': '26' };
    const replace = measure(emulator, () => ok(bundle.call('rpcSaveCheckIn', replaceEntry), 'replace'));
    const storedWeek = week.getRange(lastRow(week, layout), 1).getValue() as Date;
    const replaceHand = measure(emulator, () =>
      baseline.replaceCheckIn(ss, layout, roomy.tabName, storedWeek, checkInRow(storedWeek, 12500)),
    );
    scenarios.push(scenario('Replace a check-in', n, replace, replaceHand));

    // A check-in on a full tab (1 week in 52): the add-on grows the tab by a block first.
    const full = pick(n - 1);
    const fullTab = sheet(emulator, full.tabName);
    const handFull = measure(emulator, () =>
      baseline.checkIn(ss, layout, full.tabName, checkInRow(weekDate, 12000)),
    );
    fullTab.getRange(lastRow(fullTab, layout), 1, 1, 8).clearContent();
    fullTab.deleteRows(fullTab.getMaxRows(), 1);
    const grows = measure(emulator, () =>
      ok(bundle.call('rpcSaveCheckIn', sampleCheckIn(full.clientId, weekOfThis)), 'check-in on a full tab'),
    );
    scenarios.push(scenario('Check-in, tab full (grows it)', n, grows, handFull));

    // New client: the hand-written script first (then undone, uncounted), then the add-on's.
    const form = clientForm(n, options.weeks);
    const template = book.clients[0].tabName;
    const tabCells = cellsOf(sheet(emulator, template), 1, layout.logHeaderRow).map((cell) =>
      cell.value === template ? { ...cell, value: `${form.name} (by hand)` } : cell,
    );
    const rosterRow = layout.rosterHeaderRow + 1;
    const rosterCells = cellsOf(sheet(emulator, 'Clients'), rosterRow, rosterRow);
    let handRosterRow = 0;
    const newHand = measure(emulator, () => {
      handRosterRow = baseline.newClient(ss, layout, `${form.name} (by hand)`, tabCells, rosterCells);
    });
    const roster = sheet(emulator, 'Clients');
    roster.getRange(handRosterRow, 1, 1, roster.getMaxColumns()).clearContent();
    ss.deleteSheet(sheet(emulator, `${form.name} (by hand)`));
    const created = measure(emulator, () => {
      ok(bundle.call('rpcCreateClient', form), 'new client');
    });
    scenarios.push(scenario('New client', n, created, newHand));

    // Set up, run again on the full workbook, last: it rewrites the client index, and a Replace right after
    // shows whether the index it leaves still works.
    const setUp = measure(emulator, () => bundle.call('menuSetUpWorkbook'));
    const setUpHand = measure(emulator, () => baseline.setUp(ss, setUpCells));
    scenarios.push(scenario('Set up (run again)', n, setUp, setUpHand));
    const after = measure(emulator, () =>
      ok(bundle.call('rpcSaveCheckIn', replaceEntry), 'replace after set up'),
    );
    replaceAfterSetUp.push({ clients: n, documentCalls: after.documentCalls });

    // Portfolio review, last (its new tab is in no other flow's way): the add-on's first run makes the tab,
    // then the hand-written script writes the same cells on a tab of its own (removed after, uncounted).
    const alerts = emulator.ui.alerts.length;
    const review = measure(emulator, () => bundle.call('menuPortfolioReview'));
    const alert = emulator.ui.alerts[alerts];
    if (alert) throw new Error(`bench: the portfolio review alerted: ${alert.prompt}`);
    const reviewTab = sheet(emulator, REVIEW_TAB);
    const reviewCells = cellsOf(reviewTab, 1, reviewTab.getLastRow());
    const reviewHand = measure(emulator, () =>
      baseline.portfolioReview(ss, layout, `${REVIEW_TAB} (by hand)`, reviewCells),
    );
    ss.deleteSheet(sheet(emulator, `${REVIEW_TAB} (by hand)`));
    scenarios.push(scenario('Portfolio review', n, review, reviewHand));
  }

  scenarios.push(adoptScenario(options.adoptTabs, options.weeks));
  return { scenarios, recalc, replaceAfterSetUp };
}

function lastRow(tab: Sheet, layout: Layout): number {
  const column = tab.getRange(1, 1, tab.getMaxRows(), 1).getValues();
  let last = layout.logHeaderRow;
  column.forEach((row, index) => {
    if (row[0] !== '') last = index + 1;
  });
  return last;
}

/** Adopting `tabs` tabs a coach made by hand (Date, Weight, Revenue, Notes; `weeks` rows each). */
export function adoptScenario(tabs: number, weeks: number): ScenarioResult {
  const { emulator, bundle } = generateWorkbook(0, 0);
  const ss = emulator.spreadsheet;
  const names: string[] = [];
  for (let t = 0; t < tabs; t++) {
    const name = `Coachee ${String(t).padStart(3, '0')}`;
    const tab = ss.insertSheet(name);
    const rows: unknown[][] = [['Date', 'Weight', 'Revenue', 'Notes']];
    for (let w = 0; w < weeks; w++)
      rows.push([
        new Date(weekOfAgo(weeks - w)),
        80 - w * 0.05,
        1000 + w * 10 + t,
        w % 4 === 0 ? 'call' : '',
      ]);
    tab.getRange(1, 1, rows.length, 4).setValues(rows);
    names.push(name);
  }
  const layout: Layout = { ...layoutOf(emulator, 'Client template'), logHeaderRow: 1 };
  const adopt = measure(emulator, () => {
    const scan = bundle.call('rpcScanForAdoption') as { candidates: { tabName: string }[] };
    let progress = ok<{ done: boolean; remaining: string[] }>(
      bundle.call(
        'rpcAdoptTabs',
        scan.candidates.map((c) => c.tabName),
      ),
      'adopt',
    );
    while (!progress.done) progress = ok(bundle.call('rpcAdoptTabs', progress.remaining), 'adopt (resumed)');
  });
  const roster = sheet(emulator, 'Clients');
  const rosterCells = (name: string): CellWrite[] => {
    const row = baseline.findRowByLoop(roster, layout.nameColumn, layout.rosterHeaderRow, name);
    return row === 0 ? [] : cellsOf(roster, row, row);
  };
  const payload = new Map(names.map((name) => [name, rosterCells(name)]));
  const hand = measure(emulator, () => baseline.adopt(ss, layout, names, (name) => payload.get(name) ?? []));
  return scenario(`Adopt ${tabs} tabs`, tabs, adopt, hand);
}
