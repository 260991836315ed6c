/**
 * Every client's metrics with their logged values, for the expectation check (core/expectations.ts).
 * Past and present clients alike (ended clients are the history). A read: it writes nothing, not even
 * the index. Cost: the context (zone, Settings, roster, the index: as every sidebar read) plus one
 * getValues per client tab the index knows (its name and width), or getSheetById + getDataRange +
 * getValues for a tab it does not; so it grows with the number of clients, never with log rows, and the
 * sidebar asks once when a form opens.
 */
import type { MetricRecord } from '../core/expectations';
import { isBlank, columnLetter, quoteSheetName } from '../core/layout';
import { PROFILE } from '../core/client-tab';
import { normalizeLabel } from '../core/clients';
import { intlLocaleOf } from '../core/money';
import { readNumber, readText, type Zone } from './cells';
import { indexedClients, type IndexedClient } from './client-index';
import { modelTab, type ClientTab } from './client-log';
import { adoptedChoice } from './adopt-choice';
import { readContext } from './clients';
import type { RosterClient } from './roster';
import type { Spreadsheet } from './tables';

export interface MetricHistory {
  /** The spreadsheet's locale for Intl (`en-US`), to write the numbers the way the sheet does. */
  intlLocale: string;
  records: MetricRecord[];
}

/** The tab's own Client ID in its card: an indexed tab is used only when it is still this client's. */
function cardClientId(tab: ClientTab): string | null {
  const entry = tab.model.profile.get(normalizeLabel(PROFILE.clientId));
  return entry ? readText(entry.value) : null;
}

function readIndexed(
  ss: Spreadsheet,
  client: RosterClient,
  entry: IndexedClient,
  zone: Zone,
): ClientTab | null {
  try {
    const range = ss.getRange(`${quoteSheetName(entry.name)}!A1:${columnLetter(Math.max(1, entry.width))}`);
    const values = range.getValues();
    const tab = modelTab(client.clientId, entry.name, values[0]?.length ?? entry.width, values, zone, () =>
      adoptedChoice(entry.sheetId),
    );
    if (!tab) return null;
    const ownId = cardClientId(tab);
    // An adopted tab has no card: its name is trusted only when it is the tab the roster links to.
    if (ownId === client.clientId || (ownId === null && client.tabId === entry.sheetId)) return tab;
    return null;
  } catch {
    return null;
  }
}

function readByTabId(ss: Spreadsheet, client: RosterClient, zone: Zone): ClientTab | null {
  const sheet = client.tabId !== null ? ss.getSheetById(client.tabId) : null;
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const sheetId = client.tabId as number;
  return modelTab(client.clientId, client.tabName, values[0]?.length ?? 0, values, zone, () =>
    adoptedChoice(sheetId),
  );
}

/** One client's metrics as records: definition, start date and every logged number. */
export function metricRecords(client: RosterClient, tab: ClientTab): MetricRecord[] {
  return tab.metrics.map((metric) => {
    const column = tab.log.metricColumns.get(metric.name) ?? -1;
    const values: { day: number; value: number }[] = [];
    if (column >= 0)
      for (const entry of tab.log.entries) {
        const cell = tab.values[entry.row]?.[column];
        const value = isBlank(cell) ? null : readNumber(cell);
        if (value !== null && Number.isFinite(value)) values.push({ day: entry.day, value });
      }
    return {
      clientId: client.clientId,
      client: client.name,
      name: metric.name,
      unit: metric.unit,
      direction: metric.direction === 'down' ? 'down' : 'up',
      baseline: metric.baseline,
      target: metric.target,
      startDay: client.startDay,
      values,
    };
  });
}

/** The metric records of `clients` (a client whose tab is gone or unreadable is left out). */
export function recordsOf(ss: Spreadsheet, zone: Zone, clients: readonly RosterClient[]): MetricRecord[] {
  const index = indexedClients();
  const records: MetricRecord[] = [];
  for (const client of clients) {
    const entry = index.get(client.clientId);
    const tab = (entry && readIndexed(ss, client, entry, zone)) || readByTabId(ss, client, zone);
    if (tab) records.push(...metricRecords(client, tab));
  }
  return records;
}

/** Every client's metric history. */
export function metricHistory(): MetricHistory {
  const { ss, zone, clients } = readContext();
  return { intlLocale: intlLocaleOf(zone.locale), records: recordsOf(ss, zone, clients) };
}
