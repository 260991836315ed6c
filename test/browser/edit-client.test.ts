/**
 * Edit client and New client in Chromium (src/sidebar/views/edit-client.ts, new-client.ts): the keyboard
 * path. Enter moves field to field and then to the primary button; only that button saves.
 */
import type { Frame } from 'playwright-core';
import type { ClientSummary } from '../../src/ui/rpc-types';
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

async function focused(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    return el.tagName === 'BUTTON' ? `button:${el.textContent}` : (el.getAttribute('name') ?? el.tagName);
  });
}

/** Presses Enter until focus is on a button, returning the fields it passed through. */
async function enterToButton(frame: Frame, limit = 60): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    const name = await focused(frame);
    if (name.startsWith('button:')) return passed;
    passed.push(name);
    await frame.page().keyboard.press('Enter');
  }
  throw new Error(`Enter never reached a button; passed ${passed.join(', ')}`);
}

describeInBrowser('Edit client and New client from the keyboard, in Chromium', () => {
  const browser = useSession();
  const { call, sheet } = browser;

  const snapshot = () =>
    JSON.stringify(browser.session.playground.workbook().sheets.map((s) => [s.name, s.values]));

  test('New client: Enter on the last metric field goes to Create client; the button creates', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    const frame = await openView(page, /new client/i, 'newClient');
    expect(await frame.textContent('label[for] .required')).toBe(' *');
    await frame.fill('input[name="name"]', 'Ines Duarte');
    await frame.fill('input[name="monthlyFee"]', '900');
    await frame.fill('input[name="metrics.0.name"]', 'Revenue');
    await frame.fill('input[name="metrics.0.baseline"]', '100');
    await frame.fill('input[name="metrics.0.target"]', '200');
    const before = snapshot();
    await frame.focus('input[name="metrics.0.target"]');
    await page.keyboard.press('Enter');
    expect(await focused(frame)).toBe('button:Create client');
    expect(snapshot()).toBe(before);
    // A second metric is added and filled before anything is created.
    await frame.click('text=+ Add a metric');
    await page.keyboard.type('Referrals');
    await page.keyboard.press('Enter'); // unit
    await page.keyboard.press('Enter'); // direction
    await page.keyboard.press('Enter'); // baseline
    await page.keyboard.type('2');
    await page.keyboard.press('Enter'); // target
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    expect(await focused(frame)).toBe('button:Create client');
    expect(snapshot()).toBe(before);
    await page.keyboard.press('Enter');
    await expectText(frame, '.status.success', 'Ines Duarte is set up');
    const tab = sheet('Ines Duarte');
    const header = tab.values.find((row) => row[0] === 'Week of')!;
    expect(header.slice(1, 3)).toEqual(['Revenue', 'Referrals']);
    // The new tab sits right after the last client tab.
    const names = browser.session.playground.workbook().sheets.map((s) => s.name);
    const clientTabs = call<ClientSummary[]>('rpcListClients').map((c) => c.tabName);
    const last = Math.max(...clientTabs.filter((n) => n !== 'Ines Duarte').map((n) => names.indexOf(n)));
    expect(names.indexOf('Ines Duarte')).toBe(last + 1);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('Edit client from the card: Enter walks to Save changes; the button renames a metric', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    await showTab(page, 'Northline Roofing');
    const card = await openView(page, /client card/i, 'card');
    await card.click('button:has-text("Edit")');
    const frame = card;
    await frame.waitForSelector('body[data-view="editClient"] input[name="metrics.0.name"]');
    await frame.waitForFunction(
      () => (document.querySelector('input[name="metrics.0.name"]') as HTMLInputElement).value !== '',
    );
    expect(await frame.inputValue('input[name="metrics.0.name"]')).toBe('Leads per week');
    await frame.waitForFunction(() => document.activeElement?.getAttribute('name') === 'clientType');
    const before = snapshot();
    const passed = await enterToButton(frame);
    expect(passed).toEqual(
      expect.arrayContaining([
        'clientType',
        'cadenceDays',
        'monthlyFee',
        'definitionOfSuccess',
        'scope',
        'metrics.1.target',
      ]),
    );
    expect(await focused(frame)).toBe('button:Save changes');
    expect(snapshot()).toBe(before);
    await screenshotSidebar(page, 'edit-client');

    await frame.fill('input[name="metrics.0.name"]', 'Qualified leads per week');
    await frame.focus('input[name="metrics.0.name"]');
    await enterToButton(frame);
    await page.keyboard.press('Enter');
    await expectText(frame, '.status.success', 'Northline Roofing: saved (metrics)');
    const tab = sheet('Northline Roofing');
    const header = tab.values.find((row) => row[0] === 'Week of')!;
    expect(header).toContain('Qualified leads per week');
    expect(header).not.toContain('Leads per week');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('Edit client from the menu: a bad fee is refused beside the field in the one failed-save wording', async () => {
    const { page, errors } = await openPlayground(browser.session);
    const frame = await openView(page, /edit client/i, 'editClient');
    const client = call<ClientSummary[]>('rpcListClients').find((c) => c.name === 'Priya Raman')!;
    await frame.waitForSelector('select[name="clientId"]:not([disabled])');
    await frame.selectOption('select[name="clientId"]', client.clientId);
    await frame.waitForFunction(
      () =>
        (document.querySelector('input[name="metrics.0.name"]') as HTMLInputElement | null)?.value ===
        'Applications sent',
    );
    const before = snapshot();
    await frame.fill('input[name="monthlyFee"]', 'lots');
    await frame.click('button:has-text("Save changes")');
    await expectText(frame, '.field-error', 'Monthly fee must be an amount of money');
    await expectText(frame, '.message', 'Nothing was saved: fix the field marked below.');
    expect(snapshot()).toBe(before);
    expect(errors).toEqual([]);
  });

  test("the per-client forms have no Enter trap: Enter on a payment's last field goes to its button", async () => {
    const { page } = await openPlayground(browser.session);
    // A client with open invoices: the keyboard starts on the invoice list, its amount due filled in.
    await showTab(page, 'Castillo Accounting');
    const frame = await openView(page, /record a payment/i, 'payment');
    await frame.waitForFunction(() => document.activeElement?.getAttribute('name') === 'invoice');
    // Required fields are marked before anything is submitted; the optional note is not.
    const marked = await frame.$$eval('form:not(.new-invoice) [aria-required="true"]', (els) =>
      els.map((el) => el.getAttribute('name')),
    );
    expect(marked).toEqual(['clientId', 'invoice', 'paid', 'amount']);
    const before = snapshot();
    expect(await enterToButton(frame)).toEqual(['invoice', 'paid', 'amount', 'note']);
    expect(await focused(frame)).toBe('button:Record payment');
    expect(snapshot()).toBe(before);
    await page.keyboard.press('Enter');
    await expectText(frame, '.status.success', 'Castillo Accounting');
    expect(snapshot()).not.toBe(before);
  });
});
