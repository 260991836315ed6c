/**
 * The expectation check beside a metric's target (src/sidebar/views/expectation-hint.ts) in Chromium, on
 * the demo workbook (Summit Plumbing's best cost per lead: $30, 14 months in): typed from the keyboard, the
 * warning appears for a target no client has reached and goes for one they have; nothing is written.
 */
import {
  describeInBrowser,
  expectText,
  openPlayground,
  openView,
  screenshotSidebar,
  showTab,
  useSession,
} from './harness';

jest.setTimeout(90_000);

describeInBrowser('the expectation check in New client, in Chromium', () => {
  const browser = useSession();

  const snapshot = () =>
    JSON.stringify(browser.session.playground.workbook().sheets.map((s) => [s.name, s.values]));

  test(
    'typing a target beyond the best ever shows the plain warning; ' + 'a reachable one shows who reached it',
    async () => {
      const { page, dialogs, errors } = await openPlayground(browser.session);
      const frame = await openView(page, /new client/i, 'newClient');
      const before = snapshot();
      await frame.focus('input[name="metrics.0.name"]');
      await page.keyboard.type('CPL');
      await page.keyboard.press('Enter'); // unit
      await page.keyboard.type('$');
      await page.keyboard.press('Enter'); // direction
      await page.keyboard.press('ArrowDown'); // ↓ Lower is better
      await page.keyboard.press('Enter'); // baseline
      await page.keyboard.type('70');
      await page.keyboard.press('Enter'); // target
      await page.keyboard.type('20');
      const warning =
        'Your best CPL so far is $30 (Summit Plumbing, 14 months). $20 would be a first: say so now, ' +
        'or set a target you can beat.';
      await expectText(frame, '.expectation-warning', warning);
      expect(await frame.isVisible('.expectation-warning')).toBe(true);
      expect(await frame.textContent('.expectation-summary')).toMatch(
        /^Median \$\d+(\.\d+)? · 0 of \d reached \$20\.$/,
      );
      await screenshotSidebar(page, 'new-client-expectation');

      // A target clients have reached: no warning, how many and how long instead.
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('60');
      await expectText(frame, '.expectation-summary', 'reached $60, in a median');
      expect(await frame.isVisible('.expectation-warning')).toBe(false);
      // "Higher is better" is another goal: no history to compare with.
      await frame.focus('select[name="metrics.0.direction"]');
      await page.keyboard.press('ArrowUp');
      await expectText(frame, '.expectation-summary', 'No earlier client has a CPL logged to compare with.');
      expect(snapshot()).toBe(before);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  test('the card of a client whose target is beyond the best ever says so, with the numbers', async () => {
    const { page, errors } = await openPlayground(browser.session);
    await showTab(page, 'Bright Path Solar');
    const card = await openView(page, /client card/i, 'card');
    await expectText(
      card,
      '[data-section="expectations"]',
      'Target set beyond anything achieved before: Cost per lead $20; the best so far is $30 (Summit ' +
        'Plumbing, 14 months).',
    );
    await screenshotSidebar(page, 'card-expectation');
    expect(errors).toEqual([]);
  });
});
