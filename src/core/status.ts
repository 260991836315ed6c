/**
 * The one status rule: what state a client is in on a given day, from the same inputs wherever it is
 * shown (the card, the due list, the pickers, the Dashboard's list). Pure: callers pass what they read.
 *
 * Lifecycle: Active → (offboarded, end date ahead) Serving notice → (on the end date) Ended. Paused is
 * the user's. The Status cell may lag the calendar (nothing runs at midnight), so the status shown is
 * derived from the end date against today; Refresh and Set up then write the Ended it derives.
 */
import { daysOverdue, isDueThisWeek, nextCheckInDay } from './cadence';
import { matchChoice, CLIENT_STATUSES, type ClientStatusName } from './clients';

export type { ClientStatusName } from './clients';

/**
 * The status on `today`. A client serving notice is Ended from their end date on; one marked Ended whose
 * end date is still ahead is serving notice (earlier versions wrote Ended at once). Active and Paused are
 * what the user set. Unreadable text counts as Active, as the roster reads it.
 */
export function statusOn(stored: unknown, endDay: number | null, today: number): ClientStatusName {
  const status = matchChoice(CLIENT_STATUSES, stored) ?? 'Active';
  if (status !== 'Serving notice' && status !== 'Ended') return status;
  if (endDay === null) return status;
  return endDay <= today ? 'Ended' : 'Serving notice';
}

/** Check-ins are due from Active clients and from clients serving their notice, until the end date. */
export function owesCheckIns(status: ClientStatusName): boolean {
  return status === 'Active' || status === 'Serving notice';
}

/** Where the client stands with check-ins: `inactive` (paused or ended: nothing due). */
export type CheckInState = 'inactive' | 'overdue' | 'due' | 'done' | 'none' | 'on-schedule';

export interface StatusInput {
  /** The Status cell as read. */
  stored: unknown;
  endDay: number | null;
  startDay: number | null;
  cadenceDays: number;
  lastCheckIn: number | null;
  today: number;
  /** First day of the current check-in week (Settings' week start). */
  weekStartDay: number;
  /** Unpaid payments past the grace days (the late-payment rule decides; this rule only shows it). */
  latePayments: number;
}

export interface ClientState {
  status: ClientStatusName;
  checkIn: CheckInState;
  /** Days past the next check-in when overdue, else null. */
  overdueBy: number | null;
  nextCheckInDay: number | null;
  paysLate: boolean;
  /** bad: needs chasing (overdue or paying late); warn: due this week; good: nothing to do. */
  tone: 'good' | 'warn' | 'bad' | '';
}

/**
 * A client's state on `today`. Overdue and "due this week" follow the Dashboard's "needs attention" list:
 * overdue when past the cadence with nothing logged this week; due when the next check-in falls in this
 * week and nothing is logged yet.
 */
export function clientState(input: StatusInput): ClientState {
  const status = statusOn(input.stored, input.endDay, input.today);
  const paysLate = input.latePayments > 0;
  if (!owesCheckIns(status)) {
    return {
      status,
      checkIn: 'inactive',
      overdueBy: null,
      nextCheckInDay: null,
      paysLate,
      tone: paysLate ? 'bad' : '',
    };
  }
  const { lastCheckIn, startDay, cadenceDays, today, weekStartDay } = input;
  const next = nextCheckInDay(lastCheckIn, startDay, cadenceDays);
  const overdue = daysOverdue(lastCheckIn, startDay, cadenceDays, today);
  const loggedThisWeek = lastCheckIn !== null && lastCheckIn >= weekStartDay;
  let checkIn: CheckInState;
  if (loggedThisWeek) checkIn = 'done';
  else if (overdue !== null && overdue > 0) checkIn = 'overdue';
  else if (isDueThisWeek(lastCheckIn, startDay, cadenceDays, weekStartDay)) checkIn = 'due';
  else checkIn = lastCheckIn === null ? 'none' : 'on-schedule';
  // A client who is leaving is never shown in reassuring green.
  const tone =
    paysLate || checkIn === 'overdue'
      ? 'bad'
      : checkIn === 'due'
        ? 'warn'
        : checkIn === 'none' || status === 'Serving notice'
          ? ''
          : 'good';
  return {
    status,
    checkIn,
    overdueBy: checkIn === 'overdue' ? overdue : null,
    nextCheckInDay: next,
    paysLate,
    tone,
  };
}

/**
 * What the state says, in words, one phrase each: the status when it is not plain Active, the check-ins,
 * then late payment. `formatDay` writes a date the way the place showing it does.
 */
export function statusPhrases(
  state: Pick<ClientState, 'status' | 'checkIn' | 'overdueBy' | 'paysLate'>,
  endDay: number | null,
  formatDay: (day: number) => string,
): string[] {
  const phrases: string[] = [];
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (state.status === 'Serving notice')
    phrases.push(endDay === null ? 'Serving notice' : `Serving notice until ${formatDay(endDay)}`);
  switch (state.checkIn) {
    case 'inactive':
      phrases.push(
        state.status === 'Ended'
          ? `Ended${endDay === null ? '' : ` on ${formatDay(endDay)}`}: no check-ins due`
          : 'Paused: no check-ins due',
      );
      break;
    case 'overdue':
      phrases.push(`Check-in overdue by ${plural(state.overdueBy ?? 0)}`);
      break;
    case 'due':
      phrases.push('Nothing logged this week');
      break;
    case 'done':
      phrases.push('Logged this week');
      break;
    case 'none':
      phrases.push('No check-in yet');
      break;
    case 'on-schedule':
      phrases.push('On schedule');
      break;
  }
  if (state.paysLate) phrases.push('Paying late');
  return phrases;
}
