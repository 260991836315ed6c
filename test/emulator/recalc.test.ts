import fc from 'fast-check';
import { createEmulator } from '../../dev/emulator';

const CODE = `
function CLIENT_GRID(n) {
  var k = typeof n === 'number' ? Math.max(0, Math.min(3, Math.floor(n))) : 1;
  var out = [];
  for (var i = 0; i < k; i++) out.push([i, 'r' + i]);
  return out;
}
function CLIENT_SUM(x) {
  if (!Array.isArray(x)) return typeof x === 'number' ? x : 0;
  var s = 0;
  x.forEach(function (row) { row.forEach(function (v) { if (typeof v === 'number') s += v; }); });
  return s;
}
function CLIENT_ROWS(r) { return Array.isArray(r) ? r.length : 1; }
function CLIENT_LOCALE(x) { return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale() + ':' + x; }
function CLIENT_READ(a1) { return SpreadsheetApp.getActiveSheet().getRange(a1).getValue(); }
function totals() { return SpreadsheetApp.getActiveSheet().getRange('B1:B2').getValues(); }
`;

function setup() {
  const emu = createEmulator();
  emu.loadBundle(CODE);
  const ss = emu.spreadsheet;
  return { emu, ss, sh: ss.getSheets()[0] };
}

describe('incremental recalculation', () => {
  it('computes nothing for a read that no changed formula can write into', () => {
    const { emu, ss, sh } = setup();
    const other = ss.insertSheet('Other');
    sh.getRange('A1:A3').setValues([[1], [2], [3]]);
    sh.getRange('B1').setFormula('=CLIENT_SUM(A1:A3)');
    other.getRange('B1').setFormula('=CLIENT_SUM(Sheet1!A1)');
    expect(sh.getRange('B1').getValue()).toBe(6);
    expect(other.getRange('B1').getValue()).toBe(1);

    const before = emu.evaluations;
    sh.getRange('D1:D100').setValue(5); // no formula reads column D
    expect(sh.getRange('A1:D3').getValues()[0]).toEqual([1, 6, '', 5]);
    expect(other.getRange('B1').getValue()).toBe(1);
    expect(emu.evaluations).toBe(before);

    sh.getRange('A3').setValue(30); // read by Sheet1!B1 only
    expect(other.getRange('A1:Z50').getValues()[0][1]).toBe(1);
    expect(emu.evaluations).toBe(before); // nothing on Other depends on A3
    expect(sh.getRange('B1').getValue()).toBe(33);
    expect(emu.evaluations).toBe(before + 1);
  });

  it('recomputes chains of formulas across sheets, and nothing else', () => {
    const { emu, ss, sh } = setup();
    const other = ss.insertSheet('Other');
    sh.getRange('A1').setValue(2);
    sh.getRange('B1').setFormula('=CLIENT_SUM(A1)');
    other.getRange('A1').setFormula('=CLIENT_SUM(Sheet1!B1:B2)');
    sh.getRange('C1').setFormula("=CLIENT_SUM('Other'!A1)");
    for (let r = 5; r < 25; r++) sh.getRange(r, 1).setFormula(`=CLIENT_SUM(Z${r})`);
    expect(sh.getRange('C1').getValue()).toBe(2);
    const before = emu.evaluations;
    sh.getRange('A1').setValue(7);
    expect(sh.getRange('C1').getValue()).toBe(7);
    expect(emu.evaluations).toBe(before + 3);
  });

  it('follows open-ended ranges past rows that appendRow adds', () => {
    const { sh } = setup();
    sh.getRange('B1').setFormula('=CLIENT_ROWS(A1:A)');
    expect(sh.getRange('B1').getValue()).toBe(1000);
    sh.getRange('A1000').setValue('last');
    sh.appendRow(['beyond']);
    expect(sh.getMaxRows()).toBe(1001);
    expect(sh.getRange('B1').getValue()).toBe(1001);
  });

  it('follows a named range to its new cells', () => {
    const { ss, sh } = setup();
    sh.getRange('A1:A2').setValues([[1], [10]]);
    ss.setNamedRange('Fees', sh.getRange('A1'));
    sh.getRange('B1').setFormula('=CLIENT_SUM(Fees)');
    expect(sh.getRange('B1').getValue()).toBe(1);
    ss.setNamedRange('Fees', sh.getRange('A1:A2'));
    expect(sh.getRange('B1').getValue()).toBe(11);
  });

  it('re-places a spill that grows into the cells another formula reads', () => {
    const { sh } = setup();
    sh.getRange('A1').setValue(1);
    sh.getRange('B1').setFormula('=CLIENT_GRID(A1)');
    sh.getRange('E1').setFormula('=CLIENT_SUM(B1:B5)');
    expect(sh.getRange('E1').getValue()).toBe(0);
    sh.getRange('A1').setValue(3); // B1:C3 now
    expect(sh.getRange('E1').getValue()).toBe(0 + 1 + 2);
    expect(sh.getRange('B3:C3').getValues()).toEqual([[2, 'r2']]);
    sh.getRange('B3').setValue(100); // blocks the spill
    expect(sh.getRange('B1:E1').getValues()).toEqual([['#REF!', '', '', 100]]);
    sh.getRange('B3').clearContent();
    expect(sh.getRange('E1').getValue()).toBe(3);
  });

  it('settles spills competing for the same cells as a full recalculation does', () => {
    const { emu, sh } = setup();
    sh.getRange('A1').setValue(1);
    sh.getRange('D2').setValue(1);
    sh.getRange('B1').setFormula('=CLIENT_GRID(A1)'); // B1:C1
    sh.getRange('A2').setFormula('=CLIENT_GRID(D2)'); // A2:B2
    expect(sh.getRange('A1:C3').getValues()).toEqual([
      [1, 0, 'r0'],
      [0, 'r0', ''],
      ['', '', ''],
    ]);
    sh.getRange('D2').setValue(2); // A2:B3
    expect(sh.getRange('A3:B3').getValues()).toEqual([[1, 'r1']]);
    sh.getRange('A1').setValue(3); // B1 wants B1:C3, where A2 spills: the first in row order wins
    const incremental = sh.getRange('A1:C3').getValues();
    expect(incremental).toEqual([
      [3, 0, 'r0'],
      ['#REF!', 1, 'r1'],
      ['', 2, 'r2'],
    ]);
    expect(emu.explain('Sheet1', 'A2')).toBe(
      'Array result was not expanded because it would overwrite data in B2.',
    );
    emu.recalculate();
    expect(sh.getRange('A1:C3').getValues()).toEqual(incremental);
  });

  it('computes a formula up and left of a range first only for its spill: no false cycle', () => {
    const { emu, sh } = setup();
    sh.getRange('D1').setFormula('=CLIENT_GRID(D3)'); // D1:E1
    sh.getRange('A2').setFormula('=CLIENT_GRID(D1)'); // might spill into D3, but returns nothing
    expect(sh.getRange('A1:E2').getValues()).toEqual([
      ['', '', '', 0, 'r0'],
      ['', '', '', '', ''],
    ]);
    emu.recalculate();
    expect(sh.getRange('A2').getValue()).toBe('');
    expect(emu.explain('Sheet1', 'A2')).toBeUndefined();
  });

  it('a formula reading the range its own reader spills into settles as a full recalculation does', () => {
    // Found by the property below: B1 sums C3:D, and D2 spills a grid sized by B1 into D3.
    const [incremental, full] = [setup(), setup()];
    for (const { sh } of [incremental, full]) {
      sh.getRange('C3').setValue(2);
      sh.getRange('A1').getValue();
      sh.getRange('B1').setFormula('=CLIENT_SUM(C3:D)');
      sh.getRange('D2').setFormula('=CLIENT_GRID(B1)');
    }
    full.emu.recalculate();
    expect(incremental.sh.getRange('A1:E4').getValues()).toEqual(full.sh.getRange('A1:E4').getValues());
  });

  it('gives what a full recalculation gives, whatever the writes and reads', () => {
    type Op =
      | { k: 'value'; s: number; r: number; c: number; v: number | '' }
      | { k: 'formula'; s: number; r: number; c: number; f: string }
      | { k: 'read'; s: number; r: number; c: number; h: number; w: number };
    const cell = fc.record({
      s: fc.constantFrom(0, 0, 0, 1),
      r: fc.integer({ min: 1, max: 4 }),
      c: fc.integer({ min: 1, max: 4 }),
    });
    const ref = fc
      .tuple(
        fc.constantFrom('', '', '', 'S2!'),
        fc.constantFrom('A', 'B', 'C', 'D'),
        fc.integer({ min: 1, max: 4 }),
      )
      .map(([s, c, r]) => `${s}${c}${r}`);
    const range = fc
      .tuple(fc.constantFrom('', 'S2!'), fc.constantFrom('A1:B4', 'C1:D2', 'B2:D4', 'A:A', 'C3:D'))
      .map(([s, a]) => s + a);
    const formula = fc.oneof(
      { arbitrary: ref.map((x) => `=CLIENT_GRID(${x})`), weight: 4 },
      { arbitrary: ref.map((x) => `=CLIENT_SUM(${x})`), weight: 1 },
      { arbitrary: range.map((x) => `=CLIENT_SUM(${x})`), weight: 1 },
      // built-ins and operators, computed by the engine, with results that spill as they come out
      { arbitrary: range.map((x) => `=SUM(${x})`), weight: 1 },
      { arbitrary: ref.map((x) => `=${x}*2+1`), weight: 1 },
      {
        arbitrary: fc.constantFrom('', 'S2!').map((s) => `=IFERROR(FILTER(${s}A1:B4,${s}A1:A4>1),"none")`),
        weight: 1,
      },
    );
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc
        .record({
          k: fc.constant('value' as const),
          v: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant('' as const)),
        })
        .chain((o) => cell.map((p) => ({ ...o, ...p }))),
      fc
        .record({ k: fc.constant('formula' as const), f: formula })
        .chain((o) => cell.map((p) => ({ ...o, ...p }))),
      fc
        .record({
          k: fc.constant('read' as const),
          h: fc.integer({ min: 1, max: 3 }),
          w: fc.integer({ min: 1, max: 3 }),
        })
        .chain((o) => cell.map((p) => ({ ...o, ...p }))),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        // the same document twice: one recalculated incrementally, one from scratch before each read
        const docs = [setup(), setup()].map(({ emu, ss, sh }) => {
          ss.insertSheet('S2');
          return { emu, sheets: [sh, ss.getSheetByName('S2')!] };
        });
        for (const o of ops) {
          const seen = docs.map(({ emu, sheets }, full) => {
            const sh = sheets[o.s];
            if (o.k === 'value') sh.getRange(o.r, o.c).setValue(o.v);
            else if (o.k === 'formula') sh.getRange(o.r, o.c).setFormula(o.f);
            else {
              if (full) emu.recalculate();
              return sh.getRange(o.r, o.c, o.h, o.w).getValues();
            }
            return null;
          });
          expect(seen[0]).toEqual(seen[1]);
        }
        docs[1].emu.recalculate();
        const all = docs.map(({ sheets }) => sheets.map((sh) => sh.getRange('A1:F8').getValues()));
        expect(all[0]).toEqual(all[1]);
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });
});

describe('custom functions run in executions of their own', () => {
  it("does not log a formula's calls as the reading script's", () => {
    const { emu, sh } = setup();
    const bundle = emu.loadBundle(CODE);
    sh.getRange('A1').setValue('x');
    sh.getRange('B1').setFormula('=CLIENT_LOCALE(A1)');
    sh.getRange('B2').setFormula('=CLIENT_READ("A1")');
    emu.calls.reset();
    emu.customFunctionCalls.reset();
    expect(bundle.call('totals')).toEqual([['en_US:x'], ['x']]);
    expect(emu.calls.log()).toEqual(['SpreadsheetApp.getActiveSheet', 'Sheet.getRange', 'Range.getValues']);
    expect(emu.calls.documentCalls()).toBe(2);
    expect(emu.customFunctionCalls.byMethod()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSpreadsheetLocale': 1,
      'SpreadsheetApp.getActiveSheet': 1,
      'Sheet.getRange': 1,
      'Range.getValue': 1,
    });
    expect(emu.customFunctionCalls.documentCalls()).toBe(3);
  });
});

describe('a built-in formula over a cell another formula spilled into', () => {
  it('sees the spilled value when the engine starts after the spill (found by the property test)', () => {
    const { sh } = setup();
    sh.getRange('A2').setFormula('=CLIENT_GRID(A1)'); // A1 blank: one row, [0, "r0"] over A2:B2
    sh.getRange('A3').setFormula('=B2*2+1');
    expect(sh.getRange('A2:B3').getValues()).toEqual([
      [0, 'r0'],
      ['#VALUE!', ''],
    ]);
    sh.getRange('A4').setFormula('=A2*2+1');
    expect(sh.getRange('A4').getValue()).toBe(1);
  });
});
