/**
 * Clients this user skipped this week, with what they had typed, kept in UserProperties: the sidebar
 * closes and reopens, and a skip must neither be forgotten nor lose typed values. A new week starts empty.
 */
import { ownRecord, ownValue } from '../core/own';

const SKIPS_PREFIX = 'clienttabs.skipped.';

/**
 * User properties follow the user into every spreadsheet that has the add-on, and Client IDs repeat
 * across them (C-0001 is in every workbook): the skips are kept per spreadsheet.
 */
function skipsKey(): string {
  return SKIPS_PREFIX + SpreadsheetApp.getActiveSpreadsheet().getId();
}

/** What was typed in a skipped form, field key → text ("values.Revenue", "satisfaction", ...). */
export type Draft = Record<string, string>;

interface Stored {
  weekOf: string;
  drafts: Record<string, Draft>;
}

/** This week's skipped clients: Client ID → what was typed (empty when nothing). */
export function skippedThisWeek(weekOf: string): Record<string, Draft> {
  const raw = PropertiesService.getUserProperties().getProperty(skipsKey());
  if (!raw) return {};
  try {
    const stored = JSON.parse(raw) as Stored;
    return stored.weekOf === weekOf && stored.drafts && typeof stored.drafts === 'object'
      ? stored.drafts
      : {};
  } catch {
    return {};
  }
}

/**
 * UTF-8 bytes a property value may hold: the quotas page says 9 kB per value; measured, 8,066 bytes
 * (tanaikech's PropertiesService report, 2023). 8,000 stays under both.
 */
export const MAX_SKIPS_BYTES = 8000;

/**
 * Keeps `clientId` as skipped this week with its draft; `draft` null forgets it (saved, or opened again).
 * False, and nothing kept, when the drafts would not fit in one property.
 */
export function setSkipped(weekOf: string, clientId: string, draft: Draft | null): boolean {
  const drafts = skippedThisWeek(weekOf);
  const kept = Object.keys(drafts)
    .filter((id) => id !== clientId)
    .map((id) => [id, ownValue<Draft>(drafts, id) as Draft] as const);
  if (draft !== null) kept.push([clientId, cleanDraft(draft)]);
  const properties = PropertiesService.getUserProperties();
  if (kept.length === 0) {
    properties.deleteProperty(skipsKey());
    return true;
  }
  const text = JSON.stringify({ weekOf, drafts: ownRecord(kept) });
  if (encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, 'x').length > MAX_SKIPS_BYTES) return false;
  properties.setProperty(skipsKey(), text);
  return true;
}

/** Text fields only, each at most 5,000 characters: a draft is what a form can hold. */
function cleanDraft(draft: unknown): Draft {
  if (!draft || typeof draft !== 'object' || Array.isArray(draft)) return {};
  return ownRecord(
    Object.entries(draft as Record<string, unknown>)
      .filter(([, value]) => typeof value === 'string' && value.trim() !== '')
      .map(([key, value]) => [key, (value as string).slice(0, 5000)] as const),
  );
}
