/**
 * Service-call budgets of the workbook flows, counted by the emulator (documentCalls: calls that
 * read or write the document). Counts do not depend on the machine, so they are what the benchmark
 * holds: each flow runs on a small and a large workbook, and the counts must not grow with it.
 */
import { createEmulator, type Emulator, type LoadedBundle } from '../emulator';
import { SAMPLE_CLIENT, sampleCheckIn } from '../fixtures/sample-clients';
import { measure, type ScaleResults, type ScenarioResult } from './scenarios';
import { DAY, iso, NOW, ok } from './workbook';

/** The sample client numbered `index`: names in order, start dates a day apart, the four types in turn. */
function clientForm(index: number) {
  return {
    ...SAMPLE_CLIENT,
    name: `Client ${String(index).padStart(3, '0')}`,
    startDate: iso(NOW - (400 - index) * DAY),
    clientType: ['Micromanager', 'Savvy', 'In the dark', 'Laissez-faire'][index % 4],
  };
}

/** A workbook set up with `clients` clients, each with `weeks` weekly check-ins. */
function workbook(clients: number, weeks: number) {
  const emulator = createEmulator({ now: () => new Date(NOW) });
  const bundle = emulator.loadBundle();
  bundle.call('menuSetUpWorkbook');
  const ids: string[] = [];
  for (let i = 0; i < clients; i++)
    ids.push(ok<{ clientId: string }>(bundle.call('rpcCreateClient', clientForm(i)), 'new client').clientId);
  for (const id of ids) {
    for (let w = weeks; w >= 1; w--)
      ok(bundle.call('rpcSaveCheckIn', sampleCheckIn(id, iso(NOW - w * 7 * DAY))), 'check-in');
  }
  return { emulator, bundle, ids };
}

/** The document calls of `run` alone. */
function count(emulator: Emulator, run: () => unknown): number {
  return measure(emulator, run).documentCalls;
}

/** The usual hand-written script: find the last row, then write each cell of the new row on its own. */
function cellByCellCheckIn(bundle: LoadedBundle, tabName: string, values: unknown[]): void {
  const sheet = (
    bundle.context as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }
  ).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tabName);
  if (!sheet) throw new Error(`bench: no tab ${tabName}`);
  const row = sheet.getLastRow() + 1;
  values.forEach((value, index) => sheet.getRange(row, index + 1).setValue(value));
}

/** The call counts of the small-workbook budgets (printed through `print`) and the budgets that were broken. */
export function budgetCases(print: (line: string) => void): string[] {
  const small = workbook(2, 4);
  const large = workbook(20, 40);
  const rows: [string, number, number, string][] = [];
  const weekOf = iso(NOW);

  rows.push([
    'Set up workbook (run again)',
    count(small.emulator, () => small.bundle.call('menuSetUpWorkbook')),
    count(large.emulator, () => large.bundle.call('menuSetUpWorkbook')),
    'constant',
  ]);
  rows.push([
    'New client',
    count(small.emulator, () => small.bundle.call('rpcCreateClient', clientForm(900))),
    count(large.emulator, () => large.bundle.call('rpcCreateClient', clientForm(900))),
    'constant',
  ]);
  rows.push([
    'Log a check-in',
    count(small.emulator, () => small.bundle.call('rpcSaveCheckIn', sampleCheckIn(small.ids[0], weekOf))),
    count(large.emulator, () => large.bundle.call('rpcSaveCheckIn', sampleCheckIn(large.ids[0], weekOf))),
    'at most 8',
  ]);
  rows.push([
    'Replace this week’s check-in',
    count(small.emulator, () =>
      small.bundle.call('rpcSaveCheckIn', { ...sampleCheckIn(small.ids[0], weekOf), replace: true }),
    ),
    count(large.emulator, () =>
      large.bundle.call('rpcSaveCheckIn', { ...sampleCheckIn(large.ids[0], weekOf), replace: true }),
    ),
    // the note read and write, and the flush before the lock is released
    'at most 10',
  ]);

  // Refresh may read each client's tab once where the live link can't be read, so it grows with clients;
  // what it must not do is grow with log rows: same clients, 4 weeks vs 40 weeks of rows.
  // Two untouched workbooks, so the only difference is the length of the logs.
  const shortLogs = workbook(20, 4);
  const longLogs = workbook(20, 40);
  const refreshShort = count(shortLogs.emulator, () => shortLogs.bundle.call('menuRefreshDashboard'));
  const refreshLong = count(longLogs.emulator, () => longLogs.bundle.call('menuRefreshDashboard'));

  const naive = workbook(1, 1);
  const tab = (naive.bundle.call('rpcListClients') as { tabName: string }[])[0].tabName;
  const naiveCalls = count(naive.emulator, () =>
    cellByCellCheckIn(naive.bundle, tab, [new Date(NOW), 12000, 27, 8, 'Closed two deals', '', '', '']),
  );

  print('Service calls that touch the document (emulator count; machine-independent):');
  print(`  ${'flow'.padEnd(32)} ${'2 clients'.padStart(10)} ${'20 clients'.padStart(11)}  budget`);
  for (const [label, a, b, budget] of rows) {
    print(`  ${label.padEnd(32)} ${String(a).padStart(10)} ${String(b).padStart(11)}  ${budget}`);
  }
  print(
    `  ${'Refresh dashboard (20 clients)'.padEnd(32)} ${`${refreshShort}`.padStart(10)} ` +
      `${`${refreshLong}`.padStart(11)}  4 vs 40 weeks of rows: equal`,
  );
  const checkInCalls = rows[2][1];
  const broken: string[] = [];
  for (const [label, a, b, budget] of rows) {
    if (budget === 'constant' && a !== b) broken.push(`${label}: ${a} calls on 2 clients, ${b} on 20`);
    const most = /^at most (\d+)$/.exec(budget);
    if (most && Math.max(a, b) > Number(most[1]))
      broken.push(`${label}: ${Math.max(a, b)} calls (budget ${most[1]})`);
  }
  if (refreshShort !== refreshLong) {
    broken.push(`Refresh dashboard: ${refreshShort} calls with 4 weeks of rows, ${refreshLong} with 40`);
  }
  print(
    `\n  A cell-by-cell check-in script makes ${naiveCalls} document calls for the same row; ` +
      `ClientTabs makes ${checkInCalls} (${(naiveCalls / checkInCalls).toFixed(1)}× fewer).`,
  );
  return broken;
}

/** Flows whose calls must be the same on every workbook size. */
export const CONSTANT_FLOWS = [
  'Set up (run again)',
  'New client',
  'Check-in',
  'Replace a check-in',
  'Check-in, tab full (grows it)',
  // The roster's live links (native formulas) give every last check-in: no tab is read.
  'Open the due list',
  'Refresh the Dashboard',
  // Each log (roster, Settings, Payments, Requests, Rates) read once, the block written in runs of columns.
  'Portfolio review',
] as const;
/**
 * Calls a constant flow may add once its output outgrows the sheet: at 1,000 clients the needs-attention
 * list is longer than the Dashboard's 1,000 rows, and Refresh inserts rows (one call) before writing.
 */
const GROWS_ONCE: Partial<Record<(typeof CONSTANT_FLOWS)[number], number>> = { 'Refresh the Dashboard': 1 };
/**
 * Document calls a flow may make at most: the zone (2) and Settings (3) the save reads itself, the tab,
 * the row, the flush before unlocking; a replace adds the note's read and write.
 */
const MAX_DOCUMENT_CALLS: Record<string, number> = { 'Check-in': 8, 'Replace a check-in': 10 };
/** The cell-by-cell script must make at least this many times the calls of every flow. */
const MIN_BASELINE_RATIO = 2;
/** Clients that must fit under Sheets' 10-million-cell cap. */
const MIN_CLIENTS_THAT_FIT = 1000;

/** The budgets of the scale benchmark; returns the broken ones. */
export function scaleBudgets(results: ScaleResults, clientsThatFit: number | null): string[] {
  const broken: string[] = [];
  const byName = new Map<string, ScenarioResult[]>();
  for (const s of results.scenarios) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  for (const name of CONSTANT_FLOWS) {
    const runs = byName.get(name) ?? [];
    const first = runs[0];
    const allowed = GROWS_ONCE[name] ?? 0;
    const within = (now: number, was: number) => now >= was && now <= was + allowed;
    for (const run of runs.slice(1)) {
      if (!within(run.calls, first.calls) || !within(run.documentCalls, first.documentCalls))
        broken.push(
          `${name}: ${first.calls} calls (${first.documentCalls} document) on ${first.clients} clients, ` +
            `${run.calls} (${run.documentCalls}) on ${run.clients}`,
        );
    }
  }
  for (const [name, budget] of Object.entries(MAX_DOCUMENT_CALLS)) {
    for (const run of byName.get(name) ?? [])
      if (run.documentCalls > budget)
        broken.push(
          `${name}: ${run.documentCalls} document calls on ${run.clients} clients (budget ${budget})`,
        );
  }
  for (const s of results.scenarios) {
    if (s.baselineCalls < MIN_BASELINE_RATIO * s.calls)
      broken.push(
        `${s.name} (${s.clients} clients): the cell-by-cell script makes ${s.baselineCalls} calls, ` +
          `only ${(s.baselineCalls / s.calls).toFixed(1)}× the add-on's ${s.calls} (budget ${MIN_BASELINE_RATIO}×)`,
      );
  }
  for (const after of results.replaceAfterSetUp) {
    if (after.documentCalls > MAX_DOCUMENT_CALLS['Replace a check-in'])
      broken.push(
        `Replace right after Set up was run again (${after.clients} clients): ` +
          `${after.documentCalls} document calls (budget ${MAX_DOCUMENT_CALLS['Replace a check-in']}: ` +
          'Set up must leave the client index usable)',
      );
  }
  const executions = new Set(results.recalc.map((r) => r.customFunctionExecutions));
  if (executions.size > 1)
    broken.push(
      'Recalculation: custom-function executions grow with clients ' +
        `(${results.recalc.map((r) => `${r.customFunctionExecutions} at ${r.clients}`).join(', ')})`,
    );
  if (clientsThatFit !== null && clientsThatFit < MIN_CLIENTS_THAT_FIT)
    broken.push(
      `Cells: only ${clientsThatFit} clients fit under 10 million cells (budget ${MIN_CLIENTS_THAT_FIT})`,
    );
  return broken;
}
