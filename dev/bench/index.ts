/**
 * The benchmark. Timings on a shared 2-core machine are noisy, so each figure is a median of repeated
 * runs where it can be, and the report leads with service-call counts (machine-independent) and ratios.
 * `--json` prints exactly one JSON object and nothing else; `--quick` runs 10 and 100 clients only.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import { formulaBudgets, formulaCases, scalingCases, type FormulaResult } from './formulas';
import { budgetCases, scaleBudgets } from './budgets';
import { newBundleContext, createEmulator } from '../emulator';
import { runScenarios, type ScenarioResult } from './scenarios';
import { CELL_LIMIT, clientsThatFit, type RecalcResult } from './recalc';
import { CALL_COSTS, crossingClients, CUSTOM_FUNCTION_LIMIT_MS, EXECUTION_LIMIT_MS } from './limits';
import { median } from './timing';
import { THREE_YEARS } from './workbook';

export interface BenchOptions {
  root: string;
  quick: boolean;
  json?: boolean;
  /** Client counts to measure (default 10, 100, 300, 1,000; --quick 10 and 100). */
  sizes?: number[];
  /** Weekly rows per client tab (default three years). */
  weeks?: number;
  /** Tabs in the adoption workbook (default 100). */
  adoptTabs?: number;
  /** Skip the small-workbook budgets of budgets.ts (the jest test does, to stay quick). */
  skipSmallBudgets?: boolean;
}

export interface BenchReport {
  bundleBytes: number;
  bundleLoadMs: number;
  scenarios: ScenarioResult[];
  recalc: RecalcResult[];
  formulas: FormulaResult[];
}

/** Evaluating a script's top level in fresh contexts, `runs` of them; creating the contexts is not timed. */
function loadCost(source: string, runs: number): number {
  const script = new vm.Script(source, { filename: 'Code.js' });
  const contexts = Array.from({ length: runs }, () => newBundleContext());
  const samples = contexts.map((context) => {
    const start = performance.now();
    script.runInContext(context);
    return performance.now() - start;
  });
  return median(samples);
}

/**
 * The emulator's fixed cost of one custom-function execution in a fresh VM: a new context with the services,
 * the bundle's top level, and a trivial CLIENT_MAX_CAC call (median of `runs`). Google publishes no figure
 * for Apps Script's own, so this is what the bundle's load time is compared with.
 */
function customFunctionFixedCost(code: string, runs: number): number {
  const emulator = createEmulator();
  const samples = Array.from({ length: runs }, () => {
    const start = performance.now();
    emulator.loadBundle(code).callAs('CUSTOM_FUNCTION', 'CLIENT_MAX_CAC', 3000, 3);
    return performance.now() - start;
  });
  return median(samples);
}

const fmt = (n: number) => n.toLocaleString('en-US');
const ratio = (a: number, b: number) => (b === 0 ? '—' : `${(a / b).toFixed(a / b >= 100 ? 0 : 1)}×`);

function limitColumn(points: { clients: number; ms: number }[]): string {
  const at = crossingClients(points);
  return at === null ? 'never (flat)' : `~${fmt(at)} clients`;
}

/** The flow table's column widths: the flow's name, then the figures. */
const FLOW_COLUMNS = [30, 7, 6, 5, 5, 4, 8, 6, 7, 7, 8];

/** A table line: two spaces, then the first cell padded on the right and the others on the left, a space apart. */
function tableLine(widths: readonly number[], cells: readonly string[]): string {
  return `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' ')}`;
}

function scenarioTable(scenarios: ScenarioResult[], print: (line: string) => void): void {
  print(
    'Flows (emulator counts; "hand" is the cell-by-cell script; est. = the calls priced as in Apps Script):',
  );
  const header = [
    'flow',
    'clients',
    'calls',
    'doc',
    'prop',
    'lock',
    'hand',
    'ratio',
    'est. s',
    'hand s',
    'ms',
  ];
  print(tableLine(FLOW_COLUMNS, header));
  for (const s of scenarios) {
    print(
      tableLine(FLOW_COLUMNS, [
        s.name,
        fmt(s.clients),
        fmt(s.calls),
        fmt(s.documentCalls),
        String(s.services.properties),
        String(s.services.lock),
        fmt(s.baselineCalls),
        ratio(s.baselineCalls, s.calls),
        (s.estimatedMs / 1000).toFixed(2),
        (s.baselineEstimatedMs / 1000).toFixed(1),
        s.ms.toFixed(0),
      ]),
    );
  }
  print('');
  print(
    `Where each flow would cross Apps Script's ${EXECUTION_LIMIT_MS / 60000}-minute limit ` +
      '(estimated time, extrapolated from the two largest sizes):',
  );
  const names = [...new Set(scenarios.map((s) => s.name))];
  for (const name of names) {
    const runs = scenarios.filter((s) => s.name === name);
    if (runs.length < 2) continue;
    const addOn = limitColumn(runs.map((s) => ({ clients: s.clients, ms: s.estimatedMs })));
    const hand = limitColumn(runs.map((s) => ({ clients: s.clients, ms: s.baselineEstimatedMs })));
    print(`  ${name.padEnd(30)} ClientTabs: ${addOn.padEnd(18)} cell by cell: ${hand}`);
  }
  print('  Per-call costs used:');
  for (const [kind, cost] of Object.entries(CALL_COSTS))
    print(`    ${kind.padEnd(14)} ${String(cost.ms).padStart(5)} ms  ${cost.source}`);
  print('');
}

function recalcTable(recalc: RecalcResult[], fit: number | null, print: (line: string) => void): void {
  print(
    `Full recalculation (one execution per CLIENT_* call in a formula cell) and cells against ${fmt(CELL_LIMIT)}:`,
  );
  for (const r of recalc) {
    print(
      `  ${fmt(r.clients).padStart(6)} clients: ` +
        `${String(r.customFunctionExecutions).padStart(3)} custom-function executions, ` +
        `${fmt(r.cells).padStart(10)} cells (${((100 * r.cells) / CELL_LIMIT).toFixed(1)}% of the cap)`,
    );
  }
  print(`  Clients that fit under the cap: ${fit === null ? 'unknown (needs two sizes)' : `~${fmt(fit)}`}\n`);
}

export async function runBenchmarks(
  options: BenchOptions,
): Promise<{ report: BenchReport; broken: string[] }> {
  const lines: string[] = [];
  const print = options.json ? (line: string) => void lines.push(line) : (line: string) => console.log(line);
  const progress = options.json ? () => undefined : (line: string) => console.log(line);
  const code = fs.readFileSync(path.join(options.root, 'dist/Code.js'), 'utf8');
  const runs = options.quick ? 5 : 25;
  const bundleBytes = Buffer.byteLength(code, 'utf8');
  const load = loadCost(code, 20);
  const empty = loadCost('function onOpen() {}', 20);
  const fixed = customFunctionFixedCost(code, 20);
  print('ClientTabs benchmark (medians; counts and ratios are what to compare between runs)\n');
  print(
    `Bundle: ${fmt(bundleBytes)} bytes. Loading it in a fresh VM (median of 20; every formula cell pays it):`,
  );
  print(
    `  ${load.toFixed(2)} ms, ${ratio(load, empty)} a one-function script, ` +
      `${((100 * load) / fixed).toFixed(0)}% of the emulator's fixed cost of one custom-function execution ` +
      `(${fixed.toFixed(2)} ms: a fresh VM with the services, the top level and a trivial CLIENT_MAX_CAC)\n`,
  );

  const formulas = formulaCases(code, runs, load, print);
  const slowest = formulas.reduce((a, b) => (b.ms > a.ms ? b : a), formulas[0]);
  if (slowest)
    print(
      `  Slowest: ${slowest.name}; at this speed it reaches the ` +
        `${CUSTOM_FUNCTION_LIMIT_MS / 1000}-second custom-function limit near ` +
        `${fmt(Math.floor((CUSTOM_FUNCTION_LIMIT_MS / slowest.ms) * slowest.rows))} rows ` +
        "(Apps Script's V8 assumed as fast as this machine's: a guess)\n",
    );

  const speedBroken = [...formulaBudgets(formulas), ...scalingCases(code, runs, print)];

  const sizes = options.sizes ?? (options.quick ? [10, 100] : [10, 100, 300, 1000]);
  progress(
    `Generating workbooks of ${sizes.join(', ')} clients with ${options.weeks ?? THREE_YEARS} weekly rows each...`,
  );
  const scale = runScenarios({
    sizes,
    weeks: options.weeks ?? THREE_YEARS,
    adoptTabs: options.adoptTabs ?? 100,
    log: progress,
  });
  if (!options.json) console.log('');
  const fit = clientsThatFit(scale.recalc);
  scenarioTable(scale.scenarios, print);
  recalcTable(scale.recalc, fit, print);

  const broken = [
    ...speedBroken,
    ...(options.skipSmallBudgets ? [] : budgetCases(print)),
    ...scaleBudgets(scale, fit),
  ];
  if (broken.length) print(`\nBudgets broken:\n  ${broken.join('\n  ')}`);
  else print('\nAll call and speed budgets hold.');

  const report: BenchReport = {
    bundleBytes,
    bundleLoadMs: Math.round(load * 1000) / 1000,
    scenarios: scale.scenarios,
    recalc: scale.recalc,
    formulas,
  };
  if (options.json) console.log(JSON.stringify(report));
  return { report, broken };
}
