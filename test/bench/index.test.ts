/**
 * The benchmark's JSON mode at a tiny size: one JSON object of the agreed shape, flows whose calls do not
 * grow with clients, and a cell-by-cell script whose calls do. No timing is asserted (speed belongs in
 * `npm run bench`); `npm test` builds dist/Code.js, which the benchmark loads.
 */
import path from 'node:path';
import { CONSTANT_FLOWS } from '../../dev/bench/budgets';
import { runBenchmarks, type BenchReport } from '../../dev/bench/index';

const root = path.resolve(__dirname, '../..');
let report: BenchReport;
let printed: string[];

beforeAll(async () => {
  printed = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.join(' '));
  });
  try {
    ({ report } = await runBenchmarks({
      root,
      quick: true,
      json: true,
      sizes: [2, 6],
      weeks: 8,
      adoptTabs: 3,
      skipSmallBudgets: true,
    }));
  } finally {
    log.mockRestore();
  }
}, 120_000);

const byName = (name: string) => report.scenarios.filter((s) => s.name === name);

test('--json prints exactly one JSON object with the agreed keys', () => {
  expect(printed).toHaveLength(1);
  const parsed = JSON.parse(printed[0]) as BenchReport;
  expect(Object.keys(parsed).sort()).toEqual([
    'bundleBytes',
    'bundleLoadMs',
    'formulas',
    'recalc',
    'scenarios',
  ]);
  expect(parsed.bundleBytes).toBeGreaterThan(10_000);
  expect(parsed.bundleLoadMs).toBeGreaterThan(0);
  for (const s of parsed.scenarios) {
    expect(typeof s.name).toBe('string');
    for (const key of ['clients', 'calls', 'documentCalls', 'baselineCalls', 'ms'] as const)
      expect(Number.isFinite(s[key])).toBe(true);
  }
  for (const r of parsed.recalc)
    for (const key of ['clients', 'customFunctionExecutions', 'cells'] as const)
      expect(Number.isFinite(r[key])).toBe(true);
  expect(parsed.formulas.length).toBeGreaterThan(0);
  for (const f of parsed.formulas) {
    expect(f.rows).toBe(10_000);
    expect(Number.isFinite(f.ms)).toBe(true);
  }
});

test('every flow is measured at every size, adoption once, and each is held flat by a budget', () => {
  const names = [
    'Set up (run again)',
    'New client',
    'Check-in',
    'Replace a check-in',
    'Check-in, tab full (grows it)',
    'Refresh the Dashboard',
    'Open the due list',
    'Portfolio review',
  ];
  for (const name of names) expect(byName(name).map((s) => s.clients)).toEqual([2, 6]);
  expect(byName('Adopt 3 tabs').map((s) => s.clients)).toEqual([3]);
  expect([...CONSTANT_FLOWS].sort()).toEqual([...names].sort());
});

test.each(CONSTANT_FLOWS)('%s makes the same calls on 2 and 6 clients', (name) => {
  const [small, large] = byName(name);
  expect(large.calls).toBe(small.calls);
  expect(large.documentCalls).toBe(small.documentCalls);
  expect(small.calls).toBeGreaterThan(0);
});

test(
  'a check-in reads the zone (2) and Settings (3), reads, writes and flushes: 8 document calls; ' +
    'a replace adds the note read and write',
  () => {
    for (const s of byName('Check-in')) expect(s.documentCalls).toBeLessThanOrEqual(8);
    for (const s of byName('Replace a check-in')) expect(s.documentCalls).toBeLessThanOrEqual(10);
  },
);

test(
  'the cell-by-cell script reads every roster row and log row: ' +
    'its calls grow with clients and dwarf the add-on’s',
  () => {
    const [small, large] = byName('Open the due list');
    expect(large.baselineCalls).toBeGreaterThan(small.baselineCalls + 4 * 8);
    for (const s of report.scenarios) expect(s.baselineCalls).toBeGreaterThan(s.calls);
  },
);

test('a full recalculation runs as many custom functions on 6 clients as on 2, and each client adds cells', () => {
  const [small, large] = report.recalc;
  expect(small.customFunctionExecutions).toBeGreaterThan(0);
  expect(large.customFunctionExecutions).toBe(small.customFunctionExecutions);
  expect(large.cells).toBeGreaterThan(small.cells);
});
