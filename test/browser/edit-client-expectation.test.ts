/**
 * The expectation check in Edit client, in Chromium (src/sidebar/views/expectation-hint.ts in
 * views/edit-client.ts), on the demo workbook: Bright Path Solar's cost per lead against Summit Plumbing's
 * best ($30, 14 months in). The warning comes and goes as the target is typed, and never blocks saving.
 */
import type { Frame } from 'playwright-core';
import {
  describeInBrowser,
  expectText,
  openPlayground,
  openView,
  screenshotSidebar,
  showTab,
  useSession,
} from './harness';

jest.setTimeout(120_000);

const CLIENT = 'Bright Path Solar';
const TARGET = 'input[name="metrics.0.target"]';

/** The words, for a target of `target` dollars a lead. */
const warningFor = (target: number) =>
  `Your best cost per lead so far is $30 (Summit Plumbing, 14 months). $${target} would be a first: ` +
  'say so now, or set a target you can beat.';

describeInBrowser('the expectation check in Edit client, in Chromium', () => {
  const browser = useSession();
  const { sheet } = browser;

  /** Clears the target and types `text` from the keyboard, as a coach would. */
  async function typeTarget(frame: Frame, text: string): Promise<void> {
    await frame.focus(TARGET);
    await frame.page().keyboard.press('ControlOrMeta+A');
    await frame.page().keyboard.type(text);
  }

  const warningShown = (frame: Frame) => frame.isVisible('.expectation-warning');

  test('a target past the best warns as it is typed, one within it does not; it saves with the warning', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    await showTab(page, CLIENT);
    const card = await openView(page, /client card/i, 'card');
    await card.click('button:has-text("Edit")');
    const frame = card;
    await frame.waitForSelector('body[data-view="editClient"] input[name="metrics.0.name"]');
    await frame.waitForFunction(
      (selector) => (document.querySelector(selector) as HTMLInputElement | null)?.value === '20',
      TARGET,
    );
    expect(await frame.inputValue('input[name="metrics.0.name"]')).toBe('Cost per lead');
    // The target Bright Path Solar was set up with is already beyond the best: the warning is there on opening.
    await expectText(frame, '.expectation-warning', warningFor(20));

    // Within the best (a "down" metric: $35 a lead is worse than $30): the warning goes, the summary stays.
    await typeTarget(frame, '35');
    await frame.waitForFunction(() => (document.querySelector('.expectation-warning') as HTMLElement).hidden);
    expect(await warningShown(frame)).toBe(false);
    await expectText(frame, '.expectation-summary', 'reached $35, in a median');

    // Past the best again: the warning comes back, in the words, for the new figure.
    await typeTarget(frame, '25');
    await expectText(frame, '.expectation-warning', warningFor(25));
    expect(await warningShown(frame)).toBe(true);
    expect(await frame.textContent('.expectation-warning')).toBe(warningFor(25));
    expect(await frame.textContent('.expectation-summary')).toMatch(
      /^Median \$\d+(\.\d+)? · 0 of \d+ reached \$25\.$/,
    );
    await screenshotSidebar(page, 'edit-client-expectation');

    // A warning, never a block: Save changes saves the $25 target.
    await frame.click('button:has-text("Save changes")');
    await expectText(frame, '.status.success', `${CLIENT}: saved (metrics)`);
    const tab = sheet(CLIENT).values;
    const header = tab.findIndex((row) => row.includes('Target'));
    const targetColumn = tab[header].indexOf('Target');
    const metric = tab.slice(header + 1).find((row) => row[0] === 'Cost per lead');
    expect(metric?.[targetColumn]).toBe(25);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
