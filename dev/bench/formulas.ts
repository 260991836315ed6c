/** Each CLIENT_* formula over 10,000-row ranges, the way Sheets calls it (2D arrays, '' blanks, Dates). */
import { createEmulator } from '../emulator';
import { kaplanMeierMeanDays } from '../../src/core/lifespan';
import { CUSTOM_FUNCTION_LIMIT_MS } from './limits';
import { timeIt } from './timing';

const ROWS = 10_000;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Plausible roster columns: a third of the clients still active (blank end date), some blank rows. */
function rosterColumns() {
  const random = seeded(42);
  const day = 24 * 3600 * 1000;
  const origin = Date.UTC(2016, 0, 1);
  const starts: unknown[][] = [];
  const ends: unknown[][] = [];
  const profits: unknown[][] = [];
  const lifespans: unknown[][] = [];
  const values: unknown[][] = [];
  for (let i = 0; i < ROWS; i++) {
    if (i % 50 === 49) {
      starts.push(['']);
      ends.push(['']);
      profits.push(['']);
      lifespans.push(['']);
      values.push(['']);
      continue;
    }
    const start = origin + Math.floor(random() * 3000) * day;
    const stayed = Math.floor(random() * 1500) * day;
    starts.push([new Date(start)]);
    ends.push([random() < 0.33 || start + stayed > Date.UTC(2026, 0, 1) ? '' : new Date(start + stayed)]);
    profits.push([Math.round(1000 + random() * 9000)]);
    lifespans.push([Math.round(random() * 50) / 10]);
    values.push([Math.round(100 + i * 0.5 + random() * 20)]);
  }
  return { starts, ends, profits, lifespans, values };
}

/** Each formula over 10,000 rows must take at most a tenth of Apps Script's 30-second custom-function limit. */
export const FORMULA_BUDGET_MS = CUSTOM_FUNCTION_LIMIT_MS / 10;
/**
 * Kaplan-Meier at 10× the clients may cost at most this many times: n log n gives ~12× (16–23× measured with
 * GC, under load), n² 100×.
 */
export const KM_SCALING_BUDGET = 40;
/** A Math-heavy loop inside the bundle's VM may cost at most this many times the same loop in plain Node. */
export const VM_GLOBALS_BUDGET = 3;

export interface FormulaResult {
  name: string;
  rows: number;
  ms: number;
}

/** Times each formula (median of `runs`), prints a line each through `print`, and returns the timings. */
export function formulaCases(
  code: string,
  runs: number,
  loadMs: number,
  print: (line: string) => void,
): FormulaResult[] {
  const results: FormulaResult[] = [];
  const emulator = createEmulator({ now: () => new Date(Date.UTC(2026, 0, 1)) });
  const bundle = emulator.loadBundle(code);
  const fns = bundle.context as unknown as Record<string, (...args: unknown[]) => unknown>;
  const data = rosterColumns();
  const asOf = new Date(Date.UTC(2026, 0, 1));
  const cases: [string, () => unknown][] = [
    ['CLIENT_LTV(E2:E, F2:F)', () => fns.CLIENT_LTV(data.profits, data.lifespans)],
    ['CLIENT_LIFESPAN(starts, ends)', () => fns.CLIENT_LIFESPAN(data.starts, data.ends, 'simple', asOf)],
    ['CLIENT_LIFESPAN(starts, ends, "km")', () => fns.CLIENT_LIFESPAN(data.starts, data.ends, 'km', asOf)],
    [
      'CLIENT_LIFESPAN(starts, ends, "churn")',
      () => fns.CLIENT_LIFESPAN(data.starts, data.ends, 'churn', asOf),
    ],
    [
      'CLIENT_CHURN(starts, ends, 2025-01-01, 2025-12-31)',
      () =>
        fns.CLIENT_CHURN(
          data.starts,
          data.ends,
          new Date(Date.UTC(2025, 0, 1)),
          new Date(Date.UTC(2025, 11, 31)),
        ),
    ],
    ['CLIENT_RETENTION(starts, ends, 12)', () => fns.CLIENT_RETENTION(data.starts, data.ends, 12, asOf)],
    ['CLIENT_MAX_CAC(ltv column, 3)', () => fns.CLIENT_MAX_CAC(data.profits, 3)],
    ['CLIENT_PROGRESS(30, values, 500)', () => fns.CLIENT_PROGRESS(30, data.values, 500)],
    ['CLIENT_TREND(values, dates)', () => fns.CLIENT_TREND(data.values, data.starts)],
    ['CLIENT_TREND(values)', () => fns.CLIENT_TREND(data.values)],
    [
      'CLIENT_HEALTH(days, 7, progress, 8, 0, 1)',
      () =>
        fns.CLIENT_HEALTH(
          data.lifespans,
          7,
          data.lifespans.map(([v]) => [Number(v) / 10]),
          8,
          0,
          1,
        ),
    ],
    ['CLIENT_NEXT_CHECKIN(starts, "Savvy")', () => fns.CLIENT_NEXT_CHECKIN(data.starts, 'Savvy')],
    ['CLIENT_DAYS_LATE(starts, ends, as_of)', () => fns.CLIENT_DAYS_LATE(data.starts, data.ends, asOf)],
    ['CLIENT_EFFECTIVE_RATE(profits, 40)', () => fns.CLIENT_EFFECTIVE_RATE(data.profits, 40)],
    ['CLIENT_PROFIT(profits, 40, 25)', () => fns.CLIENT_PROFIT(data.profits, 40, 25)],
  ];
  print(`Formulas over ${ROWS.toLocaleString('en-US')}-row ranges (Sheets-shaped arguments):`);
  for (const [label, run] of cases) {
    if (typeof fns[label.slice(0, label.indexOf('('))] !== 'function') {
      print(`  ${label.padEnd(52)} (not in the bundle)`);
      continue;
    }
    const ms = timeIt(runs, run);
    results.push({ name: label, rows: ROWS, ms: Math.round(ms * 1000) / 1000 });
    const perRow = (ms * 1000) / ROWS;
    print(
      `  ${label.padEnd(52)} ${ms.toFixed(2).padStart(7)} ms  ${perRow.toFixed(2).padStart(6)} µs/row  ` +
        `${(ms / loadMs).toFixed(1).padStart(6)}× bundle load`,
    );
  }
  print('');
  return results;
}

/** The formulas over their budget (`FORMULA_BUDGET_MS` each), as lines for the report's "Budgets broken". */
export function formulaBudgets(results: readonly FormulaResult[]): string[] {
  return results
    .filter((r) => r.ms > FORMULA_BUDGET_MS)
    .map((r) => `${r.name}: ${r.ms.toFixed(0)} ms over ${r.rows} rows (budget ${FORMULA_BUDGET_MS} ms)`);
}

/**
 * Two ratios that do not depend on the machine's speed: how Kaplan-Meier's cost grows from 20,000 to
 * 200,000 clients (it sorts once), and what a global lookup costs inside the emulator's VM against plain
 * Node (a contextified global answers each lookup through an interceptor; the bundle must not pay that).
 */
export function scalingCases(code: string, runs: number, print: (line: string) => void): string[] {
  const stays = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ days: (i * 7919) % 4000, ended: i % 3 !== 0 }));
  const small = stays(20_000);
  const large = stays(200_000);
  const km = timeIt(runs, () => kaplanMeierMeanDays(large)) / timeIt(runs, () => kaplanMeierMeanDays(small));

  const loop =
    'function CLIENT_MINS(n) { var s = 0; for (var i = 0; i < n; i++) s += Math.min(i, 5); return s; }';
  const emulator = createEmulator();
  const bundle = emulator.loadBundle(`${code}\n${loop}`);
  const inVm = bundle.context as unknown as { CLIENT_MINS: (n: number) => number };
  const plain = new Function(`${loop}; return CLIENT_MINS;`)() as (n: number) => number;
  const vm = timeIt(runs, () => inVm.CLIENT_MINS(2_000_000)) / timeIt(runs, () => plain(2_000_000));

  print('Scaling (ratios, machine-independent):');
  print(`  Kaplan-Meier, 200,000 clients against 20,000: ${km.toFixed(1)}× (budget ${KM_SCALING_BUDGET}×)`);
  print(
    `  A Math loop in the bundle's VM against plain Node: ${vm.toFixed(1)}× (budget ${VM_GLOBALS_BUDGET}×)\n`,
  );
  const broken: string[] = [];
  if (km > KM_SCALING_BUDGET)
    broken.push(`Kaplan-Meier grew ${km.toFixed(1)}× for 10× the clients (budget ${KM_SCALING_BUDGET}×)`);
  if (vm > VM_GLOBALS_BUDGET)
    broken.push(
      `A loop in the bundle's VM costs ${vm.toFixed(1)}× plain Node (budget ${VM_GLOBALS_BUDGET}×)`,
    );
  return broken;
}
