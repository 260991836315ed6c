/**
 * A small index in DocumentProperties: Client ID → the tab's sheetId, its name and how wide to read it.
 * It lets a check-in go straight to the tab without reading the roster (Properties calls are not
 * spreadsheet calls). It is a cache: when stale, callers fall back to the roster and rewrite it.
 * Settings and the zone are not cached: the user edits them at any time, so a save reads them.
 */
import { ownRecord } from '../core/own';

const CLIENT_PREFIX = 'clienttabs.client.';

export interface IndexedClient {
  sheetId: number;
  name: string;
  /** Columns to read from the left: the tab's width when last seen. */
  width: number;
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function getIndexedClient(clientId: string): IndexedClient | null {
  const raw = properties().getProperty(CLIENT_PREFIX + clientId);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as IndexedClient;
    return typeof parsed.sheetId === 'number' && typeof parsed.name === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** Every client the index knows, in one read: Client ID → its entry (damaged entries left out). */
export function indexedClients(): Map<string, IndexedClient> {
  const entries = new Map<string, IndexedClient>();
  for (const [key, raw] of Object.entries(properties().getProperties())) {
    if (!key.startsWith(CLIENT_PREFIX)) continue;
    try {
      const entry = JSON.parse(raw) as Partial<IndexedClient>;
      if (
        typeof entry.sheetId === 'number' &&
        typeof entry.name === 'string' &&
        typeof entry.width === 'number'
      )
        entries.set(key.slice(CLIENT_PREFIX.length), entry as IndexedClient);
    } catch {
      // A damaged entry is just not used.
    }
  }
  return entries;
}

/** The tab name the index knows for every client, in one read: Client ID → tab name. */
export function indexedTabNames(): Map<string, string> {
  return new Map([...indexedClients()].map(([id, entry]) => [id, entry.name]));
}

export function setIndexedClient(clientId: string, entry: IndexedClient): void {
  properties().setProperty(CLIENT_PREFIX + clientId, JSON.stringify(entry));
}

export function setIndexedClients(entries: ReadonlyMap<string, IndexedClient>): void {
  const values = ownRecord(
    [...entries].map(([id, entry]) => [CLIENT_PREFIX + id, JSON.stringify(entry)] as const),
  );
  if (entries.size > 0) properties().setProperties(values);
}
