/**
 * Settings rows of the handling advice by client type (issue 14 §2): one row per type, beside the
 * per-type cadence rows; a blank value means the default one-liner of core/client-handling.ts.
 */
import { CLIENT_TYPES, type ClientTypeName } from '../core/clients';
import { DEFAULT_HANDLING_ADVICE } from '../core/client-handling';
import type { SettingSpec } from './schema';

export const HANDLING_PREFIX = 'Handling advice: ';

export const HANDLING_SETTINGS: readonly SettingSpec[] = CLIENT_TYPES.map((type) => ({
  label: HANDLING_PREFIX + type,
  value: () => DEFAULT_HANDLING_ADVICE[type],
  about: 'How to handle clients of this type, shown on the card and in the check-in. Blank: the default.',
}));

/** Each type's advice as the Settings sheet has it (`raw` gives the default for a blank cell). */
export function handlingFromSettings(raw: (label: string) => unknown): Record<ClientTypeName, string> {
  const advice = {} as Record<ClientTypeName, string>;
  for (const type of CLIENT_TYPES) advice[type] = String(raw(HANDLING_PREFIX + type) ?? '').trim();
  return advice;
}
