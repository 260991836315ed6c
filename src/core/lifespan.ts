import { daysToYears } from './dates';
import { DomainError } from './errors';
import { observeStays, type ObservedStay, type Stay } from './stays';

export type LifespanMethod = 'simple' | 'km' | 'churn';
export const LIFESPAN_METHODS: readonly LifespanMethod[] = ['simple', 'km', 'churn'];

/** Average client lifespan in years (365.25-day years) as known on `asOfDay`, by `method`. */
export function clientLifespanYears(stays: readonly Stay[], asOfDay: number, method: LifespanMethod): number {
  const observed = observeStays(stays, asOfDay);
  if (observed.length === 0) throw new DomainError('no client had started by as_of');
  const days =
    method === 'km'
      ? kaplanMeierMeanDays(observed)
      : method === 'churn'
        ? churnLifespanDays(observed)
        : meanDays(observed);
  return daysToYears(days);
}

/** Total client-days ÷ number of clients; active clients count up to as_of. */
export function meanDays(observed: readonly ObservedStay[]): number {
  let total = 0;
  for (const stay of observed) total += stay.days;
  return total / observed.length;
}

/**
 * Kaplan–Meier restricted mean survival time: the area under the survival curve from 0 to the longest
 * observed stay (ended or not). Active clients are censored. With nobody censored this is the plain mean.
 * O(n log n): one sort, one pass.
 */
export function kaplanMeierMeanDays(observed: readonly ObservedStay[]): number {
  const sorted = [...observed].sort((a, b) => a.days - b.days);
  let atRisk = sorted.length;
  let survival = 1;
  let area = 0;
  let previousTime = 0;
  let i = 0;
  while (i < sorted.length) {
    const time = sorted[i].days;
    area += survival * (time - previousTime);
    previousTime = time;
    let ended = 0;
    let leaving = 0;
    for (; i < sorted.length && sorted[i].days === time; i++) {
      leaving++;
      if (sorted[i].ended) ended++;
    }
    // Ties: endings at a time happen before censorings at that time (the usual KM convention).
    survival *= 1 - ended / atRisk;
    atRisk -= leaving;
  }
  return area;
}

/** Exposure ÷ endings: the inverse of the churn rate per client-day. */
export function churnLifespanDays(observed: readonly ObservedStay[]): number {
  let exposure = 0;
  let ended = 0;
  for (const stay of observed) {
    exposure += stay.days;
    if (stay.ended) ended++;
  }
  if (ended === 0) {
    throw new DomainError(
      'no client has ended by as_of, so there is no churn rate to divide by; try method "km"',
    );
  }
  return exposure / ended;
}
