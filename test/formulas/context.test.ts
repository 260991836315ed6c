import { getFormulaContext, setFormulaContextProvider } from '../../src/formulas/context';
import { dayOfDateInZone, midnightInZone } from '../../src/core/time-zone';
import { formatIsoDay, parseIsoDay } from '../../src/core/dates';

const globals = globalThis as { SpreadsheetApp?: unknown };

afterEach(() => {
  delete globals.SpreadsheetApp;
  setFormulaContextProvider(null);
});

describe('getFormulaContext', () => {
  it('falls back to en_US and UTC outside Apps Script', () => {
    setFormulaContextProvider(null);
    expect(getFormulaContext()).toMatchObject({ locale: 'en_US', timeZone: 'UTC' });
  });

  it('reads the spreadsheet locale and time zone once per execution', () => {
    const getActiveSpreadsheet = jest.fn(() => ({
      getSpreadsheetLocale: () => 'de_DE',
      getSpreadsheetTimeZone: () => 'Europe/Berlin',
    }));
    globals.SpreadsheetApp = { getActiveSpreadsheet };
    setFormulaContextProvider(null);
    expect(getFormulaContext()).toMatchObject({ locale: 'de_DE', timeZone: 'Europe/Berlin' });
    getFormulaContext();
    expect(getActiveSpreadsheet).toHaveBeenCalledTimes(1);
  });

  it('falls back when the spreadsheet cannot be read', () => {
    globals.SpreadsheetApp = {
      getActiveSpreadsheet: () => {
        throw new Error('no access');
      },
    };
    setFormulaContextProvider(null);
    expect(getFormulaContext()).toMatchObject({ locale: 'en_US', timeZone: 'UTC' });
  });

  it('fills whatever an injected provider leaves out', () => {
    setFormulaContextProvider(() => ({ locale: 'en_GB' }));
    const context = getFormulaContext();
    expect(context).toMatchObject({ locale: 'en_GB', timeZone: 'UTC' });
    expect(context.today).toBeInstanceOf(Date);
  });
});

describe('time zones', () => {
  it('reads a Sheets date (midnight in the spreadsheet zone) as its calendar day', () => {
    const cases: [string, string][] = [
      ['2024-03-01T05:00:00Z', 'America/New_York'], // EST
      ['2024-02-29T23:00:00Z', 'Europe/Berlin'], // CET
      ['2024-02-29T10:00:00Z', 'Pacific/Kiritimati'], // UTC+14
      ['2024-03-01T11:00:00Z', 'Pacific/Pago_Pago'], // UTC-11
      ['2024-03-01T00:00:00Z', 'UTC'],
    ];
    for (const [instant, zone] of cases) {
      expect(formatIsoDay(dayOfDateInZone(new Date(instant), zone) as number)).toBe('2024-03-01');
    }
  });

  it('makes the Date that Sheets shows as a given day, across daylight saving time', () => {
    const day = (iso: string): number => parseIsoDay(iso) as number;
    expect(midnightInZone(day('2024-07-01'), 'Europe/Berlin').toISOString()).toBe('2024-06-30T22:00:00.000Z');
    expect(midnightInZone(day('2024-01-01'), 'Europe/Berlin').toISOString()).toBe('2023-12-31T23:00:00.000Z');
    expect(midnightInZone(day('2024-03-10'), 'America/New_York').toISOString()).toBe(
      '2024-03-10T05:00:00.000Z',
    );
    expect(midnightInZone(day('2024-03-11'), 'America/New_York').toISOString()).toBe(
      '2024-03-11T04:00:00.000Z',
    );
  });

  it('reads an unknown zone as UTC rather than failing', () => {
    expect(formatIsoDay(dayOfDateInZone(new Date('2024-03-01T00:00:00Z'), 'Mars/Olympus') as number)).toBe(
      '2024-03-01',
    );
  });
});
