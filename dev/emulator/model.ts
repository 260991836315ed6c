/**
 * The in-memory document: sheets of cells, named ranges, protections, and the formula engine.
 * The Apps Script-facing classes (spreadsheet.ts) are thin views over this model.
 */
import { GridRange, formatA1, resolveA1 } from './a1';
import { isDate } from './dates';
import {
  BUILTINS,
  Corner,
  FormulaParseError,
  Node,
  RefParts,
  parseFormula,
  refToA1,
  rewriteRefs,
  shiftSpan,
} from './formula';
import { CellValue } from './values';

export interface Style {
  fontWeight?: string;
  fontColor?: string;
  fontSize?: number;
  fontStyle?: string;
  fontFamily?: string;
  background?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  wrapStrategy?: string;
}

export interface Cell {
  /** literal value (non-formula cells) */
  v?: CellValue;
  /** formula text, starting with '=' */
  f?: string;
  /** a typed '+foo' / '-foo' / '@foo': a formula Sheets can't parse (#ERROR!) */
  bad?: boolean;
  /** computed value of a formula cell */
  cv?: CellValue;
  /** why a formula cell shows an error */
  why?: string;
  nf?: string;
  note?: string;
  dv?: unknown;
  st?: Style;
  gen?: number;
  busy?: boolean;
  /** cells this formula's references cover (null: unknown, always recompute), for `depsFor` */
  deps?: Span[] | null;
  depsFor?: string;
  /** where the last result went (anchor + spill size, also when the spill was blocked) */
  out?: Span;
}

export interface Span {
  sheet: SheetModel;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ProtectionModel {
  kind: 'RANGE' | 'SHEET';
  sheet: SheetModel;
  span: Span | null; // null for a sheet protection
  description: string;
  warningOnly: boolean;
  unprotected: Span[];
  editors: string[];
  domainEdit: boolean;
}

export interface ChartModel {
  id: string;
  type: string;
  ranges: Span[];
  options: Record<string, unknown>;
  anchorRow: number;
  anchorCol: number;
  offsetX: number;
  offsetY: number;
  hidden: string;
  merge: string;
  numHeaders: number;
  transpose: boolean;
}

export interface ConditionalRuleModel {
  ranges: Span[];
  [k: string]: unknown;
}

const KEY = 100000;
const key = (r: number, c: number) => r * KEY + c;

export class SheetModel {
  rows: (Cell | undefined)[][] = [];
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  conditionalRules: ConditionalRuleModel[] = [];
  charts: ChartModel[] = [];
  merges: Span[] = [];
  borders: { span: Span; args: unknown[] }[] = [];
  /** values spilled by array results: (row, col) -> value and the formula cell that produced it */
  spill = new Map<number, { v: CellValue; anchor: Cell }>();
  /** formula cells in row-major order (rebuilt at each recalculation) */
  formulaCells: { r: number; c: number; cell: Cell }[] = [];

  constructor(
    public id: number,
    public name: string,
  ) {}

  cell(r: number, c: number): Cell | undefined {
    const row = this.rows[r - 1];
    return row ? row[c - 1] : undefined;
  }

  ensure(r: number, c: number): Cell {
    let row = this.rows[r - 1];
    if (!row) row = this.rows[r - 1] = [];
    let cell = row[c - 1];
    if (!cell) cell = row[c - 1] = {};
    return cell;
  }

  spillAt(r: number, c: number) {
    return this.spill.get(key(r, c));
  }

  /** value as getValues returns it (formula cells: computed value; spilled cells: spilled value) */
  valueAt(r: number, c: number): CellValue {
    const cell = this.cell(r, c);
    if (cell) {
      if (cell.f !== undefined) return cell.cv ?? '';
      if (cell.v !== undefined && cell.v !== '') return cell.v;
    }
    const s = this.spill.get(key(r, c));
    return s ? s.v : '';
  }

  hasContent(r: number, c: number): boolean {
    const cell = this.cell(r, c);
    return !!cell && (cell.f !== undefined || (cell.v !== undefined && cell.v !== ''));
  }

  lastRow(): number {
    let last = 0;
    for (let r = this.rows.length; r >= 1 && !last; r--) {
      const row = this.rows[r - 1];
      if (row && row.some((c) => c && (c.f !== undefined || (c.v !== undefined && c.v !== '')))) last = r;
    }
    for (const k of this.spill.keys()) last = Math.max(last, Math.floor(k / KEY));
    return last;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const cell = row[c - 1];
        if (cell && (cell.f !== undefined || (cell.v !== undefined && cell.v !== ''))) {
          last = c;
          break;
        }
      }
    }
    for (const k of this.spill.keys()) last = Math.max(last, k % KEY);
    return last;
  }

  *allCells(): Generator<{ r: number; c: number; cell: Cell }> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell) yield { r: r + 1, c: c + 1, cell };
      }
    }
  }
}

/** Result of evaluating a formula. */
export type CalcResult =
  | { kind: 'value'; v: CellValue }
  | { kind: 'array'; rows: CellValue[][] }
  | { kind: 'error'; code: string; why: string };

/** How the engine calls the bundle's functions (set by the emulator). */
export interface CustomFunctionHost {
  /** the callable name for a formula name (case-insensitive), or null if the bundle has none */
  resolve(name: string): string | null;
  invoke(name: string, args: unknown[]): { ok: true; value: unknown } | { ok: false; message: string };
}

class NotComputed extends Error {}
class CellError extends Error {
  constructor(
    public code: string,
    public why: string,
  ) {
    super(why);
  }
}

const CIRCULAR = 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';

export class Workbook {
  sheets: SheetModel[] = [];
  active!: SheetModel;
  activeRange: Span | null = null;
  namedRanges = new Map<string, Span>();
  protections: ProtectionModel[] = [];
  dirty = false;
  /** everything must be recomputed (structure changed, new bundle...) */
  dirtyAll = true;
  /** cells written since the last recalculation */
  dirtyRects: Span[] = [];
  calculating = false;
  gen = 0;
  nextSheetId = 0;
  host: CustomFunctionHost | null = null;
  private parsed = new Map<string, Node | FormulaParseError>();

  constructor(
    public id: string,
    public name: string,
    public locale: string,
    public timeZone: string,
  ) {}

  findSheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    const s = new SheetModel(id, name);
    this.sheets.splice(index, 0, s);
    this.touch();
    return s;
  }

  /** Something changed: `span` when only those cells' contents did, nothing for anything else. */
  touch(span?: Span): void {
    this.dirty = true;
    if (!span) this.dirtyAll = true;
    else if (!this.dirtyAll) this.dirtyRects.push(span);
  }

  /** Recalculate if anything changed since the last read (lazy, so bulk writes stay cheap). */
  ensureCalculated(): void {
    if (this.dirty && !this.calculating) this.recalculate();
  }

  // -------------------------------------------------------------------------------------------
  // Structure

  /** Insert (count > 0) or delete (count < 0) rows/columns at `at` on `sheet`, shifting cells and references. */
  shift(sheet: SheetModel, axis: 'row' | 'col', at: number, count: number): void {
    if (axis === 'row') {
      if (count > 0) {
        if (at - 1 < sheet.rows.length)
          sheet.rows.splice(at - 1, 0, ...(new Array(count) as (Cell | undefined)[][]));
        sheet.maxRows += count;
      } else {
        sheet.rows.splice(at - 1, -count);
        sheet.maxRows += count;
      }
    } else {
      for (let i = 0; i < sheet.rows.length; i++) {
        const row = sheet.rows[i];
        if (!row) continue;
        if (count > 0) {
          if (at - 1 < row.length) row.splice(at - 1, 0, ...new Array<undefined>(count));
        } else row.splice(at - 1, -count);
      }
      sheet.maxCols += count;
    }
    const remap = (m: Map<number, number>) => {
      const entries = [...m.entries()];
      m.clear();
      for (const [k, v] of entries) {
        const s = shiftSpan(k, k, at, count);
        if (s && s.start !== null) m.set(s.start, v);
      }
    };
    if (axis === 'row') remap(sheet.rowHeights);
    else remap(sheet.colWidths);

    // references in every formula of every sheet
    for (const s of this.sheets) {
      for (const { cell } of s.allCells()) {
        if (cell.f === undefined || cell.bad) continue;
        cell.f = rewriteRefs(cell.f, (ref) => {
          const target = ref.sheet === null ? s : this.findSheet(ref.sheet);
          if (target !== sheet) return undefined;
          return shiftRef(ref, axis, at, count);
        });
      }
    }
    // spans held elsewhere
    const shiftSpanModel = (sp: Span): Span | null => {
      if (sp.sheet !== sheet) return sp;
      const [start, num] = axis === 'row' ? [sp.row, sp.numRows] : [sp.col, sp.numCols];
      const r = shiftSpan(start, start + num - 1, at, count);
      if (!r || r.start === null || r.end === null) return null;
      return axis === 'row'
        ? { ...sp, row: r.start, numRows: r.end - r.start + 1 }
        : { ...sp, col: r.start, numCols: r.end - r.start + 1 };
    };
    for (const [name, sp] of [...this.namedRanges]) {
      const n = shiftSpanModel(sp);
      if (n) this.namedRanges.set(name, n);
      else this.namedRanges.delete(name);
    }
    for (const p of this.protections) {
      if (p.span) p.span = shiftSpanModel(p.span) ?? p.span;
      p.unprotected = p.unprotected.map((u) => shiftSpanModel(u)).filter((u): u is Span => !!u);
    }
    for (const s of this.sheets) {
      for (const rule of s.conditionalRules)
        rule.ranges = rule.ranges.map((u) => shiftSpanModel(u)).filter((u): u is Span => !!u);
      for (const ch of s.charts)
        ch.ranges = ch.ranges.map((u) => shiftSpanModel(u)).filter((u): u is Span => !!u);
    }
    sheet.merges = sheet.merges.map((u) => shiftSpanModel(u)).filter((u): u is Span => !!u);
    this.touch();
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const old = sheet.name;
    for (const s of this.sheets) {
      for (const { cell } of s.allCells()) {
        if (cell.f === undefined || cell.bad) continue;
        cell.f = rewriteRefs(cell.f, (ref) =>
          ref.sheet !== null && ref.sheet.toLowerCase() === old.toLowerCase()
            ? { ...ref, sheet: name }
            : undefined,
        );
      }
    }
    sheet.name = name;
    this.touch();
  }

  deleteSheet(sheet: SheetModel): void {
    const name = sheet.name.toLowerCase();
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const s of this.sheets) {
      for (const { cell } of s.allCells()) {
        if (cell.f === undefined || cell.bad) continue;
        cell.f = rewriteRefs(cell.f, (ref) =>
          ref.sheet !== null && ref.sheet.toLowerCase() === name ? '#REF!' : undefined,
        );
      }
    }
    for (const [n, sp] of [...this.namedRanges]) if (sp.sheet === sheet) this.namedRanges.delete(n);
    this.protections = this.protections.filter((p) => p.sheet !== sheet);
    if (this.active === sheet) this.active = this.sheets[0];
    if (this.activeRange?.sheet === sheet) this.activeRange = null;
    this.touch();
  }

  // -------------------------------------------------------------------------------------------
  // Formula engine

  recalculate(): void {
    this.calculating = true;
    this.dirty = false;
    this.gen++;
    const all = this.dirtyAll;
    const dirty = this.dirtyRects;
    this.dirtyAll = false;
    this.dirtyRects = [];
    try {
      for (const s of this.sheets) {
        s.formulaCells = [];
        for (const fc of s.allCells()) if (fc.cell.f !== undefined) s.formulaCells.push(fc);
      }
      if (all) for (const s of this.sheets) s.spill.clear();
      else this.keepUnaffected(dirty);
      for (const s of this.sheets) for (const fc of s.formulaCells) this.evalCell(s, fc.r, fc.c, fc.cell);
    } finally {
      this.calculating = false;
    }
  }

  /**
   * Incremental recalculation: formulas whose references, own cell or output area meet a
   * written cell (or the output of another recomputed formula) are recomputed; the others keep
   * their values and spills (marked computed for this generation).
   */
  private keepUnaffected(dirty: Span[]): void {
    // spills of formulas that were removed or overwritten
    for (const s of this.sheets) {
      for (const [k, sp] of s.spill) {
        if (sp.anchor.f === undefined) {
          s.spill.delete(k);
          dirty.push({ sheet: s, row: Math.floor(k / KEY), col: k % KEY, numRows: 1, numCols: 1 });
        }
      }
    }
    const hit = (sp: Span) => dirty.some((d) => overlaps(d, sp));
    const affected = new Set<Cell>();
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of this.sheets) {
        for (const { r, c, cell } of s.formulaCells) {
          if (affected.has(cell)) continue;
          const here = { sheet: s, row: r, col: c, numRows: 1, numCols: 1 };
          const deps = this.depsOf(cell, s);
          if (
            cell.gen === undefined ||
            deps === null ||
            hit(here) ||
            (cell.out && hit(cell.out)) ||
            deps.some((d) => hit(d))
          ) {
            affected.add(cell);
            dirty.push(cell.out ?? here);
            grew = true;
          }
        }
      }
    }
    for (const s of this.sheets) {
      for (const { cell } of s.formulaCells) {
        if (!affected.has(cell)) {
          cell.gen = this.gen;
          continue;
        }
        cell.gen = undefined;
        const o = cell.out;
        if (o)
          for (let i = 0; i < o.numRows; i++)
            for (let j = 0; j < o.numCols; j++) {
              const k = key(o.row + i, o.col + j);
              if (o.sheet.spill.get(k)?.anchor === cell) o.sheet.spill.delete(k);
            }
      }
    }
  }

  /** The cells a formula's references cover, from its text (null when not statically known). */
  private depsOf(cell: Cell, host: SheetModel): Span[] | null {
    if (cell.depsFor === cell.f && cell.deps !== undefined) return cell.deps;
    const node = cell.bad ? null : this.parse(cell.f!);
    let deps: Span[] | null = [];
    const walk = (n: Node): void => {
      if (!deps) return;
      if (n.k === 'ref') {
        const target = n.ref.sheet === null ? host : this.findSheet(n.ref.sheet);
        if (!target) return;
        const g = resolveA1(refToA1(n.ref), target.maxRows, target.maxCols);
        deps.push({ sheet: target, ...g });
      } else if (n.k === 'name') deps = null;
      else if (n.k === 'call') n.args.forEach(walk);
      else if (n.k === 'unary' || n.k === 'percent') walk(n.e);
      else if (n.k === 'binary') {
        walk(n.l);
        walk(n.r);
      } else if (n.k === 'array') n.rows.forEach((row) => row.forEach(walk));
    };
    if (node && !(node instanceof FormulaParseError)) walk(node);
    cell.deps = deps;
    cell.depsFor = cell.f;
    return deps;
  }

  private parse(f: string): Node | FormulaParseError {
    let p = this.parsed.get(f);
    if (!p) {
      try {
        p = parseFormula(f);
      } catch (e) {
        p = e instanceof FormulaParseError ? e : new FormulaParseError('Formula parse error.');
      }
      this.parsed.set(f, p);
    }
    return p;
  }

  private evalCell(sheet: SheetModel, r: number, c: number, cell: Cell): void {
    if (cell.gen === this.gen || cell.busy) return;
    cell.busy = true;
    let res: CalcResult;
    try {
      if (cell.bad) res = { kind: 'error', code: '#ERROR!', why: 'Formula parse error.' };
      else {
        const node = this.parse(cell.f!);
        if (node instanceof FormulaParseError) res = { kind: 'error', code: '#ERROR!', why: node.message };
        else res = this.evalTop(node, sheet);
      }
    } finally {
      cell.busy = false;
    }
    cell.gen = this.gen;
    cell.why = undefined;
    cell.out = { sheet, row: r, col: c, numRows: 1, numCols: 1 };
    if (res.kind === 'error') {
      cell.cv = res.code;
      cell.why = res.why;
      return;
    }
    if (res.kind === 'value') {
      cell.cv = res.v;
      return;
    }
    const rows = res.rows;
    const h = rows.length;
    const w = rows[0]?.length ?? 0;
    if (h === 0 || w === 0) {
      cell.cv = '';
      return;
    }
    cell.out = { sheet, row: r, col: c, numRows: h, numCols: w };
    if (r + h - 1 > sheet.maxRows || c + w - 1 > sheet.maxCols) {
      cell.cv = '#REF!';
      cell.why =
        r + h - 1 > sheet.maxRows
          ? `Result was not automatically expanded, please insert more rows (${r + h - 1 - sheet.maxRows}).`
          : `Result was not automatically expanded, please insert more columns (${c + w - 1 - sheet.maxCols}).`;
      return;
    }
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        if (i === 0 && j === 0) continue;
        if (sheet.hasContent(r + i, c + j) || sheet.spill.has(key(r + i, c + j))) {
          cell.cv = '#REF!';
          cell.why = `Array result was not expanded because it would overwrite data in ${formatA1(r + i, c + j)}.`;
          return;
        }
      }
    }
    cell.cv = rows[0][0];
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++)
        if (i || j) sheet.spill.set(key(r + i, c + j), { v: rows[i][j], anchor: cell });
  }

  private evalTop(node: Node, sheet: SheetModel): CalcResult {
    try {
      const v = this.evalNode(node, sheet, true);
      if (v instanceof RangeValue) {
        if (v.rows.length === 1 && v.rows[0].length === 1) return { kind: 'value', v: v.rows[0][0] };
        return { kind: 'array', rows: v.rows };
      }
      return toResult(v);
    } catch (e) {
      if (e instanceof CellError) return { kind: 'error', code: e.code, why: e.why };
      if (e instanceof NotComputed) return { kind: 'error', code: '#N/A', why: e.message };
      throw e;
    }
  }

  /** Evaluate to a scalar, a RangeValue (references) or a returned array (unknown[][]). */
  private evalNode(node: Node, sheet: SheetModel, top = false): unknown {
    switch (node.k) {
      case 'num':
        return node.v;
      case 'str':
        return node.v;
      case 'bool':
        return node.v;
      case 'empty':
        return '';
      case 'err':
        throw new CellError(node.v, node.v === '#REF!' ? 'Reference does not exist.' : `${node.v} literal`);
      case 'ref':
        return this.readRef(node.ref, sheet, top);
      case 'name': {
        const span = this.namedRanges.get(node.name) ?? this.namedRangeCi(node.name);
        if (!span) throw new CellError('#NAME?', `Unknown range name: '${node.name.toUpperCase()}'.`);
        return this.readSpan(span.sheet, span, top);
      }
      case 'unary':
        if (node.e.k === 'num') return node.op === '-' ? -node.e.v : node.e.v;
        throw new NotComputed(`Operator ${node.op} is not computed by the emulator`);
      case 'percent':
        if (node.e.k === 'num') return node.e.v / 100;
        if (node.e.k === 'unary' && node.e.e.k === 'num')
          return (node.e.op === '-' ? -node.e.e.v : node.e.e.v) / 100;
        throw new NotComputed('Operator % is not computed by the emulator');
      case 'binary':
        throw new NotComputed(`Operator ${node.op} is not computed by the emulator`);
      case 'array':
        throw new NotComputed('Array literal {…} is not computed by the emulator');
      case 'call':
        return this.evalCall(node.name, node.args, sheet);
    }
  }

  private namedRangeCi(name: string): Span | undefined {
    const lower = name.toLowerCase();
    for (const [n, s] of this.namedRanges) if (n.toLowerCase() === lower) return s;
    return undefined;
  }

  private evalCall(name: string, args: Node[], sheet: SheetModel): unknown {
    const upper = name.toUpperCase();
    if (BUILTINS.has(upper))
      throw new NotComputed(`Built-in Sheets function ${upper} is not computed by the emulator`);
    const fn = this.host?.resolve(name) ?? null;
    if (!fn) throw new CellError('#NAME?', `Unknown function: '${name}'.`);
    const values: unknown[] = [];
    for (const a of args) {
      const v = this.evalNode(a, sheet);
      if (v instanceof RangeValue)
        values.push(v.rows.length === 1 && v.rows[0].length === 1 ? v.rows[0][0] : v.rows);
      else values.push(v);
    }
    const out = this.host!.invoke(fn, values);
    if (!out.ok) throw new CellError('#ERROR!', out.message);
    return normalizeReturn(out.value);
  }

  private readRef(ref: RefParts, sheet: SheetModel, top: boolean): RangeValue | CellValue {
    let target = sheet;
    if (ref.sheet !== null) {
      const t = this.findSheet(ref.sheet);
      if (!t) throw new CellError('#REF!', `Unresolved sheet name '${ref.sheet}'.`);
      target = t;
    }
    const g = resolveA1(refToA1(ref), target.maxRows, target.maxCols);
    if (g.row + g.numRows - 1 > target.maxRows || g.col + g.numCols - 1 > target.maxCols)
      throw new CellError(
        '#REF!',
        `Range ${formatA1(g.row, g.col, g.numRows, g.numCols)} is outside the sheet.`,
      );
    return this.readSpan(target, g, top);
  }

  private readSpan(target: SheetModel, g: GridRange, top: boolean): RangeValue | CellValue {
    const r2 = g.row + g.numRows - 1;
    const c2 = g.col + g.numCols - 1;
    // formulas up and left of the range's far corner may spill into it: compute them first
    for (const fc of target.formulaCells) {
      if (fc.r <= r2 && fc.c <= c2 && fc.cell.gen !== this.gen && !fc.cell.busy)
        this.evalCell(target, fc.r, fc.c, fc.cell);
    }
    if (g.numRows === 1 && g.numCols === 1) {
      const cell = target.cell(g.row, g.col);
      if (cell && cell.f !== undefined) {
        if (cell.busy) throw new CellError('#REF!', CIRCULAR);
        this.evalCell(target, g.row, g.col, cell);
        if (cell.why !== undefined && typeof cell.cv === 'string') {
          // an error in a referenced cell propagates (a circular reference stays circular)
          throw new CellError(cell.cv, cell.why);
        }
      }
      return target.valueAt(g.row, g.col);
    }
    const rows: CellValue[][] = [];
    for (let r = g.row; r <= r2; r++) {
      const row: CellValue[] = [];
      for (let c = g.col; c <= c2; c++) {
        const cell = target.cell(r, c);
        if (cell && cell.f !== undefined && cell.busy) throw new CellError('#REF!', CIRCULAR);
        row.push(target.valueAt(r, c));
      }
      rows.push(row);
    }
    return new RangeValue(rows);
  }
}

function overlaps(a: Span, b: Span): boolean {
  return (
    a.sheet === b.sheet &&
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.col <= b.col + b.numCols - 1 &&
    b.col <= a.col + a.numCols - 1
  );
}

class RangeValue {
  constructor(public rows: CellValue[][]) {}
}

function shiftCorners(a: Corner, b: Corner | null, axis: 'row' | 'col', at: number, count: number) {
  const k = axis === 'row' ? 'row' : 'col';
  const bb = b ?? a;
  const x = a[k];
  const y = bb[k];
  if (x === null) return { a, b }; // whole rows/columns on the other axis
  let lo = x;
  let hi: number | null = y;
  const aIsLo = y === null || x <= y;
  if (y !== null && y < x) {
    lo = y;
    hi = x;
  }
  const s = shiftSpan(lo, hi, at, count);
  if (!s) return null;
  const na = { ...a };
  const nb = b ? { ...b } : null;
  if (!nb) {
    na[k] = s.start;
    return { a: na, b: nb };
  }
  if (aIsLo) {
    na[k] = s.start;
    nb[k] = s.end;
  } else {
    na[k] = s.end;
    nb[k] = s.start;
  }
  return { a: na, b: nb };
}

function shiftRef(ref: RefParts, axis: 'row' | 'col', at: number, count: number): RefParts | '#REF!' {
  const r = shiftCorners(ref.a, ref.b, axis, at, count);
  if (!r) return '#REF!';
  return { sheet: ref.sheet, a: r.a, b: r.b };
}

function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (isDate(v)) return new Date((v as Date).getTime());
  return String(v);
}

/** A custom function's return value, as Sheets reads it. */
function normalizeReturn(v: unknown): unknown {
  if (!Array.isArray(v)) {
    const c = toCell(v);
    if (typeof c === 'string' && c.length > 50000)
      throw new CellError(
        '#ERROR!',
        `Text result of ${c.length} characters is longer than the limit of 50000 characters.`,
      );
    if (c === '#NUM!' && typeof v === 'number')
      throw new CellError('#NUM!', 'The result is not a finite number.');
    return c;
  }
  if (v.length === 0) return '';
  const nested = v.some((row) => Array.isArray(row));
  // a one-dimensional array fills a column
  const rows: unknown[][] = nested ? v.map((row) => (Array.isArray(row) ? row : [row])) : v.map((x) => [x]);
  const width = Math.max(...rows.map((r) => r.length));
  const out = rows.map((r) => {
    const row: CellValue[] = [];
    for (let j = 0; j < width; j++) row.push(toCell(r[j]));
    return row;
  });
  return new RangeValue(out);
}

function toResult(v: unknown): CalcResult {
  if (v instanceof RangeValue) return { kind: 'array', rows: v.rows };
  return { kind: 'value', v: toCell(v) };
}
