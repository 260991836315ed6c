import { createEmulator } from '../../dev/emulator';
import { parseFormula, toEngineText } from '../../dev/emulator/formula';

const CODE = `
function CLIENT_ECHO(a) {
  return Array.isArray(a) ? JSON.stringify(a) : (a instanceof Date ? 'Date:' + a.toISOString() : typeof a + ':' + a);
}
function CLIENT_DAYS(today) { return 'ran on ' + (today instanceof Date ? today.toISOString().slice(0, 10) : today); }
function CLIENT_GRID(n) { var out = []; for (var i = 0; i < n; i++) out.push([i]); return out; }
`;

let clock = Date.UTC(2024, 5, 15, 16); // 2024-06-15, noon in New York

function setup() {
  clock = Date.UTC(2024, 5, 15, 16);
  const emu = createEmulator({ now: () => new Date(clock) });
  emu.loadBundle(CODE);
  return { emu, sh: emu.spreadsheet.getSheets()[0] };
}

/** Engine text with references written plainly (the Workbook bounds and prefixes them). */
function engineText(formula: string, own: Record<string, string> = {}): string {
  return toEngineText(parseFormula(formula), {
    ref: (r) => `[${r.sheet ?? ''}!${r.a.col ?? ''}:${r.a.row ?? ''}-${r.b?.col ?? ''}:${r.b?.row ?? ''}]`,
    name: (n) => `<${n}>`,
    call: (name) => own[name.toUpperCase()] ?? null,
    functionName: (n) => (n.toUpperCase() === 'SORT' ? 'EMU.SORT' : n.toUpperCase()),
  });
}

describe('Sheets syntax the engine does not read, translated', () => {
  it('writes TRUE/FALSE as calls, keeps the grouping of operators, renames Sheets-only functions', () => {
    expect(engineText('=IF(TRUE,1+2*3,FALSE)')).toBe('=IF(TRUE(),(1)+((2)*(3)),FALSE())');
    expect(engineText('=-2^2')).toBe('=(-(2))^(2)');
    expect(engineText('=SORT(A2:B,1,FALSE)')).toBe('=EMU.SORT([!1:2-2:],1,FALSE())');
    expect(engineText("={'Acme Co'!A2:A,B2:B}")).toBe('={[Acme Co!1:2-1:],[!2:2-2:]}');
    expect(engineText('=CLIENT_X(A1)+MyRange', { CLIENT_X: '42' })).toBe('=(42)+(<MyRange>)');
    expect(engineText('="a ""q"""&5%')).toBe('=("a ""q""")&((5)%)');
  });
});

describe('built-in functions over the sheet', () => {
  it('reads open-ended ranges, TRUE/FALSE and arrays of ranges as Sheets does', () => {
    const { sh } = setup();
    sh.getRange('A1:B4').setValues([
      ['Week', 'Score'],
      ['3/4/2024', 5],
      ['3/18/2024', 7],
      ['3/11/2024', ''],
    ]);
    sh.getRange('D1:D4').setFormulas([
      ['=COUNT(A2:A)'],
      ['=IF(TRUE,"yes","no")'],
      ['=IFERROR(INDEX(SORT(FILTER({A2:A,B2:B},A2:A<>"",B2:B<>""),1,FALSE),1,2),"")'],
      ['=COUNTIFS(A2:A,">="&DATE(2024,3,11),B2:B,"")'],
    ]);
    expect(sh.getRange('D1:D4').getValues()).toEqual([[3], ['yes'], [7], [1]]);
  });

  it('spills FILTER and SORT results at their real size and blocks on data like Sheets', () => {
    const { emu, sh } = setup();
    sh.getRange('A1:B4').setValues([
      ['x', 3],
      ['y', 1],
      ['x', 2],
      ['z', 9],
    ]);
    sh.getRange('D1').setFormula('=SORT(FILTER(A1:B4,A1:A4="x"),2,TRUE)');
    expect(sh.getRange('D1:E3').getValues()).toEqual([
      ['x', 2],
      ['x', 3],
      ['', ''],
    ]);
    sh.getRange('D3').setValue('typed'); // below the 2-row result: no conflict
    expect(sh.getRange('D1').getValue()).toBe('x');
    sh.getRange('E2').setValue('mine');
    expect(sh.getRange('D1').getValue()).toBe('#REF!');
    expect(emu.explain('Sheet1', 'D1')).toBe(
      'Array result was not expanded because it would overwrite data in E2.',
    );
    sh.getRange('F1').setFormula('=FILTER(A1:A4,B1:B4>100)');
    expect(sh.getRange('F1').getValue()).toBe('#N/A');
    expect(emu.explain('Sheet1', 'F1')).toBe('No matches are found in FILTER evaluation.');
  });

  it('sorts numbers before text, text without case, blanks last in both directions', () => {
    const { sh } = setup();
    sh.getRange('A1:A5').setValues([['b'], [2], [''], ['A'], [10]]);
    sh.getRange('C1').setFormula('=SORT(A1:A5,1,TRUE)');
    sh.getRange('D1').setFormula('=SORT(A1:A5,1,FALSE)');
    expect(sh.getRange('C1:D5').getValues()).toEqual([
      [2, 'b'],
      [10, 'A'],
      ['A', 10],
      ['b', 2],
      ['', ''],
    ]);
  });

  it('returns dates as Dates: EDATE, EOMONTH, TODAY, and MAX of dates in a date-formatted cell', () => {
    const { sh } = setup();
    sh.getRange('A1:A2').setValues([['3/4/2024'], ['3/18/2024']]);
    sh.getRange('B1:B5').setFormulas([
      ['=EDATE(A1,1)'],
      ['=EOMONTH(A1,-1)'],
      ['=TODAY()'],
      ['=MAX(A1:A2)'],
      ['=EDATE(DATE(2024,1,31),1)'],
    ]);
    sh.getRange('B4').setNumberFormat('yyyy-mm-dd');
    const v = sh
      .getRange('B1:B5')
      .getValues()
      .map((r) => r[0]);
    v.forEach((d) => expect(d).toBeInstanceOf(Date));
    expect(
      sh
        .getRange('B1:B5')
        .getDisplayValues()
        .map((r) => r[0]),
    ).toEqual([
      '4/4/2024',
      '2/29/2024',
      '6/15/2024',
      '2024-03-18',
      '2/29/2024', // leap year: HyperFormula alone says 2/28
    ]);
  });

  it('keeps an unsupported construct visible through IFERROR', () => {
    const { emu, sh } = setup();
    sh.getRange('A1').setFormula('=IFERROR(GOOGLEFINANCE("GOOG"),"")');
    expect(sh.getRange('A1').getValue()).toBe('#N/A');
    expect(emu.explain('Sheet1', 'A1')).toBe(
      'Built-in Sheets function GOOGLEFINANCE is not computed by the emulator',
    );
  });

  it('shows a SPARKLINE cell as blank and keeps its data for the playground', () => {
    const { emu, sh } = setup();
    sh.getRange('A1:B3').setValues([
      ['3/4/2024', 5],
      ['3/18/2024', 7],
      ['3/11/2024', 6],
    ]);
    sh.getRange('C1').setFormula('=SPARKLINE(SORT(A1:B3,1,TRUE))');
    expect(sh.getRange('C1').getValue()).toBe('');
    expect(emu.sparkline('Sheet1', 'C1')).toEqual([5, 6, 7]);
  });
});

describe('volatile functions', () => {
  it('shows the new day when the clock moves, with no recalculation', () => {
    const { emu, sh } = setup();
    sh.getRange('A1:A2').setFormulas([['=TODAY()'], ['=EDATE(A1,-12)']]);
    expect(sh.getRange('A1:A2').getDisplayValues()).toEqual([['6/15/2024'], ['6/15/2023']]);
    clock += 31 * 86400000;
    expect(sh.getRange('A1:A2').getDisplayValues()).toEqual([['7/16/2024'], ['7/16/2023']]);
    expect(emu.evaluations).toBeGreaterThan(0);
  });

  it('re-runs a custom function that takes TODAY() only when the day changes', () => {
    const { emu, sh } = setup();
    sh.getRange('A1').setFormula('=CLIENT_DAYS(TODAY())');
    expect(sh.getRange('A1').getValue()).toBe('ran on 2024-06-15');
    const runs = emu.customFunctionExecutions;
    clock += 3600000; // an hour later, same day
    expect(sh.getRange('A1').getValue()).toBe('ran on 2024-06-15');
    clock += 2 * 86400000;
    expect(sh.getRange('A1').getValue()).toBe('ran on 2024-06-17');
    expect(emu.customFunctionExecutions).toBe(runs + 1);
  });

  it('passes a computed date to a custom function as a Date', () => {
    const { sh } = setup();
    sh.getRange('A1').setFormula('=CLIENT_ECHO(EDATE(DATE(2024,1,31),1))');
    expect(sh.getRange('A1').getValue()).toBe('Date:2024-02-29T05:00:00.000Z');
  });

  it('hands a custom function array result to built-ins', () => {
    const { sh } = setup();
    sh.getRange('A1').setFormula('=SUM(CLIENT_GRID(4))');
    expect(sh.getRange('A1').getValue()).toBe(6);
  });
});

describe('structure', () => {
  it('follows inserted and deleted rows and columns, renamed and deleted sheets', () => {
    const { emu, sh } = setup();
    const data = emu.spreadsheet.insertSheet('Data');
    data.getRange('A1:B3').setValues([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    sh.getRange('A1:A3').setFormulas([['=SUM(Data!A1:A)'], ['=SUM(Data!B2:B3)'], ['=COUNTA(Data!1:1)']]);
    expect(sh.getRange('A1:A3').getValues()).toEqual([[6], [50], [2]]);
    data.insertRowsBefore(2, 2);
    data.getRange('A2').setValue(100);
    expect(sh.getRange('A1:A3').getValues()).toEqual([[106], [50], [2]]);
    expect(sh.getRange('A2').getFormula()).toBe('=SUM(Data!B4:B5)');
    data.deleteRow(4); // the row holding 2, 20
    expect(sh.getRange('A1:A2').getValues()).toEqual([[104], [30]]);
    data.insertColumnBefore(1);
    expect(sh.getRange('A1:A3').getValues()).toEqual([[104], [30], [2]]);
    expect(sh.getRange('A1').getFormula()).toBe('=SUM(Data!B1:B)');
    data.setName('Numbers');
    expect(sh.getRange('A1').getFormula()).toBe('=SUM(Numbers!B1:B)');
    expect(sh.getRange('A1').getValue()).toBe(104);
    emu.spreadsheet.deleteSheet(data);
    expect(sh.getRange('A1').getValue()).toBe('#REF!');
  });
});

describe('sheet names in the mirror', () => {
  it('two tabs that swap names keep computing, each under its new name', () => {
    const { emu, sh } = setup();
    const other = emu.spreadsheet.insertSheet('Other');
    sh.setName('First');
    sh.getRange('A1').setValue(1);
    other.getRange('A1').setValue(2);
    const reader = emu.spreadsheet.insertSheet('Reader');
    reader.getRange('A1').setFormula("=SUM('First'!A1)*10+SUM(Other!A1)");
    expect(reader.getRange('A1').getValue()).toBe(12);
    // Swap: First → Tmp, Other → First, Tmp → Other. Sheets rewrites the reader to follow the tabs.
    sh.setName('Tmp');
    other.setName('First');
    sh.setName('Other');
    expect(reader.getRange('A1').getFormula()).toBe('=SUM(Other!A1)*10+SUM(First!A1)');
    expect(reader.getRange('A1').getValue()).toBe(12);
    reader.getRange('B1').setFormula('=First!A1');
    expect(reader.getRange('B1').getValue()).toBe(2);
  });
});
