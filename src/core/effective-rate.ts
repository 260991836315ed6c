/**
 * What a client really pays per hour: the monthly fee over the contracted hours plus the out-of-scope hours
 * we absorbed (decided "Included in scope") in the last 12 months, spread per month.
 */
import { effectiveHourlyRate } from './profitability';
import { isAbsorbed } from './requests';
const YEAR_DAYS = 365;

export interface HoursRequest {
  clientId: string;
  day: number | null;
  decision: string;
  /** Hours spent on it; null where the Requests sheet has no Hours column or the cell is blank. */
  hours: number | null;
}

/** Hours absorbed for `clientId` on requests dated within the 365 days up to today. */
export function absorbedHours(requests: readonly HoursRequest[], clientId: string, todayDay: number): number {
  let total = 0;
  for (const request of requests) {
    if (request.clientId !== clientId || request.hours === null || request.day === null) continue;
    if (request.day > todayDay || request.day < todayDay - YEAR_DAYS) continue;
    if (!isAbsorbed(request.decision)) continue;
    total += request.hours;
  }
  return total;
}

/** Fee per hour with a year's absorbed hours spread over 12 months; null without a fee or hours. */
export function effectiveMonthlyRate(
  monthlyFee: number | null,
  hoursPerMonth: number | null,
  absorbedYearHours: number,
): number | null {
  if (monthlyFee === null || hoursPerMonth === null || !(hoursPerMonth > 0)) return null;
  return effectiveHourlyRate(monthlyFee, hoursPerMonth + absorbedYearHours / 12);
}
