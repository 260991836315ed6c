import { createEmulator } from '../../dev/emulator';

const CODE = `
function today() {
  var d = new Date();
  return [Date.now(), d.getTime(), d.getFullYear(), d.getMonth(), d.getDate(), typeof Date(), Date().slice(4, 15)];
}
function otherForms() {
  return [
    new Date(2024, 0, 15).getFullYear(),
    new Date(86400000).getTime(),
    new Date('2024-02-29T00:00:00Z').getTime() === Date.UTC(2024, 1, 29),
    Date.parse('2024-02-29T00:00:00Z'),
    new Date() instanceof Date,
    new Date(1).constructor === Date,
    Object.prototype.toString.call(new Date()),
  ];
}
function subclass() {
  class Stamp extends Date {}
  var s = new Stamp();
  return [s instanceof Stamp, s instanceof Date, s.getTime(), new Stamp(5).getTime()];
}
function marshaled() {
  var v = SpreadsheetApp.getActiveSheet().getRange('A1').getValue();
  return [v instanceof Date, v.constructor === Date, v.getTime()];
}
function CLIENT_NOW(d) { return [[new Date().getTime(), d instanceof Date]]; }
`;

const MARCH_12 = Date.parse('2025-03-12T15:00:00Z');

describe("the emulator's clock inside the bundle", () => {
  it('Date.now(), new Date() and Date() read createEmulator({ now })', () => {
    const emu = createEmulator({ now: () => new Date(MARCH_12), timeZone: 'UTC' });
    const bundle = emu.loadBundle(CODE);
    const [now, time, year, month, date, type] = bundle.call('today') as unknown[];
    expect([now, time, year, month, date, type]).toEqual([MARCH_12, MARCH_12, 2025, 2, 12, 'string']);
    expect((bundle.call('today') as unknown[])[6]).toBe('Mar 12 2025');
  });

  it('follows a clock that moves', () => {
    let time = MARCH_12;
    const emu = createEmulator({ now: () => new Date(time) });
    const bundle = emu.loadBundle(CODE);
    expect((bundle.call('today') as number[])[0]).toBe(MARCH_12);
    time += 86_400_000;
    expect((bundle.call('today') as number[]).slice(0, 2)).toEqual([time, time]);
  });

  it('keeps every other Date form, statics, instanceof and subclasses', () => {
    const emu = createEmulator({ now: () => new Date(MARCH_12) });
    const bundle = emu.loadBundle(CODE);
    expect(bundle.call('otherForms')).toEqual([
      2024,
      86400000,
      true,
      Date.UTC(2024, 1, 29),
      true,
      true,
      '[object Date]',
    ]);
    expect(bundle.call('subclass')).toEqual([true, true, MARCH_12, 5]);
  });

  it('hands the bundle Dates of its own realm, in calls and in custom functions', () => {
    const emu = createEmulator({ now: () => new Date(MARCH_12), timeZone: 'UTC' });
    const bundle = emu.loadBundle(CODE);
    const sheet = emu.spreadsheet.getSheets()[0];
    sheet.getRange('A1').setValue(new Date(Date.UTC(2025, 0, 2)));
    expect(bundle.call('marshaled')).toEqual([true, true, Date.UTC(2025, 0, 2)]);
    sheet.getRange('B1').setFormula('=CLIENT_NOW(A1)');
    expect(sheet.getRange('B1:C1').getValues()).toEqual([[MARCH_12, true]]);
  });
});
