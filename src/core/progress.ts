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
