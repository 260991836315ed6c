/** Ending a client: the notice rule and the end of the current program period. */
import { addMonths, formatIsoDay } from './dates';
import { MIN_NOTICE_DAYS } from './clients';

/**
 * The close of the program period containing `endDay`: the first start + k × programMonths months
 * (k ≥ 1) on or after `endDay`.
 */
export function periodCloseOnOrAfter(startDay: number, programMonths: number, endDay: number): number {
  let k = 1;
  let close = addMonths(startDay, programMonths);
  while (close < endDay && k < 10_000) close = addMonths(startDay, programMonths * ++k);
  return close;
}

export interface OffboardPlanInput {
  startDay: number | null;
  programMonths: number | null;
  endDay: number;
  noticeDay: number;
  endAtPeriodClose: boolean;
}

/** The end date to record, or the field problems. The notice rule applies to the end actually recorded. */
export function planOffboard(
  input: OffboardPlanInput,
): { ok: true; endDay: number } | { ok: false; errors: { field: string; message: string }[] } {
  let endDay = input.endDay;
  if (input.endAtPeriodClose) {
    if (input.startDay === null || input.programMonths === null || !(input.programMonths > 0)) {
      return {
        ok: false,
        errors: [
          {
            field: 'endAtPeriodClose',
            message: 'This client has no start date and program length to find the period close from.',
          },
        ],
      };
    }
    endDay = periodCloseOnOrAfter(input.startDay, input.programMonths, endDay);
  }
  if (input.startDay !== null && endDay < input.startDay) {
    return {
      ok: false,
      errors: [
        {
          field: 'endDate',
          message: `The end date is before the client started (${formatIsoDay(input.startDay)}).`,
        },
      ],
    };
  }
  const latestNotice = endDay - MIN_NOTICE_DAYS;
  if (input.noticeDay > latestNotice) {
    return {
      ok: false,
      errors: [
        {
          field: 'noticeDate',
          message: `Give at least ${MIN_NOTICE_DAYS} days' notice: for an end on ${formatIsoDay(endDay)} the notice date must be ${formatIsoDay(latestNotice)} or earlier.`,
        },
      ],
    };
  }
  return { ok: true, endDay };
}
