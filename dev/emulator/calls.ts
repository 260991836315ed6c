/**
 * Call counting, authorization limits and the vm realm boundary, all in one Proxy per object.
 *
 * Every emulated Apps Script object (SpreadsheetApp, Spreadsheet, Sheet, Range, Ui, Properties,
 * Lock, HtmlOutput, builders...) extends EmuObject and is handed out wrapped. Each method call
 * through the wrapper:
 *   1. is logged as 'Class.method' (e.g. 'Range.setValues', 'LockService.getDocumentLock');
 *   2. is checked against the current AuthMode (NONE: menus only; LIMITED: no sidebars or dialogs;
 *      CUSTOM_FUNCTION: read-only document, no UI) and throws Apps Script's message when not allowed;
 *   3. has emulator objects among its arguments unwrapped, and its result wrapped / copied into
 *      the calling vm realm (arrays and Dates), so `x instanceof Date` works inside a bundle.
 * A method the object lacks throws `not emulated: Class.method` when called.
 *
 * DOCUMENT CALLS (CallLog.documentCalls): calls on SpreadsheetApp, Spreadsheet, Sheet and Range
 * objects, except pure handle getters that only hand back an object or compute from the
 * handle's own coordinates without touching the document:
 *   SpreadsheetApp.getActive / getActiveSpreadsheet / getUi / new* (builders),
 *   Spreadsheet.getRange(a1), Sheet.getRange(...), Sheet.getParent, Sheet.newChart,
 *   Range.getSheet / offset / getCell / getRow / getColumn / getNumRows / getNumColumns /
 *   getLastRow / getLastColumn / getA1Notation.
 * Everything on builder objects (DataValidationBuilder, ConditionalFormatRuleBuilder,
 * EmbeddedChartBuilder...) is not a document call. SpreadsheetApp.flush IS one.
 */
import { isDate } from './dates';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** Base class of every emulated Apps Script object; `emuClass` names it in the call log. */
export abstract class EmuObject {
  static emuClass = 'Object';
}

export interface CallLog {
  count(method?: string): number;
  documentCalls(): number;
  byMethod(): Record<string, number>;
  reset(): void;
  log(): string[];
}

const DOC_CLASSES = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range']);

export const HANDLE_GETTERS = new Set([
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getUi',
  'Spreadsheet.getRange',
  'Sheet.getRange',
  'Sheet.getParent',
  'Sheet.newChart',
  'Range.getSheet',
  'Range.offset',
  'Range.getCell',
  'Range.getRow',
  'Range.getColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getA1Notation',
]);

export function isDocumentCall(cls: string, method: string): boolean {
  if (!DOC_CLASSES.has(cls)) return false;
  if (cls === 'SpreadsheetApp' && method.startsWith('new')) return false;
  return !HANDLE_GETTERS.has(cls + '.' + method);
}

export class CallLogImpl implements CallLog {
  private entries: string[] = [];
  private counts = new Map<string, number>();
  private doc = 0;
  private docCache = new Map<string, boolean>();

  record(cls: string, method: string, name: string): void {
    this.entries.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    let d = this.docCache.get(name);
    if (d === undefined) {
      d = isDocumentCall(cls, method);
      this.docCache.set(name, d);
    }
    if (d) this.doc++;
  }
  count(method?: string): number {
    return method === undefined ? this.entries.length : (this.counts.get(method) ?? 0);
  }
  documentCalls(): number {
    return this.doc;
  }
  byMethod(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
  reset(): void {
    this.entries = [];
    this.counts.clear();
    this.doc = 0;
  }
  log(): string[] {
    return this.entries.slice();
  }
}

// -----------------------------------------------------------------------------------------------
// Authorization

const SHEETS_SCOPE =
  '(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)';
const UI_SCOPE = 'https://www.googleapis.com/auth/script.container.ui';
/** Opening or creating another spreadsheet needs the full scope, which the add-on does not ask for. */
const ALL_SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** What Apps Script says to `SpreadsheetApp.openById` and the like without the full spreadsheets scope. */
export function otherSpreadsheetRefusal(name: string): string {
  return `You do not have permission to call ${name}. Required permissions: ${ALL_SPREADSHEETS_SCOPE}`;
}
const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

/** Classes that need no authorization in any mode. */
const FREE = new Set([
  'Logger',
  'Utilities',
  'HtmlService',
  'HtmlOutput',
  'HtmlOutputMetaTag',
  'HtmlTemplate',
  'DataValidationBuilder',
  'DataValidation',
  'ConditionalFormatRuleBuilder',
  'ConditionalFormatRule',
  'BooleanCondition',
  'GradientCondition',
  'EmbeddedChartBuilder',
  'ChartOptions',
  'ContainerInfo',
  'PromptResponse',
  'User',
  'Blob',
]);

const NONE_ALLOWED = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Session.getActiveUserLocale',
  'Session.getScriptTimeZone',
  'Session.getTemporaryActiveUserKey',
]);

const READ = /^(get|is|has|can)/;

/** Classes whose objects live in the document. */
const DOCUMENT_MODEL = new Set([...DOC_CLASSES, 'NamedRange', 'Protection', 'EmbeddedChart']);

/** Calls on document classes that change nothing in the document (the toast is the editor's UI). */
const NOT_DOCUMENT_STATE = new Set(['Spreadsheet.toast']);

/** A call that changes the document: what a custom function may not make, what Apps Script may hold. */
export function isDocumentWrite(cls: string, method: string): boolean {
  if (!DOCUMENT_MODEL.has(cls)) return false;
  const name = cls + '.' + method;
  return !(
    READ.test(method) ||
    HANDLE_GETTERS.has(name) ||
    NOT_DOCUMENT_STATE.has(name) ||
    method.startsWith('new') ||
    method === 'flush' ||
    method === 'offset' ||
    method === 'modify'
  );
}

function scopeFor(cls: string, method: string): string | null {
  if (DOCUMENT_MODEL.has(cls)) return SHEETS_SCOPE;
  if (cls === 'Ui' || cls === 'Menu') return UI_SCOPE;
  if (cls === 'Session' && (method === 'getActiveUser' || method === 'getEffectiveUser')) return EMAIL_SCOPE;
  return null;
}

/** What opens a window over the editor: "Editor add-on authorization" says LIMITED cannot. */
const SHOWS_UI = new Set(['showSidebar', 'showModalDialog', 'showModelessDialog', 'alert', 'prompt']);

function computeAccess(mode: AuthMode, cls: string, method: string): string | null {
  if (mode === 'FULL' || FREE.has(cls)) return null;
  const name = `${cls}.${method}`;
  if (mode === 'LIMITED') {
    if (cls === 'Ui' && SHOWS_UI.has(method))
      return `You do not have permission to call ${name}. Required permissions: ${UI_SCOPE}`;
    return null;
  }
  if (mode === 'NONE') {
    if (NONE_ALLOWED.has(name) || cls === 'Menu') return null;
    const scope = scopeFor(cls, method);
    return `You do not have permission to call ${name}` + (scope ? `. Required permissions: ${scope}` : '');
  }
  // CUSTOM_FUNCTION ("Custom Functions in Google Sheets", Using Apps Script services): the spreadsheet
  // read only, no other spreadsheet, no UI; Cache, Lock, Properties, Utilities work (user properties
  // are read only: PropertiesImpl refuses those writes).
  if (cls === 'SpreadsheetApp') {
    if (method === 'getUi') return 'Cannot call SpreadsheetApp.getUi() from this context.';
    if (method === 'openById' || method === 'openByUrl' || method === 'create' || method === 'open')
      return otherSpreadsheetRefusal(name);
  }
  if (DOCUMENT_MODEL.has(cls))
    return isDocumentWrite(cls, method) ? `You do not have permission to call ${method}` : null;
  if (cls === 'Ui' || cls === 'Menu') return 'Cannot call SpreadsheetApp.getUi() from this context.';
  return null;
}

const accessCache = new Map<string, string | null>();
export function accessError(mode: AuthMode, cls: string, method: string): string | null {
  const k = mode + '|' + cls + '.' + method;
  let v = accessCache.get(k);
  if (v === undefined) {
    v = computeAccess(mode, cls, method);
    accessCache.set(k, v);
  }
  return v;
}

// -----------------------------------------------------------------------------------------------
// Wrapping

export interface Realm {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

/** Runs one allowed call of the bundle on `target` (the runtime adds interleavings and held writes). */
export type Invoke = (
  cls: string,
  method: string,
  target: object,
  fn: (...a: unknown[]) => unknown,
  args: unknown[],
) => unknown;

export interface CallHost {
  calls: CallLogImpl;
  authMode: AuthMode;
  /** default: just call it */
  invoke?: Invoke;
}

/**
 * Property names that libraries probe on any object (thenables, JSON, jest, node's inspect): asking
 * for them is not a call of a missing Apps Script method.
 */
const PROBES = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'inspect',
  'length',
  'constructor',
]);
const METHOD_NAME = /^[a-z][A-Za-z0-9]*$/;

const proxyTargets = new WeakMap<object, object>();

export function unwrap<T>(x: T): T {
  if (x === null || typeof x !== 'object') return x;
  const t = proxyTargets.get(x as unknown as object);
  if (t) return t as T;
  if (Array.isArray(x)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < x.length; i++) {
      const e = x[i];
      if (e === null || typeof e !== 'object') continue;
      const u = unwrap(e);
      if (u !== e) {
        out ??= x.slice();
        out[i] = u;
      }
    }
    return (out ?? x) as T;
  }
  return x;
}

/** One binding per globals() object: wraps emulator objects for one realm. */
export class Binding {
  private proxies = new WeakMap<object, object>();

  constructor(
    private host: CallHost,
    readonly realm: Realm | null,
  ) {}

  wrap<T extends object>(obj: T): T {
    let p = this.proxies.get(obj);
    if (p) return p as T;
    const error = (m: string) => this.error(m);
    const rethrow = (e: unknown) => this.rethrow(e);
    const out = (r: unknown) => this.out(r);
    const host = this.host;
    const cls = (obj.constructor as typeof EmuObject).emuClass;
    p = new Proxy(obj, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof prop !== 'string' || prop === 'constructor') return v;
        const name = cls + '.' + prop;
        if (v === undefined && !(prop in target) && METHOD_NAME.test(prop) && !PROBES.has(prop))
          // A method the emulator lacks says so, instead of handing back undefined.
          return function notEmulated() {
            host.calls.record(cls, prop, name);
            throw error(`not emulated: ${name}`);
          };
        if (typeof v !== 'function') return v;
        return function (this: unknown, ...args: unknown[]) {
          host.calls.record(cls, prop, name);
          const err = accessError(host.authMode, cls, prop);
          if (err) throw error(err);
          for (let i = 0; i < args.length; i++) args[i] = unwrap(args[i]);
          let res: unknown;
          try {
            const fn = v as (...a: unknown[]) => unknown;
            res = host.invoke ? host.invoke(cls, prop, target, fn, args) : fn.apply(target, args);
          } catch (e) {
            throw rethrow(e);
          }
          return out(res);
        };
      },
    });
    proxyTargets.set(p, obj);
    this.proxies.set(obj, p);
    return p as T;
  }

  /** An Error of the calling realm (so `e instanceof Error` holds in the bundle). */
  error(message: string): Error {
    const E = this.realm ? this.realm.Error : Error;
    const e = new E(message);
    e.name = 'Exception';
    return e;
  }

  private rethrow(e: unknown): unknown {
    if (this.realm && e instanceof Error) {
      const r = this.error(e.message);
      r.stack = e.stack;
      return r;
    }
    if (e instanceof Error && e.name === 'Error') e.name = 'Exception';
    return e;
  }

  out(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof EmuObject) return this.wrap(v);
    const realm = this.realm;
    if (Array.isArray(v)) {
      if (!realm) {
        for (let i = 0; i < v.length; i++) {
          const e = v[i];
          if (e !== null && typeof e === 'object') v[i] = this.out(e);
        }
        return v;
      }
      const arr = new realm.Array();
      for (let i = 0; i < v.length; i++) {
        const e = v[i];
        arr.push(e !== null && typeof e === 'object' ? this.out(e) : e);
      }
      return arr;
    }
    if (isDate(v)) return realm ? new realm.Date((v as Date).getTime()) : v;
    if (realm && Object.getPrototypeOf(v) === Object.prototype) {
      const o = new realm.Object() as Record<string, unknown>;
      for (const [k, x] of Object.entries(v)) o[k] = this.out(x);
      return o;
    }
    return v;
  }
}
