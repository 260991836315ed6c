/** Satisfaction, the client's 1–10 score on a check-in: one rule for the sidebar's check and the save. */
import { parseNumber } from './parse';
import { shown } from './quote';

/**
 * A satisfaction score as typed: a whole number from 1 to 10 in the spreadsheet's locale (`7`, `7,0` in
 * de_DE), or blank (null). Anything else is refused with the message the user sees.
 */
export function parseSatisfaction(
  raw: unknown,
  locale: string,
): { ok: true; value: number | null } | { ok: false; message: string } {
  const refused = {
    ok: false as const,
    message: `Satisfaction must be a whole number from 1 to 10; got ${shown(raw)}.`,
  };
  if (typeof raw !== 'string' && typeof raw !== 'number') return refused;
  if (String(raw).trim() === '') return { ok: true, value: null };
  const score = parseNumber(raw, locale);
  return score === null || !Number.isInteger(score) || score < 1 || score > 10
    ? refused
    : { ok: true, value: score };
}
