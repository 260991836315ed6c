/**
 * The in-memory document: sheets of cells, named ranges, protections, and the formula engine.
 * The Apps Script-facing classes (spreadsheet/*.ts) are thin views over this model.
 */
import { GridRange, formatA1, resolveA1 } from './a1';
import { dateToSerial, isDate, serialToDate } from './dates';
import { FormulaEngine, MirrorValue, SHEETS_FUNCTIONS, engineHasFunction } from './engine';
import {
  BUILTINS,
  Corner,
  FormulaParseError,
  Node,
  RefParts,
  formulaString,
  parseFormula,
  refToA1,
  rewriteRefs,
  shiftSpan,
  toEngineText,
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
  busy?: boolean;
  /** the formula's inputs changed since it was last computed (see Workbook) */
  stale?: boolean;
  /** its spilled values are in the sheet's `spill` map */
  placed?: boolean;
  /** the formula's entry in the dependency index */
  fe?: FormulaEntry;
  /** where the last result went (anchor + spill size, also when the spill was blocked) */
  out?: Span;
  /** a SPARKLINE's data (the cell's value is blank; the playground draws it) */
  spark?: number[];
}

/** A formula cell in the dependency index. */
export interface FormulaEntry {
  sheet: SheetModel;
  r: number;
  c: number;
  cell: Cell;
  /** the formula text `deps` was computed for */
  f: string;
  /** the cells its references cover (open-ended references reach any row/column) */
  deps: Span[];
  /** it calls TODAY() (recomputed when the day changes) or NOW() (when the clock moves) */
  volatile?: 'today' | 'now';
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
  /** dependency index: formula cells by position */
  formulas = new Map<number, FormulaEntry>();
  /** formulas (of any sheet) with a reference into this sheet */
  readers = new Set<FormulaEntry>();
  /** formulas of this sheet whose result is (or would be, if not blocked) larger than one cell */
  spillers = new Set<FormulaEntry>();
  /** formulas of this sheet to recompute */
  stale = new Set<FormulaEntry>();

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
    for (const fe of this.spillers) {
      const o = fe.cell.out;
      if (fe.cell.placed && o) last = Math.max(last, o.row + o.numRows - 1);
    }
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
    for (const fe of this.spillers) {
      const o = fe.cell.out;
      if (fe.cell.placed && o) last = Math.max(last, o.col + o.numCols - 1);
    }
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

/**
 * Thrown to unwind a formula computed early only because its spill might reach a range being
 * read (it is up and left of it), when it turns out to read the cell doing the reading: it is
 * computed later, in its turn, instead of showing a circular reference its result may not make.
 */
class Deferred extends Error {
  constructor(public entry: FormulaEntry) {
    super('deferred');
  }
}

const CIRCULAR = 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';

export class Workbook {
  sheets: SheetModel[] = [];
  active!: SheetModel;
  activeRange: Span | null = null;
  namedRanges = new Map<string, Span>();
  protections: ProtectionModel[] = [];
  /** everything must be recomputed (structure changed, new bundle...): the index is rebuilt */
  dirtyAll = true;
  /** spans written since the last read, not yet applied to the dependency index */
  pending: Span[] = [];
  calculating = false;
  /** formula evaluations so far (what a benchmark or a test of laziness watches) */
  evaluations = 0;
  /** the pass under way recomputes every formula, in row-major order */
  private full = false;
  /** an incremental pass met spills competing for cells (order-dependent): recompute everything */
  private needFull = false;
  private passEvaluations = 0;
  /** the formulas being computed, innermost last; `early`: computed for a spill it might have */
  private stack: { fe: FormulaEntry; early: boolean }[] = [];
  nextSheetId = 0;
  host: CustomFunctionHost | null = null;
  private parsed = new Map<string, Node | FormulaParseError>();
  /** the emulator clock */
  clock: () => Date = () => new Date();
  /** whether a read comes from outside any execution (a test or the playground reading cells) */
  hostRead: () => boolean = () => true;
  /** the time TODAY() and NOW() show: the clock as last read by `tick` */
  private nowStamp: Date | null = null;
  private dayStamp = NaN;
  /** formulas calling TODAY() or NOW() */
  private volatiles = new Set<FormulaEntry>();
  /** Sheets' built-in functions and operators, over a value-only mirror of the sheets */
  readonly engine: FormulaEngine;
  /** spans written since the mirror last copied them */
  private unmirrored: Span[] = [];
  /** the time zone the mirror's dates were written in (null: the mirror must be rebuilt) */
  private mirrorZone: string | null = null;

  constructor(
    public id: string,
    public name: string,
    public locale: string,
    public timeZone: string,
  ) {
    this.engine = new FormulaEngine({
      now: () => this.now(),
      timeZone: () => this.timeZone,
      sparkline: (values) => {
        const top = this.stack[this.stack.length - 1];
        if (top) top.fe.cell.spark = values;
      },
    });
  }

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
    if (span) {
      const last = this.unmirrored[this.unmirrored.length - 1];
      if (!last || !sameSpan(last, span)) this.unmirrored.push(span);
    }
    if (!span) this.dirtyAll = true;
    else if (!this.dirtyAll) {
      const last = this.pending[this.pending.length - 1];
      if (!last || !sameSpan(last, span)) this.pending.push(span);
    }
  }

  /**
   * Bring formula results up to date before a read (lazy, so bulk writes stay cheap). `scope`: the
   * range or sheet about to be read; only stale formulas that can write into it are computed (and,
   * on demand, what they read). Without a scope, every stale formula is.
   */
  ensureCalculated(scope?: Span | SheetModel): void {
    if (this.calculating) return;
    // after a structural change every formula is stale, and a read computes what it reaches
    if (this.dirtyAll) this.rebuild();
    if (this.pending.length) {
      this.syncMirror();
      this.applyWrites();
    }
    if (this.hostRead()) this.tick();
    const sheets = scope === undefined ? this.sheets : [scope instanceof SheetModel ? scope : scope.sheet];
    if (!sheets.some((s) => s.stale.size)) return;
    this.calculating = true;
    this.needFull = false;
    this.passEvaluations = 0;
    try {
      if (scope === undefined) {
        while (!this.needFull && this.sheets.some((s) => s.stale.size))
          for (const s of this.sheets) this.evalUpTo(s, Infinity, Infinity);
      } else if (scope instanceof SheetModel) this.evalUpTo(scope, Infinity, Infinity);
      else this.evalUpTo(scope.sheet, scope.row + scope.numRows - 1, scope.col + scope.numCols - 1);
    } finally {
      this.calculating = false;
    }
    if (this.needFull) this.recalculate();
  }

  /**
   * Volatile functions recompute on every change (Sheets' default "On change" recalculation), so
   * a read after the clock moved shows the new time without anyone recalculating.
   */
  tick(): void {
    const now = this.clock();
    const before = this.nowStamp;
    if (before && now.getTime() === before.getTime()) return;
    const day = Math.floor(dateToSerial(now, this.timeZone));
    const newDay = day !== this.dayStamp;
    this.nowStamp = now;
    this.dayStamp = day;
    if (!before || this.dirtyAll) return;
    for (const fe of this.volatiles) if (newDay || fe.volatile === 'now') this.markStale(fe);
  }

  /** The time volatile functions show (read once per execution and per outside read, see `tick`). */
  now(): Date {
    if (!this.nowStamp) this.tick();
    return this.nowStamp!;
  }

  // -------------------------------------------------------------------------------------------
  // Structure

  /** Insert (count > 0) or delete (count < 0) rows/columns at `at` on `sheet`, shifting cells and references. */
  shift(sheet: SheetModel, axis: 'row' | 'col', at: number, count: number): void {
    // the mirror moves its values the same way (spills are placed again by the recalculation)
    this.syncMirror();
    this.dropSpills();
    this.engine.shift(sheet, axis, at, count);
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
    this.syncMirror();
    this.engine.removeSheet(sheet);
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

  /** Recompute every formula from scratch (after structural changes), rebuilding the dependency index. */
  recalculate(): void {
    this.calculating = true;
    this.full = true;
    this.needFull = false;
    try {
      for (const fe of this.rebuild()) this.evalCell(fe);
    } finally {
      this.calculating = false;
      this.full = false;
    }
  }

  /** Rebuild the dependency index with every formula stale; returns them in row-major order. */
  private rebuild(): FormulaEntry[] {
    this.dirtyAll = false;
    this.pending = [];
    this.volatiles.clear();
    this.dropSpills();
    this.syncMirror();
    {
      for (const s of this.sheets) {
        s.formulas.clear();
        s.readers.clear();
        s.spillers.clear();
        s.stale.clear();
        s.spill.clear();
      }
      const order: FormulaEntry[] = [];
      for (const s of this.sheets)
        for (const { r, c, cell } of s.allCells()) {
          if (cell.f === undefined) {
            cell.fe = undefined;
            continue;
          }
          cell.placed = false;
          cell.out = undefined;
          order.push(this.addFormula(s, r, c, cell));
        }
      return order;
    }
  }

  /** Apply the pending writes to the dependency index and mark what they affect stale. */
  private applyWrites(): void {
    const spans = this.pending;
    this.pending = [];
    for (const w of spans) {
      const s = w.sheet;
      if (!this.sheets.includes(s)) continue;
      // formulas written, rewritten or removed in the span
      const rEnd = Math.min(w.row + w.numRows - 1, s.rows.length);
      for (let r = w.row; r <= rEnd; r++) {
        const row = s.rows[r - 1];
        if (!row) continue;
        const cEnd = Math.min(w.col + w.numCols - 1, row.length);
        for (let c = w.col; c <= cEnd; c++) {
          const cell = row[c - 1];
          const fe = s.formulas.get(key(r, c));
          if (fe && (fe.cell !== cell || cell.f === undefined)) this.removeFormula(fe);
          if (!cell || cell.f === undefined) continue;
          if (fe && fe.cell === cell) {
            if (fe.f !== cell.f) {
              this.unregister(fe);
              this.register(fe);
            }
            this.markStale(fe);
          } else this.addFormula(s, r, c, cell);
        }
      }
      this.invalidate(w, null);
    }
  }

  /**
   * Copy what cells show into the engine's mirror (formula cells keep what they last showed: they
   * are computed before anything reads them).
   */
  /** Copy the writes the mirror has not seen (all of every sheet when it has to be rebuilt). */
  private syncMirror(): void {
    const spans = this.unmirrored;
    this.unmirrored = [];
    if (this.mirrorZone !== this.timeZone) {
      // dates are mirrored in the spreadsheet's zone: start again, at the next built-in computed
      this.engine.clear();
      this.mirrorZone = this.timeZone;
    }
    if (!this.engine.ready) return;
    for (const w of spans) {
      const s = w.sheet;
      if (this.sheets.includes(s))
        this.mirror(s, w.row, w.col, Math.min(w.numRows, s.rows.length - w.row + 1), w.numCols);
    }
  }

  /** Start the mirror: every sheet's values as they show now. */
  private startMirror(): void {
    this.engine.start();
    this.unmirrored = [];
    this.mirrorZone = this.timeZone;
    for (const s of this.sheets) {
      let width = 0;
      let height = s.rows.length;
      for (const row of s.rows) if (row && row.length > width) width = row.length;
      // spilled values have no cell of their own: their extent comes from the formulas that spill
      for (const fe of s.spillers) {
        const out = fe.cell.out;
        if (!fe.cell.placed || !out) continue;
        width = Math.max(width, out.col + out.numCols - 1);
        height = Math.max(height, out.row + out.numRows - 1);
      }
      this.engine.sheetId(s);
      this.mirror(s, 1, 1, height, width, true);
    }
  }

  /** Take every spilled value out of the sheets (and the mirror) before cells move. */
  private dropSpills(): void {
    for (const s of this.sheets) for (const fe of s.spillers) this.clearSpill(fe.cell);
  }

  private mirror(
    s: SheetModel,
    row: number,
    col: number,
    numRows: number,
    numCols: number,
    fresh = false,
  ): void {
    if (numRows <= 0 || numCols <= 0) return;
    const block: MirrorValue[][] = [];
    for (let r = row; r < row + numRows; r++) {
      const out: MirrorValue[] = [];
      for (let c = col; c < col + numCols; c++) {
        const cell = s.cell(r, c);
        out.push(cell && cell.f !== undefined ? mirrorOf(cell) : s.valueAt(r, c));
      }
      block.push(out);
    }
    this.engine.setValues(s, row, col, block, fresh);
  }

  private addFormula(s: SheetModel, r: number, c: number, cell: Cell): FormulaEntry {
    const fe: FormulaEntry = { sheet: s, r, c, cell, f: cell.f!, deps: [] };
    cell.fe = fe;
    cell.stale = true;
    s.formulas.set(key(r, c), fe);
    s.stale.add(fe);
    this.register(fe);
    if (cell.out && cell.out.numRows * cell.out.numCols > 1) s.spillers.add(fe);
    return fe;
  }

  private removeFormula(fe: FormulaEntry): void {
    const s = fe.sheet;
    this.unregister(fe);
    s.formulas.delete(key(fe.r, fe.c));
    s.spillers.delete(fe);
    s.stale.delete(fe);
    const cell = fe.cell;
    if (cell.fe === fe) cell.fe = undefined;
    this.clearSpill(cell);
    const out = cell.out;
    cell.out = undefined;
    cell.stale = undefined;
    this.invalidate(out ?? { sheet: s, row: fe.r, col: fe.c, numRows: 1, numCols: 1 }, null);
  }

  private register(fe: FormulaEntry): void {
    fe.f = fe.cell.f!;
    fe.volatile = undefined;
    fe.deps = this.depsOf(fe.cell, fe.sheet, fe);
    for (const d of fe.deps) d.sheet.readers.add(fe);
    if (fe.volatile) this.volatiles.add(fe);
  }

  private unregister(fe: FormulaEntry): void {
    for (const d of fe.deps) d.sheet.readers.delete(fe);
    this.volatiles.delete(fe);
  }

  /** Remove a formula's spilled values from its sheet. */
  private clearSpill(cell: Cell): void {
    const o = cell.out;
    if (!cell.placed || !o) return;
    cell.placed = false;
    for (let i = 0; i < o.numRows; i++)
      for (let j = 0; j < o.numCols; j++) {
        if (!i && !j) continue;
        const k = key(o.row + i, o.col + j);
        if (o.sheet.spill.get(k)?.anchor === cell) o.sheet.spill.delete(k);
      }
    if (this.sheets.includes(o.sheet)) this.mirror(o.sheet, o.row, o.col, o.numRows, o.numCols);
  }

  /** A formula must be recomputed: its spill goes, and what read its cells must be recomputed too. */
  private markStale(fe: FormulaEntry): void {
    const cell = fe.cell;
    if (cell.stale) return;
    cell.stale = true;
    fe.sheet.stale.add(fe);
    this.clearSpill(cell);
    this.invalidate(cell.out ?? { sheet: fe.sheet, row: fe.r, col: fe.c, numRows: 1, numCols: 1 }, fe);
  }

  /**
   * The values in `changed` changed: formulas that read those cells, or whose output area
   * meets them (a spill they block or unblock), become stale, transitively.
   */
  private invalidate(changed: Span, except: FormulaEntry | null): void {
    const work = [changed];
    for (let w = work.pop(); w; w = work.pop()) {
      const s = w.sheet;
      const hit: FormulaEntry[] = [];
      for (const fe of s.readers) {
        if (fe === except || fe.cell.stale) continue;
        for (const d of fe.deps)
          if (d.sheet === s && overlaps(d, w)) {
            hit.push(fe);
            break;
          }
      }
      for (const fe of s.spillers)
        if (fe !== except && !fe.cell.stale && fe.cell.out && overlaps(fe.cell.out, w)) hit.push(fe);
      for (const fe of hit) {
        const cell = fe.cell;
        if (cell.stale) continue;
        cell.stale = true;
        fe.sheet.stale.add(fe);
        this.clearSpill(cell);
        work.push(cell.out ?? { sheet: fe.sheet, row: fe.r, col: fe.c, numRows: 1, numCols: 1 });
      }
    }
  }

  /**
   * Compute the stale formulas of `sheet` that can write into the area up and left of (r2, c2),
   * in row-major order. In an incremental pass the area grows with the spills placed, so every
   * formula that could compete for a spilled cell is computed in the same pass.
   */
  private evalUpTo(sheet: SheetModel, r2: number, c2: number, reading?: GridRange): void {
    let deferred: Set<FormulaEntry> | null = null;
    for (;;) {
      const todo: FormulaEntry[] = [];
      for (const fe of sheet.stale)
        if (fe.r <= r2 && fe.c <= c2 && !fe.cell.busy && !deferred?.has(fe)) todo.push(fe);
      if (!todo.length) return;
      if (todo.length > 1) todo.sort((a, b) => a.r - b.r || a.c - b.c);
      for (const fe of todo) {
        // computed only for the spill it might have, not because the range holds it
        const early = !!reading && !inGrid(reading, fe.r, fe.c);
        try {
          this.evalCell(fe, early);
        } catch (e) {
          if (!(e instanceof Deferred) || e.entry !== fe) throw e;
          // a formula that reads the cell whose range it may spill into: what shows depends on the
          // order of computation, so an incremental pass settles it the way a full one does
          if (!this.full) {
            this.needFull = true;
            return;
          }
          (deferred ??= new Set()).add(fe);
        }
        if (this.needFull) return;
        const o = fe.cell.out;
        if (!this.full && fe.cell.placed && o) {
          r2 = Math.max(r2, o.row + o.numRows - 1);
          c2 = Math.max(c2, o.col + o.numCols - 1);
        }
      }
    }
  }

  /** What reading a cell that is being computed throws: a circular reference, or a Deferred. */
  private circular(cell: Cell): Error {
    const at = this.stack.findIndex((x) => x.fe.cell === cell);
    for (let i = at + 1; at >= 0 && i < this.stack.length; i++)
      if (this.stack[i].early) return new Deferred(this.stack[i].fe);
    return new CellError('#REF!', CIRCULAR);
  }

  /** The cells a formula's references cover, from its text. */
  private depsOf(cell: Cell, host: SheetModel, fe?: FormulaEntry): Span[] {
    const node = cell.bad ? null : this.parse(cell.f!);
    const deps: Span[] = [];
    const walk = (n: Node): void => {
      if (n.k === 'ref') {
        const target = n.ref.sheet === null ? host : this.findSheet(n.ref.sheet);
        if (!target) return;
        // open-ended references (A2:A) reach rows/columns added later
        const g = resolveA1(refToA1(n.ref), UNBOUNDED, UNBOUNDED);
        deps.push({ sheet: target, ...g });
      } else if (n.k === 'name') {
        const span = this.namedRanges.get(n.name) ?? this.namedRangeCi(n.name);
        if (span) deps.push(span);
      } else if (n.k === 'call') {
        const upper = n.name.toUpperCase();
        if (fe && upper === 'NOW') fe.volatile = 'now';
        else if (fe && upper === 'TODAY') fe.volatile ??= 'today';
        n.args.forEach(walk);
      } else if (n.k === 'unary' || n.k === 'percent') walk(n.e);
      else if (n.k === 'binary') {
        walk(n.l);
        walk(n.r);
      } else if (n.k === 'array') n.rows.forEach((row) => row.forEach(walk));
    };
    if (node && !(node instanceof FormulaParseError)) walk(node);
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

  private evalCell(fe: FormulaEntry, early = false): void {
    const { sheet, r, c, cell } = fe;
    if (!cell.stale || cell.busy || this.needFull) return;
    this.evaluations++;
    if (!this.full && ++this.passEvaluations > this.passLimit()) {
      // results keep invalidating each other: settle it the way a full recalculation does
      this.needFull = true;
      return;
    }
    cell.busy = true;
    cell.spark = undefined;
    this.stack.push({ fe, early });
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
      this.stack.pop();
    }
    cell.stale = false;
    sheet.stale.delete(fe);
    const before = cell.out;
    this.clearSpill(cell);
    this.place(sheet, r, c, cell, res);
    const out = cell.out!;
    if (cell.placed) this.mirror(sheet, r, c, out.numRows, out.numCols);
    else this.engine.setValues(sheet, r, c, [[mirrorOf(cell)]]);
    if (out.numRows * out.numCols > 1) sheet.spillers.add(fe);
    else sheet.spillers.delete(fe);
    // a spill that reaches new cells changes what they show
    if (!this.full && cell.placed && !(before && sameSpan(before, out))) this.invalidate(out, fe);
  }

  private passLimit(): number {
    let n = 0;
    for (const s of this.sheets) n += s.formulas.size;
    return 10 * n + 100;
  }

  /** Store a result: the anchor's value, and a spill when it fits and nothing is in the way. */
  private place(sheet: SheetModel, r: number, c: number, cell: Cell, res: CalcResult): void {
    cell.why = undefined;
    cell.out = { sheet, row: r, col: c, numRows: 1, numCols: 1 };
    if (res.kind === 'error') {
      cell.cv = res.code;
      cell.why = res.why;
      return;
    }
    if (res.kind === 'value') {
      // a number in a date-formatted cell reads as a Date, as getValue() returns it
      cell.cv =
        typeof res.v === 'number' && isDateFormat(cell.nf) ? serialToDate(res.v, this.timeZone) : res.v;
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
        const spilled = sheet.spill.has(key(r + i, c + j));
        if (sheet.hasContent(r + i, c + j) || spilled) {
          // which of two competing spills wins depends on the order they are computed in: only
          // a full recalculation decides it (as the first one computed wins there)
          if (spilled && !this.full) this.needFull = true;
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
    cell.placed = true;
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
        return this.evalEngine(node, sheet);
      case 'percent':
      case 'binary':
      case 'array':
        return this.evalEngine(node, sheet);
      case 'call':
        if (this.isBundleCall(node.name)) return this.evalCall(node.name, node.args, sheet);
        return this.evalEngine(node, sheet);
    }
  }

  /**
   * Built-in functions and operators: the engine computes them over its mirror, once the
   * formulas they read are up to date; calls of the bundle's functions inside are computed here
   * (with Sheets' marshaling) and handed to the engine as values.
   */
  private evalEngine(node: Node, sheet: SheetModel): unknown {
    if (!this.engine.ready) this.startMirror();
    const text = toEngineText(node, {
      ref: (ref) => {
        const target = ref.sheet === null ? sheet : this.findSheet(ref.sheet);
        if (!target) throw new CellError('#REF!', `Unresolved sheet name '${ref.sheet}'.`);
        const g = resolveA1(refToA1(ref), target.maxRows, target.maxCols);
        this.engine.sheetId(target);
        this.readRef(ref, sheet, false, true);
        return engineRef(target, g);
      },
      name: (name) => {
        const span = this.namedRanges.get(name) ?? this.namedRangeCi(name);
        if (!span) throw new CellError('#NAME?', `Unknown range name: '${name.toUpperCase()}'.`);
        this.engine.sheetId(span.sheet);
        this.readSpan(span.sheet, span, false, true);
        return engineRef(span.sheet, span);
      },
      call: (name, args) => {
        if (this.isBundleCall(name)) {
          try {
            return engineLiteral(this.evalCall(name, args, sheet), this.timeZone);
          } catch (e) {
            if (e instanceof CellError) return `EMU.ERROR(${formulaString(e.code)},${formulaString(e.why)})`;
            throw e;
          }
        }
        if (engineHasFunction(name)) return null;
        const upper = name.toUpperCase();
        if (BUILTINS.has(upper))
          throw new NotComputed(`Built-in Sheets function ${upper} is not computed by the emulator`);
        throw new CellError('#NAME?', `Unknown function: '${name}'.`);
      },
      functionName: (name) => {
        const upper = name.toUpperCase();
        return Object.prototype.hasOwnProperty.call(SHEETS_FUNCTIONS, upper)
          ? SHEETS_FUNCTIONS[upper]
          : upper;
      },
    });
    const res = this.engine.evaluate(text, sheet);
    if (res.kind === 'error') throw new CellError(res.code, res.why);
    if (res.kind === 'array') return new RangeValue(res.rows);
    return res.v;
  }

  private namedRangeCi(name: string): Span | undefined {
    const lower = name.toLowerCase();
    for (const [n, s] of this.namedRanges) if (n.toLowerCase() === lower) return s;
    return undefined;
  }

  /** A call of the bundle's function (a Sheets function of the same name wins, as in Sheets). */
  private isBundleCall(name: string): boolean {
    return !!this.host?.resolve(name) && !BUILTINS.has(name.toUpperCase()) && !engineHasFunction(name);
  }

  private evalCall(name: string, args: Node[], sheet: SheetModel): unknown {
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

  /** `only`: bring the range's formulas up to date without reading it (the engine reads it). */
  private readRef(ref: RefParts, sheet: SheetModel, top: boolean, only = false): RangeValue | CellValue {
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
    return this.readSpan(target, g, top, only);
  }

  private readSpan(target: SheetModel, g: GridRange, top: boolean, only = false): RangeValue | CellValue {
    const r2 = g.row + g.numRows - 1;
    const c2 = g.col + g.numCols - 1;
    // formulas up and left of the range's far corner may spill into it: compute them first
    if (target.stale.size) this.evalUpTo(target, r2, c2, g);
    if (g.numRows === 1 && g.numCols === 1) {
      const cell = target.cell(g.row, g.col);
      if (cell && cell.f !== undefined) {
        if (cell.busy) throw this.circular(cell);
        if (cell.fe) this.evalCell(cell.fe);
        if (!only && cell.why !== undefined && typeof cell.cv === 'string') {
          // an error in a referenced cell propagates (a circular reference stays circular)
          throw new CellError(cell.cv, cell.why);
        }
      }
      return target.valueAt(g.row, g.col);
    }
    if (only) {
      for (const fe of this.stack)
        if (fe.fe.sheet === target && inGrid(g, fe.fe.r, fe.fe.c)) throw this.circular(fe.fe.cell);
      return '';
    }
    const rows: CellValue[][] = [];
    for (let r = g.row; r <= r2; r++) {
      const row: CellValue[] = [];
      for (let c = g.col; c <= c2; c++) {
        const cell = target.cell(r, c);
        if (cell && cell.f !== undefined && cell.busy) throw this.circular(cell);
        row.push(target.valueAt(r, c));
      }
      rows.push(row);
    }
    return new RangeValue(rows);
  }
}

/** Whether a number format shows dates or times (quoted text and [$…] currency tags aside). */
export function isDateFormat(nf: string | undefined): boolean {
  if (!nf) return false;
  const bare = nf.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ydhs]/i.test(bare) || /m{3,}/i.test(bare);
}

/** What a formula cell shows, for the engine's mirror (an error stays an error there). */
function mirrorOf(cell: Cell): MirrorValue {
  const v = cell.cv ?? '';
  return cell.why !== undefined && typeof v === 'string' ? { error: v } : v;
}

/** A bounded reference in engine syntax, always with its sheet. */
function engineRef(sheet: SheetModel, g: GridRange): string {
  return `'${sheet.name.replace(/'/g, "''")}'!${formatA1(g.row, g.col, g.numRows, g.numCols)}`;
}

/** A value the emulator computed (a bundle function's result), as an engine literal. */
function engineLiteral(v: unknown, timeZone: string): string {
  const one = (x: unknown): string => {
    if (typeof x === 'number') return x < 0 ? `(${x})` : String(x);
    if (typeof x === 'boolean') return x ? 'TRUE()' : 'FALSE()';
    if (isDate(x)) return `EMU.DATE(${dateToSerial(x as Date, timeZone)})`;
    return formulaString(String(x ?? ''));
  };
  if (v instanceof RangeValue) return '{' + v.rows.map((r) => r.map(one).join(',')).join(';') + '}';
  return one(v);
}

/** Bound of open-ended references in the dependency index. */
const UNBOUNDED = 1e9;

function inGrid(g: GridRange, r: number, c: number): boolean {
  return r >= g.row && r < g.row + g.numRows && c >= g.col && c < g.col + g.numCols;
}

function sameSpan(a: Span, b: Span): boolean {
  return (
    a.sheet === b.sheet &&
    a.row === b.row &&
    a.col === b.col &&
    a.numRows === b.numRows &&
    a.numCols === b.numCols
  );
}

/** Whether two spans share a cell. */
export function overlaps(a: Span, b: Span): boolean {
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
