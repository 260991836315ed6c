/** A measurement at position `x` (a day number, or a row index). */
export interface TrendPoint {
  x: number;
  y: number;
}

/**
 * Least-squares slope of y per unit of x, or null when there are fewer than two distinct x values
 * (no trend can be drawn through one point).
 */
export function leastSquaresSlope(points: readonly TrendPoint[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  let sumX = 0;
  let sumY = 0;
  for (const p of points) {
    sumX += p.x;
    sumY += p.y;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    const dx = p.x - meanX;
    sxy += dx * (p.y - meanY);
    sxx += dx * dx;
  }
  return sxx === 0 ? null : sxy / sxx;
}

/** Least-squares change per week of values measured on day numbers; null as in `leastSquaresSlope`. */
export function trendPerWeek(points: readonly TrendPoint[]): number | null {
  const perDay = leastSquaresSlope(points);
  return perDay === null ? null : perDay * 7;
}
