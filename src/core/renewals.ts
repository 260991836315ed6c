/**
 * Renewals and endings, timed with the program: a program ends `programMonths` after the start (a renewal
 * is recorded by adding the new term to Program (months)). Endings are best timed with that natural end.
 */
import { addMonths } from './dates';

/** How many days ahead a program's end calls for the renewal talk. */
export const RENEWAL_WINDOW_DAYS = 60;

/** The day the program ends, or null without a start or a program length. */
export function programEndDay(startDay: number | null, programMonths: number | null): number | null {
  if (startDay === null || programMonths === null || !(programMonths > 0)) return null;
  return addMonths(startDay, Math.round(programMonths));
}

export type ProgramTiming =
  { kind: 'ending'; endDay: number; daysLeft: number } | { kind: 'past'; endDay: number; daysPast: number };

/**
 * An Active client's program: ending within the renewal window (today included), or already past its end.
 * Null when the end is further away or unknown.
 */
export function programTiming(
  startDay: number | null,
  programMonths: number | null,
  todayDay: number,
  windowDays = RENEWAL_WINDOW_DAYS,
): ProgramTiming | null {
  const endDay = programEndDay(startDay, programMonths);
  if (endDay === null) return null;
  if (endDay < todayDay) return { kind: 'past', endDay, daysPast: todayDay - endDay };
  if (endDay - todayDay <= windowDays) return { kind: 'ending', endDay, daysLeft: endDay - todayDay };
  return null;
}
