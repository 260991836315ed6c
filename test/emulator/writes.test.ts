import { createEmulator } from '../../dev/emulator';

function sheet(locale?: string) {
  const emu = createEmulator(locale ? { locale, timeZone: 'Europe/Berlin' } : {});
  return { emu, sh: emu.spreadsheet.getSheets()[0] };
}

describe('strings written by setValue(s) are read like typed text', () => {
  it('"=" makes a formula, a leading apostrophe keeps text', () => {
    const { sh } = sheet();
    sh.getRange('A1:A2').setValues([['=CLIENT_X(1)'], ["'=not a formula"]]);
    expect(sh.getRange('A1').getFormula()).toBe('=CLIENT_X(1)');
    expect(sh.getRange('A2').getValue()).toBe('=not a formula');
    expect(sh.getRange('A2').getFormula()).toBe('');
  });

  it('plain-text format "@" keeps strings verbatim', () => {
    const { sh } = sheet();
    const r = sh.getRange('A1:A3');
    r.setNumberFormat('@');
    r.setValues([['=1+1'], ['007'], ['-foo']]);
    expect(r.getValues()).toEqual([['=1+1'], ['007'], ['-foo']]);
    expect(r.getFormulas()).toEqual([[''], [''], ['']]);
  });

  it('"+foo", "-foo", "@foo" become broken formulas showing #ERROR!', () => {
    const { emu, sh } = sheet();
    sh.getRange('A1:A3').setValues([['+foo'], ['-call me'], ['@handle']]);
    expect(sh.getRange('A1:A3').getValues()).toEqual([['#ERROR!'], ['#ERROR!'], ['#ERROR!']]);
    expect(sh.getRange('A2').getFormula()).toBe('=-call me');
    expect(emu.explain('Sheet1', 'A1')).toBe('Formula parse error.');
  });

  it('numbers, percentages, currency, booleans and dates are parsed (en_US)', () => {
    const { sh } = sheet();
    sh.getRange('A1:A9').setValues([
      ['12'],
      ['1,234.5'],
      ['12%'],
      ['$1,200'],
      ['-3'],
      ['TRUE'],
      ['3/1/2024'],
      ['2024-03-01'],
      ['Acme'],
    ]);
    const v = sh
      .getRange('A1:A9')
      .getValues()
      .map((r) => r[0]);
    expect(v.slice(0, 6)).toEqual([12, 1234.5, 0.12, 1200, -3, true]);
    expect(v[6]).toEqual(new Date('2024-03-01T05:00:00Z'));
    expect(v[7]).toEqual(new Date('2024-03-01T05:00:00Z'));
    expect(v[8]).toBe('Acme');
    expect(sh.getRange('A3').getDisplayValue()).toBe('12%');
    expect(sh.getRange('A4').getDisplayValue()).toBe('$1,200');
  });

  it('dates follow the spreadsheet locale (de_DE)', () => {
    const { sh } = sheet('de_DE');
    sh.getRange('A1:A3').setValues([['1.3.2024'], ['1,5'], ['3/1/2024']]);
    const v = sh.getRange('A1:A3').getValues();
    expect(v[0][0]).toEqual(new Date('2024-02-29T23:00:00Z')); // midnight in Berlin
    expect(v[1][0]).toBe(1.5);
    expect(sh.getRange('A1').getDisplayValue()).toBe('01.03.2024');
  });

  it('JS values stay what they are', () => {
    const { sh } = sheet();
    const d = new Date('2024-05-06T07:08:09Z');
    sh.getRange('A1:D1').setValues([[12, true, d, null]]);
    expect(sh.getRange('A1:D1').getValues()).toEqual([[12, true, d, '']]);
    sh.getRange('A2:B2').setValues([['+1 555 0100', '-5']]);
    expect(sh.getRange('A2:B2').getValues()).toEqual([['#ERROR!', -5]]);
  });

  it('appendRow writes after the last row and grows the grid', () => {
    const { sh } = sheet();
    sh.getRange(1000, 1).setValue('last');
    sh.appendRow(['next', '5']);
    expect(sh.getMaxRows()).toBe(1001);
    expect(sh.getRange(1001, 1, 1, 2).getValues()).toEqual([['next', 5]]);
  });
});

describe('display values and number formats', () => {
  it('formats numbers with common patterns', () => {
    const { sh } = sheet();
    const cases: [number, string, string][] = [
      [1234.567, '0', '1235'],
      [1234.567, '0.0', '1234.6'],
      [1234.567, '0.00', '1234.57'],
      [1234.567, '#,##0', '1,235'],
      [1234.567, '#,##0.00', '1,234.57'],
      [1234.567, '$#,##0', '$1,235'],
      [-1234.567, '$#,##0.00', '-$1,234.57'],
      [1234.567, '[$€]#,##0.00', '€1,234.57'],
      [0.256, '0%', '26%'],
      [0.256, '0.0%', '25.6%'],
    ];
    cases.forEach(([v, f], i) => {
      sh.getRange(i + 1, 1).setValue(v);
      sh.getRange(i + 1, 1).setNumberFormat(f);
    });
    expect(
      sh
        .getRange(1, 1, cases.length, 1)
        .getDisplayValues()
        .map((r) => r[0]),
    ).toEqual(cases.map((c) => c[2]));
    expect(sh.getRange(1, 1).getNumberFormat()).toBe('0');
  });

  it('formats dates with patterns and by locale by default', () => {
    const { sh } = sheet();
    const d = new Date('2024-03-01T05:00:00Z');
    const fmts = ['yyyy-mm-dd', 'm/d/yyyy', 'd mmm yyyy', 'mmm yyyy', ''];
    fmts.forEach((f, i) => {
      sh.getRange(i + 1, 1).setValue(d);
      if (f) sh.getRange(i + 1, 1).setNumberFormat(f);
    });
    expect(
      sh
        .getRange('A1:A5')
        .getDisplayValues()
        .map((r) => r[0]),
    ).toEqual(['2024-03-01', '3/1/2024', '1 Mar 2024', 'Mar 2024', '3/1/2024']);
    const gb = createEmulator({ locale: 'en_GB', timeZone: 'Europe/London' });
    const r = gb.spreadsheet.getSheets()[0].getRange('A1');
    r.setValue('01/03/2024');
    expect(r.getDisplayValue()).toBe('01/03/2024');
    expect(r.getValue()).toEqual(new Date('2024-03-01T00:00:00Z'));
  });

  it('shows numbers like Sheets by default, booleans and errors as text', () => {
    const { sh } = sheet();
    sh.getRange('A1:A5').setValues([[1 / 3], [0.1 + 0.2], [1234567], [true], ['+x']]);
    expect(
      sh
        .getRange('A1:A5')
        .getDisplayValues()
        .map((r) => r[0]),
    ).toEqual(['0.3333333333', '0.3', '1234567', 'TRUE', '#ERROR!']);
  });
});
