/**
 * The Apps Script emulator: an in-memory Google Sheets document and the Apps Script services the
 * add-on uses, to run dist/Code.js (or any code string) in a node:vm context. See README.md.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as ts from 'typescript';
import { parseA1 } from './a1';
import { AuthMode, Binding, CallLog, CallLogImpl, EmuObject, isDocumentWrite, Realm } from './calls';
import { checkpoint, restore } from './checkpoint';
import { isDate, zonedDate, zonedParts } from './dates';
import * as Enums from './enums';
import { CustomFunctionHost, Workbook } from './model';
import {
  InterleaveOutcome,
  Interleaving,
  LockKind,
  PendingWrites,
  Runtime,
  UiRecorder,
  UiRecorderImpl,
} from './runtime';
import { makeConsole } from './base/console';
import { LoggerImpl } from './base/logger';
import { SessionImpl } from './base/session';
import { CacheServiceImpl } from './cache/cache-service';
import { ChartsImpl } from './charts/charts';
import { HtmlServiceImpl } from './html/html-service';
import { LockServiceImpl } from './lock/lock-service';
import { PropertiesServiceImpl } from './properties/properties-service';
import { ScriptAppImpl } from './script/script-app';
import { SpreadsheetImpl } from './spreadsheet/spreadsheet';
import { SpreadsheetAppImpl } from './spreadsheet/spreadsheet-app';
import { UtilitiesImpl } from './utilities/utilities';

export type { CallLog, UiRecorder, AuthMode, InterleaveOutcome };
export { parseA1 } from './a1';

export interface EmulatorOptions {
  locale?: string;
  timeZone?: string;
  spreadsheetName?: string;
  now?: () => Date;
  userEmail?: string;
  distDir?: string;
  customFunctionTimeoutMs?: number;
  /** What Session.getScriptTimeZone answers (appsscript.json's zone in Apps Script); default: `timeZone`. */
  scriptTimeZone?: string;
  /**
   * How a date reaches a custom function: a `Date` at midnight in the spreadsheet's zone (default) or at
   * midnight, same wall clock, in the script's. The docs don't say which (a guess; "Check this spreadsheet"
   * reports what the user's Sheets does).
   */
  customFunctionDates?: 'spreadsheet-midnight' | 'script-midnight';
}

export interface LoadedBundle {
  context: vm.Context;
  functions: string[];
  call(name: string, ...args: unknown[]): unknown;
  callAs(mode: AuthMode, name: string, ...args: unknown[]): unknown;
  event(mode: AuthMode): { authMode: string; source: GoogleAppsScript.Spreadsheet.Spreadsheet };
}

export interface Emulator {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** calls made by scripts (bundle calls) and by the test on `spreadsheet` */
  calls: CallLog;
  /**
   * calls made by custom functions (=CLIENT_* cells) while a read recalculated them: in Sheets
   * each runs in an execution of its own, so they are not the calling script's
   */
  customFunctionCalls: CallLog;
  /** formula cells computed so far (recalculation is lazy and incremental) */
  readonly evaluations: number;
  /** custom-function executions so far (a call answered from the argument cache is not one) */
  readonly customFunctionExecutions: number;
  ui: UiRecorder;
  authMode: AuthMode;
  globals(): Record<string, unknown>;
  loadBundle(code?: string): LoadedBundle;
  recalculate(): void;
  explain(sheetName: string, a1: string): string | undefined;
  /** The data a SPARKLINE cell draws (its value is blank), for the playground. */
  sparkline(sheetName: string, a1: string): number[] | undefined;
  /**
   * Simulate another execution holding the document lock; returns the function that releases it.
   * With `forMs`, that execution lets the lock go after so long on the emulator clock: a waitLock
   * with a longer timeout gets it then.
   */
  holdDocumentLock(opts?: { forMs?: number }): () => void;
  /**
   * Run another execution (`run`, e.g. `() => bundle.call('rpcSaveCheckIn', ...)`) inside the next
   * script execution that calls `call` ('Class.method', e.g. 'Lock.releaseLock'): just before the call
   * ('before': for 'Lock.waitLock' the first execution waits there while the other runs) or just after
   * it ('after'). The other execution sees the document without the first one's unflushed writes, and
   * those writes land on top of its own afterwards. Returns what became of it once it has run.
   */
  interleave(when: 'before' | 'after', call: string, run: () => unknown): InterleaveOutcome;
  /** Logger.log / console output of the code run so far. */
  logs: string[];
  /** The three property stores (document, script, user), live. */
  properties: Record<'document' | 'script' | 'user', Map<string, string>>;
}

/** Names of the top-level `function NAME(...)` declarations: what Apps Script can call. */
export function topLevelFunctions(code: string): string[] {
  const sf = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const out: string[] = [];
  for (const st of sf.statements) if (ts.isFunctionDeclaration(st) && st.name) out.push(st.name.text);
  return out;
}

/**
 * A fresh global for the bundle. A contextified global (`vm.createContext({})`) answers every global
 * lookup (`Math`, `Date`, `Number`...) through interceptors, ~200 ns each: hot loops in the formulas
 * then run 10-100× slower than in Apps Script, whose global object is ordinary. DONT_CONTEXTIFY (Node
 * 20.18+) gives an ordinary global; older Node falls back to the slow one.
 *
 * With `clock` (milliseconds since the epoch), the context's `Date` reads it: `Date.now()`, `new Date()`
 * and `Date()`. The global `Date` becomes a Proxy of the context's own: every other constructor form,
 * the statics, `instanceof Date`, `d.constructor === Date` and subclasses behave as before.
 */
export function newBundleContext(clock?: () => number): vm.Context {
  const ordinary = vm.constants?.DONT_CONTEXTIFY;
  const context = ordinary === undefined ? vm.createContext({}) : vm.createContext(ordinary);
  if (clock) (vm.runInContext(CLOCK_DATE, context) as (clock: () => number) => void)(clock);
  return context;
}

const CLOCK_DATE = `(function (clock) {
  'use strict';
  var RealDate = Date;
  var ClockDate = new Proxy(RealDate, {
    construct: function (target, args, newTarget) {
      return Reflect.construct(target, args.length ? args : [clock()], newTarget === ClockDate ? target : newTarget);
    },
    apply: function () {
      return new RealDate(clock()).toString();
    },
  });
  Object.defineProperty(RealDate, 'now', {
    value: function now() { return clock(); }, writable: true, configurable: true,
  });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true });
})`;

/** Key of custom function arguments (Sheets caches results for unchanged arguments). */
function argsKey(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return 's' + v.length + ':' + v;
    case 'number':
      return 'n' + v;
    case 'boolean':
      return v ? 'T' : 'F';
    case 'object': {
      if (v === null) return 'z';
      if (Array.isArray(v)) {
        let s = '[';
        for (let i = 0; i < v.length; i++) s += argsKey(v[i]) + ',';
        return s + ']';
      }
      return isDate(v) ? 'D' + (v as Date).getTime() : 'o' + String(v);
    }
    default:
      return 'u';
  }
}

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const locale = opts.locale ?? 'en_US';
  const timeZone = opts.timeZone ?? 'America/New_York';
  const now = opts.now ?? (() => new Date());
  // time spent waiting for locks, on top of the caller's clock
  let clockOffset = 0;
  const timeoutMs = opts.customFunctionTimeoutMs ?? 30000;
  const scriptTimeZone = opts.scriptTimeZone ?? timeZone;
  const inScriptZone = opts.customFunctionDates === 'script-midnight';
  const wb = new Workbook(
    crypto.randomBytes(33).toString('base64url').slice(0, 44),
    opts.spreadsheetName ?? 'Untitled spreadsheet',
    locale,
    timeZone,
  );
  wb.active = wb.addSheet('Sheet1');
  // TODAY()/NOW() read the same clock as the bundle, lock waits included
  wb.clock = () => rt.now();
  wb.hostRead = () => rt.execution === 0;

  const rt: Runtime = {
    wb,
    calls: new CallLogImpl(),
    authMode: 'FULL',
    ui: new UiRecorderImpl(),
    now: () => new Date(now().getTime() + clockOffset),
    advanceClock(ms: number) {
      clockOffset += ms;
    },
    userEmail: opts.userEmail ?? 'coach@example.com',
    distDir: opts.distDir ?? path.resolve('dist'),
    execution: 0,
    locks: { document: null, script: null, user: null },
    externalReleaseAt: null,
    interleavings: [],
    pending: null,
    properties: { document: new Map(), script: new Map(), user: new Map() },
    caches: { document: new Map(), script: new Map(), user: new Map() },
    logs: [],
  };
  let executionSeq = 0;
  const scriptCalls = rt.calls;
  const customFunctionCalls = new CallLogImpl();

  function makeGlobals(binding: Binding, ctx: vm.Context | null): Record<string, unknown> {
    return {
      SpreadsheetApp: binding.wrap(new SpreadsheetAppImpl(rt)),
      HtmlService: binding.wrap(new HtmlServiceImpl(rt, ctx)),
      PropertiesService: binding.wrap(new PropertiesServiceImpl(rt)),
      CacheService: binding.wrap(new CacheServiceImpl(rt)),
      LockService: binding.wrap(new LockServiceImpl(rt)),
      Session: binding.wrap(new SessionImpl(rt, scriptTimeZone, locale)),
      Utilities: binding.wrap(new UtilitiesImpl()),
      Logger: binding.wrap(new LoggerImpl(rt)),
      ScriptApp: binding.wrap(new ScriptAppImpl()),
      Charts: binding.wrap(new ChartsImpl()),
      console: makeConsole(rt),
    };
  }

  function releaseLocks(exec: number): boolean {
    const leaked = rt.locks.document === exec;
    for (const k of Object.keys(rt.locks) as LockKind[]) if (rt.locks[k] === exec) rt.locks[k] = null;
    return leaked;
  }

  /** Copies of a held write's arguments: the bundle may change its arrays before they are applied again. */
  function copyArg(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(copyArg);
    if (isDate(v)) return new Date((v as Date).getTime());
    return v;
  }

  /** Writes held since the last flush become everyone's: nothing to replay any more. */
  function commit(p: PendingWrites) {
    p.committed = null;
    p.writes = [];
  }

  /** Runs the script executions scheduled at this call, each to its end, as if in another process. */
  function interleaveAt(when: 'before' | 'after', name: string) {
    for (;;) {
      const i = rt.interleavings.findIndex((x) => x.when === when && x.call === name);
      if (i === -1) return;
      const [other] = rt.interleavings.splice(i, 1) as [Interleaving];
      const mine = rt.pending;
      // The other execution sees what was committed, not this one's held writes.
      if (mine?.committed) restore(mine.committed);
      try {
        other.outcome.value = other.run();
      } catch (e) {
        other.outcome.error = e;
      } finally {
        other.outcome.ran = true;
      }
      if (mine?.committed) {
        // This execution's held writes land on top of what the other one committed.
        mine.committed = checkpoint(rt.wb);
        for (const w of mine.writes) w.fn.apply(w.target, w.args);
      }
    }
  }

  rt.invoke = (cls, method, target, fn, args) => {
    const name = cls + '.' + method;
    const script = rt.execution !== 0 && rt.authMode !== 'CUSTOM_FUNCTION';
    if (script && rt.interleavings.length) interleaveAt('before', name);
    const p = script ? rt.pending : null;
    const write = p !== null && isDocumentWrite(cls, method);
    if (write && !p.committed) p.committed = checkpoint(rt.wb);
    const result = fn.apply(target, args);
    if (write) {
      // Guess: a write that answers with a new object (insertSheet, protect) needs the server's reply,
      // so Apps Script sends what it held; replaying it could not give back the same object anyway.
      if (result instanceof EmuObject && result !== target) commit(p);
      else p.writes.push({ target, fn, args: args.map(copyArg) });
    } else if (p && name === 'SpreadsheetApp.flush') commit(p);
    if (script && rt.interleavings.length) interleaveAt('after', name);
    return result;
  };

  /** Run fn as one Apps Script execution under `mode`. */
  function execute<T>(mode: AuthMode, fn: () => T): { value: T; leaked: boolean } {
    const prevMode = rt.authMode;
    const prevExec = rt.execution;
    const prevCalls = rt.calls;
    const prevPending = rt.pending;
    const exec = ++executionSeq;
    rt.authMode = mode;
    rt.execution = exec;
    // a custom function runs in an execution of its own, not the one whose read recalculated it
    rt.calls = mode === 'CUSTOM_FUNCTION' ? customFunctionCalls : scriptCalls;
    // Held writes matter only while another execution can run in between: tracked only then.
    rt.pending =
      mode !== 'CUSTOM_FUNCTION' && rt.interleavings.length ? { committed: null, writes: [] } : null;
    // an execution sees the time it starts at in TODAY()/NOW() (a custom function runs inside a recalculation)
    if (mode !== 'CUSTOM_FUNCTION' && !wb.calculating) wb.tick();
    try {
      const value = fn();
      return { value, leaked: releaseLocks(exec) };
    } catch (e) {
      releaseLocks(exec);
      throw e;
    } finally {
      rt.authMode = prevMode;
      rt.execution = prevExec;
      rt.calls = prevCalls;
      rt.pending = prevPending;
    }
  }

  let customFunctionExecutions = 0;
  const memo = new Map<string, { ok: true; value: unknown } | { ok: false; message: string }>();

  function loadBundle(code?: string): LoadedBundle {
    const src = code ?? fs.readFileSync(path.join(rt.distDir, 'Code.js'), 'utf8');
    const context = newBundleContext(() => rt.now().getTime());
    const realm = vm.runInContext('({ Array, Date, Object, Error })', context) as Realm;
    const binding = new Binding(rt, realm);
    Object.assign(context, makeGlobals(binding, context));
    const functions = topLevelFunctions(src);
    const script = new vm.Script(src, { filename: 'Code.js' });
    // The top level runs at the start of every execution, including an unauthorized add-on's
    // onOpen (AuthMode.NONE): run it under NONE so a top-level statement touching a service fails here.
    execute('NONE', () => script.runInContext(context));

    const toRealm = (v: unknown): unknown => {
      if (Array.isArray(v)) {
        const a = new realm.Array();
        for (const x of v) a.push(toRealm(x));
        return a;
      }
      if (isDate(v)) return new realm.Date(argumentTime(v as Date));
      return v;
    };
    // The same wall clock as in the spreadsheet's zone, in the script's (customFunctionDates).
    const argumentTime = (date: Date): number => {
      if (!inScriptZone) return date.getTime();
      const p = zonedParts(date, wb.timeZone);
      const wall = zonedDate(p.year, p.month, p.day, scriptTimeZone, p.hour, p.minute, p.second);
      return wall.getTime() + p.millisecond;
    };

    const byUpper = new Map<string, string>();
    for (const f of functions) if (!f.endsWith('_')) byUpper.set(f.toUpperCase(), f);
    const host: CustomFunctionHost = {
      resolve: (name) => byUpper.get(name.toUpperCase()) ?? null,
      invoke(name, args) {
        const key = name + '\u0000' + args.map(argsKey).join('\u0001');
        const hit = memo.get(key);
        if (hit) return hit;
        let result: { ok: true; value: unknown } | { ok: false; message: string };
        customFunctionExecutions++;
        try {
          const { value } = execute('CUSTOM_FUNCTION', () => {
            context.__emuArgs = toRealm(args);
            try {
              script.runInContext(context);
              return vm.runInContext(`${name}.apply(this, __emuArgs)`, context, { timeout: timeoutMs });
            } finally {
              delete context.__emuArgs;
            }
          });
          result = { ok: true, value };
        } catch (e) {
          const err = e as { code?: string; message?: string };
          // Sheets' words for a custom function over 30 s, as users report them.
          if (err && err.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
            result = { ok: false, message: 'Exceeded maximum execution time (line 0).' };
          else
            result = { ok: false, message: err && typeof err.message === 'string' ? err.message : String(e) };
        }
        memo.set(key, result);
        return result;
      },
    };
    memo.clear();
    wb.host = host;
    wb.touch();

    const bundle: LoadedBundle = {
      context,
      functions,
      call(name, ...args) {
        return bundle.callAs(rt.authMode, name, ...args);
      },
      callAs(mode, name, ...args) {
        if (!functions.includes(name)) throw new Error(`Script function not found: ${name}`);
        const { value, leaked } = execute(mode, () => {
          // Apps Script evaluates the whole file at the start of every execution: module state such
          // as a per-execution cache starts fresh each time.
          script.runInContext(context);
          return (context[name] as (...a: unknown[]) => unknown)(...args);
        });
        if (leaked) throw new Error(`Lock left held by ${name}`);
        return value;
      },
      event(mode) {
        const e = new realm.Object() as {
          authMode: string;
          source: GoogleAppsScript.Spreadsheet.Spreadsheet;
        };
        e.authMode = Enums.AuthMode[mode];
        e.source = binding.wrap(
          new SpreadsheetImpl(rt),
        ) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
        return e;
      },
    };
    return bundle;
  }

  const hostBinding = new Binding(rt, null);
  const emulator: Emulator = {
    spreadsheet: hostBinding.wrap(
      new SpreadsheetImpl(rt),
    ) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    calls: scriptCalls,
    customFunctionCalls,
    get evaluations() {
      return wb.evaluations;
    },
    get customFunctionExecutions() {
      return customFunctionExecutions;
    },
    ui: rt.ui,
    get authMode() {
      return rt.authMode;
    },
    set authMode(m: AuthMode) {
      rt.authMode = m;
    },
    globals: () => makeGlobals(new Binding(rt, null), null),
    loadBundle,
    recalculate() {
      memo.clear();
      wb.dirtyAll = true;
      wb.recalculate();
    },
    explain(sheetName, a1) {
      wb.ensureCalculated();
      const sheet = wb.findSheet(sheetName);
      const ref = parseA1(a1);
      if (!sheet || !ref || ref.startRow === null || ref.startCol === null) return undefined;
      const cell = sheet.cell(ref.startRow, ref.startCol);
      if (!cell || cell.f === undefined) return undefined;
      return cell.why;
    },
    sparkline(sheetName, a1) {
      wb.ensureCalculated();
      const sheet = wb.findSheet(sheetName);
      const ref = parseA1(a1);
      if (!sheet || !ref || ref.startRow === null || ref.startCol === null) return undefined;
      return sheet.cell(ref.startRow, ref.startCol)?.spark;
    },
    holdDocumentLock(opts = {}) {
      if (rt.locks.document !== null) throw new Error('The document lock is already held');
      rt.locks.document = 'external';
      rt.externalReleaseAt = opts.forMs === undefined ? null : rt.now().getTime() + opts.forMs;
      return () => {
        if (rt.locks.document === 'external') rt.locks.document = null;
        rt.externalReleaseAt = null;
      };
    },
    interleave(when, call, run) {
      if (when !== 'before' && when !== 'after')
        throw new Error(`interleave: when must be 'before' or 'after'`);
      if (!/^[A-Z]\w*\.[a-z]\w*$/.test(call))
        throw new Error(`interleave: call must be 'Class.method', got ${call}`);
      const outcome: InterleaveOutcome = { ran: false };
      rt.interleavings.push({ when, call, run, outcome });
      return outcome;
    },
    logs: rt.logs,
    properties: rt.properties,
  };
  return emulator;
}
