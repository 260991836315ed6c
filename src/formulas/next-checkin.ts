import { DEFAULT_CADENCE_DAYS } from '../core/cadence';
import { CLIENT_TYPES, matchChoice } from '../core/clients';
import { DATE, runFormula, type FormulaOutput, type Kind } from './args';

/** A number of days (more than 0), or a client type read as its default cadence. */
const CADENCE: Kind = {
  expected: `a number of days or a client type (${CLIENT_TYPES.join(', ')})`,
  read: (value) => {
    if (typeof value === 'number') return value;
    const type = matchChoice(CLIENT_TYPES, value);
    if (type) return DEFAULT_CADENCE_DAYS[type];
    const days = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : null;
    return days;
  },
  check: { test: (days) => days > 0, expected: 'a number of days more than 0' },
};

/**
 * When the next check-in is due: the last check-in plus the client's cadence. The cadence is a number of
 * days, or a client type with its default rhythm (Micromanager 7, In the dark 7, Savvy 14,
 * Laissez-faire 21 days; the roster's Cadence column holds what Settings chose for each client).
 * Takes single values or whole columns; rows left blank stay blank.
 *
 * @param {Date|Date[][]} last_checkin The day of the last check-in (or the start date before the first).
 * @param {number|string|number[][]} client_type_or_days Days between check-ins, or the client type.
 * @return {Date|Date[][]} The day the next check-in is due.
 * @example =CLIENT_NEXT_CHECKIN(L2, "Savvy")
 * @example =CLIENT_NEXT_CHECKIN(L2:L, J2:J)
 * @customfunction
 */
export function CLIENT_NEXT_CHECKIN(last_checkin: unknown, client_type_or_days: unknown): FormulaOutput {
  return runFormula('CLIENT_NEXT_CHECKIN', (call) =>
    call.elementwise(
      [
        { grid: call.arg('last_checkin', last_checkin), kind: DATE },
        { grid: call.arg('client_type_or_days', client_type_or_days), kind: CADENCE },
      ],
      ([lastDay, days]) => call.dateCell(lastDay + Math.round(days)),
    ),
  );
}
