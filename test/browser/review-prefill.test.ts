/**
 * Acting on a portfolio review row in Chromium (src/sidebar/views/review-prefill.ts), on the playground's
 * demo workbook: the review tab is written by its menu item; selecting a row and choosing "Act on this
 * review row" opens the card's Record a raise, or the offboarding form, prefilled; nothing is saved.
 */
import type { Page } from 'playwright-core';
import {
  describeInBrowser,
  formatDay,
  openPlayground,
  openView,
  screenshotPage,
  screenshotSidebar,
  showTab,
  useSession,
} from './harness';

jest.setTimeout(120_000);

describeInBrowser('acting on a portfolio review row in Chromium', () => {
  const browser = useSession();

  const { sheet } = browser;

  /** Clicks the review's cell in column B of `client`'s row (a click selects it, as in Sheets). */
  async function selectRow(page: Page, client: string): Promise<number> {
    const row = sheet('Portfolio review').values.findIndex((r) => r[1] === client) + 1;
    expect(row).toBeGreaterThan(2);
    await page.click(`table.sheet[data-sheet="Portfolio review"] td[data-a1="B${row}"]`);
    await page.waitForFunction(
      async () => (await (await fetch('/api/workbook')).json()).active === 'Portfolio review',
    );
    return row;
  }

  /** Chooses "Act on this review row" and waits for the sidebar to show `view`. */
  const act = (page: Page, view: string) =>
    openView(page, '#menu-items button[data-function="menuActOnReviewRow"]', view);

  test(
    're-price opens Record a raise with the fee and day filled in; let go opens offboarding with ' +
      'the end date and reason',
    async () => {
      const { page, dialogs, errors } = await openPlayground(browser.session);
      await page.click('#menu-items button[data-function="menuPortfolioReview"]');
      await page.waitForSelector('#tabs [role="tab"][data-sheet="Portfolio review"]');
      await showTab(page, 'Portfolio review');
      const values = sheet('Portfolio review').values;
      const rowOf = (name: string) => values.find((r) => r[1] === name)!;
      const header = values[1] as string[];
      const at = (name: string, label: string) => rowOf(name)[header.indexOf(label)];
      expect(at('Harbor Dental', 'Verdict')).toBe('Re-price');
      expect(at('Quill & Co', 'Verdict')).toBe('Let go');
      const before = JSON.stringify(
        browser.session.playground.workbook().sheets.filter((s) => s.name !== 'Portfolio review'),
      );
      await screenshotPage(page, 'portfolio-review');

      await selectRow(page, 'Harbor Dental');
      const card = await act(page, 'card');
      await card.waitForSelector('form[data-form="raise"]:not([hidden])');
      expect(await card.inputValue('form[data-form="raise"] input[name="monthlyFee"]')).toBe('2000');
      const from = at('Harbor Dental', 'Date') as string;
      expect(await card.inputValue('form[data-form="raise"] input[name="from"]')).toBe(from);
      expect(await card.textContent('[data-field="review-prefill"]')).toBe(
        `From the portfolio review: $2,000 a month from ${formatDay(from)}. Change anything before you record it.`,
      );
      // The fee field has the focus, so Enter walks on to record it: nothing is recorded by opening it.
      expect(await card.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('monthlyFee');
      await screenshotSidebar(page, 'review-prefill-raise');

      await selectRow(page, 'Quill & Co');
      const offboard = await act(page, 'offboard');
      const end = at('Quill & Co', 'Date') as string;
      await offboard.waitForFunction(
        (iso) => document.querySelector('[data-field="end-date-shown"]')?.getAttribute('data-iso') === iso,
        end,
      );
      expect(await offboard.inputValue('select:has(option[value="Pays late"])')).toBe('Pays late');
      expect(await offboard.textContent('[data-field="review-prefill"]')).toContain(
        `end on ${formatDay(end)}`,
      );
      await screenshotSidebar(page, 'review-prefill-offboard');

      // Nothing changed anywhere until the coach saves.
      expect(
        JSON.stringify(
          browser.session.playground.workbook().sheets.filter((s) => s.name !== 'Portfolio review'),
        ),
      ).toBe(before);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});
