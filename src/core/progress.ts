import { DomainError } from './errors';

/**
 * How far `current` has moved from `baseline` towards `target`: 0 at the baseline, 1 at the target,
 * below 0 when things got worse, above 1 past the target. Works for goals that go down
 * (cost per lead $30 → $20: at $25 it is 0.5).
 */
export function progressFraction(baseline: number, current: number, target: number): number {
  if (baseline === target) {
    throw new DomainError(
      `baseline and target are both ${baseline}; progress needs a target different from the baseline`,
    );
  }
  const fraction = (current - baseline) / (target - baseline);
  return fraction === 0 ? 0 : fraction; // never -0, which a sheet can show as "-0%"
}

/**
 * The same fraction as a native Sheets formula over three cell references, for the roster: native arithmetic
 * recalculates instantly and costs no custom-function execution per client. Blank when a cell is not a
 * number or the target equals the baseline (where CLIENT_PROGRESS would explain the error instead).
 */
export function progressFormula(baseline: string, current: string, target: string): string {
  const numbers = `ISNUMBER(${baseline}),ISNUMBER(${current}),ISNUMBER(${target})`;
  return `=IF(AND(${numbers}),IF(${target}=${baseline},"",(${current}-${baseline})/(${target}-${baseline})),"")`;
}
