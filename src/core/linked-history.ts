/**
 * A tab linked to a client as history ("Tom Becker (old)" → Tom Becker): its observations are the
 * client's earlier history. These rules say which of its measures is which metric and how its values
 * join the client's own log; the card and the progress report use them.
 */
import { normalizeLabel } from './clients';

export interface Point {
  day: number;
  value: number;
}

/** A label without its unit in brackets, normalized: "Weight (kg)" and "weight" are one measure. */
function measureKey(label: string): string {
  return normalizeLabel(label.replace(/\s*[([][^)\]]*[)\]]\s*$/, ''));
}

/** True when a history tab's measure is the client's metric of that name. */
export function sameMeasure(metricName: string, historyLabel: string): boolean {
  const key = measureKey(metricName);
  return key !== '' && key === measureKey(historyLabel);
}

/** The client's series with the history's observations from before the client's own first one, by day. */
export function withEarlierHistory(own: readonly Point[], earlier: readonly Point[]): Point[] {
  const first = own.length ? Math.min(...own.map((p) => p.day)) : Infinity;
  return [...earlier.filter((p) => p.day < first), ...own].sort((a, b) => a.day - b.day);
}

/** Day one: the metric's baseline, else, when history reaches back before the log, its first value. */
export function dayOneValue(
  baseline: number | null,
  own: readonly Point[],
  earlier: readonly Point[],
): number | null {
  if (baseline !== null) return baseline;
  const joined = withEarlierHistory(own, earlier);
  return joined.length > own.length ? joined[0].value : null;
}
