/** Each CLIENT_* formula over 10,000-row ranges, the way Sheets calls it (2D arrays, '' blanks, Dates). */
import { createEmulator } from '../emulator';
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
      `  ${label.padEnd(52)} ${ms.toFixed(2).padStart(7)} ms  ${perRow.toFixed(2).padStart(6)} µs/row  ${(ms / loadMs).toFixed(1).padStart(6)}× bundle load`,
    );
  }
  print('');
  return results;
}
