/** When text a user typed must be protected from Sheets' reading of typed input. */

/**
 * True when Sheets could read `text`, written by setValue(s), as something other than that text: a
 * formula (`=`, `+`, `-`, `@`), an error literal (`#N/A`), a kept-apostrophe escape (`'x`), a boolean,
 * or anything with a digit (a number, date, time, percent or amount). Plain words are written as they are.
 */
export function textNeedsProtection(text: string): boolean {
  if (text === '') return false;
  if (/^[=+\-@#']/.test(text) || text !== text.trim()) return true;
  if (/^(true|false)$/i.test(text)) return true;
  return /\p{Nd}/u.test(text);
}
