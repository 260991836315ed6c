import { createEmulator } from '../../dev/emulator';

const CODE = `
function CLIENT_ECHO(a) {
  if (Array.isArray(a)) return JSON.stringify(a.map(function (r) { return r.map(describe_); }));
  return describe_(a);
}
function describe_(v) {
  if (v instanceof Date) return 'Date:' + v.toISOString();
  if (v === '') return 'blank';
  return typeof v + ':' + String(v);
}
function CLIENT_LTV(fee, months) { return fee * months; }
function CLIENT_MAX_CAC(ltv, ratio) { return ltv / ratio; }
function CLIENT_GRID(n) { var out = []; for (var i = 0; i < n; i++) out.push([i, 'r' + i]); return out; }
function CLIENT_ONE() { return [[7]]; }
function CLIENT_COL() { return [1, 2, 3]; }
function CLIENT_NULL() { return null; }
function CLIENT_DATE() { return new Date(Date.UTC(2024, 0, 15, 5)); }
function CLIENT_FAIL(x) { throw new Error('CLIENT_FAIL: argument 1 must be a number, got ' + x); }
function CLIENT_LOOP() { for (;;) {} }
function CLIENT_ROWS(r) { return r.length; }
function CLIENT_WRITE() { SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1); return 'wrote'; }
function CLIENT_READ() { return SpreadsheetApp.getActiveSheet().getRange('A1').getValue(); }
function CLIENT_UI() { SpreadsheetApp.getUi(); return 'ui'; }
function CLIENT_PROPS() { return PropertiesService.getDocumentProperties().getProperty('x'); }
function CLIENT_USER() { return 'user:' + Session.getActiveUser().getEmail(); }
function CLIENT_BOOL(x) { return x > 0; }
function CLIENT_INF() { return 1 / 0; }
function CLIENT_NAN() { return [[1, NaN]]; }
function CLIENT_MINS(n) { var s = 0; for (var i = 0; i < n; i++) s += Math.min(i, 5); return s; }
function CLIENT_LOCALE() { return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale(); }
`;

function setup(opts: Parameters<typeof createEmulator>[0] = {}) {
  const emu = createEmulator(opts);
  emu.loadBundle(CODE);
  const sh = emu.spreadsheet.getSheets()[0];
  return { emu, sh };
}

/** The values of a one-column range, top to bottom. */
const columnOf = (sh: GoogleAppsScript.Spreadsheet.Sheet, a1: string) =>
  sh
    .getRange(a1)
    .getValues()
    .map((r) => r[0]);

describe('custom function marshaling', () => {
  it('passes a single cell as its value, blanks as "", dates as Date, percents as fractions', () => {
    const { sh } = setup();
    sh.getRange('A1:A4').setValues([[3500], [''], ['3/1/2024'], ['10%']]);
    sh.getRange('B1:B5').setFormulas([
      ['=CLIENT_ECHO(A1)'],
      ['=CLIENT_ECHO(A2)'],
      ['=CLIENT_ECHO(A3)'],
      ['=CLIENT_ECHO(A4)'],
      ['=CLIENT_ECHO("a ""q""")'],
    ]);
    expect(sh.getRange('B1:B5').getValues()).toEqual([
      ['number:3500'],
      ['blank'],
      ['Date:2024-03-01T05:00:00.000Z'], // midnight in America/New_York
      ['number:0.1'],
      ['string:a "q"'],
    ]);
  });

  it("passes a time of day as a Date on 1899-12-30, Sheets' day zero, in the spreadsheet zone", () => {
    const { sh } = setup();
    sh.getRange('A1:A2').setValues([['9:30'], ['2:15 PM']]);
    sh.getRange('B1').setFormula('=CLIENT_ECHO(A1:A2)');
    expect(JSON.parse(sh.getRange('B1').getValue() as string)).toEqual([
      ['Date:1899-12-30T14:30:00.000Z'], // America/New_York was already on EST (UTC-5) in 1899
      ['Date:1899-12-30T19:15:00.000Z'],
    ]);
    expect(sh.getRange('A1:A2').getDisplayValues()).toEqual([['9:30:00 AM'], ['2:15:00 PM']]);
  });

  it('passes a multi-cell range as a 2D array, open-ended ranges up to the max row', () => {
    const { sh } = setup();
    sh.getRange('A1:B2').setValues([
      [1, 'x'],
      ['', true],
    ]);
    sh.getRange('D1').setFormula('=CLIENT_ECHO(A1:B2)');
    sh.getRange('D2').setFormula('=CLIENT_ROWS(A2:A)');
    expect(JSON.parse(sh.getRange('D1').getValue() as string)).toEqual([
      ['number:1', 'string:x'],
      ['blank', 'boolean:true'],
    ]);
    expect(sh.getRange('D2').getValue()).toBe(999);
  });

  it('reads other sheets by quoted name, numbers, booleans and nested calls', () => {
    const { emu, sh } = setup();
    const acme = emu.spreadsheet.insertSheet('Acme Co');
    acme.getRange('C2').setValue(12);
    sh.getRange('A1').setFormula("=CLIENT_ECHO('Acme Co'!C2)");
    sh.getRange('A2').setFormula('=CLIENT_LTV(3500, 3.2)');
    sh.getRange('A3').setFormula('=CLIENT_MAX_CAC(CLIENT_LTV(3500,3.2), 4)');
    sh.getRange('A4').setFormula('=CLIENT_ECHO(-2.5)');
    sh.getRange('A5').setFormula('=CLIENT_ECHO(TRUE)');
    sh.getRange('A6').setFormula('=client_ltv(2, 3)');
    expect(columnOf(sh, 'A1:A6')).toEqual(['number:12', 11200, 2800, 'number:-2.5', 'boolean:true', 6]);
  });

  it('recomputes lazily after writes and uses computed values of referenced formulas', () => {
    const { sh } = setup();
    sh.getRange('A1').setValue(2);
    sh.getRange('B1').setFormula('=CLIENT_LTV(A1, 10)');
    sh.getRange('C1').setFormula('=CLIENT_LTV(B1, 2)');
    expect(sh.getRange('C1').getValue()).toBe(40);
    sh.getRange('A1').setValue(3);
    expect(sh.getRange('B1:C1').getValues()).toEqual([[30, 60]]);
    expect(sh.getRange('C1').getFormula()).toBe('=CLIENT_LTV(B1, 2)');
    expect(sh.getRange('A1').getFormula()).toBe('');
  });
});

describe('results', () => {
  it("reads a quoted sheet name with a doubled quote as one quote ('Bob''s'!A1 is Bob's A1)", () => {
    const { emu, sh } = setup();
    emu.spreadsheet.insertSheet("Bob's").getRange('A1').setValue(21);
    sh.getRange('A1:A2').setFormulas([["='Bob''s'!A1*2"], ['=CLIENT_ECHO("it\'s")']]);
    expect(sh.getRange('A1:A2').getValues()).toEqual([[42], ["string:it's"]]);
  });

  it('spills a 2D array right and down', () => {
    const { emu, sh } = setup();
    sh.getRange('B2').setFormula('=CLIENT_GRID(3)');
    expect(sh.getRange('B2:C4').getValues()).toEqual([
      [0, 'r0'],
      [1, 'r1'],
      [2, 'r2'],
    ]);
    expect(sh.getRange('C3').getFormula()).toBe('');
    expect(sh.getLastRow()).toBe(4);
    expect(emu.explain('Sheet1', 'B2')).toBeUndefined();
  });

  it('shows #REF! when the spill would overwrite data', () => {
    const { emu, sh } = setup();
    sh.getRange('C3').setValue('mine');
    sh.getRange('B2').setFormula('=CLIENT_GRID(3)');
    expect(sh.getRange('B2').getValue()).toBe('#REF!');
    expect(sh.getRange('C3').getValue()).toBe('mine');
    expect(emu.explain('Sheet1', 'B2')).toBe(
      'Array result was not expanded because it would overwrite data in C3.',
    );
  });

  it('recomputes only what a write touches, including spills that become blocked or free', () => {
    const { sh } = setup();
    sh.getRange('A1').setValue(2);
    sh.getRange('B1').setFormula('=CLIENT_GRID(A1)');
    sh.getRange('D1').setFormula('=CLIENT_ECHO(C2)'); // reads the spill of B1
    expect(sh.getRange('D1').getValue()).toBe('string:r1');
    sh.getRange('C2').setValue('typed');
    expect(sh.getRange('B1:D1').getValues()).toEqual([['#REF!', '', 'string:typed']]);
    sh.getRange('C2').setValue('');
    expect(sh.getRange('B1:D2').getValues()).toEqual([
      [0, 'r0', 'string:r1'],
      [1, 'r1', ''],
    ]);
    sh.getRange('A1').setValue(1); // the spill shrinks
    expect(sh.getRange('B2:D2').getValues()).toEqual([['', '', '']]);
    expect(sh.getRange('D1').getValue()).toBe('blank');
    sh.getRange('B1').clearContent(); // the spill goes away
    expect(sh.getRange('B1:C1').getValues()).toEqual([['', '']]);
    expect(sh.getLastRow()).toBe(1);
  });

  it('stores single values, 1x1 arrays, null as blank, Dates, 1-D arrays as a column', () => {
    const { sh } = setup();
    sh.getRange('A1:A4').setFormulas([
      ['=CLIENT_ONE()'],
      ['=CLIENT_NULL()'],
      ['=CLIENT_DATE()'],
      ['=CLIENT_COL()'],
    ]);
    const v = sh.getRange('A1:A6').getValues();
    expect(v[0][0]).toBe(7);
    expect(v[1][0]).toBe('');
    expect(v[2][0]).toEqual(new Date(Date.UTC(2024, 0, 15, 5)));
    expect(v[2][0]).toBeInstanceOf(Date);
    expect(v.slice(3).map((r) => r[0])).toEqual([1, 2, 3]);
  });

  it('shows #ERROR! with the thrown message', () => {
    const { emu, sh } = setup();
    sh.getRange('A1').setFormula('=CLIENT_FAIL("x")');
    expect(sh.getRange('A1').getValue()).toBe('#ERROR!');
    expect(sh.getRange('A1').getDisplayValue()).toBe('#ERROR!');
    expect(emu.explain('Sheet1', 'A1')).toBe('CLIENT_FAIL: argument 1 must be a number, got x');
  });

  it('times out with Exceeded maximum execution time', () => {
    const { emu, sh } = setup({ customFunctionTimeoutMs: 200 });
    sh.getRange('A1').setFormula('=CLIENT_LOOP()');
    expect(sh.getRange('A1').getValue()).toBe('#ERROR!');
    expect(emu.explain('Sheet1', 'A1')).toBe('Exceeded maximum execution time (line 0).');
  });

  it('shows a returned boolean as TRUE/FALSE and a number that is not finite as #NUM!', () => {
    const { emu, sh } = setup();
    sh.getRange('A1:A4').setFormulas([
      ['=CLIENT_BOOL(1)'],
      ['=CLIENT_BOOL(-1)'],
      ['=CLIENT_INF()'],
      ['=CLIENT_NAN()'],
    ]);
    expect(sh.getRange('A1:A4').getValues()).toEqual([[true], [false], ['#NUM!'], [1]]);
    expect(sh.getRange('A1:A2').getDisplayValues()).toEqual([['TRUE'], ['FALSE']]);
    expect(emu.explain('Sheet1', 'A3')).toBe('The result is not a finite number.');
    expect(sh.getRange('B4').getValue()).toBe('#NUM!'); // a NaN inside a spilled array
  });

  it(
    'runs a two-million-step loop over Math in a formula (its cost against plain Node is a budget ' +
      'in npm run bench)',
    () => {
      const { sh } = setup();
      sh.getRange('A1').setFormula('=CLIENT_MINS(2000000)');
      expect(sh.getRange('A1').getValue()).toBe(5 * (2_000_000 - 6) + 15);
    },
  );

  it('computes built-ins and operators, around and inside custom functions', () => {
    const { emu, sh } = setup();
    sh.getRange('B1:B3').setValues([[1], [2], [4]]);
    sh.getRange('A1:A6').setFormulas([
      ['=SUM(B1:B3)'],
      ['=CLIENT_LTV(1,2)+1'],
      ['=HYPERLINK("#gid=0", "Acme")'],
      ['=CLIENT_LTV(SUM(B1:B2), 2)'],
      ['="a"&"b"'],
      ['=1+2*3^2'],
    ]);
    expect(columnOf(sh, 'A1:A6')).toEqual([7, 3, 'Acme', 6, 'ab', 19]);
    expect(emu.explain('Sheet1', 'A1')).toBeUndefined();
  });

  it('says which Sheets function the engine does not compute, instead of guessing', () => {
    const { emu, sh } = setup();
    sh.getRange('A1').setFormula('=IFERROR(QUERY(B1:B3, "select B"), "")');
    expect(sh.getRange('A1').getValue()).toBe('#N/A');
    expect(emu.explain('Sheet1', 'A1')).toBe(
      'Built-in Sheets function QUERY is not computed by the emulator',
    );
  });

  it('shows #NAME? for an unknown function and #REF! for a missing sheet or a cycle', () => {
    const { emu, sh } = setup();
    sh.getRange('A1').setFormula('=CLIENT_NOPE(1)');
    sh.getRange('A2').setFormula("=CLIENT_ECHO('Gone'!A1)");
    sh.getRange('A3').setFormula('=CLIENT_LTV(A4, 1)');
    sh.getRange('A4').setFormula('=CLIENT_LTV(A3, 1)');
    expect(columnOf(sh, 'A1:A4')).toEqual(['#NAME?', '#REF!', '#REF!', '#REF!']);
    expect(emu.explain('Sheet1', 'A1')).toBe("Unknown function: 'CLIENT_NOPE'.");
    expect(emu.explain('Sheet1', 'A2')).toBe("Unresolved sheet name 'Gone'.");
    expect(emu.explain('Sheet1', 'A3')).toMatch(/^Circular dependency/);
  });

  it('passes error cells inside a range as their text', () => {
    const { sh } = setup();
    sh.getRange('A1').setFormula('=CLIENT_FAIL(1)');
    sh.getRange('A2').setValue(4);
    sh.getRange('B1').setFormula('=CLIENT_ECHO(A1:A2)');
    expect(JSON.parse(sh.getRange('B1').getValue() as string)).toEqual([['string:#ERROR!'], ['number:4']]);
  });

  it('a referenced error propagates', () => {
    const { emu, sh } = setup();
    sh.getRange('A1').setFormula('=CLIENT_FAIL(1)');
    sh.getRange('A2').setFormula('=CLIENT_LTV(A1, 2)');
    expect(sh.getRange('A2').getValue()).toBe('#ERROR!');
    expect(emu.explain('Sheet1', 'A2')).toMatch(/^CLIENT_FAIL/);
  });
});

describe('custom function restrictions', () => {
  it('the spreadsheet is read-only, the UI throws, document properties can be read', () => {
    const { emu, sh } = setup();
    sh.getRange('A1').setValue('hello');
    sh.getRange('B1:B6').setFormulas([
      ['=CLIENT_WRITE()'],
      ['=CLIENT_READ()'],
      ['=CLIENT_UI()'],
      ['=CLIENT_PROPS()'],
      ['=CLIENT_USER()'],
      ['=CLIENT_LOCALE()'],
    ]);
    expect(columnOf(sh, 'B1:B6')).toEqual(['#ERROR!', 'hello', '#ERROR!', '', 'user:', 'en_US']);
    expect(emu.explain('Sheet1', 'B1')).toBe('You do not have permission to call setValue');
    expect(emu.explain('Sheet1', 'B3')).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(sh.getRange('Z1').getValue()).toBe('');
    expect(emu.authMode).toBe('FULL');
  });

  it('callAs CUSTOM_FUNCTION applies the same limits', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(CODE);
    expect(() => b.callAs('CUSTOM_FUNCTION', 'CLIENT_WRITE')).toThrow(
      'You do not have permission to call setValue',
    );
    expect(b.callAs('CUSTOM_FUNCTION', 'CLIENT_LTV', 2, 3)).toBe(6);
  });
});
