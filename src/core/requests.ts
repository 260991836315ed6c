/**
 * Deciding an out-of-scope request: approve it as a change order (with its fee), decline it, or absorb it
 * ("Included in scope", with the hours absorbed, which the hourly-rate advice subtracts). One rule for the
 * server and the sidebar.
 */
import { REQUEST_DECISIONS, matchChoice, type RequestDecision } from './clients';
import { checkMoney } from './money';
import { checkHours } from './hours';
import type { FieldProblem } from './outcome';

/** A decision taken on an open request: every decision but Open. */
export const DECIDED = REQUEST_DECISIONS.filter((d) => d !== 'Open') as Exclude<RequestDecision, 'Open'>[];

/** The decision that absorbs a request into the scope (the Requests sheet's word for it). */
export const ABSORBED = 'Included in scope';

/** Hours absorbed: more than 0, at most this (a month of full days is far more than any one request). */
export const MAX_ABSORBED_HOURS = 1000;

export type Decision =
  | { ok: true; decision: Exclude<RequestDecision, 'Open'>; fee: number | null; hours: number | null }
  | { ok: false; errors: FieldProblem[] };

/** Is `decision` still open (blank counts as open: nothing was decided)? */
export function isUndecided(decision: unknown): boolean {
  const typed = typeof decision === 'string' ? decision.trim() : '';
  return typed === '' || matchChoice(REQUEST_DECISIONS, typed) === 'Open';
}

/** Were `decision`'s hours absorbed (done in scope, not billed)? Only "Included in scope" says so. */
export function isAbsorbed(decision: unknown): boolean {
  const typed = typeof decision === 'string' ? decision.trim() : '';
  return typed !== '' && matchChoice(REQUEST_DECISIONS, typed) === 'Included in scope';
}

/**
 * Checks a decision as typed: a change order needs its fee, an absorbed request its hours (core/hours.ts);
 * a fee or hours on any other decision is refused rather than dropped.
 */
export function checkDecision(decision: unknown, fee: unknown, hours: unknown, locale: string): Decision {
  const errors: FieldProblem[] = [];
  const blank = (raw: unknown) =>
    raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  const chosen = matchChoice(DECIDED, decision);
  if (!chosen) errors.push({ field: 'decision', message: `Decide the request: ${DECIDED.join(', ')}.` });
  const money = checkMoney('The change-order fee', fee, locale);
  let feeValue: number | null = null;
  if (!money.ok) errors.push({ field: 'fee', message: money.message });
  else feeValue = money.value;
  const typedHours = checkHours('Hours absorbed', hours, locale, MAX_ABSORBED_HOURS);
  if (!typedHours.ok) errors.push({ field: 'hours', message: typedHours.message });
  const hoursValue = typedHours.ok ? typedHours.value : null;
  if (chosen === 'Change order' && money.ok && feeValue === null)
    errors.push({ field: 'fee', message: 'A change order needs its fee.' });
  if (chosen && chosen !== 'Change order' && feeValue !== null)
    errors.push({ field: 'fee', message: `Only a change order has a fee; this request is "${chosen}".` });
  if (chosen === ABSORBED && blank(hours))
    errors.push({ field: 'hours', message: 'Enter the hours absorbed (what the work cost you).' });
  if (chosen && chosen !== ABSORBED && hoursValue !== null)
    errors.push({
      field: 'hours',
      message: `Only an absorbed request has hours absorbed; this request is "${chosen}".`,
    });
  return errors.length || !chosen
    ? { ok: false, errors }
    : { ok: true, decision: chosen, fee: feeValue, hours: hoursValue };
}
