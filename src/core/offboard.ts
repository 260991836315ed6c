/**
 * Ending a client: which endings need notice, the end of the current program period, and the status
 * the roster records. Shared by the server's save and the sidebar's live preview, so both compute one date.
 */
import { addMonths } from './dates';
import { MIN_NOTICE_DAYS, OUR_SIDE_REASONS, type ClientStatusName } from './clients';

/**
 * The 30-day notice protects a client from an ending we decide (unprofitable, pays late, scope creep,
 * poor fit). A client who leaves, or a program that ran its course, ends when it ends.
 */
export function needsNotice(reason: string): boolean {
  return (OUR_SIDE_REASONS as readonly string[]).includes(reason);
}

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
  /** One of LEAVE_REASONS: decides whether the notice rule applies. */
  reason: string;
  /** Writes a day in messages the way the spreadsheet's locale writes dates. */
  formatDay: (day: number) => string;
}

export type OffboardPlan =
  { ok: true; endDay: number } | { ok: false; errors: { field: string; message: string }[] };

/** The end date to record, or the field problems. The notice rule applies to the end actually recorded. */
export function planOffboard(input: OffboardPlanInput): OffboardPlan {
  const { formatDay } = input;
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
          message: `The end date is before the client started (${formatDay(input.startDay)}).`,
        },
      ],
    };
  }
  if (input.noticeDay > endDay) {
    return {
      ok: false,
      errors: [
        {
          field: 'noticeDate',
          message: `The notice date is after the end (${formatDay(endDay)}): notice comes first.`,
        },
      ],
    };
  }
  const latestNotice = endDay - MIN_NOTICE_DAYS;
  if (needsNotice(input.reason) && input.noticeDay > latestNotice) {
    return {
      ok: false,
      errors: [
        {
          field: 'noticeDate',
          message:
            `An ending on our side needs at least ${MIN_NOTICE_DAYS} days' notice: for an end ` +
            `on ${formatDay(endDay)} the notice date must be ${formatDay(latestNotice)} or earlier.`,
        },
      ],
    };
  }
  return { ok: true, endDay };
}

/** The status an offboarding writes: still served until the end date, Ended from that day on. */
export function statusAfterOffboard(endDay: number, today: number): ClientStatusName {
  return endDay <= today ? 'Ended' : 'Serving notice';
}
