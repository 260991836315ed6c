/** "Entered by": the name a VA logs a check-in as, as it is written to the log. */

/** The longest name kept, after trimming. */
export const ENTERED_BY_MAX = 80;

/** The name as it is written: trimmed, runs of white space (new lines too) made one space. */
export function cleanEnteredBy(
  value: unknown,
): { ok: true; value: string | undefined } | { ok: false; message: string } {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== 'string') return { ok: false, message: 'Your name must be text.' };
  const name = value.replace(/\s+/g, ' ').trim();
  if (name.length > ENTERED_BY_MAX) {
    return { ok: false, message: `Your name can be at most ${ENTERED_BY_MAX} characters.` };
  }
  return { ok: true, value: name };
}
