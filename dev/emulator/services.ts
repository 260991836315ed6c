/** Ui, HtmlService, PropertiesService, CacheService, LockService, Session, Utilities, Logger. */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { EmuObject } from './calls';
import { formatJavaDate, isDate } from './dates';
import * as Enums from './enums';
import { LockKind, MenuItem, Runtime } from './runtime';

function fail(message: string): never {
  throw new Error(message);
}

// --- Ui ------------------------------------------------------------------------------------------

export const ADDON_NAME = 'ClientTabs';

type ButtonName = keyof typeof Enums.Button;
const BUTTON_SETS: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class PromptResponseImpl extends EmuObject {
  static emuClass = 'PromptResponse';
  constructor(
    private text: string,
    private button: string,
  ) {
    super();
  }
  getResponseText() {
    return this.text;
  }
  getSelectedButton() {
    return this.button;
  }
}

export class MenuImpl extends EmuObject {
  static emuClass = 'Menu';
  items: MenuItem[] = [];
  constructor(
    private rt: Runtime,
    readonly title: string,
    private addon: boolean,
  ) {
    super();
  }
  addItem(caption: string, functionName: string) {
    if (typeof caption !== 'string' || typeof functionName !== 'string') fail('Invalid argument: caption');
    this.items.push({ label: caption, functionName });
    return this;
  }
  addSeparator() {
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: MenuImpl) {
    this.items.push({ submenu: menu.title, items: menu.items.slice() });
    return this;
  }
  addToUi() {
    const menus = this.rt.ui.menus;
    const i = menus.findIndex((m) => m.addon === this.addon && m.title === this.title);
    const entry = { title: this.title, addon: this.addon, items: this.items.slice() };
    if (i === -1) menus.push(entry);
    else menus[i] = entry;
  }
}

export class UiImpl extends EmuObject {
  static emuClass = 'Ui';
  Button = Enums.Button;
  ButtonSet = Enums.ButtonSet;
  constructor(private rt: Runtime) {
    super();
  }
  createAddonMenu() {
    return new MenuImpl(this.rt, ADDON_NAME, true);
  }
  createMenu(caption: string) {
    return new MenuImpl(this.rt, String(caption), false);
  }
  private ask(kind: 'alert' | 'prompt', args: unknown[]) {
    let title = '';
    let prompt: string;
    let buttons = 'OK';
    if (args.length >= 3) [title, prompt, buttons] = args.map(String) as [string, string, string];
    else if (args.length === 2) [prompt, buttons] = args.map(String) as [string, string];
    else prompt = String(args[0]);
    if (!BUTTON_SETS[buttons]) fail(`Invalid argument: buttons`);
    this.rt.ui.alerts.push({ title, prompt, buttons, kind });
    const answer = this.rt.ui.answers.shift();
    if (!answer) fail(`Ui.${kind} called with no answer queued: "${prompt}"`);
    const button = answer.button ?? BUTTON_SETS[buttons][0];
    if (button !== 'CLOSE' && !BUTTON_SETS[buttons].includes(button))
      fail(`Ui.${kind} answered with ${button} but it shows ${buttons}: "${prompt}"`);
    return { button, text: answer.text ?? '' };
  }
  alert(...args: unknown[]) {
    return this.ask('alert', args).button;
  }
  prompt(...args: unknown[]) {
    const a = this.ask('prompt', args);
    return new PromptResponseImpl(a.text, a.button);
  }
  showSidebar(userInterface: HtmlOutputImpl) {
    if (!(userInterface instanceof HtmlOutputImpl)) fail('Invalid argument: userInterface');
    this.rt.ui.sidebars.push({
      title: userInterface.getTitle(),
      html: userInterface.served(),
      width: 300,
    });
  }
  showModalDialog(userInterface: HtmlOutputImpl, title: string) {
    this.dialog(userInterface, title, true);
  }
  showModelessDialog(userInterface: HtmlOutputImpl, title: string) {
    this.dialog(userInterface, title, false);
  }
  private dialog(o: HtmlOutputImpl, title: string, modal: boolean) {
    if (!(o instanceof HtmlOutputImpl)) fail('Invalid argument: userInterface');
    this.rt.ui.dialogs.push({
      title: String(title),
      html: o.served(),
      modal,
      width: o.getWidth(),
      height: o.getHeight(),
    });
  }
}

// --- HtmlService ---------------------------------------------------------------------------------

const ALLOWED_META = [
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
];

export class HtmlOutputMetaTagImpl extends EmuObject {
  static emuClass = 'HtmlOutputMetaTag';
  constructor(
    private name: string,
    private content: string,
  ) {
    super();
  }
  getName() {
    return this.name;
  }
  getContent() {
    return this.content;
  }
}

export class HtmlOutputImpl extends EmuObject {
  static emuClass = 'HtmlOutput';
  private title = '';
  private width = 600;
  private height = 400;
  private metaTags: { name: string; content: string }[] = [];
  constructor(private content: string) {
    super();
  }
  getContent() {
    return this.content;
  }
  append(addedContent: string) {
    this.content += String(addedContent);
    return this;
  }
  clear() {
    this.content = '';
    return this;
  }
  getTitle() {
    return this.title;
  }
  setTitle(title: string) {
    this.title = String(title);
    return this;
  }
  getWidth() {
    return this.width;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  getHeight() {
    return this.height;
  }
  setHeight(height: number) {
    this.height = height;
    return this;
  }
  addMetaTag(name: string, content: string) {
    // Only these four are allowed (HtmlOutput.addMetaTag reference); what Apps Script says otherwise is a guess.
    if (!ALLOWED_META.includes(String(name))) fail(`Invalid argument: name`);
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags() {
    return this.metaTags.map((tag) => new HtmlOutputMetaTagImpl(tag.name, tag.content));
  }
  /**
   * The page as the user's browser gets it: "Meta tags included directly in an Apps Script HTML file are
   * ignored" (HtmlOutput.addMetaTag reference), so raw ones are dropped and addMetaTag's are put in.
   */
  served() {
    const added = this.metaTags
      .map((tag) => `<meta name="${escapeHtml(tag.name)}" content="${escapeHtml(tag.content)}">`)
      .join('');
    const page = this.content.replace(/<meta\b[^>]*>/gi, '');
    const head = /<head\b[^>]*>/i.exec(page);
    return head
      ? page.slice(0, head.index + head[0].length) + added + page.slice(head.index + head[0].length)
      : added + page;
  }
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** `<?= expr ?>` (escaped), `<?!= expr ?>` (raw) and `<? code ?>` scriptlets, as JS source. */
function compileTemplate(src: string): string {
  let code = "var __emu_out = '';\n";
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    code += `__emu_out += ${JSON.stringify(src.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__emu_out += __emu_esc(${m[2]});\n`;
    else if (m[1] === '!=') code += `__emu_out += String(${m[2]});\n`;
    else code += m[2] + '\n';
    last = re.lastIndex;
  }
  code += `__emu_out += ${JSON.stringify(src.slice(last))};\nreturn __emu_out;`;
  return `(function (__emu_data, __emu_esc) { with (__emu_data) { ${code} } })`;
}

export class HtmlTemplateImpl extends EmuObject {
  static emuClass = 'HtmlTemplate';
  #src: string;
  #ctx: vm.Context | null;
  constructor(src: string, ctx: vm.Context | null) {
    super();
    this.#src = src;
    this.#ctx = ctx;
  }
  evaluate() {
    const data: Record<string, unknown> = {};
    for (const k of Object.keys(this)) data[k] = (this as unknown as Record<string, unknown>)[k];
    const src = compileTemplate(this.#src);
    const fn = (this.#ctx ? vm.runInContext(src, this.#ctx) : vm.runInNewContext(src)) as (
      d: Record<string, unknown>,
      esc: (v: unknown) => string,
    ) => string;
    const esc = (v: unknown) => escapeHtml(v === undefined || v === null ? '' : String(v));
    return new HtmlOutputImpl(fn(data, esc));
  }
}

export class HtmlServiceImpl extends EmuObject {
  static emuClass = 'HtmlService';
  SandboxMode = Enums.SandboxMode;
  XFrameOptionsMode = Enums.XFrameOptionsMode;
  constructor(
    private rt: Runtime,
    private ctx: vm.Context | null,
  ) {
    super();
  }
  private read(filename: string): string {
    const name = String(filename);
    const candidates = [path.join(this.rt.distDir, name + '.html'), path.join(this.rt.distDir, name)];
    for (const f of candidates)
      if (name && fs.existsSync(f) && fs.statSync(f).isFile()) return fs.readFileSync(f, 'utf8');
    return fail(`No HTML file named ${name} was found.`);
  }
  createHtmlOutput(html?: string) {
    return new HtmlOutputImpl(html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string) {
    return new HtmlOutputImpl(this.read(filename));
  }
  createTemplateFromFile(filename: string) {
    return new HtmlTemplateImpl(this.read(filename), this.ctx);
  }
}

// --- PropertiesService ---------------------------------------------------------------------------

const PROPERTY_VALUE_MAX = 9 * 1024;

export class PropertiesImpl extends EmuObject {
  static emuClass = 'Properties';
  constructor(
    private rt: Runtime,
    private store: Map<string, string>,
    private kind: 'document' | 'script' | 'user',
  ) {
    super();
  }
  /** "Custom Functions in Google Sheets": editors can't set user properties in a custom function. */
  private writable(method: string) {
    if (this.kind === 'user' && this.rt.authMode === 'CUSTOM_FUNCTION')
      fail(`You do not have permission to call Properties.${method}`);
  }
  getProperty(key: string) {
    return this.store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown) {
    this.writable('setProperty');
    const v = String(value);
    if (Buffer.byteLength(v) > PROPERTY_VALUE_MAX) fail('Argument too large: value');
    this.store.set(String(key), v);
    return this;
  }
  getProperties() {
    return Object.fromEntries(this.store);
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false) {
    this.writable('setProperties');
    if (properties === null || typeof properties !== 'object') fail('Invalid argument: properties');
    const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as const);
    for (const [, v] of entries)
      if (Buffer.byteLength(v) > PROPERTY_VALUE_MAX) fail('Argument too large: value');
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of entries) this.store.set(k, v);
    return this;
  }
  deleteProperty(key: string) {
    this.writable('deleteProperty');
    this.store.delete(String(key));
    return this;
  }
  deleteAllProperties() {
    this.writable('deleteAllProperties');
    this.store.clear();
    return this;
  }
}

export class PropertiesServiceImpl extends EmuObject {
  static emuClass = 'PropertiesService';
  constructor(private rt: Runtime) {
    super();
  }
  getDocumentProperties() {
    return new PropertiesImpl(this.rt, this.rt.properties.document, 'document');
  }
  getScriptProperties() {
    return new PropertiesImpl(this.rt, this.rt.properties.script, 'script');
  }
  getUserProperties() {
    return new PropertiesImpl(this.rt, this.rt.properties.user, 'user');
  }
}

// --- CacheService --------------------------------------------------------------------------------

export class CacheImpl extends EmuObject {
  static emuClass = 'Cache';
  constructor(
    private rt: Runtime,
    private store: Map<string, { value: string; expires: number }>,
  ) {
    super();
  }
  get(key: string) {
    const e = this.store.get(String(key));
    if (!e) return null;
    if (this.rt.now().getTime() >= e.expires) {
      this.store.delete(String(key));
      return null;
    }
    return e.value;
  }
  put(key: string, value: string, expirationInSeconds = 600) {
    const k = String(key);
    const v = String(value);
    if (k.length > 250) fail('Argument too large: key');
    if (Buffer.byteLength(v) > 100 * 1024) fail('Argument too large: value');
    const secs = Math.min(Math.max(Number(expirationInSeconds), 1), 21600);
    this.store.set(k, { value: v, expires: this.rt.now().getTime() + secs * 1000 });
  }
  getAll(keys: string[]) {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600) {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string) {
    this.store.delete(String(key));
  }
}

export class CacheServiceImpl extends EmuObject {
  static emuClass = 'CacheService';
  constructor(private rt: Runtime) {
    super();
  }
  getDocumentCache() {
    return new CacheImpl(this.rt, this.rt.caches.document);
  }
  getScriptCache() {
    return new CacheImpl(this.rt, this.rt.caches.script);
  }
}

// --- LockService ---------------------------------------------------------------------------------

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export class LockImpl extends EmuObject {
  static emuClass = 'Lock';
  constructor(
    private rt: Runtime,
    private kind: LockKind,
    private execution: number,
  ) {
    super();
  }
  /**
   * Waits on the emulator clock: takes the lock if it is free, or if the simulated other execution
   * lets it go within the timeout (the clock moves to that moment); otherwise the whole timeout passes.
   */
  private acquire(timeoutInMillis: number): boolean {
    const holder = this.rt.locks[this.kind];
    if (holder === null || holder === this.execution) {
      this.rt.locks[this.kind] = this.execution;
      return true;
    }
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    const releaseAt = holder === 'external' ? this.rt.externalReleaseAt : null;
    if (releaseAt !== null) {
      const wait = releaseAt - this.rt.now().getTime();
      if (wait <= timeout) {
        if (wait > 0) this.rt.advanceClock(wait);
        this.rt.externalReleaseAt = null;
        this.rt.locks[this.kind] = this.execution;
        return true;
      }
    }
    this.rt.advanceClock(timeout);
    return false;
  }
  tryLock(timeoutInMillis: number) {
    return this.acquire(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number) {
    if (!this.acquire(timeoutInMillis)) fail(LOCK_TIMEOUT);
  }
  releaseLock() {
    if (this.rt.locks[this.kind] === this.execution) this.rt.locks[this.kind] = null;
  }
  hasLock() {
    return this.rt.locks[this.kind] === this.execution;
  }
}

export class LockServiceImpl extends EmuObject {
  static emuClass = 'LockService';
  constructor(private rt: Runtime) {
    super();
  }
  getDocumentLock() {
    return new LockImpl(this.rt, 'document', this.rt.execution);
  }
}

// --- Session, Utilities, Logger, ScriptApp, Charts -----------------------------------------------

export class UserImpl extends EmuObject {
  static emuClass = 'User';
  constructor(private email: string) {
    super();
  }
  getEmail() {
    return this.email;
  }
  toString() {
    return this.email;
  }
}

export class SessionImpl extends EmuObject {
  static emuClass = 'Session';
  private key = crypto.randomUUID();
  constructor(
    private rt: Runtime,
    private scriptTimeZone: string,
    private locale: string,
  ) {
    super();
  }
  private user() {
    // custom functions run as an anonymous user
    return new UserImpl(this.rt.authMode === 'CUSTOM_FUNCTION' ? '' : this.rt.userEmail);
  }
  getActiveUser() {
    return this.user();
  }
  getEffectiveUser() {
    return this.user();
  }
  getScriptTimeZone() {
    return this.scriptTimeZone;
  }
  getActiveUserLocale() {
    return this.locale.split(/[_-]/)[0];
  }
  getTemporaryActiveUserKey() {
    return this.key;
  }
}

export class UtilitiesImpl extends EmuObject {
  static emuClass = 'Utilities';
  formatDate(date: Date, timeZone: string, format: string) {
    if (!isDate(date) || isNaN(date.getTime())) fail('Invalid argument: date');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      fail('Invalid argument: timeZone');
    }
    return formatJavaDate(date, timeZone, String(format));
  }
  formatString(template: string, ...args: unknown[]) {
    let i = 0;
    return String(template).replace(
      /%(-?\d*)(?:\.(\d+))?([sdfi%])/g,
      (_m, width: string, prec: string, conv: string) => {
        if (conv === '%') return '%';
        const a = args[i++];
        let s: string;
        if (conv === 'd' || conv === 'i') s = String(Math.trunc(Number(a)));
        else if (conv === 'f') s = Number(a).toFixed(prec === undefined ? 6 : Number(prec));
        else s = String(a);
        const w = Number(width);
        if (w) s = w < 0 ? s.padEnd(-w) : s.padStart(w);
        return s;
      },
    );
  }
  sleep(_milliseconds: number) {}
  getUuid() {
    return crypto.randomUUID();
  }
}

function formatLog(data: unknown, values: unknown[]): string {
  const s =
    typeof data === 'string'
      ? data
      : data instanceof Error
        ? String(data)
        : (JSON.stringify(data) ?? String(data));
  if (!values.length) return s;
  let i = 0;
  return s.replace(/%s|%d/g, () => String(values[i++]));
}

export class LoggerImpl extends EmuObject {
  static emuClass = 'Logger';
  constructor(private rt: Runtime) {
    super();
  }
  log(data: unknown, ...values: unknown[]) {
    this.rt.logs.push(formatLog(data, values));
    return this;
  }
  clear() {
    this.rt.logs.length = 0;
  }
}

export class ScriptAppImpl extends EmuObject {
  static emuClass = 'ScriptApp';
  AuthMode = Enums.AuthMode;
}

export class ChartsImpl extends EmuObject {
  static emuClass = 'Charts';
  ChartType = Enums.ChartType;
}

/** A console that records into the emulator's log instead of printing (tests stay quiet). */
export function makeConsole(rt: Runtime) {
  const rec =
    (level: string) =>
    (...args: unknown[]) =>
      rt.logs.push(
        (level === 'log' ? '' : `[${level}] `) +
          args.map((a) => (typeof a === 'string' ? a : formatLog(a, []))).join(' '),
      );
  return { log: rec('log'), info: rec('info'), warn: rec('warn'), error: rec('error'), debug: rec('debug') };
}
