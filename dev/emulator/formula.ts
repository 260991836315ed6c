/**
 * Formulas in Sheets syntax: a tokenizer (used both to evaluate and to rewrite references when
 * rows, columns or sheets change), a parser with Sheets' operator precedence, and the translation
 * of a parsed formula to HyperFormula's syntax (engine.ts computes the built-in parts).
 */
import { A1Ref, columnToLetters, lettersToColumn, quoteSheetName } from './a1';

export type Token =
  | { t: 'num'; v: number; s: number; e: number }
  | { t: 'str'; v: string; s: number; e: number }
  | { t: 'ref'; ref: RefParts; s: number; e: number }
  | { t: 'func'; name: string; s: number; e: number } // name followed by '('
  | { t: 'ident'; name: string; s: number; e: number }
  | { t: 'err'; v: string; s: number; e: number }
  | { t: 'op'; v: string; s: number; e: number }
  | { t: 'punc'; v: '(' | ')' | ',' | ';' | '{' | '}'; s: number; e: number };

/** One reference, keeping the '$' markers so it can be written back. */
export interface RefParts {
  sheet: string | null;
  a: Corner;
  b: Corner | null; // second corner of a range
}
export interface Corner {
  col: number | null;
  row: number | null;
  absCol: boolean;
  absRow: boolean;
}

export class FormulaParseError extends Error {}

const ERRORS = ['#REF!', '#N/A', '#NAME?', '#VALUE!', '#DIV/0!', '#NUM!', '#NULL!', '#ERROR!'];

function readCorner(src: string, i: number): { c: Corner; end: number } | null {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)([0-9]+)?/.exec(src.slice(i));
  if (!m || (!m[2] && !m[4])) return null;
  if (!m[2] && m[1]) {
    // '$5' : absolute row only
    return { c: { col: null, row: Number(m[4]), absCol: false, absRow: true }, end: i + m[0].length };
  }
  if (m[2] && !m[4] && m[3]) return null; // 'A$' is not a corner
  return {
    c: {
      col: m[2] ? lettersToColumn(m[2]) : null,
      row: m[4] ? Number(m[4]) : null,
      absCol: !!m[1] && !!m[2],
      absRow: !!m[4] && (m[2] ? !!m[3] : !!m[1]),
    },
    end: i + m[0].length,
  };
}

function isIdentChar(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z0-9_.$]/.test(ch);
}

/** Try to read a reference (without sheet prefix) at i. */
function readRef(src: string, i: number): { a: Corner; b: Corner | null; end: number } | null {
  const first = readCorner(src, i);
  if (!first) return null;
  let end = first.end;
  let b: Corner | null = null;
  if (src[end] === ':') {
    const second = readCorner(src, end + 1);
    if (second && !isIdentChar(src[second.end]) && src[second.end] !== '(') {
      b = second.c;
      end = second.end;
    }
  }
  if (isIdentChar(src[end]) || src[end] === '(' || src[end] === '!') return null;
  const a = first.c;
  // a single part must be a cell; bare columns/rows need a range
  if (!b && (a.col === null || a.row === null)) return null;
  if (b) {
    if (a.row === null && a.col !== null && b.col === null) return null;
    if (a.col === null && a.row !== null && b.row === null) return null;
  }
  return { a, b, end };
}

/**
 * The text between the quote at `start` and its closing twin, a doubled quote standing for one (a string's
 * `"`, a sheet name's `'`); `end` is just past the closing quote.
 */
function readQuoted(src: string, start: number): { text: string; end: number } {
  const quote = src[start];
  let text = '';
  let i = start + 1;
  for (;;) {
    if (i >= src.length) throw new FormulaParseError('Formula parse error.');
    if (src[i] === quote) {
      if (src[i + 1] !== quote) return { text, end: i + 1 };
      text += quote;
      i += 2;
      continue;
    }
    text += src[i++];
  }
}

export function tokenize(formula: string): Token[] {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  const off = formula.startsWith('=') ? 1 : 0;
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const s = i;
    if (ch === '"') {
      const quoted = readQuoted(src, i);
      i = quoted.end;
      out.push({ t: 'str', v: quoted.text, s: s + off, e: i + off });
      continue;
    }
    if (ch === '#') {
      const err = ERRORS.find((e) => src.slice(i, i + e.length).toUpperCase() === e);
      if (!err) throw new FormulaParseError('Formula parse error.');
      i += err.length;
      out.push({ t: 'err', v: err, s: s + off, e: i + off });
      continue;
    }
    if (ch === "'") {
      // quoted sheet name
      const quoted = readQuoted(src, i);
      const name = quoted.text;
      i = quoted.end;
      if (src[i] !== '!') throw new FormulaParseError('Formula parse error.');
      i++;
      if (src.slice(i, i + 5).toUpperCase() === '#REF!') {
        i += 5;
        out.push({ t: 'err', v: '#REF!', s: s + off, e: i + off });
        continue;
      }
      const r = readRef(src, i);
      if (!r) throw new FormulaParseError('Formula parse error.');
      i = r.end;
      out.push({ t: 'ref', ref: { sheet: name, a: r.a, b: r.b }, s: s + off, e: i + off });
      continue;
    }
    // a reference that starts with a digit: row range '2:5'
    if (/[0-9$]/.test(ch)) {
      const r = readRef(src, i);
      if (r && (r.b || r.a.col !== null)) {
        i = r.end;
        out.push({ t: 'ref', ref: { sheet: null, a: r.a, b: r.b }, s: s + off, e: i + off });
        continue;
      }
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new FormulaParseError('Formula parse error.');
      i += m[0].length;
      out.push({ t: 'num', v: Number(m[0]), s: s + off, e: i + off });
      continue;
    }
    if (/[A-Za-z_$]/.test(ch)) {
      const r = readRef(src, i);
      if (r) {
        i = r.end;
        out.push({ t: 'ref', ref: { sheet: null, a: r.a, b: r.b }, s: s + off, e: i + off });
        continue;
      }
      const m = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(src.slice(i))!;
      const word = m[0];
      i += word.length;
      if (src[i] === '!') {
        i++;
        if (src.slice(i, i + 5).toUpperCase() === '#REF!') {
          i += 5;
          out.push({ t: 'err', v: '#REF!', s: s + off, e: i + off });
          continue;
        }
        const rr = readRef(src, i);
        if (!rr) throw new FormulaParseError('Formula parse error.');
        i = rr.end;
        out.push({ t: 'ref', ref: { sheet: word, a: rr.a, b: rr.b }, s: s + off, e: i + off });
        continue;
      }
      let j = i;
      while (src[j] === ' ') j++;
      if (src[j] === '(') out.push({ t: 'func', name: word, s: s + off, e: i + off });
      else out.push({ t: 'ident', name: word, s: s + off, e: i + off });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      i += 2;
      out.push({ t: 'op', v: two, s: s + off, e: i + off });
      continue;
    }
    if ('+-*/^&=<>%'.includes(ch)) {
      i++;
      out.push({ t: 'op', v: ch, s: s + off, e: i + off });
      continue;
    }
    if ('(),;{}'.includes(ch)) {
      i++;
      out.push({ t: 'punc', v: ch as '(', s: s + off, e: i + off });
      continue;
    }
    throw new FormulaParseError('Formula parse error.');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing

export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'err'; v: string }
  | { k: 'ref'; ref: RefParts }
  | { k: 'name'; name: string } // a named range
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'unary'; op: string; e: Node }
  | { k: 'percent'; e: Node }
  | { k: 'binary'; op: string; l: Node; r: Node }
  | { k: 'array'; rows: Node[][] }
  | { k: 'empty' }; // an omitted argument: =F(1,,2)

export function parseFormula(formula: string): Node {
  const toks = tokenize(formula);
  let p = 0;
  const peek = () => toks[p];
  const fail = (): never => {
    throw new FormulaParseError('Formula parse error.');
  };
  const isPunc = (v: string) => {
    const t = peek();
    return !!t && t.t === 'punc' && t.v === v;
  };
  const isOp = (v?: string) => {
    const t = peek();
    return !!t && t.t === 'op' && (v === undefined || t.v === v);
  };

  // Sheets' precedence, loosest first: comparison, &, + -, * /, ^ (then unary minus, then %)
  const LEVELS = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];
  function binary(level: number): Node {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    while (isOp() && LEVELS[level].includes((peek() as { v: string }).v)) {
      const op = (toks[p++] as { v: string }).v;
      const right = binary(level + 1);
      left = { k: 'binary', op, l: left, r: right };
    }
    return left;
  }
  function expr(): Node {
    return binary(0);
  }
  function unary(): Node {
    if (isOp('-') || isOp('+')) {
      const op = (toks[p++] as { v: string }).v;
      return { k: 'unary', op, e: unary() };
    }
    let e = primary();
    while (isOp('%')) {
      p++;
      e = { k: 'percent', e };
    }
    return e;
  }
  function primary(): Node {
    const t = peek();
    if (!t) return fail();
    p++;
    switch (t.t) {
      case 'num':
        return { k: 'num', v: t.v };
      case 'str':
        return { k: 'str', v: t.v };
      case 'err':
        return { k: 'err', v: t.v };
      case 'ref':
        return { k: 'ref', ref: t.ref };
      case 'ident': {
        const u = t.name.toUpperCase();
        if (u === 'TRUE' || u === 'FALSE') return { k: 'bool', v: u === 'TRUE' };
        return { k: 'name', name: t.name };
      }
      case 'func': {
        if (!isPunc('(')) return fail();
        p++;
        const args: Node[] = [];
        if (isPunc(')')) {
          p++;
          return { k: 'call', name: t.name, args };
        }
        for (;;) {
          if (isPunc(',') || isPunc(')')) args.push({ k: 'empty' });
          else args.push(expr());
          if (isPunc(',')) {
            p++;
            continue;
          }
          if (isPunc(')')) {
            p++;
            break;
          }
          return fail();
        }
        return { k: 'call', name: t.name, args };
      }
      case 'punc': {
        if (t.v === '(') {
          const e = expr();
          if (!isPunc(')')) return fail();
          p++;
          return e;
        }
        if (t.v === '{') {
          const rows: Node[][] = [[]];
          for (;;) {
            rows[rows.length - 1].push(expr());
            if (isPunc(',')) p++;
            else if (isPunc(';')) {
              p++;
              rows.push([]);
            } else if (isPunc('}')) {
              p++;
              break;
            } else return fail();
          }
          return { k: 'array', rows };
        }
        return fail();
      }
      default:
        return fail();
    }
  }
  const node = expr();
  if (p !== toks.length) fail();
  return node;
}

// ---------------------------------------------------------------------------------------------
// Writing references back (for row/column insertion and deletion, sheet renames and deletions)

export function formatCorner(c: Corner): string {
  return (
    (c.col !== null ? (c.absCol ? '$' : '') + columnToLetters(c.col) : '') +
    (c.row !== null ? (c.absRow ? '$' : '') + c.row : '')
  );
}

export function formatRef(ref: RefParts): string {
  const body = formatCorner(ref.a) + (ref.b ? ':' + formatCorner(ref.b) : '');
  return (ref.sheet !== null ? quoteSheetName(ref.sheet) + '!' : '') + body;
}

/** The A1 reference a token denotes. */
export function refToA1(ref: RefParts): A1Ref {
  const a = ref.a;
  const b = ref.b ?? ref.a;
  const sr = a.row !== null && b.row !== null ? Math.min(a.row, b.row) : (a.row ?? null);
  const er = a.row !== null && b.row !== null ? Math.max(a.row, b.row) : b.row === null ? null : b.row;
  const sc = a.col !== null && b.col !== null ? Math.min(a.col, b.col) : (a.col ?? null);
  const ec = a.col !== null && b.col !== null ? Math.max(a.col, b.col) : b.col === null ? null : b.col;
  return {
    sheetName: ref.sheet,
    startRow: sr,
    startCol: sc,
    endRow: a.row === null ? null : er,
    endCol: a.col === null ? null : ec,
  };
}

/**
 * Rewrite every reference token in a formula. `fn` returns the new ref, '#REF!' when the
 * reference no longer exists, or undefined to keep it as is.
 */
export function rewriteRefs(formula: string, fn: (ref: RefParts) => RefParts | '#REF!' | undefined): string {
  let toks: Token[];
  try {
    toks = tokenize(formula);
  } catch {
    return formula;
  }
  let out = '';
  let last = 0;
  for (const t of toks) {
    if (t.t !== 'ref') continue;
    const r = fn(t.ref);
    if (r === undefined) continue;
    out +=
      formula.slice(last, t.s) +
      (r === '#REF!'
        ? (t.ref.sheet !== null ? quoteSheetName(t.ref.sheet) + '!' : '') + '#REF!'
        : formatRef(r));
    last = t.e;
  }
  return last === 0 ? formula : out + formula.slice(last);
}

/**
 * Shift one axis of a reference for an insertion (count > 0 rows/columns inserted before `at`)
 * or a deletion (count < 0: rows/columns at..at-count-1 removed). Returns null when the whole
 * reference was deleted.
 */
export function shiftSpan(
  start: number | null,
  end: number | null,
  at: number,
  count: number,
): { start: number | null; end: number | null } | null {
  if (count > 0) {
    const s = start !== null && start >= at ? start + count : start;
    const e = end !== null && end >= at ? end + count : end;
    return { start: s, end: e };
  }
  const n = -count;
  const last = at + n - 1;
  const map = (x: number, isEnd: boolean): number | 'gone' => {
    if (x < at) return x;
    if (x > last) return x - n;
    return isEnd ? at - 1 : at; // inside the deleted block: clamp
  };
  if (start !== null && end !== null) {
    if (start >= at && end <= last) return null;
    const s = map(start, false) as number;
    const e = map(end, true) as number;
    return { start: s, end: e };
  }
  if (start !== null && end === null) {
    // open-ended ('B2:B'): only the start moves
    return { start: start > last ? start - n : start >= at ? at : start, end: null };
  }
  return { start, end };
}

/** Sheets' built-in function names, so they read as "not computed" rather than #NAME?. */
export const BUILTINS = new Set(
  (
    'ABS ACOS ADDRESS AND ARRAYFORMULA ARRAY_CONSTRAIN AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS BYCOL BYROW ' +
    'CEILING CHAR CHOOSE CHOOSECOLS CHOOSEROWS CLEAN CODE COLUMN COLUMNS CONCAT CONCATENATE CORREL COUNT ' +
    'COUNTA COUNTBLANK COUNTIF COUNTIFS COUNTUNIQUE DATE DATEDIF DATEVALUE DAY DAYS EDATE EOMONTH EXACT ' +
    'EXP FALSE FILTER FIND FLATTEN FLOOR FORECAST GOOGLEFINANCE GOOGLETRANSLATE HLOOKUP HOUR HSTACK ' +
    'HYPERLINK IF IFERROR IFNA IFS IMAGE IMPORTDATA IMPORTRANGE IMPORTXML INDEX INDIRECT INT ISBLANK ' +
    'ISDATE ISERR ISERROR ISNA ISNUMBER ISTEXT JOIN LAMBDA LARGE LEFT LEN LET LN LOG LOG10 LOOKUP LOWER ' +
    'MAKEARRAY MAP MATCH MAX MAXA MAXIFS MEDIAN MID MIN MINA MINIFS MINUTE MOD MONTH N NA NETWORKDAYS NOT ' +
    'NOW OFFSET OR PERCENTILE PI POWER PRODUCT PROPER QUERY QUOTIENT RAND RANDBETWEEN RANK REDUCE ' +
    'REGEXEXTRACT REGEXMATCH REGEXREPLACE REPLACE REPT RIGHT ROUND ROUNDDOWN ROUNDUP ROW ROWS SCAN SEARCH ' +
    'SECOND SEQUENCE SIGN SLOPE SMALL SORT SORTN SPARKLINE SPLIT SQRT STDEV STDEVP SUBSTITUTE SUBTOTAL ' +
    'SUM SUMIF SUMIFS SUMPRODUCT SWITCH T TEXT TEXTJOIN TIME TIMEVALUE TO_DATE TODAY TOCOL TOROW ' +
    'TRANSPOSE TREND TRIM TRUE TRUNC UNIQUE UPPER VALUE VAR VARP VLOOKUP VSTACK WEEKDAY WEEKNUM WORKDAY ' +
    'WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR YEAR YEARFRAC'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------
// Sheets syntax to the engine's (HyperFormula)

/** How references, named ranges and calls become engine text (see model.ts). */
export interface EngineHooks {
  /** a reference, bounded and prefixed with its sheet (`'Clients'!C2:C1000` for `'Clients'!C2:C`) */
  ref(ref: RefParts): string;
  /** a named range, as the reference it names */
  name(name: string): string;
  /** a call the emulator computes itself (a bundle function): its result as engine text; null if not one */
  call(name: string, args: Node[]): string | null;
  /** a function's engine name (Sheets-only ones have the emulator's own implementation) */
  functionName(name: string): string;
}

/** A string literal in formula syntax. */
export function formulaString(v: string): string {
  return '"' + v.replace(/"/g, '""') + '"';
}

/**
 * A parsed Sheets formula as HyperFormula reads it. What Sheets writes that HyperFormula does not:
 * open-ended ranges (bounded by the hook), `TRUE`/`FALSE` without parentheses, functions HyperFormula
 * lacks or computes differently (renamed by the hook). Operators keep the tree's grouping.
 */
export function toEngineText(node: Node, hooks: EngineHooks): string {
  const go = (n: Node): string => {
    switch (n.k) {
      case 'num':
        return String(n.v);
      case 'str':
        return formulaString(n.v);
      case 'bool':
        return n.v ? 'TRUE()' : 'FALSE()';
      case 'err':
        return `EMU.ERROR(${formulaString(n.v)},${formulaString(
          n.v === '#REF!' ? 'Reference does not exist.' : `${n.v} literal`,
        )})`;
      case 'ref':
        return hooks.ref(n.ref);
      case 'name':
        return hooks.name(n.name);
      case 'empty':
        return '';
      case 'unary':
        return `${n.op}(${go(n.e)})`;
      case 'percent':
        return `(${go(n.e)})%`;
      case 'binary':
        return `(${go(n.l)})${n.op}(${go(n.r)})`;
      case 'array':
        return '{' + n.rows.map((r) => r.map(go).join(',')).join(';') + '}';
      case 'call': {
        const own = hooks.call(n.name, n.args);
        if (own !== null) return own;
        return `${hooks.functionName(n.name)}(${n.args.map(go).join(',')})`;
      }
    }
  };
  return '=' + go(node);
}
