/**
 * Hostile-input campaign on every =CLIENT_* formula of the BUILT bundle (enumerated from dist/Code.js, so a
 * new formula is thrown at as soon as it is exported). Two routes:
 * - through cells, as Sheets runs them: a grid of what users type (error strings such as #N/A, formulas,
 *   text with = + - @, huge and negative numbers, odd dates, 50,000-character text) and a 50,000-row
 *   sheet, referenced by ranges of mismatched shapes and open-ended columns, in a spreadsheet whose
 *   locale changes between calls (en_US, de_DE, fi_FI, ja_JP, fa_IR);
 * - called directly with what a cell cannot hold (NaN, Infinity, objects with __proto__ keys, ragged and
 *   nested arrays, missing and extra arguments, 100,000-character strings).
 * Allowed: a value Sheets can show (text, a finite number, a valid date, or rows of them of one width), or
 * #ERROR! whose message starts with the formula's name; another error only when an argument is a cell
 * that holds that error (Sheets passes it on without calling the function).
 *
 * `npm test`: 20 cell calls and 40 direct calls per formula; `npm run fuzz`: 400 and 2,000.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { harness, type Harness } from '../workbook/helpers';
import { HOSTILE_SCALARS, HOSTILE_TEXT, HUGE, inRealm, readable, runs } from '../workbook/hostile-values';

const CELL_RUNS = runs(20, 400);
const DIRECT_RUNS = runs(40, 2000);
const BIG_ROWS = 50_000;
const LOCALES = ['en_US', 'de_DE', 'fi_FI', 'ja_JP', 'fa_IR'];

/** The custom functions of the built bundle and their parameter names, as Sheets sees them. */
function formulas(): { name: string; params: string[] }[] {
  const code = fs.readFileSync(path.join(__dirname, '../../dist/Code.js'), 'utf8');
  return [...code.matchAll(/^function (CLIENT_\w+)\(([^)]*)\)/gm)].map((m) => ({
    name: m[1],
    params: m[2]
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  }));
}
const FORMULAS = formulas();

/** What a cell holds after a user typed it (or a script wrote it): Sheets parses strings as typed. */
const typedCell: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(...HOSTILE_TEXT.filter((t) => t !== HUGE && !t.includes('\u0000'))),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...HOSTILE_SCALARS.filter((v) => typeof v !== 'number' || Number.isFinite(v))),
  },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  {
    weight: 1,
    arbitrary: fc.date({ min: new Date('1899-12-30'), max: new Date('9999-12-31'), noInvalidDate: true }),
  },
  { weight: 1, arbitrary: fc.constant('x'.repeat(50_000)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('=NA()', '=1/0', '=1+', '=TODAY()', '=DATE(1899,12,30)', '=-1E+308'),
  },
);

/** One argument of the formula as written in its cell. */
const argumentText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.nat(5), fc.nat(3), fc.nat(5), fc.nat(3))
      .map(
        ([r1, c1, r2, c2]) =>
          `Data!${a1(Math.min(r1, r2), Math.min(c1, c2))}:${a1(Math.max(r1, r2), Math.max(c1, c2))}`,
      ),
  },
  { weight: 3, arbitrary: fc.tuple(fc.nat(5), fc.nat(3)).map(([r, c]) => `Data!${a1(r, c)}`) },
  { weight: 1, arbitrary: fc.constantFrom('Big!A1:A', 'Big!B1:B', 'Big!A1:B', 'Data!A1:A', 'Data!B2:D') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '0',
      '-1',
      '1E+308',
      '"#N/A"',
      '"=1+1"',
      '"abc"',
      'TRUE',
      'TODAY()',
      'DATE(1899,12,30)',
      '"3.500,50 €"',
      '"km"',
    ),
  },
);

function a1(row: number, column: number): string {
  return `${'ABCD'[column]}${row + 1}`;
}

/** A workbook with a 6×4 `Data` grid, a 50,000-row `Big` sheet and an `Out` sheet with room to spill. */
function workbook(): Harness {
  const h = harness();
  const ss = h.emu.spreadsheet;
  ss.insertSheet('Data');
  const big = ss.insertSheet('Big');
  big.insertRowsAfter(1, BIG_ROWS - big.getMaxRows());
  const mix = ['', 1200, 'x', new Date('2024-01-08T05:00:00Z'), -3, '#N/A', true, ' '];
  big
    .getRange(1, 1, BIG_ROWS, 2)
    .setValues(Array.from({ length: BIG_ROWS }, (_, i) => [mix[i % mix.length], mix[(i * 3) % mix.length]]));
  const out = ss.insertSheet('Out');
  out.insertRowsAfter(1, BIG_ROWS + 10 - out.getMaxRows());
  return h;
}

/** A value Sheets can show in a cell, or rows of them of one width (a spill). */
function showable(value: unknown): boolean {
  const cell = (v: unknown) =>
    typeof v === 'string' ||
    typeof v === 'boolean' ||
    (typeof v === 'number' && Number.isFinite(v)) ||
    (Object.prototype.toString.call(v) === '[object Date]' && Number.isFinite((v as Date).getTime()));
  if (!Array.isArray(value)) return cell(value);
  if (value.length === 0) return false;
  const rows = value.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  return rows.every((row) => row.length === rows[0].length && row.length > 0 && row.every(cell));
}

test('the campaign finds the formulas in the bundle', () => {
  expect(FORMULAS.map((f) => f.name)).toEqual(
    expect.arrayContaining(['CLIENT_LTV', 'CLIENT_HEALTH', 'CLIENT_PROFIT']),
  );
  for (const f of FORMULAS) expect([f.name, f.params.length > 0]).toEqual([f.name, true]);
});

describe(`through cells: typed grids, mismatched and 50,000-row ranges, five locales (${CELL_RUNS} each)`, () => {
  const h = workbook();
  const ss = h.emu.spreadsheet;
  const data = h.sheet('Data');
  const out = h.sheet('Out');
  test.each(FORMULAS.map((f) => [f.name, f.params.length] as const))('%s', (name, arity) => {
    const call = fc.record({
      locale: fc.constantFrom(...LOCALES),
      grid: fc.array(fc.array(typedCell, { minLength: 4, maxLength: 4 }), { minLength: 6, maxLength: 6 }),
      args: fc.array(argumentText, { minLength: 0, maxLength: arity + 1 }),
    });
    fc.assert(
      fc.property(call, ({ locale, grid, args }) => {
        ss.setSpreadsheetLocale(locale);
        data.getRange(1, 1, 6, 4).setValues(grid);
        const formula = `=${name}(${args.join(',')})`;
        out.getRange('A1').setFormula(formula);
        const value = out.getRange('A1').getValue();
        const why = h.emu.explain('Out', 'A1') ?? '';
        if (typeof value !== 'string' || !/^#[A-Z0-9/]+[!?]?$/.test(value)) {
          expect([formula, showable(value)]).toEqual([formula, true]);
          return;
        }
        if (why.startsWith(`${name}: `)) {
          expect([formula, readable(why)]).toEqual([formula, null]);
          return;
        }
        // Sheets passes an error in a single referenced cell on without calling the function.
        const errorCells = args
          .map((arg) => /^Data!([A-D]\d)(?::\1)?$/.exec(arg)?.[1])
          .filter((cell): cell is string => cell !== undefined)
          .map((cell) => data.getRange(cell).getDisplayValue());
        expect([formula, value, why, errorCells.some((shown) => shown.startsWith('#'))]).toEqual([
          formula,
          value,
          why,
          true,
        ]);
      }),
      { numRuns: CELL_RUNS, endOnFailure: false },
    );
  });
});

/** What a script calling the function directly could pass: anything at all. */
const rawValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.date() },
  {
    weight: 1,
    arbitrary: fc.constantFrom({}, JSON.parse('{"__proto__": {"length": 3}}'), { valueOf: 5 }, new Date(NaN)),
  },
);
const BIG_COLUMN = Array.from({ length: BIG_ROWS }, (_, i) => [
  i % 7 === 0 ? '' : i % 11 === 0 ? '#N/A' : 1000 + i,
]);
const rawArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: rawValue },
  {
    weight: 3,
    arbitrary: fc.integer({ min: 1, max: 5 }).chain((rows) =>
      fc.integer({ min: 1, max: 3 }).chain((cols) =>
        fc.array(fc.array(rawValue, { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        }),
      ),
    ),
  },
  { weight: 1, arbitrary: fc.array(fc.array(rawValue, { maxLength: 3 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom([], [[]], [[[1, 2]]], [1, 2, 3], [[1], [2, 3]], BIG_COLUMN) },
);

describe(`called directly with what no cell holds (${DIRECT_RUNS} each)`, () => {
  const h = harness();
  test.each(FORMULAS.map((f) => [f.name, f.params.length] as const))('%s', (name, arity) => {
    fc.assert(
      fc.property(fc.array(rawArgument, { minLength: 0, maxLength: arity + 2 }), (args) => {
        let result: unknown;
        try {
          result = h.bundle.callAs(
            'CUSTOM_FUNCTION',
            name,
            ...(inRealm(h.bundle.context, args) as unknown[]),
          );
        } catch (error) {
          const message = (error as Error)?.message;
          expect([message?.startsWith(`${name}: `), readable(message)]).toEqual([true, null]);
          return;
        }
        expect(showable(result)).toBe(true);
      }),
      { numRuns: DIRECT_RUNS, endOnFailure: false },
    );
  });
});
