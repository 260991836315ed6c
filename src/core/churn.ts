import { DomainError } from './errors';
import type { Stay } from './stays';

export interface LogoChurn {
  /** Clients who started before the period and had not ended before it. */
  activeAtStart: number;
  /** Of those, the ones whose end date falls within the period. */
  churned: number;
  /** churned ÷ activeAtStart, or null when nobody was active at the start. */
  rate: number | null;
}

/**
 * Logo churn over the days `periodStartDay`..`periodEndDay` (both included): clients who ended within
 * the period ÷ clients active at its start. "Active at the start" means started before `periodStartDay`
 * and not ended before it; a client who starts inside the period is new, so one who starts and ends
 * inside it counts in neither number (the ChartMogul convention).
 */
export function logoChurn(stays: readonly Stay[], periodStartDay: number, periodEndDay: number): LogoChurn {
  if (periodEndDay < periodStartDay) throw new DomainError('the period ends before it starts');
  let activeAtStart = 0;
  let churned = 0;
  for (const { startDay, endDay } of stays) {
    if (startDay >= periodStartDay || (endDay !== null && endDay < periodStartDay)) continue;
    activeAtStart++;
    if (endDay !== null && endDay <= periodEndDay) churned++;
  }
  return { activeAtStart, churned, rate: activeAtStart === 0 ? null : churned / activeAtStart };
}
