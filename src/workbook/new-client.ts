/** New client: the tab, the roster row with its live links, the index entry. A constant number of calls. */
import { parseNewClient, type NewClientInput } from '../core/new-client';
import { FIX_FIELDS, refusal, type Outcome } from '../core/outcome';
import { asText, dayToCell, sheetAt, writeBlock } from './cells';
import { setIndexedClient } from './client-index';
import { buildClientTab, LOG_BLOCK_ROWS, logAddressOfNewTab, trimTab } from './client-tab';
import { withDocumentLock } from './lock';
import { liveLinks, nextClientId, openRoster, type RosterClient } from './roster';
import { adviceLinks } from './roster-advice';
import { MANAGED_SHEETS, PAYMENTS, REQUESTS } from './schema';
import { ensureRows, readTable, writeCells } from './tables';

export interface CreatedClient {
  clientId: string;
  name: string;
  tabName: string;
  sheetId: number;
  clientType: string;
}

/**
 * Where a new client's tab goes: right after the last client tab (else the last ClientTabs sheet), so a
 * user's own tabs after them stay last. Walks back from the end by name: one call per tab after that one,
 * however many clients there are.
 */
function placeAfterClientTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, clients: RosterClient[]): number {
  const ours = new Set(
    [...clients.map((c) => c.tabName), ...MANAGED_SHEETS].map((n) => n.trim().toLowerCase()),
  );
  const sheets = ss.getSheets();
  for (let index = sheets.length - 1; index >= 0; index--)
    if (ours.has(sheets[index].getName().trim().toLowerCase())) return index + 1;
  return sheets.length;
}

export function createClient(input: NewClientInput): Outcome<CreatedClient> {
  return withDocumentLock(() => {
    const { ss, zone, settings, roster, clients } = openRoster();
    const taken = [...MANAGED_SHEETS, ...clients.map((c) => c.name), ...clients.map((c) => c.tabName)];
    const parsed = parseNewClient(input, taken, settings.cadence, zone.locale);
    if (!parsed.ok) return refusal(parsed.errors, FIX_FIELDS);
    const client = parsed.value;
    if (ss.getSheetByName(client.name)) {
      const message = `There is already a tab called "${client.name}".`;
      return { ok: false, errors: [{ field: 'name', message }], message };
    }
    const payments = readTable(ss, PAYMENTS);
    const requests = readTable(ss, REQUESTS);
    const clientId = nextClientId(roster);

    let tab: GoogleAppsScript.Spreadsheet.Sheet;
    try {
      tab = ss.insertSheet(client.name, placeAfterClientTabs(ss, clients));
    } catch (error) {
      const message = `Sheets would not create a tab called "${client.name}": ${(error as Error).message}`;
      return { ok: false, errors: [{ field: 'name', message }], message };
    }
    try {
      const block = buildClientTab(client, clientId, zone, payments, requests);
      trimTab(tab, block.logHeaderRow + LOG_BLOCK_ROWS, block.values[0].length);
      writeBlock(sheetAt(tab), 1, 1, block.values);
      const firstLogRow = block.logHeaderRow + 1;
      tab
        .getRange(firstLogRow, 1, tab.getMaxRows() - block.logHeaderRow, 1)
        .setNumberFormat(settings.dateFormat);
      tab.getRange(3, 2).setNumberFormat(settings.dateFormat);
      const satisfactionColumn = 2 + client.metrics.length;
      tab
        .getRange(firstLogRow, satisfactionColumn, tab.getMaxRows() - block.logHeaderRow, 1)
        .setDataValidation(
          SpreadsheetApp.newDataValidation()
            .requireNumberBetween(1, 10)
            .setAllowInvalid(false)
            .setHelpText('A whole number from 1 to 10.')
            .build(),
        );
      tab
        .getRange(block.logHeaderRow, 1, 1, 1 + satisfactionColumn + 3)
        .protect()
        .setDescription('ClientTabs: log header')
        .setWarningOnly(true);
      const sheetId = tab.getSheetId();
      const address = logAddressOfNewTab(block, client.name, sheetId);
      address.metrics.forEach((metric, index) => {
        const definition = client.metrics[index];
        if (definition.baseline === null || definition.target === null) {
          metric.baselineCell = null;
          metric.targetCell = null;
        }
      });

      const rosterRow = roster.lastRow + 2;
      ensureRows(roster.sheet, rosterRow);
      const cells = new Map<number, unknown>();
      const put = (key: string, value: unknown) => {
        if (roster.col[key] >= 0) cells.set(roster.col[key], value);
      };
      put('clientId', asText(clientId));
      put('name', asText(client.name));
      put('status', 'Active');
      put('clientType', client.clientType);
      put('startDate', dayToCell(client.startDay, zone));
      put('program', asText(client.program));
      put('programMonths', client.programMonths ?? '');
      put('monthlyFee', client.monthlyFee ?? '');
      put('yearlyProfit', client.yearlyProfit ?? '');
      put('cadenceDays', client.cadenceDays);
      put('tabId', sheetId);
      for (const [key, formula] of Object.entries(liveLinks(address, rosterRow, roster))) put(key, formula);
      put('hoursPerMonth', ''); // keeps the row's advice cells in the same write run as the links
      const satisfaction = {
        tabName: client.name,
        firstRow: address.firstRow,
        weekColumn: 1,
        satisfactionColumn,
      };
      // Rates at Set up's columns (reading it would cost 3 calls); Sheets moves the references if its columns move.
      const advice = adviceLinks(roster, rosterRow, { payments, requests, rates: null }, satisfaction);
      for (const [key, formula] of Object.entries(advice)) put(key, formula);
      writeCells(roster.sheet, rosterRow, cells);
      setIndexedClient(clientId, {
        sheetId,
        name: client.name,
        width: tab.getMaxColumns(),
      });
      return {
        ok: true,
        value: { clientId, name: client.name, tabName: client.name, sheetId, clientType: client.clientType },
      };
    } catch (error) {
      // Nothing half-made stays behind: the roster row is the last write, so only the tab can exist here.
      ss.deleteSheet(tab);
      throw error;
    }
  });
}
