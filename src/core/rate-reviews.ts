/**
 * Yearly rate reviews: the next review is a year after the later of the start and the last raise; it is due
 * on the Dashboard from 30 days before. A raise is kept as a dated record, never written over the old fee's.
 */
import { addMonths } from './dates';

/** How many days before the review date it shows as due. */
export const RATE_REVIEW_NOTICE_DAYS = 30;

/** One fee, from a day on (a row of the Rates sheet). */
export interface RateRecord {
  clientId: string;
  fromDay: number | null;
  monthlyFee: number | null;
}

/** The latest raise of `clientId` on or before `todayDay`, as its day; null when none. */
export function lastRaiseDay(
  records: readonly RateRecord[],
  clientId: string,
  todayDay: number,
): number | null {
  let last: number | null = null;
  for (const record of records) {
    if (record.clientId !== clientId || record.fromDay === null || record.fromDay > todayDay) continue;
    if (last === null || record.fromDay > last) last = record.fromDay;
  }
  return last;
}

/** A year after the later of the start and the last raise; null without either. */
export function nextRateReviewDay(startDay: number | null, raiseDay: number | null): number | null {
  const from = Math.max(startDay ?? -Infinity, raiseDay ?? -Infinity);
  return Number.isFinite(from) ? addMonths(from, 12) : null;
}

/** True when the review falls within the notice days from today, or is already past. */
export function isRateReviewDue(
  reviewDay: number | null,
  todayDay: number,
  noticeDays = RATE_REVIEW_NOTICE_DAYS,
): boolean {
  return reviewDay !== null && reviewDay - todayDay <= noticeDays;
}

/** The fee in force on `day`: the latest record from on or before that day, else `currentFee`. */
export function feeOn(
  records: readonly RateRecord[],
  clientId: string,
  day: number,
  currentFee: number | null,
): number | null {
  let best: RateRecord | null = null;
  for (const record of records) {
    if (record.clientId !== clientId || record.fromDay === null || record.fromDay > day) continue;
    if (best === null || (best.fromDay as number) <= record.fromDay) best = record;
  }
  return best?.monthlyFee ?? currentFee;
}
