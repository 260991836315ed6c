/**
 * What the user confirmed when a tab was adopted (its table and measures), and tabs linked to an existing
 * client as history: DocumentProperties by sheet ID, so check-ins follow the confirmed table.
 */
import type { AdoptChoice } from '../core/adopt';

export const CHOICE_PREFIX = 'clienttabs.adopt.';
export const HISTORY_PREFIX = 'clienttabs.history.';

export function parseChoice(raw: string | null): AdoptChoice | null {
  try {
    const parsed = JSON.parse(raw ?? 'null') as Partial<AdoptChoice> | null;
    if (!parsed || typeof parsed.headerKey !== 'string' || typeof parsed.axisLabel !== 'string') return null;
    if (parsed.orientation !== 'rows' && parsed.orientation !== 'columns') return null;
    const measures = Array.isArray(parsed.measures)
      ? parsed.measures.filter((m): m is string => typeof m === 'string')
      : undefined;
    return {
      orientation: parsed.orientation,
      headerKey: parsed.headerKey,
      axisLabel: parsed.axisLabel,
      measures,
    };
  } catch {
    return null;
  }
}

/** The table and measures confirmed when the tab with this sheet ID was adopted (null: none stored). */
export function adoptedChoice(sheetId: number): AdoptChoice | null {
  return parseChoice(PropertiesService.getDocumentProperties().getProperty(CHOICE_PREFIX + sheetId));
}

/** Tabs linked as history, sheet ID → Client ID, in one read. */
export function historyLinks(): Map<number, string> {
  const links = new Map<number, string>();
  for (const [key, value] of Object.entries(PropertiesService.getDocumentProperties().getProperties()))
    if (key.startsWith(HISTORY_PREFIX)) links.set(Number(key.slice(HISTORY_PREFIX.length)), value);
  return links;
}

/** The tabs linked to `clientId` as history, with the table confirmed for each, in one read. */
export function historyTabsOf(clientId: string): { sheetId: number; choice: AdoptChoice | null }[] {
  const all = PropertiesService.getDocumentProperties().getProperties();
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith(HISTORY_PREFIX) && value === clientId)
    .map(([key]) => Number(key.slice(HISTORY_PREFIX.length)))
    .filter((sheetId) => Number.isInteger(sheetId))
    .map((sheetId) => ({ sheetId, choice: parseChoice(all[CHOICE_PREFIX + sheetId] ?? null) }));
}
