/** The custom function "Check this spreadsheet" writes into its temporary sheet. */
import { probeAnswer } from '../core/self-check';

/**
 * Used by ClientTabs > Check this spreadsheet: says exactly what Sheets passed a custom function (a date
 * as its instant), so the check can see how dates arrive. Not a formula for users (not in autocomplete).
 * @param {*} value a cell
 * @return {string} what arrived, e.g. date:2024-03-15T04:00:00.000Z or number:41
 */
export function CLIENTTABS_PROBE(value: unknown): string {
  return probeAnswer(value);
}
