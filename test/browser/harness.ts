/**
 * Shared set-up of the browser tests: Debian's Chromium (or CHROMIUM_PATH) driven by playwright-core
 * against the real playground (dist/Code.js on the emulator, the real dist/Sidebar.html).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { startPlayground, type Playground, type SheetJson } from '../../dev/playground/server';
import type { ClientSummary } from '../../src/ui/rpc-types';

export const ROOT = path.resolve(__dirname, '../..');
export const RESULTS = path.join(ROOT, 'test-results');
/** A fixed day, so the demo workbook and its numbers are the same on every run. */
export const TODAY = '2025-03-12';

/** The Chromium to drive, or null when there is none. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate)) ?? null;
}

/**
 * `describe` when Chromium is there. Without it the suite is skipped with a loud warning, except in CI
 * (CI=true), where a missing browser must fail the build rather than pass it silently.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumPath()) {
    describe(name, body);
    return;
  }
  const message =
    `\n\n  !!! BROWSER TESTS SKIPPED: no Chromium at $CHROMIUM_PATH or /usr/bin/chromium.\n` +
    `  !!! Install it (apt-get install chromium) or set CHROMIUM_PATH. Under CI=true this fails.\n`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('Chromium is installed', () => {
        throw new Error(message);
      });
    });
  } else {
    console.warn(message);
    describe.skip(name, body);
  }
}

export interface Session {
  playground: Playground;
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  for (const file of ['dist/Code.js', 'dist/Sidebar.html']) {
    if (!fs.existsSync(path.join(ROOT, file)))
      throw new Error(`${file} is missing: run npm test (it builds first)`);
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  const playground = await startPlayground({ root: ROOT, port: 0, today: TODAY });
  const browser = await chromium.launch({
    executablePath: chromiumPath() as string,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  // No internet here: Google's add-on CSS would hang the page; the sidebar must look right without it.
  await context.route(/ssl\.gstatic\.com|fonts\.googleapis\.com/, (route) => route.abort());
  return {
    playground,
    browser,
    context,
    close: async () => {
      await browser.close();
      await playground.close();
    },
  };
}

/** A describe block's browser session and the playground reads its tests make. */
export interface SessionTools {
  /** The session, started before the block's first test. */
  readonly session: Session;
  /** A server function of dist/Code.js, called on the playground's workbook. */
  call<T>(name: string, ...args: unknown[]): T;
  /** A client of the roster, by name. */
  client(name: string): ClientSummary;
  /** A tab of the playground's workbook, by name. */
  sheet(name: string): SheetJson;
}

/** Starts one session for the enclosing describe block and closes it after the block's last test. */
export function useSession(): SessionTools {
  let started: Session | undefined;
  // Building the demo workbook and starting Chromium took over 180 s on this shared 2-core machine under load.
  beforeAll(async () => {
    started = await startSession();
  }, 600_000);
  afterAll(async () => {
    await started?.close();
  });
  const tools: SessionTools = {
    get session() {
      if (!started) throw new Error('the browser session did not start (see beforeAll)');
      return started;
    },
    call: <T>(name: string, ...args: unknown[]) => tools.session.playground.call(name, ...args) as T,
    client: (name) => tools.call<ClientSummary[]>('rpcListClients').find((c) => c.name === name)!,
    sheet: (name) => tools.session.playground.workbook().sheets.find((s) => s.name === name)!,
  };
  return tools;
}

export interface OpenedPage {
  page: Page;
  /** Every alert/confirm/prompt the page raised (there must be none). */
  dialogs: string[];
  errors: string[];
}

export async function openPlayground(session: Session): Promise<OpenedPage> {
  const page = await session.context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.playground.url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, dialogs, errors };
}

/** Clicks an add-on menu item on the playground page and returns the sidebar's frame. */
export async function openFromMenu(page: Page, label: RegExp): Promise<Frame> {
  await page.locator('#menu-items button', { hasText: label }).first().click();
  const frameElement = await page.waitForSelector('#sidebar-frame[src*="/sidebar/"]');
  const frame = await frameElement.contentFrame();
  if (!frame) throw new Error('the sidebar frame did not load');
  await frame.waitForLoadState();
  await frame.waitForSelector('#app > *');
  return frame;
}

/** Shows a tab on the playground page (the "tab in view" of the client card). */
export async function showTab(page: Page, name: string): Promise<void> {
  await page.locator('#tabs').getByRole('tab', { name, exact: true }).first().click();
  await page.waitForSelector(`table.sheet[data-sheet="${name.replace(/"/g, '\\"')}"]`);
  // The page tells the server which tab is active without waiting; a menu item clicked next must see it.
  await page.waitForFunction(
    async (sheet) => (await (await fetch('/api/workbook')).json()).active === sheet,
    name,
    { polling: 100 },
  );
}

/** The sidebar panel (title bar and the 300-px frame), grown to show the whole sidebar. */
export async function screenshotSidebar(page: Page, name: string): Promise<string> {
  const file = path.join(RESULTS, `${name}.png`);
  const frame = await (await page.waitForSelector('#sidebar-frame')).contentFrame();
  const height = frame ? await frame.evaluate(() => document.documentElement.scrollHeight) : 800;
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height + 260) });
  await page.locator('#sidebar-panel').screenshot({ path: file });
  await page.setViewportSize(viewport);
  return file;
}

export async function screenshotPage(page: Page, name: string): Promise<string> {
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Writes docs/<name>.png too when UPDATE_SCREENSHOTS=1 (the README's screenshots). */
export function publish(file: string, name: string): void {
  if (process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(file, path.join(ROOT, 'docs', `${name}.png`));
}

export async function expectText(frame: Frame, selector: string, text: string): Promise<void> {
  await frame.waitForFunction(
    ([s, t]) => Array.from(document.querySelectorAll(s)).some((el) => (el.textContent ?? '').includes(t)),
    [selector, text] as const,
    { timeout: 10_000 },
  );
}

/**
 * Clicks a menu item, by its label or a CSS selector, and waits for the sidebar to show `view` (the
 * frame is reused between menus).
 */
export async function openView(page: Page, item: RegExp | string, view: string): Promise<Frame> {
  const before = await page.getAttribute('#sidebar-frame', 'src').catch(() => null);
  const button =
    typeof item === 'string' ? page.locator(item) : page.locator('#menu-items button', { hasText: item });
  await button.first().click();
  await page.waitForFunction((previous) => {
    const src = document.querySelector('#sidebar-frame')?.getAttribute('src') ?? '';
    return src.includes('/sidebar/') && src !== previous;
  }, before);
  const frame = await (await page.waitForSelector('#sidebar-frame')).contentFrame();
  if (!frame) throw new Error('the sidebar frame did not load');
  await frame.waitForSelector(`body[data-view="${view}"] #app > *`);
  return frame;
}

/** `2025-03-12` as the sidebar writes it: `12 Mar 2025`. */
export function formatDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${day} ${months[month - 1]} ${year}`;
}
