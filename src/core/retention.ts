import { daysInMonth, firstDayOfMonthIndex, ymdFromDay } from './dates';
import type { Stay } from './stays';

export interface CohortRetention {
  /** The cohort's start month, as `monthIndexOf` gives it. */
  monthIndex: number;
  clients: number;
  /** shares[k]: fraction of the cohort still a client k months after their own start; null: not known yet. */
  shares: (number | null)[];
}

/**
 * Monthly cohort retention as known on `asOfDay`. A cohort is every client who started in a calendar
 * month (clients starting after `asOfDay` are left out). A client is still a client k months later when
 * their end date is after the k-month anniversary of their start (Jan 31 + 1 month = Feb 29), so month 0
 * is 1 unless someone ended on their first day. A cell is known only once every client in the cohort has
 * reached that anniversary by `asOfDay`; until then it is null. Cohorts come oldest first.
 */
export function cohortRetention(stays: readonly Stay[], months: number, asOfDay: number): CohortRetention[] {
  const cohorts = new Map<number, Member[]>();
  for (const { startDay, endDay } of stays) {
    if (startDay > asOfDay) continue;
    const { year, month, day } = ymdFromDay(startDay);
    const monthIndex = year * 12 + month - 1;
    const members = cohorts.get(monthIndex) ?? [];
    members.push({ dayOfMonth: day, endDay });
    cohorts.set(monthIndex, members);
  }
  return [...cohorts.keys()]
    .sort((a, b) => a - b)
    .map((monthIndex) => {
      const members = cohorts.get(monthIndex) as Member[];
      const shares: (number | null)[] = [];
      for (let k = 0; k < months; k++) {
        // Every member's k-month anniversary falls in the same calendar month: find it once per cohort.
        const target = monthIndex + k;
        const year = Math.floor(target / 12);
        const firstDay = firstDayOfMonthIndex(target);
        const lastDayOfMonth = daysInMonth(year, target - year * 12 + 1);
        let reached = true;
        let active = 0;
        for (const member of members) {
          // Clamped to the month's end: Jan 31 + 1 month = Feb 29.
          const checkpoint = firstDay + Math.min(member.dayOfMonth, lastDayOfMonth) - 1;
          if (checkpoint > asOfDay) {
            reached = false;
            break;
          }
          if (member.endDay === null || member.endDay > checkpoint) active++;
        }
        shares.push(reached ? active / members.length : null);
      }
      return { monthIndex, clients: members.length, shares };
    });
}

interface Member {
  dayOfMonth: number;
  endDay: number | null;
}
