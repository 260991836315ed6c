/**
 * Sheets' built-in functions and operators, computed by HyperFormula (dev-only, GPL-3.0, never
 * bundled). The emulator keeps a value-only mirror of every sheet in a HyperFormula instance and
 * evaluates each formula's built-in parts there; the Workbook (model.ts) still decides when a
 * formula runs and where its result spills, because HyperFormula sizes an array result before
 * computing it (its ArrayFormulaVertex resizes results to the predicted size), where Sheets spills
 * whatever size comes out.
 */
import {
  CellError,
  EmptyValue,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import { dateToSerial, isDate, serialToDate } from './dates';
import { CellValue } from './values';

/** What the engine's Sheets-only functions need from the emulator. */
export interface EngineContext {
  now(): Date;
  timeZone(): string;
  /** SPARKLINE's data, for the playground to draw (the cell's value is blank). */
  sparkline(values: number[]): void;
}

/** One engine result: a value, an array to spill, or an error with Sheets' code and a reason. */
export type EngineValue =
  | { kind: 'value'; v: CellValue }
  | { kind: 'array'; rows: CellValue[][] }
  | { kind: 'error'; code: string; why: string };

const ERROR_CODES: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  ERROR: '#ERROR!',
  CYCLE: '#REF!',
  SPILL: '#REF!',
  NULL: '#NULL!',
};
const TYPE_BY_CODE: Record<string, string> = {
  '#DIV/0!': 'DIV_BY_ZERO',
  '#N/A': 'NA',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#REF!': 'REF',
  '#VALUE!': 'VALUE',
  '#ERROR!': 'ERROR',
  '#NULL!': 'ERROR',
};

/** The functions Sheets has and HyperFormula lacks or computes differently, by their engine names. */
export const SHEETS_FUNCTIONS: Record<string, string> = {
  SORT: 'EMU.SORT',
  FILTER: 'EMU.FILTER',
  SPARKLINE: 'EMU.SPARKLINE',
  EDATE: 'EMU.EDATE',
  TODAY: 'EMU.TODAY',
  NOW: 'EMU.NOW',
};

type Scalar = unknown;

/** HyperFormula's typed numbers (DateNumber...) carry `val` and `getDetailedType()`. */
interface RichNumber {
  val: number;
  getDetailedType(): string;
}
const isRich = (x: unknown): x is RichNumber =>
  typeof x === 'object' && x !== null && typeof (x as RichNumber).getDetailedType === 'function';
const getRawValue = (x: unknown): unknown => (isRich(x) ? x.val : x);
const NumberType = {
  NUMBER_DATE: 'NUMBER_DATE',
  NUMBER_DATETIME: 'NUMBER_DATETIME',
  NUMBER_TIME: 'NUMBER_TIME',
} as const;

/** A value for the mirror: what a cell shows, or an error a formula cell shows. */
export type MirrorValue = CellValue | { error: string };

function contextOf(plugin: FunctionPlugin): EngineContext {
  return (plugin as unknown as { config: { context: EngineContext } }).config.context;
}

function rowsOf(v: unknown): Scalar[][] {
  return v instanceof SimpleRangeValue ? (v.data as Scalar[][]) : [[v]];
}

/** Sheets' sort order: numbers, then text (case-insensitive), then booleans; blanks always last. */
function compareSheets(a: Scalar, b: Scalar): number {
  const rank = (x: Scalar) => (typeof x === 'boolean' ? 2 : typeof x === 'string' ? 1 : 0);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return (a as string).toLowerCase().localeCompare((b as string).toLowerCase());
  return Number(getRawValue(a)) - Number(getRawValue(b));
}

const isBlank = (x: Scalar) => x === EmptyValue || x === '' || x === null || x === undefined;

class SheetsPlugin extends FunctionPlugin {
  /** TODAY(): the emulator clock's day in the spreadsheet's zone. */
  today(ast: never, state: never) {
    return this.runFunction((ast as { args: never[] }).args, state, this.metadata('EMU.TODAY'), () => {
      const ctx = contextOf(this);
      return Math.floor(dateToSerial(ctx.now(), ctx.timeZone()));
    });
  }

  /** NOW(): the emulator clock, as a date-time serial in the spreadsheet's zone. */
  now(ast: never, state: never) {
    return this.runFunction((ast as { args: never[] }).args, state, this.metadata('EMU.NOW'), () => {
      const ctx = contextOf(this);
      return dateToSerial(ctx.now(), ctx.timeZone());
    });
  }

  /** SORT(range, sort_column, is_ascending, [sort_column2, is_ascending2, ...]) as Sheets reads it. */
  sort(ast: { args: never[] }, state: never) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('EMU.SORT'),
      (range: unknown, ...keys: unknown[]) => {
        const rows = rowsOf(range).map((r) => [...r]);
        const width = rows[0]?.length ?? 0;
        const order: { col: Scalar[] | number; asc: boolean }[] = [];
        if (keys.length === 0) order.push({ col: 0, asc: true });
        for (let i = 0; i < keys.length; i += 2) {
          const key = keys[i];
          const asc = keys[i + 1] === undefined ? true : keys[i + 1];
          if (typeof asc !== 'boolean' && typeof asc !== 'number')
            return new CellError('VALUE' as never, 'SORT: is_ascending must be TRUE or FALSE.');
          if (key instanceof SimpleRangeValue) {
            const col = key.data.map((r) => r[0]);
            if (col.length !== rows.length)
              return new CellError('VALUE' as never, 'SORT has mismatched range sizes.');
            order.push({ col, asc: !!asc });
          } else {
            const n = Number(getRawValue(key));
            if (!Number.isInteger(n) || n < 1 || n > width)
              return new CellError(
                'VALUE' as never,
                `SORT: Column ${n} is out of range. It must be between 1 and ${width}.`,
              );
            order.push({ col: n - 1, asc: !!asc });
          }
        }
        const indexed = rows.map((r, i) => ({ r, i }));
        indexed.sort((x, y) => {
          for (const o of order) {
            const a = typeof o.col === 'number' ? x.r[o.col] : o.col[x.i];
            const b = typeof o.col === 'number' ? y.r[o.col] : o.col[y.i];
            if (isBlank(a) || isBlank(b)) {
              if (isBlank(a) && isBlank(b)) continue;
              return isBlank(a) ? 1 : -1;
            }
            const c = compareSheets(a, b);
            if (c) return o.asc ? c : -c;
          }
          return x.i - y.i;
        });
        return SimpleRangeValue.onlyValues(indexed.map((x) => x.r) as never);
      },
    );
  }

  /** FILTER(range, condition1, [condition2, ...]): rows (or columns) where every condition holds. */
  filter(ast: { args: never[] }, state: never) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('EMU.FILTER'),
      (range: unknown, ...conds: unknown[]) => {
        const rows = rowsOf(range);
        const h = rows.length;
        const w = rows[0]?.length ?? 0;
        const tests = conds.map(rowsOf);
        const byRow = tests.every((t) => t.length === h && t[0].length === 1);
        const byCol = !byRow && tests.every((t) => t.length === 1 && t[0].length === w);
        if (!byRow && !byCol) {
          const t = tests.find((x) => x.length !== h || x[0].length !== 1) ?? tests[0];
          return new CellError(
            'VALUE' as never,
            `FILTER has mismatched range sizes. Expected row count: ${h}. column count: 1. ` +
              `Actual row count: ${t.length}, column count: ${t[0].length}.`,
          );
        }
        for (const t of tests) for (const r of t) for (const x of r) if (x instanceof CellError) return x;
        const truthy = (x: Scalar) =>
          typeof x === 'boolean' ? x : typeof getRawValue(x) === 'number' ? getRawValue(x) !== 0 : false;
        let out: Scalar[][];
        if (byRow) out = rows.filter((_, i) => tests.every((t) => truthy(t[i][0])));
        else out = rows.map((r) => r.filter((_, j) => tests.every((t) => truthy(t[0][j]))));
        if (!out.length || !out[0].length)
          return new CellError('NA' as never, 'No matches are found in FILTER evaluation.');
        return SimpleRangeValue.onlyValues(out as never);
      },
    );
  }

  /** SPARKLINE(data, [options]): an image in Sheets; here the cell is blank and the data is kept. */
  sparkline(ast: { args: never[] }, state: never) {
    return this.runFunction(ast.args, state, this.metadata('EMU.SPARKLINE'), (data: unknown) => {
      const rows = rowsOf(data);
      const values: number[] = [];
      for (const r of rows) {
        const v = getRawValue(r[r.length - 1]);
        if (typeof v === 'number') values.push(v);
      }
      contextOf(this).sparkline(values);
      return '';
    });
  }

  /**
   * EDATE(start_date, months): HyperFormula 3.5.0 clamps the day to a 28-day February even in leap
   * years (EDATE(2024-01-31, 1) is 2024-02-28; Sheets gives 2024-02-29).
   */
  edate(ast: { args: never[] }, state: never) {
    return this.runFunction(ast.args, state, this.metadata('EMU.EDATE'), (start: number, months: number) => {
      const day0 = Date.UTC(1899, 11, 30);
      const d = new Date(day0 + Math.floor(start) * 86400000);
      const target = d.getUTCMonth() + Math.trunc(months);
      const last = new Date(Date.UTC(d.getUTCFullYear(), target + 1, 0)).getUTCDate();
      const out = Date.UTC(d.getUTCFullYear(), target, Math.min(d.getUTCDate(), last));
      return (out - day0) / 86400000;
    });
  }

  /** A date the emulator computed (a bundle function's result), as a date serial. */
  date(ast: { args: never[] }, state: never) {
    return this.runFunction(ast.args, state, this.metadata('EMU.DATE'), (serial: number) => serial);
  }

  /** An error the emulator decided on (an error a custom function returned, a missing sheet...). */
  error(ast: { args: never[] }, state: never) {
    return this.runFunction(ast.args, state, this.metadata('EMU.ERROR'), (code: string, why: string) => {
      return new CellError((TYPE_BY_CODE[code] ?? 'ERROR') as never, why);
    });
  }
}
(SheetsPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = {
  'EMU.TODAY': { method: 'today', parameters: [], returnNumberType: NumberType.NUMBER_DATE },
  'EMU.NOW': { method: 'now', parameters: [], returnNumberType: NumberType.NUMBER_DATETIME },
  'EMU.SORT': {
    method: 'sort',
    parameters: [
      { argumentType: FunctionArgumentType.RANGE },
      { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      { argumentType: FunctionArgumentType.ANY, optionalArg: true },
    ],
    repeatLastArgs: 2,
    vectorizationForbidden: true,
  },
  'EMU.FILTER': {
    method: 'filter',
    parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }],
    repeatLastArgs: 1,
    vectorizationForbidden: true,
  },
  'EMU.SPARKLINE': {
    method: 'sparkline',
    parameters: [
      { argumentType: FunctionArgumentType.RANGE },
      { argumentType: FunctionArgumentType.ANY, optionalArg: true },
    ],
    vectorizationForbidden: true,
  },
  'EMU.EDATE': {
    method: 'edate',
    parameters: [
      { argumentType: FunctionArgumentType.NUMBER },
      { argumentType: FunctionArgumentType.NUMBER },
    ],
    returnNumberType: NumberType.NUMBER_DATE,
  },
  'EMU.DATE': {
    method: 'date',
    parameters: [{ argumentType: FunctionArgumentType.NUMBER }],
    returnNumberType: NumberType.NUMBER_DATETIME,
  },
  'EMU.ERROR': {
    method: 'error',
    parameters: [
      { argumentType: FunctionArgumentType.STRING },
      { argumentType: FunctionArgumentType.STRING },
    ],
  },
};

let registered = false;
function registerOnce(): void {
  if (registered) return;
  registered = true;
  const names = Object.keys(
    (SheetsPlugin as unknown as { implementedFunctions: object }).implementedFunctions,
  );
  HyperFormula.registerFunctionPlugin(SheetsPlugin, {
    enGB: Object.fromEntries(names.map((n) => [n, n])),
    enUS: Object.fromEntries(names.map((n) => [n, n])),
  });
}

let engineNames: Set<string> | null = null;

/** Whether the engine computes a function (by its Sheets name). */
export function engineHasFunction(name: string): boolean {
  registerOnce();
  engineNames ??= new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  const upper = name.toUpperCase();
  return Object.prototype.hasOwnProperty.call(SHEETS_FUNCTIONS, upper) || engineNames.has(upper);
}

/** What the mirror uses of HyperFormula 3.5.0 beyond its public API (the version is pinned). */
interface Internals {
  extractTemporaryFormula(
    f: string,
    sheetId: number,
  ): { ast?: unknown; address: unknown; dependencies: unknown };
  evaluator: { runAndForget(ast: unknown, address: unknown, deps: unknown): unknown };
  dependencyGraph: {
    setValueToCell(address: object, value: { parsedValue: unknown; rawValue: unknown }): void;
    setCellEmpty(address: object): void;
    graph: { clearDirtyNodes(): void };
  };
  _cellContentParser: { parse(content: unknown): { value: unknown } };
}

/** A value-only mirror of the workbook in HyperFormula, and formula evaluation against it. */
export class FormulaEngine {
  /** built on first use (building one costs ~30 ms): a workbook without built-ins never pays it */
  private instance: HyperFormula | null = null;
  private ids = new Map<object, number>();
  private names = new Map<object, string>();

  constructor(private ctx: EngineContext) {
    registerOnce();
  }

  /** Whether the mirror exists (until then, writes need not be copied: `start` copies everything). */
  get ready(): boolean {
    return this.instance !== null;
  }

  /** Create the mirror (empty: the workbook then copies its sheets). */
  start(): void {
    this.instance ??= FormulaEngine.build(this.ctx);
  }

  private get hf(): HyperFormula {
    this.start();
    return this.instance!;
  }

  private static build(ctx: EngineContext): HyperFormula {
    return HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      context: ctx,
      // Sheets' epoch and function behaviour (HyperFormula's Google Sheets compatibility settings)
      nullDate: { year: 1899, month: 12, day: 30 },
      leapYear1900: false,
      smartRounding: true,
      useArrayArithmetic: true,
      evaluateNullToZero: true,
      caseSensitive: false,
      maxRows: 10_000_000,
      // the mirror is rewritten, never undone
      undoLimit: 0,
    } as never);
  }

  /** Forget every sheet (before a full rebuild). */
  clear(): void {
    this.instance?.destroy();
    this.instance = null;
    this.ids.clear();
    this.names.clear();
  }

  /** The mirror's sheet for a model sheet, created on first use under the sheet's current name. */
  sheetId(sheet: { name: string }): number {
    let id = this.ids.get(sheet);
    if (id === undefined || this.names.get(sheet) !== sheet.name) {
      this.vacate(sheet);
      if (id !== undefined) this.hf.renameSheet(id, sheet.name);
      else id = this.hf.getSheetId(this.hf.addSheet(sheet.name))!;
      this.ids.set(sheet, id);
      this.names.set(sheet, sheet.name);
    }
    return id;
  }

  /**
   * Names in the mirror follow the model lazily, so after two tabs swap names the mirror may still give
   * `sheet`'s new name to the other one: that one moves to a placeholder until it is next used.
   */
  private vacate(sheet: { name: string }): void {
    const wanted = sheet.name.toLowerCase();
    for (const [other, name] of this.names) {
      if (other === sheet || name.toLowerCase() !== wanted) continue;
      const placeholder = `\u0000moving ${this.ids.get(other)}`;
      this.hf.renameSheet(this.ids.get(other)!, placeholder);
      this.names.set(other, placeholder);
    }
  }

  /** Insert (count > 0) or delete (count < 0) rows or columns at 1-based `at`, as the sheet did. */
  shift(sheet: { name: string }, axis: 'row' | 'col', at: number, count: number): void {
    if (!this.ready) return;
    const id = this.sheetId(sheet);
    const { width, height } = this.hf.getSheetDimensions(id);
    const size = axis === 'row' ? height : width;
    const start = at - 1;
    if (start >= size) return;
    const span: [number, number] = [start, count > 0 ? count : Math.min(-count, size - start)];
    if (axis === 'row') {
      if (count > 0) this.hf.addRows(id, span);
      else this.hf.removeRows(id, span);
    } else if (count > 0) this.hf.addColumns(id, span);
    else this.hf.removeColumns(id, span);
  }

  /** A deleted sheet's values go too. */
  removeSheet(sheet: { name: string }): void {
    if (!this.ready) return;
    const id = this.ids.get(sheet);
    if (id === undefined) return;
    this.hf.removeSheet(id);
    this.ids.delete(sheet);
    this.names.delete(sheet);
  }

  /** Mirror a block of values (blank as '', errors as their codes) at 1-based (row, col). */
  setValues(
    sheet: { name: string },
    row: number,
    col: number,
    values: MirrorValue[][],
    skipBlanks = false,
  ): void {
    if (!this.ready) return;
    const id = this.sheetId(sheet);
    const tz = this.ctx.timeZone();
    // straight into the dependency graph: setCellContents re-parses every string as a possible
    // number or date and records undo entries and change lists the mirror never reads
    const hf = this.hf as unknown as Internals;
    const graph = hf.dependencyGraph;
    for (let i = 0; i < values.length; i++) {
      const r = values[i];
      for (let j = 0; j < r.length; j++) {
        const v = r[j];
        const address = { sheet: id, row: row - 1 + i, col: col - 1 + j };
        if (v === '' || v === undefined) {
          if (!skipBlanks) graph.setCellEmpty(address);
          continue;
        }
        let parsed: unknown = v;
        if (isDate(v)) parsed = hf._cellContentParser.parse(localWallClock(v, tz)).value;
        else if (typeof v === 'object') parsed = new CellError((TYPE_BY_CODE[v.error] ?? 'ERROR') as never);
        graph.setValueToCell(address, { parsedValue: parsed, rawValue: parsed });
      }
    }
    graph.graph.clearDirtyNodes();
  }

  /** Evaluate an engine-syntax formula (`=...`) as if it were in `sheet`. */
  evaluate(formula: string, sheet: { name: string }): EngineValue {
    const id = this.sheetId(sheet);
    const hf = this.hf as unknown as Internals;
    const { ast, address, dependencies } = hf.extractTemporaryFormula(formula, id);
    if (ast === undefined) return { kind: 'error', code: '#ERROR!', why: 'Formula parse error.' };
    const out = hf.evaluator.runAndForget(ast, address, dependencies);
    const tz = this.ctx.timeZone();
    if (out instanceof CellError) return fromError(out);
    if (out instanceof SimpleRangeValue) {
      const rows: CellValue[][] = [];
      for (const r of out.data as Scalar[][]) {
        const row: CellValue[] = [];
        for (const x of r)
          row.push(x instanceof CellError ? (ERROR_CODES[x.type] ?? '#ERROR!') : fromScalar(x, tz));
        rows.push(row);
      }
      return { kind: 'array', rows };
    }
    return { kind: 'value', v: fromScalar(out, tz) };
  }
}

function fromError(e: CellError): EngineValue {
  const code = ERROR_CODES[e.type] ?? '#ERROR!';
  if (e.type === 'ERROR' && /^Parsing error/.test(e.message ?? ''))
    return { kind: 'error', code, why: `Formula parse error. (engine: ${e.message})` };
  return { kind: 'error', code, why: e.message || `${code} from a referenced cell` };
}

function fromScalar(x: Scalar, tz: string): CellValue {
  if (x === EmptyValue || x === null || x === undefined) return '';
  if (typeof x === 'string' || typeof x === 'boolean') return x;
  const n = getRawValue(x) as number;
  const type = isRich(x) ? x.getDetailedType() : 'NUMBER_RAW';
  if (
    type === NumberType.NUMBER_DATE ||
    type === NumberType.NUMBER_DATETIME ||
    type === NumberType.NUMBER_TIME
  )
    return serialToDate(n, tz);
  return n;
}

/** HyperFormula reads a Date through its local getters: hand it the zone's wall clock. */
function localWallClock(v: Date, tz: string): Date {
  const serial = dateToSerial(v, tz);
  const days = Math.floor(serial);
  return new Date(1899, 11, 30 + days, 0, 0, 0, Math.round((serial - days) * 86400000));
}
