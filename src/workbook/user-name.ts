/**
 * The name the VA logs as ("Entered by"), remembered per user in UserProperties: reading the user's
 * email would need the userinfo.email scope, and Properties calls are neither a scope nor document calls.
 */
const NAME_KEY = 'clienttabs.enteredBy';

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
