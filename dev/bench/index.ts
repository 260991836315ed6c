/**
 * The benchmark. Timings on a shared 2-core machine are noisy, so each figure is a median of
 * repeated runs and the report leads with ratios (per row, against loading the bundle) and
 * service-call counts, which do not depend on the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import { formulaCases } from './formulas';
import { budgetCases } from './budgets';
import { newBundleContext } from '../emulator';

export interface BenchOptions {
  root: string;
  quick: boolean;
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function timeIt(runs: number, fn: () => void): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Evaluating a script's top level in fresh contexts; creating the contexts is not timed. */
function loadCost(source: string, runs: number): number {
  const script = new vm.Script(source, { filename: 'Code.js' });
  const contexts = Array.from({ length: runs + 1 }, () => newBundleContext());
  let next = 0;
  return timeIt(runs, () => script.runInContext(contexts[next++]));
}

export async function runBenchmarks(options: BenchOptions): Promise<void> {
  const code = fs.readFileSync(path.join(options.root, 'dist/Code.js'), 'utf8');
  const runs = options.quick ? 5 : 25;
  const load = loadCost(code, runs * 4);
  const empty = loadCost('function onOpen() {}', runs * 4);
  console.log('ClientTabs benchmark (medians; ratios are what to compare between runs)\n');
  console.log(
    `Bundle: ${(code.length / 1024).toFixed(1)} KiB. Loading it in a fresh VM (paid by every formula cell):`,
  );
  console.log(`  ${load.toFixed(2)} ms, ${(load / empty).toFixed(1)}× a one-function script\n`);
  formulaCases(code, runs, load);
  const broken = budgetCases();
  if (broken.length) {
    console.log(`\nBudgets broken:\n  ${broken.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log('\nAll call budgets hold.');
}
