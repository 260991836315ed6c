/**
 * The card's fee and profitability in Chromium (src/sidebar/views/card-profit.ts), on the playground's
 * demo workbook: recording a raise and setting the hours a month from the keyboard alone.
 */
import type { ProfitCardData } from '../../src/workbook/profit-card';
import {
  describeInBrowser,
  openFromMenu,
  openPlayground,
  screenshotSidebar,
  showTab,
  useSession,
  formatDay,
  TODAY,
} from './harness';

jest.setTimeout(120_000);

describeInBrowser('fee and profitability on the card in Chromium', () => {
  const browser = useSession();
  const { call, client, sheet } = browser;

  test(
    'Record a raise, then Hours per month, from the keyboard: written, and shown in the history ' +
      'and the rate',
    async () => {
      const opened = await openPlayground(browser.session);
      const { page, errors, dialogs } = opened;
      const summary = client('Maya Okafor');
      await showTab(page, summary.tabName);
      const frame = await openFromMenu(page, /client card/i);
      await frame.waitForSelector('[data-section="profit"] [data-action="record-raise"]');
      const before = call<ProfitCardData>('rpcGetClientProfit', summary.clientId);
      expect(before.monthlyFee).not.toBeNull();

      // Enter on the button opens the form with the fee focused; Enter moves on; Enter on the last field saves.
      await frame.focus('[data-action="record-raise"]');
      await page.keyboard.press('Enter');
      expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
        'monthlyFee',
      );
      await page.keyboard.type('2,750');
      await page.keyboard.press('Enter');
      expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('from');
      const [year, month, day] = TODAY.split('-');
      await page.keyboard.type(`${month}${day}${year}`); // Chromium's date field, en-US order
      await page.keyboard.press('Enter');
      await page.keyboard.type('=yearly review');
      await page.keyboard.press('Enter');
      await frame.waitForFunction(
        (fee) => document.querySelector('[data-field="monthly-fee"]')?.textContent?.includes(fee) ?? false,
        '2,750',
      );
      const rates = sheet('Rates').values.filter((row) => row[0] === summary.clientId);
      expect(rates.at(-1)?.slice(3)).toEqual([2750, '=yearly review']);
      expect(await frame.textContent('[data-field="fee-history"] li')).toContain(`from ${formatDay(TODAY)}`);
      expect(await frame.textContent('[data-field="next-review"]')).toContain('Next rate review');
      const raised = call<ProfitCardData>('rpcGetClientProfit', summary.clientId);
      expect(raised).toMatchObject({ monthlyFee: 2750, nextReview: `${Number(year) + 1}-${month}-${day}` });

      // Hours per month: a bad value is refused with the message at the field, then a good one is saved.
      await frame.waitForSelector('[data-action="set-hours"]');
      await frame.focus('[data-action="set-hours"]');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('lots');
      await page.keyboard.press('Enter');
      await frame.waitForSelector('[data-form="hours"] .field-error:not([hidden])');
      expect(await frame.textContent('[data-form="hours"] .field-error')).toMatch(
        /Hours per month must be a number/,
      );
      await page.keyboard.press('Control+A');
      await page.keyboard.type('12');
      await page.keyboard.press('Enter');
      await frame.waitForFunction(() =>
        /Effective rate .*\/hour \(12 h a month/.test(
          document.querySelector('[data-field="effective-rate"]')?.textContent ?? '',
        ),
      );
      expect(call<ProfitCardData>('rpcGetClientProfit', summary.clientId).hoursPerMonth).toBe(12);
      expect(await frame.textContent('[data-field="net-ltv"]')).toMatch(/LTV net of absorbed work/);
      await frame.locator('[data-section="profit"]').scrollIntoViewIfNeeded();
      await screenshotSidebar(page, 'card-profit');
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});
