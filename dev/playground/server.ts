/**
 * The local playground: the add-on without a Google account. Loads the built dist/Code.js into the
 * Apps Script emulator, fills a demo workbook through the add-on's own server functions, and serves:
 *   /              the workbook's tabs as tables, the add-on menu as buttons, the sidebar in a 300-px frame
 *   /sidebar/:n    the n-th sidebar the add-on opened (its real HTML), with google.script.run → /rpc
 *   /dialog/:n     the n-th dialog, likewise
 *   /rpc           POST {name, args}: calls a global of dist/Code.js, as google.script.run would
 *   /api/workbook  every tab's cells (computed values; formula text where the emulator computes nothing)
 *   /api/menus, /api/menu, /api/activate   the add-on menu and the tab in view
 * State lives in memory: changes last while it runs.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createEmulator, type Emulator } from '../emulator';
import { addLegacyTabs, buildDemoWorkbook, isoToday, type DemoSummary } from './demo';
import { sidebarHtml } from '../../src/ui/boot';
import type { SidebarBoot } from '../../src/ui/rpc-types';

export interface PlaygroundOptions {
  /** The repository root (dist/ and dev/playground/ are read from it). */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  /** `yyyy-mm-dd`; defaults to today. */
  today?: string;
  /** Build the demo workbook (default true). */
  demo?: boolean;
  host?: string;
}

export interface Playground {
  url: string;
  port: number;
  today: string;
  demo: DemoSummary | null;
  /** Calls a global of dist/Code.js the way google.script.run does. */
  call(name: string, ...args: unknown[]): unknown;
  /** The workbook as /api/workbook serves it. */
  workbook(): WorkbookJson;
  /** The emulated spreadsheet, for tests that type a tab the way a coach would before opening a view. */
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  close(): Promise<void>;
}

export interface CellJson {
  /** what the cell shows */
  d: string;
  /** formula text */
  f?: string;
  /** a Sheets function the emulator's engine does not compute (or a CLIENT_* one over such a cell) */
  native?: boolean;
  /** a SPARKLINE's data: Sheets draws it in the cell, whose value is blank */
  spark?: number[];
  /** number (right-aligned) */
  n?: boolean;
  /** bold */
  b?: boolean;
  /** an error value */
  e?: boolean;
  /** why a formula shows what it shows (the emulator's explanation) */
  why?: string;
}

export interface SheetJson {
  name: string;
  hidden: boolean;
  numRows: number;
  numCols: number;
  cells: CellJson[][];
  /** the raw values as getValues returns them (dates as yyyy-mm-dd) */
  values: (string | number | boolean)[][];
  /** 1-based columns hidden with hideColumns: Sheets does not show them, nor does the page */
  hiddenColumns?: number[];
}

export interface WorkbookJson {
  name: string;
  today: string;
  active: string;
  sheets: SheetJson[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulator's Spreadsheet stands in for Apps Script's */
type AnyObject = any;

const ERROR_VALUE = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!)/;

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const root = options.root;
  const today = options.today || isoToday();
  const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
  const code = read('dist/Code.js');
  // The clock starts at 10:00 on `today` and runs from there, so "this week" and "days since" are the demo's.
  const start = Date.parse(`${today}T10:00:00Z`);
  if (Number.isNaN(start)) throw new Error(`today must be yyyy-mm-dd; got "${today}"`);
  const startedAt = Date.now();
  const now = () => new Date(start + (Date.now() - startedAt));
  const emulator: Emulator = createEmulator({
    now,
    distDir: path.join(root, 'dist'),
    spreadsheetName: 'Coaching clients (ClientTabs demo)',
  });
  const bundle = emulator.loadBundle(code);
  bundle.callAs('NONE', 'onOpen', bundle.event('NONE'));

  const callServer = (name: string, ...args: unknown[]): unknown => {
    if (typeof name !== 'string' || !bundle.functions.includes(name)) {
      throw Object.assign(new Error(`Script function not found: ${name}`), { name: 'ScriptError' });
    }
    const value = bundle.call(name, ...args);
    assertTransferable(value, `${name}() returned`);
    return value;
  };

  const demo = options.demo === false ? null : buildDemoWorkbook(callServer, today);
  // Tabs a coach kept before the add-on, not on the roster yet: what "Adopt existing tabs" is for.
  if (demo) addLegacyTabs(emulator.spreadsheet as unknown as Parameters<typeof addLegacyTabs>[0], today);
  // Open on the Dashboard, as a coach would, without the new spreadsheet's empty Sheet1.
  const dashboard = emulator.spreadsheet.getSheetByName('Dashboard');
  if (demo && dashboard) {
    emulator.spreadsheet.setActiveSheet(dashboard);
    const blank = emulator.spreadsheet.getSheetByName('Sheet1');
    if (blank && blank.getLastRow() === 0) emulator.spreadsheet.deleteSheet(blank);
  }

  const spreadsheet = (): AnyObject => emulator.spreadsheet;
  const workbook = (): WorkbookJson => readWorkbook(spreadsheet(), emulator, today);
  const shim = read('dev/playground/shim.js');
  const withShim = (html: string) =>
    html.replace(
      /<head([^>]*)>/i,
      (tag) => `${tag}\n<script>/* playground: google.script.run → /rpc */\n${shim}</script>`,
    );

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error) =>
      send(response, 500, 'text/plain', String(error?.stack ?? error)),
    );
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = url.pathname;
    if (request.method === 'GET' && route === '/')
      return send(response, 200, 'text/html', read('dev/playground/page.html'));
    if (request.method === 'GET' && route === '/page.js')
      return send(response, 200, 'text/javascript', read('dev/playground/page.js'));
    if (request.method === 'GET' && route === '/page.css')
      return send(response, 200, 'text/css', read('dev/playground/page.css'));
    if (request.method === 'GET' && route === '/favicon.ico') return send(response, 204, 'text/plain', '');
    if (request.method === 'GET' && route === '/api/workbook') return json(response, workbook());
    if (request.method === 'GET' && route === '/api/menus') return json(response, emulator.ui.menus);

    const recorded = /^\/(sidebar|dialog)\/(\d+)$/.exec(route);
    if (request.method === 'GET' && recorded) {
      const list = recorded[1] === 'sidebar' ? emulator.ui.sidebars : emulator.ui.dialogs;
      const item = list[Number(recorded[2])];
      if (!item) return send(response, 404, 'text/plain', `No ${recorded[1]} ${recorded[2]} was opened`);
      return send(response, 200, 'text/html', withShim(item.html));
    }
    if (request.method === 'GET' && route === '/sidebar') {
      // The sidebar straight from dist/, on the view named in ?view= (without going through a menu),
      // its start-up data written the way the add-on writes it.
      const boot = {
        view: url.searchParams.get('view') || 'checkin',
        clientId: url.searchParams.get('clientId') || undefined,
      } as SidebarBoot;
      const html = sidebarHtml(read('dist/Sidebar.html'), boot);
      return send(response, 200, 'text/html', withShim(html));
    }

    if (request.method === 'POST' && route === '/rpc') {
      const { name, args } = (await readJson(request)) as { name: string; args: unknown[] };
      try {
        return json(response, { ok: true, value: callServer(name, ...(Array.isArray(args) ? args : [])) });
      } catch (error) {
        return json(response, {
          ok: false,
          error: {
            name: (error as Error).name || 'Error',
            message: (error as Error).message ?? String(error),
          },
        });
      }
    }
    if (request.method === 'POST' && route === '/api/menu') {
      const { functionName } = (await readJson(request)) as { functionName: string };
      const before = {
        sidebars: emulator.ui.sidebars.length,
        dialogs: emulator.ui.dialogs.length,
        alerts: emulator.ui.alerts.length,
        toasts: emulator.ui.toasts.length,
      };
      let error: string | null = null;
      // The user answers each alert with its default button (OK), as in Sheets; without an answer the
      // emulator throws, and the page showed that as an error beside the alert. Unused answers are withdrawn.
      const answers = (emulator.ui as unknown as { answers: unknown[] }).answers;
      const queued = answers.length;
      for (let i = 0; i < 5; i++) emulator.ui.respond({});
      try {
        bundle.call(functionName);
      } catch (e) {
        error = (e as Error).message ?? String(e);
      } finally {
        answers.splice(queued, answers.length - queued);
      }
      const sidebars = emulator.ui.sidebars.length;
      const dialogs = emulator.ui.dialogs.length;
      return json(response, {
        ok: error === null,
        error,
        sidebar:
          sidebars > before.sidebars
            ? { index: sidebars - 1, title: emulator.ui.sidebars[sidebars - 1].title }
            : null,
        dialog:
          dialogs > before.dialogs
            ? {
                index: dialogs - 1,
                title: emulator.ui.dialogs[dialogs - 1].title,
                width: emulator.ui.dialogs[dialogs - 1].width,
                height: emulator.ui.dialogs[dialogs - 1].height,
              }
            : null,
        alerts: emulator.ui.alerts.slice(before.alerts),
        toasts: emulator.ui.toasts.slice(before.toasts),
      });
    }
    if (request.method === 'POST' && route === '/api/activate') {
      const { sheet, a1 } = (await readJson(request)) as { sheet: string; a1?: string };
      const target = spreadsheet().getSheetByName(sheet);
      if (target) spreadsheet().setActiveSheet(target);
      // A clicked cell is the selection (Act on this review row reads the selected row).
      if (target && typeof a1 === 'string' && /^[A-Z]+\d+$/.test(a1))
        spreadsheet().setActiveRange(target.getRange(a1));
      return json(response, { ok: !!target });
    }
    send(response, 404, 'text/plain', 'Not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://localhost:${port}`,
    port,
    today,
    demo,
    call: callServer,
    workbook,
    spreadsheet: () => emulator.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readWorkbook(spreadsheet: AnyObject, emulator: Emulator, today: string): WorkbookJson {
  const timeZone: string = spreadsheet.getSpreadsheetTimeZone?.() || 'UTC';
  const sheets: SheetJson[] = spreadsheet.getSheets().map((sheet: AnyObject) => {
    const name: string = sheet.getName();
    const hidden: boolean = sheet.isSheetHidden?.() ?? false;
    const numRows: number = sheet.getLastRow();
    const numCols: number = sheet.getLastColumn();
    if (numRows < 1 || numCols < 1) return { name, hidden, numRows: 0, numCols: 0, cells: [], values: [] };
    const range = sheet.getRange(1, 1, numRows, numCols);
    const values: unknown[][] = range.getValues();
    const display: string[][] = range.getDisplayValues
      ? range.getDisplayValues()
      : values.map((r) => r.map(String));
    const formulas: string[][] = range.getFormulas();
    const weights: string[][] | null = range.getFontWeights ? range.getFontWeights() : null;
    const cells = values.map((row, r) =>
      row.map((value, c): CellJson => {
        const formula = formulas[r][c];
        const shown = display[r][c] ?? '';
        const cell: CellJson = { d: shown };
        if (formula) {
          cell.f = formula;
          if (/SPARKLINE\s*\(/i.test(formula)) {
            const spark = emulator.sparkline(name, columnLetters(c + 1) + (r + 1));
            if (spark && spark.length) cell.spark = spark;
          }
          const isError = typeof value === 'string' && ERROR_VALUE.test(value);
          if (isError) {
            const why = explain(emulator, name, r + 1, c + 1);
            // A CLIENT_* cell whose input is a Sheets function (the Dashboard's LTV over an AVERAGE) waits
            // for Google Sheets too: it is not an error of ours, so it is shown like the native cells.
            if (NOT_COMPUTED.test(why) || (why === '' && !/^=\s*CLIENT_/i.test(formula))) cell.native = true;
            else cell.e = true;
            if (why) cell.why = why;
          }
        } else if (typeof value === 'string' && ERROR_VALUE.test(value)) {
          cell.e = true;
        }
        if (typeof value === 'number') cell.n = true;
        if (weights && weights[r][c] === 'bold') cell.b = true;
        return cell;
      }),
    );
    const plain = values.map((row) =>
      row.map((value) => (isDate(value) ? isoOf(value, timeZone) : (value as string | number | boolean))),
    );
    const hiddenColumns: number[] = [];
    for (let c = 1; c <= numCols; c++) if (sheet.isColumnHiddenByUser?.(c)) hiddenColumns.push(c);
    return { name, hidden, numRows, numCols, cells, values: plain, hiddenColumns };
  });
  return {
    name: spreadsheet.getName(),
    today,
    active: spreadsheet.getActiveSheet().getName(),
    sheets,
  };
}

/** The emulator's words for a built-in function it leaves to Google Sheets. */
const NOT_COMPUTED = /not computed|computed by google sheets|built-in|builtin/i;

/** Why the emulator shows an error in a formula cell ('' when it does not say). */
function explain(emulator: Emulator, sheet: string, row: number, col: number): string {
  try {
    return String(emulator.explain(sheet, columnLetters(col) + row) ?? '');
  } catch {
    return '';
  }
}

function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A sheet's Date as the calendar day it shows in the spreadsheet's time zone. */
function isoOf(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** google.script.run fails on a Date (or anything but primitives, arrays and plain objects): so does this. */
function assertTransferable(value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return;
  if (isDate(value) || type === 'function' || type === 'symbol' || type === 'bigint') {
    throw new Error(
      `${where} a value google.script.run cannot carry (${isDate(value) ? 'a Date' : type}); send dates as yyyy-mm-dd`,
    );
  }
  if (Array.isArray(value)) return value.forEach((v, i) => assertTransferable(v, `${where}[${i}]`));
  // The bundle runs in its own VM realm: compare by tag and constructor name, not by identity.
  const proto = Object.getPrototypeOf(value);
  if (
    proto !== null &&
    (Object.prototype.toString.call(value) !== '[object Object]' || proto.constructor?.name !== 'Object')
  ) {
    throw new Error(
      `${where} a ${proto.constructor?.name ?? 'class'} instance; google.script.run carries plain objects only`,
    );
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>))
    assertTransferable(v, `${where}.${key}`);
}

function send(response: http.ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

function json(response: http.ServerResponse, value: unknown): void {
  send(response, 200, 'application/json', JSON.stringify(value));
}

function readJson(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 2_000_000) request.destroy(new Error('request too large'));
    });
    request.on('end', () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}
