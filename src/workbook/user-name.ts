/**
 * The name the VA logs as ("Entered by"), remembered per user in UserProperties: reading the user's
 * email would need the userinfo.email scope, and Properties calls are neither a scope nor document calls.
 */
const NAME_KEY = 'clienttabs.enteredBy';

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

/** The name this user last logged as ('' when none). */
export function rememberedName(): string {
  return PropertiesService.getUserProperties().getProperty(NAME_KEY) ?? '';
}

/** Keeps `name` for this user; writes only when it differs from the one stored. */
export function rememberName(name: string): void {
  const properties = PropertiesService.getUserProperties();
  const stored = properties.getProperty(NAME_KEY) ?? '';
  if (stored === name) return;
  if (name === '') properties.deleteProperty(NAME_KEY);
  else properties.setProperty(NAME_KEY, name);
}
