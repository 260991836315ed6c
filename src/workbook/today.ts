/** Today, read from the clock once per call: custom functions never call this (they take a TODAY() cell). */
import { dayOfTimeInZone } from '../core/time-zone';
import type { Zone } from './cells';

/** Today's calendar day in the spreadsheet's time zone (not the script's). */
export function todayIn(zone: Zone): number {
  return dayOfTimeInZone(Date.now(), zone.timeZone);
}
