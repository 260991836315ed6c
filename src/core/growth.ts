/**
 * Growth with an existing client: one at or past every target they set, in good health, is ready to be
 * offered the next step (a client who has what they came for either grows with us or leaves).
 */
import type { HealthBand } from './health';

export interface GrowthSignal {
  ready: boolean;
  /** How many metrics with a target are at or past it, of how many have a target and a value. */
  atTarget: number;
  measured: number;
  message: string;
}

/** Ready when every measured metric is at or past its target (at least one) and health is Green. */
export function growthSignal(progress: readonly (number | null)[], band: HealthBand | null): GrowthSignal {
  const measured = progress.filter((p): p is number => p !== null);
  const atTarget = measured.filter((p) => p >= 1).length;
  const allThere = measured.length > 0 && atTarget === measured.length;
  const ready = allThere && band === 'Green';
  const message = ready
    ? 'At or past every target, in good health: time to offer the next step.'
    : allThere
      ? `At every target, but health is ${band ?? 'unknown'}: settle that before offering more.`
      : `${atTarget} of ${measured.length} targets reached.`;
  return { ready, atTarget, measured: measured.length, message };
}
