/**
 * The card's "Earlier history" in Chromium (src/sidebar/views/card-history.ts), on the demo workbook:
 * once "Tom Becker (old)" is linked to Tom Becker as history, his card lists that tab with its check-ins,
 * dates and measures; a client with no linked tab has no such section.
 */
import {
  describeInBrowser,
  formatDay,
  openPlayground,
  openView,
  screenshotSidebar,
  showTab,
  useSession,
} from './harness';

jest.setTimeout(120_000);

const LEGACY = 'Tom Becker (old)';

describeInBrowser('the card’s earlier history, in Chromium', () => {
  const browser = useSession();
  const { call, client, sheet } = browser;

  beforeAll(() => {
    // As the coach does in Adopt existing tabs: the tab's name matches Tom, so it is linked as his history.
    const adopted = call<{ ok: boolean; value: { adopted: string[] } }>('rpcAdoptTabs', [LEGACY]);
    expect(adopted.value.adopted).toEqual([LEGACY]);
  });

  test('Tom Becker’s card lists his old tab: its check-ins, their dates and its measures', async () => {
    const { page, errors, dialogs } = await openPlayground(browser.session);
    // What the coach sees in the old tab: the dates under its "Date" header.
    const values = sheet(LEGACY).values;
    const dates = values
      .slice(values.findIndex((row) => row[0] === 'Date') + 1)
      .map((row) => String(row[0]))
      .filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day))
      .sort();
    expect(dates.length).toBeGreaterThan(10);
    await showTab(page, client('Tom Becker').tabName);
    const frame = await openView(page, /client card/i, 'card');
    const section = frame.locator('.client-card [data-section="history"]');
    await section.waitFor();
    expect(await section.locator('h3').textContent()).toBe('Earlier history');
    expect(await section.locator('[data-field="history-tab"]').allTextContents()).toEqual([
      `${LEGACY}: ${dates.length} check-ins, ${formatDay(dates[0])} to ${formatDay(dates.at(-1)!)} (Revenue, Leads)`,
    ]);
    expect(await section.locator('p').textContent()).toBe(
      'Counted in Progress and the progress report as the values before this tab.',
    );
    // Read as one line of text that wraps, not as columns squeezing the tab's name onto three lines.
    const nameLines = await section.locator('[data-field="history-tab"] strong').evaluate((strong) => {
      const style = getComputedStyle(strong);
      const lineHeight = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
      return Math.round(strong.getBoundingClientRect().height / lineHeight);
    });
    expect(nameLines).toBe(1);
    await screenshotSidebar(page, 'card-history');
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  test('a client with no linked tab has no "Earlier history"', async () => {
    const { page, errors } = await openPlayground(browser.session);
    await showTab(page, client('Maya Okafor').tabName);
    const frame = await openView(page, /client card/i, 'card');
    await frame.waitForSelector('.client-card [data-section="handling"]');
    expect(await frame.locator('[data-section="history"]').count()).toBe(0);
    expect(await frame.locator('.client-card').textContent()).not.toContain('Earlier history');
    expect(errors).toEqual([]);
  });
});
