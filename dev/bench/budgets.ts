/**
 * Service-call budgets of the workbook flows, counted by the emulator (documentCalls: calls that
 * read or write the document). Counts do not depend on the machine, so they are what the benchmark
 * holds: each flow runs on a small and a large workbook, and the counts must not grow with it.
 */
import { createEmulator, type LoadedBundle } from '../emulator';
import { SAMPLE_CLIENT, sampleCheckIn } from '../fixtures/sample-clients';

const NOW = Date.parse('2024-06-12T16:00:00Z');
const DAY = 24 * 3600 * 1000;

interface Result<T> {
  ok: boolean;
  value?: T;
  message?: string;
}

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

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
  for (let i = 0; i < clients; i++) {
    const created = bundle.call('rpcCreateClient', clientForm(i)) as Result<{ clientId: string }>;
    if (!created.ok || !created.value)
      throw new Error(`bench: could not create a client: ${created.message}`);
    ids.push(created.value.clientId);
  }
  for (const id of ids) {
    for (let w = weeks; w >= 1; w--) {
      const saved = bundle.call(
        'rpcSaveCheckIn',
        sampleCheckIn(id, iso(NOW - w * 7 * DAY)),
      ) as Result<unknown>;
      if (!saved.ok) throw new Error(`bench: could not log a check-in: ${saved.message}`);
    }
  }
  return { emulator, bundle, ids };
}

function count(emulator: ReturnType<typeof createEmulator>, run: () => unknown): number {
  emulator.calls.reset();
  run();
  return emulator.calls.documentCalls();
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

/** Prints the call counts and returns the budgets that were broken (empty when all hold). */
export function budgetCases(): string[] {
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
    'at most 4',
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
    'at most 5',
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

  console.log('Service calls that touch the document (emulator count; machine-independent):');
  console.log(`  ${'flow'.padEnd(32)} ${'2 clients'.padStart(10)} ${'20 clients'.padStart(11)}  budget`);
  for (const [label, a, b, budget] of rows) {
    console.log(`  ${label.padEnd(32)} ${String(a).padStart(10)} ${String(b).padStart(11)}  ${budget}`);
  }
  console.log(
    `  ${'Refresh dashboard (20 clients)'.padEnd(32)} ${`${refreshShort}`.padStart(10)} ${`${refreshLong}`.padStart(11)}  4 vs 40 weeks of rows: equal`,
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
  console.log(
    `\n  A cell-by-cell check-in script makes ${naiveCalls} document calls for the same row; ClientTabs makes ${checkInCalls} (${(naiveCalls / checkInCalls).toFixed(1)}× fewer).`,
  );
  return broken;
}
