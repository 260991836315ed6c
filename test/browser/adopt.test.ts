/**
 * The adopt preview in Chromium (src/sidebar/views/adopt.ts), from the keyboard alone: pick the other
 * date column, untick a measure, add back a column the scan left out, adopt; the client then follows
 * what was confirmed.
 */
import type { CheckInForm, ClientCard, ClientSummary } from '../../src/ui/rpc-types';
import {
  describeInBrowser,
  openPlayground,
  openView,
  screenshotSidebar,
  startSession,
  type Session,
} from './harness';

jest.setTimeout(120_000);

const TAB = 'Ivy tracker';
/** Six weeks: the Monday of each week, and the Wednesday Ivy weighed in. */
const WEEKS = ['2025-01-27', '2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24', '2025-03-03'];
const WEIGHED = ['2025-01-29', '2025-02-05', '2025-02-12', '2025-02-19', '2025-02-26', '2025-03-05'];

describeInBrowser('adopting a tab from the keyboard in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
    // Typed as a coach would (ISO text becomes dates): two date columns, and a goal repeated on every row.
    const rows = WEEKS.map((week, i) => [week, WEIGHED[i], 71 - i * 0.4, 84 - i * 0.3, 8000 + i * 250, 65]);
    session.playground
      .spreadsheet()
      .insertSheet(TAB)
      .getRange(1, 1, rows.length + 1, 6)
      .setValues([['Week starting', 'Weighed on', 'Weight', 'Waist', 'Steps', 'Goal'], ...rows]);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  const call = <T>(name: string, ...args: unknown[]): T => session.playground.call(name, ...args) as T;
  const active = (frame: import('playwright-core').Frame) =>
    frame.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el
        ? `${el.tagName.toLowerCase()}:${el.getAttribute('data-field') ?? el.textContent?.trim() ?? ''}`
        : '';
    });

  test('choose the date column, untick a measure, add one back, adopt: the client follows the choice', async () => {
    const { page, errors, dialogs } = await openPlayground(session);
    const frame = await openView(page, /adopt/i, 'adopt');
    const candidate = frame.locator('.adopt-candidate', { hasText: TAB });
    await candidate.waitFor();
    expect(await candidate.locator('[data-field="where"]').textContent()).toContain(
      'column A (“Week starting”)',
    );
    expect(await candidate.locator('input[type="checkbox"]').first().isChecked()).toBe(true);

    // The table picker, from the keyboard: the other date column, "Weighed on".
    await candidate.locator('select[data-field="table"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await candidate.locator('[data-field="where"]').textContent()).toContain(
      'column B (“Weighed on”)',
    );

    // Tab on to the measures: Weight, Waist, Steps; Space unticks Steps.
    const measures = candidate.locator('.adopt-measures input[type="checkbox"]');
    expect(await measures.count()).toBe(3);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).id)).toBe(
      await measures.nth(2).getAttribute('id'),
    );
    await page.keyboard.press('Space');
    expect(await measures.nth(2).isChecked()).toBe(false);

    // Left out, with the reason; Enter opens the list, Tab reaches "Goal", Space adds it back.
    await page.keyboard.press('Tab');
    expect(await active(frame)).toMatch(/^summary:Left out: .*Goal/);
    await page.keyboard.press('Enter');
    const leftOut = candidate.locator('details.left-out');
    expect(await leftOut.textContent()).toMatch(/Goal The same value on every line.*Tick to add it back\./);
    expect(await leftOut.textContent()).toMatch(/Week starting Dates: another date column/);
    expect(await candidate.locator('select[data-field="table"] option:checked').textContent()).toMatch(
      /^“Weighed on”: Weight, Waist, Steps/,
    );
    await page.keyboard.press('Tab');
    expect(await active(frame)).toBe('input:add-back');
    await page.keyboard.press('Space');
    expect(await candidate.locator('input[data-field="add-back"]').isChecked()).toBe(true);
    await screenshotSidebar(page, 'adopt-corrected');

    // On to the Adopt button by Tab alone, then Enter.
    for (let i = 0; i < 40 && !/^button:Adopt/.test(await active(frame)); i++)
      await page.keyboard.press('Tab');
    expect(await active(frame)).toMatch(/^button:Adopt \d+ tabs?$/);
    await page.keyboard.press('Enter');
    await frame.waitForSelector('.progress-text:text-matches("^Adopted")');
    expect(await frame.textContent('ul.rows')).toContain(TAB);

    const ivy = call<ClientSummary[]>('rpcListClients').find((c) => c.name === TAB);
    expect(ivy).toBeDefined();
    const id = (ivy as ClientSummary).clientId;
    // The check-ins follow "Weighed on" (a Wednesday), and the VA logs Weight, Waist and Goal.
    expect(call<ClientCard>('rpcGetClientCard', id).lastCheckIn).toBe('2025-03-05');
    expect(call<CheckInForm>('rpcGetCheckInForm', id).metrics.map((m) => m.name)).toEqual([
      'Weight',
      'Waist',
      'Goal',
    ]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
