/** The scale budgets (dev/bench/budgets.ts) on made-up results: what breaks them and what does not. */
import { scaleBudgets } from '../../dev/bench/budgets';
import type { ScaleResults, ScenarioResult } from '../../dev/bench/scenarios';

const run = (name: string, clients: number, calls: number, documentCalls: number): ScenarioResult =>
  ({ name, clients, calls, documentCalls, baselineCalls: calls * 100 }) as ScenarioResult;
const results = (...scenarios: ScenarioResult[]): ScaleResults => ({
  scenarios,
  recalc: [],
  replaceAfterSetUp: [],
});

test('a constant flow may not grow with clients', () => {
  const broken = scaleBudgets(results(run('Check-in', 10, 16, 8), run('Check-in', 1000, 17, 8)), 5000);
  expect(broken).toEqual(['Check-in: 16 calls (8 document) on 10 clients, 17 (8) on 1000']);
});

test('Refresh may add the one call that inserts rows once its list outgrows the sheet, and no more', () => {
  const refresh = (clients: number, calls: number) => run('Refresh the Dashboard', clients, calls, calls - 9);
  expect(scaleBudgets(results(refresh(10, 36), refresh(1000, 37)), 5000)).toEqual([]);
  expect(scaleBudgets(results(refresh(10, 36), refresh(1000, 38)), 5000)).toEqual([
    'Refresh the Dashboard: 36 calls (27 document) on 10 clients, 38 (29) on 1000',
  ]);
});
