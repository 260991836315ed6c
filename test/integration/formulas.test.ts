/**
 * The formulas as a user meets them: typed into cells of the emulator's spreadsheet, over real
 * ranges with blanks, text, dates and other tabs, computed by the BUILT dist/Code.js with Sheets'
 * argument marshaling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEmulator } from '../../dev/emulator';

const code = fs.readFileSync(path.resolve(__dirname, '../../dist/Code.js'), 'utf8');

function workbook(opts: Parameters<typeof createEmulator>[0] = {}) {
  const emulator = createEmulator({ now: () => new Date('2026-11-22T15:00:00Z'), ...opts });
  emulator.loadBundle(code);
  const ss = emulator.spreadsheet;
  const sheet = ss.getSheets()[0];
  return { emulator, ss, sheet };
}

const utcDay = (iso: string) => new Date(`${iso}T05:00:00Z`); // midnight in America/New_York (EST)

describe('=CLIENT_* typed into cells', () => {
  it('=CLIENT_LTV(3500, 3.2) shows 11200', () => {
    const { sheet } = workbook();
    sheet.getRange('A1').setFormula('=CLIENT_LTV(3500, 3.2)');
    expect(sheet.getRange('A1').getValue()).toBeCloseTo(11200, 9);
  });

  it('=CLIENT_LTV(E2:E, F2:F) fills a column, leaves blank rows blank and reads typed money', () => {
    const { sheet } = workbook();
    sheet.getRange('E1:F5').setValues([
      ['Yearly profit', 'Years'],
      [3500, 3.2],
      ['', ''],
      ['$1,200', 2],
      [2000, 0.5],
    ]);
    sheet.getRange('G2').setFormula('=CLIENT_LTV(E2:E, F2:F)');
    const [[first], [second], [third], [fourth], [fifth]] = sheet.getRange('G2:G6').getValues();
    expect(first).toBeCloseTo(11200, 9);
    expect(second).toBe('');
    expect(third).toBe(2400);
    expect(fourth).toBe(1000);
    expect(fifth).toBe(''); // rows past the data stay blank
  });

  it('says which argument and which row could not be read', () => {
    const { emulator, sheet } = workbook();
    sheet.getRange('A1:B3').setValues([
      [3500, 3.2],
      [3500, 1],
      [3500, 'abc'],
    ]);
    sheet.getRange('C1').setFormula('=CLIENT_LTV(A1:A3, B1:B3)');
    expect(sheet.getRange('C1').getValue()).toBe('#ERROR!');
    expect(emulator.explain(sheet.getName(), 'C1')).toBe(
      'CLIENT_LTV: lifespan_years must be a number of years; got "abc" (row 3)',
    );
  });

  it('says so when ranges have different shapes', () => {
    const { emulator, sheet } = workbook();
    sheet.getRange('C1').setFormula('=CLIENT_LTV(A1:A10, B1:B9)');
    expect(sheet.getRange('C1').getValue()).toBe('#ERROR!');
    expect(emulator.explain(sheet.getName(), 'C1')).toMatch(
      /^CLIENT_LTV: yearly_profit is 10 rows × 1 column but lifespan_years is 9 rows × 1 column/,
    );
  });

  it('reads ranges on another tab whose name needs quotes', () => {
    const { ss, sheet } = workbook();
    const acme = ss.insertSheet('Acme Co');
    acme.getRange('C2:C3').setValues([[2], [4]]);
    sheet.getRange('A1:A2').setValues([[1000], [500]]);
    sheet.getRange('B1').setFormula("=CLIENT_LTV(A1:A2, 'Acme Co'!C2:C3)");
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[2000], [2000]]);
  });

  it('CLIENT_LIFESPAN over roster dates: ten ended clients whose stays add up to 32 years give 3.2', () => {
    const { sheet } = workbook();
    const years = [1, 2, 3, 4, 5, 5, 4, 3, 3, 2]; // 32 in total
    const rows = years.map((y, i) => {
      const start = utcDay(`201${i % 5}-01-01`);
      const end = new Date(start.getTime() + y * 365.25 * 24 * 3600 * 1000);
      return [start, end];
    });
    sheet.getRange(2, 1, rows.length, 2).setValues(rows);
    sheet.getRange('D1').setFormula('=CLIENT_LIFESPAN(A2:A, B2:B)');
    sheet.getRange('D2').setFormula('=CLIENT_LIFESPAN(A2:A, B2:B, "km")');
    expect(sheet.getRange('D1').getValue()).toBeCloseTo(3.2, 2);
    expect(sheet.getRange('D2').getValue()).toBeCloseTo(3.2, 2);
  });

  it('CLIENT_RETENTION spills a cohort table; it shows #REF! when a typed cell is in the way', () => {
    const { emulator, sheet } = workbook();
    sheet.getRange('A1:B5').setValues([
      [utcDay('2026-01-10'), ''],
      [utcDay('2026-01-20'), utcDay('2026-03-25')],
      [utcDay('2026-02-03'), ''],
      ['', ''],
      [utcDay('2026-02-14'), utcDay('2026-02-28')],
    ]);
    sheet.getRange('D1').setFormula('=CLIENT_RETENTION(A1:A5, B1:B5, 3, "2026-11-22")');
    const table = sheet.getRange('D1:G3').getValues();
    expect(table[0]).toEqual(['Cohort', 'Month 0', 'Month 1', 'Month 2']);
    expect(table[1][0]).toBeInstanceOf(Date);
    expect(table[1].slice(1)).toEqual([1, 1, 1]);
    expect(table[2].slice(1)).toEqual([1, 0.5, 0.5]);
    expect(sheet.getRange('D4').getValue()).toBe(''); // nothing spills past the cohorts

    sheet.getRange('F2').setValue('my note');
    expect(sheet.getRange('D1').getValue()).toBe('#REF!');
    expect(sheet.getRange('F2').getValue()).toBe('my note');
    expect(emulator.explain(sheet.getName(), 'D1')).toMatch(/overwrite data in F2/);
  });

  it('reads dates typed as text in the spreadsheet locale', () => {
    const { sheet, ss } = workbook({ locale: 'en_GB' });
    expect(ss.getSpreadsheetLocale()).toBe('en_GB');
    sheet.getRange('A1:B2').setValues([
      ["'01/03/2024", "'31/03/2024"],
      [utcDay('2024-01-01'), ''],
    ]);
    sheet.getRange('C1').setFormula('=CLIENT_CHURN(A1:A2, B1:B2, "2024-03-15", "2024-04-30")');
    // Client 1 started 1 March (before the period) and ended 31 March (inside it): 1 of 2 left.
    expect(sheet.getRange('C1').getValue()).toBe(0.5);
  });

  it('reads a percent cell as a fraction and nests formulas', () => {
    const { sheet } = workbook();
    sheet.getRange('A1').setValue('50%');
    sheet.getRange('B1').setFormula('=CLIENT_MAX_CAC(CLIENT_LTV(3500, 3.2), 4)');
    sheet.getRange('C1').setFormula('=CLIENT_PROGRESS(30, 25, 20)');
    expect(sheet.getRange('A1').getValue()).toBe(0.5);
    expect(sheet.getRange('B1').getValue()).toBeCloseTo(2800, 9);
    expect(sheet.getRange('C1').getValue()).toBeCloseTo(0.5, 12);
  });

  it('CLIENT_TREND gives the slope per week from a weekly log with gaps', () => {
    const { sheet } = workbook();
    sheet.getRange('A1:B5').setValues([
      [utcDay('2026-10-05'), 100],
      [utcDay('2026-10-12'), 110],
      [utcDay('2026-10-19'), ''],
      [utcDay('2026-10-26'), 130],
      ['', ''],
    ]);
    sheet.getRange('D1').setFormula('=CLIENT_TREND(B1:B5, A1:A5)');
    expect(sheet.getRange('D1').getValue()).toBeCloseTo(10, 9);
  });

  it('reads money typed as text in a de_DE spreadsheet, and the new locale once an input changes', () => {
    const { ss, sheet } = workbook({ locale: 'de_DE', timeZone: 'Europe/Berlin' });
    sheet.getRange('A1:A4').setNumberFormat('@'); // typed as text, so the formula parses it
    sheet.getRange('A1:B4').setValues([
      ['3.500,50 €', 2],
      ['¥350.000', '1,5'],
      ['3,5k', 2],
      ['3.500', 1],
    ]);
    sheet.getRange('C1').setFormula('=CLIENT_LTV(A1:A4, B1:B4)');
    expect(sheet.getRange('C1:C4').getValues()).toEqual([[7001], [525000], [7000], [3500]]);
    ss.setSpreadsheetLocale('en_US');
    // Sheets keeps a custom function's result until an argument's value changes: the old one stays...
    expect(sheet.getRange('C4').getValue()).toBe(3500);
    // ...until the user changes an input; then "3.500" with one dot is read the en_US way, as 3.5.
    sheet.getRange('B4').setValue(2);
    expect(sheet.getRange('C4').getValue()).toBe(7);
  });

  it('reads no tab by name: a formula only asks for the locale and time zone', () => {
    const { emulator, ss, sheet } = workbook();
    ss.insertSheet('Clients').getRange('A1').setValue('not read');
    sheet.getRange('A1:B3').setValues([
      [utcDay('2024-01-10'), ''],
      [utcDay('2024-02-01'), utcDay('2024-06-01')],
      ['2024-03-05', ''],
    ]);
    emulator.calls.reset();
    emulator.customFunctionCalls.reset();
    sheet.getRange('D1').setFormula('=CLIENT_LIFESPAN(A1:A3, B1:B3, "km", "2024-12-31")');
    expect(sheet.getRange('D1').getValue()).toBeGreaterThan(0);
    // The formula runs in an execution of its own: its calls are logged apart from the test's.
    expect(Object.keys(emulator.customFunctionCalls.byMethod()).sort()).toEqual([
      'Spreadsheet.getSpreadsheetLocale',
      'Spreadsheet.getSpreadsheetTimeZone',
      'SpreadsheetApp.getActiveSpreadsheet',
    ]);
    expect(emulator.calls.byMethod()).toEqual({
      'Sheet.getRange': 2,
      'Range.setFormula': 1,
      'Range.getValue': 1,
    });
  });

  it('gives a clear message for checkboxes, times and error cells in a date column', () => {
    const { emulator, sheet } = workbook();
    sheet.getRange('A1:B3').setValues([
      [utcDay('2024-01-10'), true],
      [utcDay('2024-02-01'), ''],
      [utcDay('2024-03-01'), ''],
    ]);
    sheet.getRange('D1').setFormula('=CLIENT_LIFESPAN(A1:A3, B1:B3)');
    expect(sheet.getRange('D1').getValue()).toBe('#ERROR!');
    expect(emulator.explain(sheet.getName(), 'D1')).toBe(
      'CLIENT_LIFESPAN: end_dates must be a date; got TRUE (row 1)',
    );
    sheet.getRange('B1').setValue('9:30');
    expect(sheet.getRange('D1').getValue()).toBe('#ERROR!');
    expect(emulator.explain(sheet.getName(), 'D1')).toBe(
      'CLIENT_LIFESPAN: end_dates must be on or after the start date 2024-01-10; got 1899-12-30 (row 1)',
    );
    sheet.getRange('B1').setFormula('=CLIENT_LTV("abc", 1)');
    expect(sheet.getRange('D1').getValue()).toBe('#ERROR!');
    expect(emulator.explain(sheet.getName(), 'D1')).toBe(
      'CLIENT_LIFESPAN: end_dates must be a date; got "#ERROR!" (row 1)',
    );
  });

  it('CLIENT_PROGRESS works down a column where the goal is to go down', () => {
    const { sheet } = workbook();
    sheet.getRange('A1:C3').setValues([
      ['$30', '$25', '$20'],
      [80, 60, 40],
      ['', '', ''],
    ]);
    sheet.getRange('D1').setFormula('=CLIENT_PROGRESS(A1:A3, B1:B3, C1:C3)');
    expect(sheet.getRange('D1:D3').getValues()).toEqual([[0.5], [0.5], ['']]);
  });

  it('CLIENT_CHURN gives one churn per month when the periods are columns', () => {
    const { sheet } = workbook();
    sheet.getRange('A1:B4').setValues([
      [utcDay('2025-11-01'), utcDay('2026-01-20')],
      [utcDay('2025-11-15'), ''],
      [utcDay('2025-12-01'), utcDay('2026-02-10')],
      [utcDay('2025-12-20'), ''],
    ]);
    sheet.getRange('D1:E2').setValues([
      [utcDay('2026-01-01'), utcDay('2026-01-31')],
      [utcDay('2026-02-01'), utcDay('2026-02-28')],
    ]);
    sheet.getRange('F1').setFormula('=CLIENT_CHURN(A1:A4, B1:B4, D1:D2, E1:E2)');
    // January: 4 active on Jan 1, 1 left. February: 3 active on Feb 1, 1 left.
    expect(sheet.getRange('F1:F2').getValues()).toEqual([[0.25], [1 / 3]]);
  });

  it('recalculates when an argument cell changes', () => {
    const { sheet } = workbook();
    sheet.getRange('A1:B1').setValues([[1000, 2]]);
    sheet.getRange('C1').setFormula('=CLIENT_LTV(A1, B1)');
    expect(sheet.getRange('C1').getValue()).toBe(2000);
    sheet.getRange('B1').setValue(3);
    expect(sheet.getRange('C1').getValue()).toBe(3000);
  });
});

describe('a date argument reads as its calendar day, however Sheets builds the Date', () => {
  // appsscript.json fixes the script's zone; the spreadsheet's is the user's.
  const scriptTimeZone = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../appsscript.json'), 'utf8'))
    .timeZone as string;
  const modes = ['spreadsheet-midnight', 'script-midnight'] as const;
  const zones = ['America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata'];

  for (const timeZone of zones) {
    for (const customFunctionDates of modes) {
      it(`in a ${timeZone} spreadsheet, dates built at ${customFunctionDates}`, () => {
        const { emulator, sheet } = workbook({ timeZone, scriptTimeZone, customFunctionDates });
        // Typed as a user types them: Sheets stores dates, and the formulas receive Dates.
        sheet.getRange('A1:B1').setValues([['2023-06-01', '2024-01-01']]);
        sheet.getRange('C1').setFormula('=CLIENT_CHURN(A1, B1, "2024-01-01", "2024-12-31")');
        sheet.getRange('D1').setFormula('=CLIENT_LTV(B1, 1)');
        // Ended on the period's first day: active at its start and gone within it, so churn is 100%.
        expect(sheet.getRange('C1').getValue()).toBe(1);
        expect(emulator.explain(sheet.getName(), 'D1')).toBe(
          'CLIENT_LTV: yearly_profit must be an amount of money; got the date 2024-01-01',
        );
      });
    }
  }
});
