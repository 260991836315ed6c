/**
 * The benchmark's generated workbook is the one the add-on would have made: tabs and roster rows from
 * rpcCreateClient, formulas back in place after generation, logs grown in whole blocks, and the index
 * knowing how many rows each tab uses.
 */
import { generateWorkbook } from '../../dev/bench/workbook';
import { LOG_BLOCK_ROWS } from '../../src/workbook/client-tab';

const WEEKS = 60;
const book = generateWorkbook(3, WEEKS);
const ss = book.emulator.spreadsheet;

test('each client has a tab holding one row per week, in a tab grown by whole blocks', () => {
  for (const client of book.clients) {
    const tab = ss.getSheetByName(client.tabName);
    if (!tab) throw new Error(`no tab ${client.tabName}`);
    const column = tab
      .getRange(1, 1, tab.getMaxRows(), 1)
      .getValues()
      .map((row) => row[0]);
    const header = column.indexOf('Week of') + 1;
    const weeks = column.slice(header).filter((value) => value instanceof Date);
    expect(weeks).toHaveLength(WEEKS);
    // Created with a year of rows and grown a year at a time, like the add-on's growTab.
    expect((tab.getMaxRows() - header) % LOG_BLOCK_ROWS).toBe(0);
    expect(tab.getMaxRows()).toBeGreaterThanOrEqual(header + WEEKS);
    expect(tab.getMaxRows()).toBeLessThan(header + WEEKS + LOG_BLOCK_ROWS);
  }
});

test(
  'the roster keeps every live link and each tab its payments and requests previews, ' +
    'as the add-on wrote them',
  () => {
    const roster = ss.getSheetByName('Clients');
    if (!roster) throw new Error('no roster');
    const formulas = roster.getDataRange().getFormulas();
    book.clients.forEach((client, index) => {
      const row = formulas[index + 1];
      expect(row.filter((f) => f.includes(`'${client.tabName}'!`)).length).toBeGreaterThanOrEqual(6);
      const tab = ss.getSheetByName(client.tabName);
      expect(tab?.getRange('H3').getFormula()).toMatch(/^=IFERROR\(ARRAY_CONSTRAIN\(SORT\(FILTER\(/);
      expect(tab?.getRange('M3').getFormula()).toMatch(/^=IFERROR\(ARRAY_CONSTRAIN\(SORT\(FILTER\(/);
    });
  },
);

test('the index knows each tab and the rows it uses, as rememberRows would', () => {
  for (const client of book.clients) {
    const entry = JSON.parse(
      book.emulator.properties.document.get(`clienttabs.client.${client.clientId}`) ?? 'null',
    );
    const tab = ss.getSheetByName(client.tabName);
    expect(entry).toMatchObject({ name: client.tabName, sheetId: tab?.getSheetId() });
    const header =
      tab
        ?.getRange(1, 1, 20, 1)
        .getValues()
        .findIndex((row) => row[0] === 'Week of') ?? -1;
    expect(entry.rows).toBe(header + 1 + WEEKS);
  }
});
