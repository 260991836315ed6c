/**
 * The handling advice of one client (core/client-handling.ts), read from what the card and the check-in
 * form already hold (the client's tab, the roster row, Settings) plus the Conversations sheet: one
 * `getSheetByName`, and `getDataRange` + `getValues` when the sheet exists (+1 or +3 calls).
 */
import { clientHandling, type ClientHandling } from '../core/client-handling';
import { CLIENT_TYPES, matchChoice } from '../core/clients';
import { readDay, readNumber, readText, type Zone } from './cells';
import type { ClientTab } from './client-log';
import { CONVERSATIONS } from './schema';
import { cell, dataRows, readTable, type Settings, type Spreadsheet } from './tables';

export interface HandlingClient {
  clientId: string;
  clientType: string;
  startDay: number | null;
  cadenceDays: number;
  /** Owes check-ins today (core/status.ts owesCheckIns). */
  current: boolean;
}

/** The days of the client's rows in the Conversations sheet (none while the sheet does not exist). */
export function conversationDays(ss: Spreadsheet, clientId: string, zone: Zone): number[] {
  const table = readTable(ss, CONVERSATIONS);
  if (!table) return [];
  return dataRows(table)
    .filter((row) => readText(cell(table, row, 'clientId')) === clientId)
    .map((row) => readDay(cell(table, row, 'date'), zone))
    .filter((day): day is number => day !== null);
}

/** The latest dated check-in's satisfaction, or null (none logged, or the log has no such column). */
function latestSatisfaction(tab: ClientTab): number | null {
  const column = tab.log.satisfactionColumn;
  if (column < 0) return null;
  const scored = tab.log.entries
    .map((entry) => ({ day: entry.day, score: readNumber((tab.values[entry.row] ?? [])[column]) }))
    .filter((s): s is { day: number; score: number } => s.score !== null);
  if (!scored.length) return null;
  return scored.reduce((latest, s) => (s.day >= latest.day ? s : latest)).score;
}

export function handlingOf(
  ss: Spreadsheet,
  tab: ClientTab,
  client: HandlingClient,
  settings: Settings,
  zone: Zone,
  today: number,
): ClientHandling {
  // Only a current client with a type has a "this week" that contacts can change.
  const readsContacts = client.current && matchChoice(CLIENT_TYPES, client.clientType) !== null;
  return clientHandling(
    {
      clientType: client.clientType,
      current: client.current,
      today,
      startDay: client.startDay,
      cadenceDays: client.cadenceDays,
      checkIns: tab.log.entries.map((entry) => entry.day),
      conversations: readsContacts ? conversationDays(ss, client.clientId, zone) : [],
      satisfaction: latestSatisfaction(tab),
    },
    settings.handling,
    settings.dateFormat,
  );
}
