/**
 * Check-in cadence: how often each kind of client should hear from us, and who is due.
 *
 * Defaults by client type: a Micromanager wants to see movement every week, and a client who is
 * In the dark (unsure what we do for them) needs weekly proof before doubt turns into churn; a
 * Laissez-faire client trusts us and finds weekly calls a chore, so every three weeks (by email or
 * phone) keeps in touch before silence turns into leaving; a Savvy client reads the numbers
 * themselves, so every two weeks respects their time without losing touch.
 */
import { startOfWeek, type Weekday } from './dates';
import { matchChoice, type ClientTypeName } from './clients';

export const DEFAULT_CADENCE_DAYS: Readonly<Record<ClientTypeName, number>> = {
  'Laissez-faire': 21,
  Micromanager: 7,
  'In the dark': 7,
  Savvy: 14,
};
/** Cadence of a client with no type. */
export const FALLBACK_CADENCE_DAYS = 7;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** 'Monday', 'mon', 1 → 1; null when unreadable. */
export function parseWeekday(value: unknown): Weekday | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6)
    return value as Weekday;
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (text.length < 3) return null;
  const index = WEEKDAYS.findIndex((day) => day.startsWith(text));
  return index < 0 ? null : (index as Weekday);
}

export function weekdayName(day: Weekday): string {
  const name = WEEKDAYS[day];
  return name[0].toUpperCase() + name.slice(1);
}

/** The cadence of a client of `clientType`, from the settings' table (falls back to the defaults). */
export function cadenceFor(clientType: unknown, table: Partial<Record<ClientTypeName, number>> = {}): number {
  const type = matchChoice(Object.keys(DEFAULT_CADENCE_DAYS) as ClientTypeName[], clientType);
  if (!type) return FALLBACK_CADENCE_DAYS;
  return table[type] ?? DEFAULT_CADENCE_DAYS[type];
}

/** The day the week containing `today` started on: a check-in belongs to this week. */
export function weekOf(today: number, weekStart: Weekday): number {
  return startOfWeek(today, weekStart);
}

/** When the next check-in is due: cadence days after the last one (or after the start, before the first). */
export function nextCheckInDay(
  lastCheckIn: number | null,
  startDay: number | null,
  cadenceDays: number,
): number | null {
  if (lastCheckIn !== null) return lastCheckIn + cadenceDays;
  return startDay === null ? null : startDay + cadenceDays;
}

/** Days past due on `today` (0 or less: not overdue). Null when nothing says when it is due. */
export function daysOverdue(
  lastCheckIn: number | null,
  startDay: number | null,
  cadenceDays: number,
  today: number,
): number | null {
  const next = nextCheckInDay(lastCheckIn, startDay, cadenceDays);
  return next === null ? null : today - next;
}

/**
 * Is a client due for a check-in in the week starting `weekStartDay`? Due when the next check-in falls before
 * the week ends.
 */
export function isDueThisWeek(
  lastCheckIn: number | null,
  startDay: number | null,
  cadenceDays: number,
  weekStartDay: number,
): boolean {
  if (lastCheckIn !== null && lastCheckIn >= weekStartDay) return true;
  const next = nextCheckInDay(lastCheckIn, startDay, cadenceDays);
  return next === null || next < weekStartDay + 7;
}
