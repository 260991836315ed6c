/**
 * The adopt preview of a tab holding two tables, in Chromium (src/sidebar/views/adopt.ts): the reasons
 * under the tab follow the table picked in the "Table" select, and come back when the first is picked again.
 */
import { describeInBrowser, openPlayground, openView, screenshotSidebar, useSession } from './harness';

jest.setTimeout(120_000);

const TAB = 'Rosa Lind tracker';
/** Four weekly check-ins, then the coach's to-do list for Rosa on the same tab. */
const ROWS = [
  ['Week of', 'Sessions', 'Revenue'],
  ['2025-02-10', 3, 4200],
  ['2025-02-17', 4, 4650],
  ['2025-02-24', 3, 4500],
  ['2025-03-03', 5, 5100],
  ['', '', ''],
  ['Task', 'Due date', 'Priority'],
  ['Send the February invoice', '2025-03-03', 1],
  ['Book the quarterly review', '2025-03-24', 2],
];
const LOG_REASONS = ['4 dated rows with measurements in column A ("Week of").'];
const TODO_REASONS = ['Its dates are due dates ("Due date"), not check-ins: it looks like a to-do list.'];

describeInBrowser('the adopt preview of a tab with two tables, in Chromium', () => {
  const browser = useSession();
  beforeAll(() => {
    // Typed as a coach would (ISO text becomes dates).
    browser.session.playground.spreadsheet().insertSheet(TAB).getRange(1, 1, ROWS.length, 3).setValues(ROWS);
  });

  test('picking the to-do table shows its reasons; picking the log again brings the log’s back', async () => {
    const { page, errors, dialogs } = await openPlayground(browser.session);
    const frame = await openView(page, /adopt/i, 'adopt');
    const candidate = frame.locator('.adopt-candidate', { hasText: TAB });
    await candidate.waitFor();
    const reasons = () => candidate.locator('ul.reasons li').allTextContents();
    const where = () => candidate.locator('[data-field="where"]').textContent();
    const table = candidate.locator('select[data-field="table"]');
    expect(await where()).toBe('Header in row 1, dates down column A (“Week of”)');
    expect(await reasons()).toEqual(LOG_REASONS);

    // From the keyboard, as in the other adopt test: the select, then the next table.
    await table.focus();
    await page.keyboard.press('ArrowDown');
    expect(await table.locator('option:checked').textContent()).toMatch(/^“Due date”: Priority/);
    expect(await where()).toBe('Header in row 7, dates down column B (“Due date”)');
    expect(await reasons()).toEqual(TODO_REASONS);
    // The tab's own verdict and tick do not move with the table picked.
    expect(await candidate.locator('[data-field="verdict"]').textContent()).toBe('Client log');
    expect(await candidate.locator('input[type="checkbox"]').first().isChecked()).toBe(true);
    await screenshotSidebar(page, 'adopt-tables-todo');

    await page.keyboard.press('ArrowUp');
    expect(await where()).toBe('Header in row 1, dates down column A (“Week of”)');
    expect(await reasons()).toEqual(LOG_REASONS);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
