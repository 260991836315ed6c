/**
 * The sidebar in a real browser, against the real playground: dist/Code.js on the emulator with the
 * demo workbook, the real dist/Sidebar.html in its 300-px frame. Screenshots go to test-results/.
 */
import type { Frame } from 'playwright-core';
import type { SheetJson, WorkbookJson } from '../../dev/playground/server';
import type { CheckInForm, ClientInvoices, ClientSummary, DueList, Result } from '../../src/ui/rpc-types';
import {
  describeInBrowser,
  openFromMenu,
  openPlayground,
  publish,
  screenshotPage,
  screenshotSidebar,
  showTab,
  useSession,
  TODAY,
  expectText,
  formatDay,
  openView,
} from './harness';

const HOSTILE = '<img src=x onerror=alert(1)>';
/** The VA's name, typed once in the week test; a leading '=' must stay text in Entered by. */
const VA_NAME = '=Maria (VA)';

jest.setTimeout(90_000);

/** The client's log rows (below its "Week of" header) as objects keyed by header label. */
function logRows(sheet: SheetJson): Record<string, string | number | boolean>[] {
  const headerIndex = sheet.values.findIndex((row) => row.some((v) => v === 'Week of'));
  if (headerIndex < 0) return [];
  const header = sheet.values[headerIndex].map(String);
  return sheet.values
    .slice(headerIndex + 1)
    .filter((row) => row.some((v) => v !== ''))
    .map((row) =>
      Object.fromEntries(header.map((label, i) => [label, row[i]]).filter(([label]) => label !== '')),
    );
}

function sheetNamed(workbook: WorkbookJson, name: string): SheetJson {
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no tab named ${name}; tabs: ${workbook.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

async function focusedField(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el ? (el.getAttribute('data-metric') ?? el.name ?? el.tagName) : '';
  });
}

describeInBrowser('the sidebar in Chromium', () => {
  const browser = useSession();
  const { call } = browser;

  // Order matters: the tests that write nothing come first, then the week (it finishes the due list),
  // then the hostile client (created due, with no check-in yet).
  test('the check-in opens on the first client due, focus on its first metric', async () => {
    const { page } = await openPlayground(browser.session);
    await showTab(page, 'Maya Okafor');
    const frame = await openFromMenu(page, /check-in/i);
    await frame.waitForSelector('form.checkin-form');
    expect(await frame.evaluate(() => document.activeElement?.hasAttribute('data-metric'))).toBe(true);
    publish(await screenshotPage(page, 'playground'), 'playground');
    // Half-way through a client, as a VA sees it (nothing is saved: the form is left open).
    const form = call<CheckInForm>(
      'rpcGetCheckInForm',
      (await frame.getAttribute('form.checkin-form', 'data-client-id')) ?? '',
    );
    for (const metric of form.metrics) {
      await page.keyboard.type(String(metric.last ?? metric.baseline ?? ''));
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Sent the first invoices on day 4');
    const shot = await screenshotSidebar(page, 'checkin');
    publish(shot, 'sidebar');
  });
  test('the sidebar finds its start-up data in the page, and a hostile ID cannot break out of it', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    await showTab(page, 'Maya Okafor');
    const card = await openView(page, /client card/i, 'card');
    // 'inline': read from the page's JSON block, not fetched by the fallback RPC (which a <meta> needed).
    expect(await card.getAttribute('body', 'data-boot')).toBe('inline');
    await expectText(card, '.client-card .client-name', 'Maya Okafor');

    const hostile = `</script><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    const bare = await browser.session.context.newPage();
    const bareErrors: string[] = [];
    bare.on('pageerror', (error) => bareErrors.push(error.message));
    await bare.goto(
      `${browser.session.playground.url}/sidebar?view=card&clientId=${encodeURIComponent(hostile)}`,
    );
    await bare.waitForSelector('body[data-view="card"] #app > *');
    expect(await bare.getAttribute('body', 'data-boot')).toBe('inline');
    expect(await bare.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await bare.locator('img').count()).toBe(0);
    await bare.close();
    expect(bareErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('Check this spreadsheet shows a report to copy, and leaves the workbook as it was', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    const sheetsOf = () =>
      browser.session.playground
        .workbook()
        .sheets.map(({ name, hidden, values }) => ({ name, hidden, values }));
    const before = sheetsOf();
    const frame = await openView(page, /check this spreadsheet/i, 'selfcheck');
    await frame.waitForSelector('.selfcheck-results li >> nth=4');
    const verdictOf = (assumption: string) =>
      frame.locator('.selfcheck-results li', { hasText: assumption }).getAttribute('data-verdict');
    expect(await verdictOf('The sidebar receives its start-up data in the page')).toBe('PASS');
    expect(await verdictOf('A date reaches a custom function as midnight of its day')).toBe('PASS');
    expect(await verdictOf('The document lock can be taken')).toBe('PASS');
    const report = await frame.inputValue('textarea.selfcheck-text');
    expect(report).toMatch(/^ClientTabs: Check this spreadsheet\n/);
    expect(report).toContain('PASS  The sidebar receives its start-up data in the page');
    expect(await frame.isEnabled('button:text-is("Check again")')).toBe(true);
    await screenshotSidebar(page, 'self-check');
    expect(sheetsOf()).toEqual(before);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test(
    'Skip (Alt+S) moves on without writing, keeps what was typed, and is still there when the ' +
      'sidebar reopens',
    async () => {
      const { page } = await openPlayground(browser.session);
      const frame = await openFromMenu(page, /check-in/i);
      await frame.waitForSelector('form.checkin-form');
      const first = (await frame.textContent('#checkin-client-name')) ?? '';
      const clientId = (await frame.getAttribute('form.checkin-form', 'data-client-id')) ?? '';
      const before = JSON.stringify(browser.session.playground.workbook().sheets.map((s) => s.values));
      await page.keyboard.type('123');
      await page.keyboard.press('Alt+S');
      await frame.waitForFunction(
        (previous) => document.querySelector('#checkin-client-name')?.textContent !== previous,
        first,
      );
      await expectText(frame, '.status.info', `Skipped ${first}; what you typed is kept`);
      expect(JSON.stringify(browser.session.playground.workbook().sheets.map((s) => s.values))).toBe(before);
      // A new sidebar: the client is still skipped (not opened first), and opening it brings back the value.
      const again = await openFromMenu((await openPlayground(browser.session)).page, /check-in/i);
      await again.waitForSelector('form.checkin-form');
      expect(await again.textContent('#checkin-client-name')).not.toBe(first);
      const item = again.locator('.due-item.skipped', { hasText: first });
      await item.waitFor();
      await item.click();
      await again.waitForSelector(`form.checkin-form[data-client-id="${clientId}"]`);
      expect(await again.inputValue('form.checkin-form [data-metric]')).toBe('123');
      expect(JSON.stringify(browser.session.playground.workbook().sheets.map((s) => s.values))).toBe(before);
      // The week test below starts from the demo's list.
      const { weekOf } = call<DueList>('rpcGetDueList');
      call('rpcSkipCheckIn', { clientId, weekOf, draft: null });
    },
  );
  test('a bad number shows an inline error naming the field, and nothing is written', async () => {
    const { page, dialogs } = await openPlayground(browser.session);
    const frame = await openFromMenu(page, /check-in/i);
    await frame.waitForSelector('form.checkin-form');
    const name = (await frame.textContent('#checkin-client-name')) ?? '';
    const client = call<DueList>('rpcGetDueList').clients.find((c) => c.name === name)!;
    const form = call<CheckInForm>('rpcGetCheckInForm', client.clientId);
    expect(form.metrics.length).toBeGreaterThan(0);
    const before = JSON.stringify(browser.session.playground.workbook().sheets.map((s) => s.values));

    await page.keyboard.type('abc');
    const fields = form.metrics.length + 4; // metrics, satisfaction, wins, blockers, notes
    for (let i = 0; i < fields; i++) await page.keyboard.press('Enter');

    const error = frame.locator('.has-error .field-error');
    await error.first().waitFor();
    expect(await error.count()).toBe(1);
    expect(await error.first().textContent()).toContain(form.metrics[0].name);
    expect(await error.first().textContent()).toContain('"abc"');
    expect(await frame.locator('[role=alert]').first().textContent()).toMatch(/Nothing was saved/);
    expect(await focusedField(frame)).toBe(form.metrics[0].name);
    expect(await frame.textContent('#checkin-client-name')).toBe(name); // still on the same client
    await screenshotSidebar(page, 'checkin-bad-number');

    // The server checks again: the same bad value sent past the browser is refused, and nothing changes.
    const answer = call<Result<unknown>>('rpcSaveCheckIn', {
      clientId: client.clientId,
      weekOf: form.weekOf,
      values: { [form.metrics[0].name]: 'abc' },
      satisfaction: '11',
      wins: '',
      blockers: '',
      notes: '',
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok)
      expect(answer.errors.map((e) => e.field)).toEqual(
        expect.arrayContaining([`values.${form.metrics[0].name}`, 'satisfaction']),
      );
    expect(JSON.stringify(browser.session.playground.workbook().sheets.map((s) => s.values))).toBe(before);
    expect(dialogs).toEqual([]);
  });
  test('the client card shows the numbers in the workbook', async () => {
    const clients = call<ClientSummary[]>('rpcListClients');
    const client = clients.find((c) => c.name === 'Maya Okafor')!;
    expect(client).toBeDefined();
    const workbook = browser.session.playground.workbook();
    const tab = sheetNamed(workbook, client.tabName);
    const rows = logRows(tab).filter(
      (row) => typeof row['Week of'] === 'string' && /^\d{4}-/.test(row['Week of'] as string),
    );
    const lastWeek = rows
      .map((r) => r['Week of'] as string)
      .sort()
      .pop()!;
    const daysSince = Math.round((Date.parse(TODAY) - Date.parse(lastWeek)) / 86_400_000);
    const form = call<CheckInForm>('rpcGetCheckInForm', client.clientId);

    const { page } = await openPlayground(browser.session);
    await showTab(page, client.tabName);
    const frame = await openFromMenu(page, /client card/i);
    await frame.waitForSelector('.client-card');
    expect(await frame.textContent('.client-card .client-name')).toBe('Maya Okafor');
    expect(await frame.textContent('[data-field="days-since"]')).toBe(
      `${daysSince} day${daysSince === 1 ? '' : 's'}`,
    );

    for (const metric of form.metrics) {
      const latest = rows
        .filter((r) => typeof r[metric.name] === 'number')
        .sort((a, b) => String(a['Week of']).localeCompare(String(b['Week of'])))
        .pop()![metric.name] as number;
      const progress = (latest - metric.baseline!) / (metric.target! - metric.baseline!);
      const item = frame.locator(`.metric[data-metric="${metric.name}"]`);
      expect(await item.locator('[data-field="current"]').textContent()).toContain(
        latest.toLocaleString('en-US', { maximumFractionDigits: 2 }),
      );
      expect(await item.locator('[data-field="progress"]').textContent()).toBe(
        `${Math.round(progress * 100)}%`,
      );
    }

    const payments = sheetNamed(workbook, 'Payments').values.filter((row) => row.includes(client.clientId));
    const unpaid = payments.filter((row) => row[3] === '').length;
    expect(await frame.textContent('[data-field="payments-summary"]')).toMatch(
      new RegExp(`^${payments.length} payments · \\d+ late · ${unpaid} unpaid$`),
    );
    const success = tab.values.flat().find((v) => typeof v === 'string' && v.startsWith('Under 80 kg'));
    expect(await frame.textContent('[data-field="definition-of-success"]')).toBe(success);
    const shot = await screenshotSidebar(page, 'card');
    publish(shot, 'sidebar-card');
  });
  test(
    'the forms: a payment settles the invoice picked by keyboard, and field errors show beside ' +
      'their fields',
    async () => {
      const { page, dialogs, errors } = await openPlayground(browser.session);
      const clients = call<ClientSummary[]>('rpcListClients');
      const castillo = clients.find((c) => c.name === 'Castillo Accounting')!;
      /** Castillo's Payments rows, keyed by header label (dates as yyyy-mm-dd). */
      const paymentRows = () => {
        const [header, ...rows] = sheetNamed(browser.session.playground.workbook(), 'Payments').values;
        return rows
          .filter((row) => row.includes(castillo.clientId))
          .map((row) => Object.fromEntries(header.map((label, i) => [String(label), row[i]])));
      };
      const before = paymentRows().length;
      // The chronic late payer of the demo: the oldest open invoice is part paid and overdue.
      const [oldest, next] = call<ClientInvoices>('rpcGetInvoices', castillo.clientId).open;
      expect(oldest).toMatchObject({ late: true, stillDue: oldest.amount! / 2 });

      await showTab(page, castillo.tabName);
      const payment = await openFromMenu(page, /record a payment/i);
      // The keyboard starts on the invoice list, the oldest open invoice picked, its amount due filled in.
      await payment.waitForSelector('select[name="invoice"]:not([disabled]):focus');
      expect(await payment.inputValue('select[name="invoice"]')).toBe(String(oldest.row));
      expect(
        await payment.$eval(
          'select[name="invoice"]',
          (s) => (s as HTMLSelectElement).selectedOptions[0].text,
        ),
      ).toBe(`${formatDay(oldest.due!)} · $${oldest.stillDue.toLocaleString('en-US')} left · overdue`);
      expect(await payment.inputValue('input[name="amount"]')).toBe(oldest.stillDue.toLocaleString('en-US'));
      await screenshotSidebar(page, 'payment');
      // Enter through Paid on, Amount and Note to the button (Enter never saves from a field), then Enter saves.
      for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
      expect(await payment.evaluate(() => document.activeElement?.textContent)).toBe('Record payment');
      await page.keyboard.press('Enter');
      await expectText(payment, '.status.success', 'Castillo Accounting: invoice paid.');
      const settled = paymentRows();
      expect(settled).toHaveLength(before); // settled in place, never a second row
      expect(settled.find((row) => row.Due === oldest.due)).toMatchObject({
        Paid: TODAY,
        'Paid amount': oldest.amount,
      });
      // The list moves on to the next open invoice.
      await payment.waitForFunction(
        (row) => (document.querySelector('select[name="invoice"]') as HTMLSelectElement).value === row,
        String(next.row),
      );

      await payment.fill('input[name="amount"]', 'abc');
      await payment.click('button[type="submit"]');
      await expectText(
        payment,
        '.field-error',
        'Amount must be an amount of money from 0 to 1,000,000,000; got "abc"',
      );
      expect(paymentRows()).toEqual(settled);

      // New client: the server refuses a duplicate name and a target equal to its baseline, field by field.
      const newClient = await openFromMenu(page, /new client/i);
      await newClient.fill('input[name="name"]', 'Maya Okafor');
      await newClient.fill('input[name="monthlyFee"]', '1,500');
      await newClient.fill('input[name="metrics.0.name"]', 'Revenue');
      await newClient.fill('input[name="metrics.0.baseline"]', '10');
      await newClient.fill('input[name="metrics.0.target"]', '10');
      const tabsBefore = browser.session.playground.workbook().sheets.length;
      await newClient.click('button[type="submit"]');
      await newClient.waitForSelector('.has-error');
      const invalid = await newClient.$$eval('.has-error [aria-invalid="true"]', (els) =>
        els.map((el) => el.getAttribute('name')),
      );
      expect(invalid).toEqual(expect.arrayContaining(['name', 'metrics.0.target']));
      expect(browser.session.playground.workbook().sheets.length).toBe(tabsBefore);
      await screenshotSidebar(page, 'new-client-errors');

      const offboard = await openFromMenu(page, /offboard/i);
      const reasons = await offboard.$$eval('select option', (options) => options.map((o) => o.textContent));
      for (const reason of ['Could not keep up', 'Pays late', 'Scope creep', 'Program completed'])
        expect(reasons).toContain(reason);
      await screenshotSidebar(page, 'offboard');
      const request = await openFromMenu(page, /out-of-scope/i);
      await request.waitForSelector('select[name="decision"]');
      await screenshotSidebar(page, 'request');
      const adopt = await openFromMenu(page, /adopt/i);
      await adopt.waitForSelector('.adopt-body :is(form, .empty, .message)');
      await screenshotSidebar(page, 'adopt');
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  test(
    'a VA completes the week for three clients from the keyboard alone, and the rows appear in ' +
      'their tabs',
    async () => {
      const { page, dialogs, errors } = await openPlayground(browser.session);
      const due = call<DueList>('rpcGetDueList');
      const doneBefore = due.doneCount;
      const frame = await openFromMenu(page, /check-in/i);
      await frame.waitForSelector('form.checkin-form');
      await expectText(frame, '.progress-text', `${doneBefore} of ${due.totalDue} done`);

      const typed: { name: string; tabName: string; wins: string; values: Record<string, string> }[] = [];
      for (let i = 0; i < 3; i++) {
        const name = (await frame.textContent('#checkin-client-name')) ?? '';
        const client = due.clients.find((c) => c.name === name);
        expect(client).toBeDefined();
        const form = call<CheckInForm>('rpcGetCheckInForm', client!.clientId);
        // Focus lands on the first metric when a client opens.
        if (form.metrics.length) expect(await focusedField(frame)).toBe(form.metrics[0].name);
        if (i === 0) {
          // The VA types their name once, at the top; Enter there goes back to the first metric.
          await frame.focus('input[name="enteredBy"]');
          await page.keyboard.type(VA_NAME);
          await page.keyboard.press('Enter');
          if (form.metrics.length) expect(await focusedField(frame)).toBe(form.metrics[0].name);
        }
        const values: Record<string, string> = {};
        for (const metric of form.metrics) {
          const value = String(
            Math.round(((metric.last ?? metric.baseline ?? 10) as number) * 1.01 * 100) / 100,
          );
          values[metric.name] = value;
          await page.keyboard.type(value);
          await page.keyboard.press('Enter');
        }
        const wins = `Keyboard win ${i + 1}`;
        await page.keyboard.type('8'); // satisfaction
        await page.keyboard.press('Enter');
        await page.keyboard.type(wins);
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter'); // no blockers
        if (i === 0) await screenshotSidebar(page, 'checkin-form');
        await page.keyboard.type('Typed without a mouse');
        await page.keyboard.press('Enter'); // Enter on the last field saves and opens the next client
        await expectText(frame, '.status.success', `Saved ${name}`);
        await expectText(frame, '.progress-text', `${doneBefore + i + 1} of ${due.totalDue} done`);
        typed.push({ name, tabName: client!.tabName, wins, values });
        if (i < 2) {
          await frame.waitForFunction(
            (previous) => document.querySelector('#checkin-client-name')?.textContent !== previous,
            name,
          );
        }
      }
      await screenshotSidebar(page, 'checkin-after-three');

      const workbook = browser.session.playground.workbook();
      for (const entry of typed) {
        const rows = logRows(sheetNamed(workbook, entry.tabName)).filter((row) => row['Wins'] === entry.wins);
        expect(rows).toHaveLength(1);
        for (const [metric, value] of Object.entries(entry.values))
          expect(rows[0][metric]).toBeCloseTo(Number(value), 6);
        expect(rows[0]['Satisfaction (1–10)']).toBe(8);
        expect(rows[0]['Notes']).toBe('Typed without a mouse');
        expect(rows[0]['Entered by']).toBe(VA_NAME); // typed once, sent with every save
      }
      expect(call<DueList>('rpcGetDueList').enteredBy).toBe(VA_NAME); // remembered for next time
      // The playground page shows the new row too (it re-reads the workbook after the sidebar's calls).
      await showTab(page, typed[0].tabName);
      const newRow = page.locator(`table.sheet td:text-is("${typed[0].wins}")`);
      await newRow.scrollIntoViewIfNeeded();
      await screenshotPage(page, 'playground-after-week');
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
  test('a hostile client name renders as text and runs nothing', async () => {
    const created = call<Result<ClientSummary>>('rpcCreateClient', {
      name: HOSTILE,
      startDate: '2025-01-06',
      program: '<b>bold</b> program',
      programMonths: '6',
      monthlyFee: '500',
      yearlyProfit: '4000',
      monthlyCosts: '',
      clientType: 'Savvy',
      cadenceDays: '7',
      definitionOfSuccess: '"><script>alert(2)</script>',
      scope: '',
      metrics: [{ name: 'Revenue', unit: '$', direction: 'up', baseline: '100', target: '200' }],
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { page, dialogs, errors } = await openPlayground(browser.session);

    // In the check-in: the hostile client is due (no check-in yet); open it from the list.
    const frame = await openFromMenu(page, /check-in/i);
    await frame.waitForSelector('form.checkin-form');
    await frame.locator('.due-item .due-name', { hasText: HOSTILE }).click();
    await frame.waitForFunction(
      (name) => document.querySelector('#checkin-client-name')?.textContent === name,
      HOSTILE,
    );
    expect(await frame.locator('img').count()).toBe(0);
    expect(
      await frame.evaluate(() => Array.from(document.scripts).some((s) => s.text.includes('onerror=alert'))),
    ).toBe(false);
    await screenshotSidebar(page, 'hostile-checkin');

    // On the client card, for the tab in view.
    await showTab(page, created.value.tabName);
    const card = await openFromMenu(page, /client card/i);
    await card.waitForSelector('.client-card');
    expect(await card.textContent('.client-card .client-name')).toBe(HOSTILE);
    expect(await card.textContent('[data-field="definition-of-success"]')).toBe(
      '"><script>alert(2)</script>',
    );
    expect(await card.locator('img, b').count()).toBe(0);
    await screenshotSidebar(page, 'hostile-card');

    // And on the playground page itself.
    expect(await page.locator('#grid img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  // The menu's per-client items, opened on a client's tab, choose that client; on any other tab, nobody.
  test('the menu opens the payment, request, offboard and card views on the client of the tab in view', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    const client = call<ClientSummary[]>('rpcListClients').find((c) => c.name === 'Northline Roofing')!;
    await showTab(page, client.tabName);
    for (const [label, view] of [
      [/record a payment/i, 'payment'],
      [/out-of-scope/i, 'request'],
      [/offboard/i, 'offboard'],
    ] as const) {
      const frame = await openView(page, label, view);
      await frame.waitForSelector('select[name="clientId"]:not([disabled])');
      expect(await frame.inputValue('select[name="clientId"]')).toBe(client.clientId);
      expect(
        await frame.$eval('select[name="clientId"]', (s) => (s as HTMLSelectElement).selectedOptions[0].text),
      ).toBe(client.name);
    }
    const card = await openView(page, /client card/i, 'card');
    expect(await card.textContent('.client-card .client-name')).toBe(client.name);

    await showTab(page, 'Dashboard');
    const payment = await openView(page, /record a payment/i, 'payment');
    await payment.waitForSelector('select[name="clientId"]:not([disabled])');
    expect(await payment.inputValue('select[name="clientId"]')).toBe('');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('an out-of-scope request: a change order lands in Requests, an open one shows on the card', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    const client = call<ClientSummary[]>('rpcListClients').find((c) => c.name === 'Redwood Outfitters')!;
    const requestRows = () =>
      sheetNamed(browser.session.playground.workbook(), 'Requests').values.filter((row) =>
        row.includes(client.clientId),
      );
    const before = requestRows().length;
    await showTab(page, client.tabName);
    const form = await openView(page, /out-of-scope/i, 'request');
    await form.waitForSelector('select[name="clientId"]:not([disabled])');
    expect(await form.inputValue('select[name="clientId"]')).toBe(client.clientId);

    // A change order needs its fee: refused beside the field, nothing written.
    await form.fill('textarea[name="request"]', 'Rebuild the checkout page');
    await form.selectOption('select[name="decision"]', 'Change order');
    await form.click('button[type="submit"]');
    await expectText(form, '.has-error .field-error', 'Fee is required');
    expect(requestRows()).toHaveLength(before);
    await form.fill('input[name="fee"]', '$750');
    await form.click('button[type="submit"]');
    await expectText(form, '.status.success', 'Redwood Outfitters');
    const changeOrder = requestRows().find((row) => row.includes('Rebuild the checkout page'));
    expect(changeOrder).toEqual(expect.arrayContaining([TODAY, 'Change order', 750]));
    await screenshotSidebar(page, 'request-logged');

    await form.fill('textarea[name="request"]', 'Photograph the spring collection');
    await form.selectOption('select[name="decision"]', 'Open');
    await form.click('button[type="submit"]');
    await form.waitForFunction(
      () => (document.querySelector('textarea[name="request"]') as HTMLTextAreaElement).value === '',
    );
    expect(requestRows()).toHaveLength(before + 2);
    expect(requestRows().find((row) => row.includes('Photograph the spring collection'))).toEqual(
      expect.arrayContaining([TODAY, 'Open']),
    );
    // The playground page shows both rows in Requests.
    await showTab(page, 'Requests');
    await page.locator('table.sheet td:text-is("Photograph the spring collection")').waitFor();

    // The card lists the open one under open requests; the change order is decided, so it is not there.
    await form.click('button:text-is("Client card")');
    await form.waitForSelector(`.client-card[data-client-id="${client.clientId}"]`);
    const open = (await form.textContent('[data-field="open-requests"]')) ?? '';
    expect(open).toContain('Photograph the spring collection');
    expect(open).toContain(formatDay(TODAY));
    expect(open).not.toContain('Rebuild the checkout page');
    // Absorbed from the card, with its hours: Absorb, type the hours, Enter.
    const row = form.locator('[data-field="open-requests"] li', {
      hasText: 'Photograph the spring collection',
    });
    await row.locator('button[data-decision="Included in scope"]').click();
    await page.keyboard.type('2.5');
    await page.keyboard.press('Enter');
    // The card reloaded (not its "Loading…" in between) without the decided request.
    await form.waitForFunction(() => {
      const el = document.querySelector('[data-field="open-requests"]');
      return !!el && !(el.textContent ?? '').includes('Photograph');
    });
    const [requestHeader] = sheetNamed(browser.session.playground.workbook(), 'Requests').values;
    const absorbed = requestRows().find((r) => r.includes('Photograph the spring collection'))!;
    const cellOf = (label: string) => absorbed[requestHeader.indexOf(label)];
    expect([cellOf('Decision'), cellOf('Hours absorbed'), cellOf('Decided')]).toEqual([
      'Included in scope',
      2.5,
      TODAY,
    ]);
    expect(requestRows()).toHaveLength(before + 2);
    // Money on the card carries the workbook's currency symbol (Settings: $ for en_US).
    const amounts = await form.$$eval('.client-card .rows .amount', (els) => els.map((e) => e.textContent));
    expect(amounts.length).toBeGreaterThan(0);
    for (const amount of amounts) expect(amount).toBe('$2,800');
    await screenshotSidebar(page, 'card-open-request');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test(
    'offboarding: too little notice is refused beside the field; the end date shown live is the ' +
      'one saved, and they serve their notice',
    async () => {
      const { page, dialogs, errors } = await openPlayground(browser.session);
      const due = call<DueList>('rpcGetDueList');
      const client = due.clients.find((c) => c.name !== HOSTILE && c.status === 'Active')!;
      expect(client).toBeDefined();
      const snapshot = () =>
        JSON.stringify(browser.session.playground.workbook().sheets.map((s) => s.values));
      await showTab(page, client.tabName);
      const form = await openView(page, /offboard/i, 'offboard');
      await form.waitForSelector('select[name="clientId"]:not([disabled])');
      expect(await form.inputValue('select[name="clientId"]')).toBe(client.clientId);
      await form.selectOption('select[name="reason"]', 'Scope creep');
      await form.fill('input[name="noticeDate"]', '2025-03-01');
      await form.fill('input[name="endDate"]', '2025-03-20'); // 19 days after the notice
      const before = snapshot();
      await form.click('button[type="submit"]');
      await form.waitForSelector('.has-error [name="noticeDate"][aria-invalid="true"]');
      expect(await form.textContent('.has-error .field-error')).toMatch(
        /at least 30 days' notice: for an end on 3\/20\/2025 the notice date must be 2\/18\/2025 or earlier/,
      );
      // Said once, beside the field: not repeated in the message at the top.
      expect(
        await form.locator('.message:visible, .field-error:visible', { hasText: 'at least 30 days' }).count(),
      ).toBe(1);
      expect(snapshot()).toBe(before);
      await screenshotSidebar(page, 'offboard-notice-error');

      await form.fill('input[name="endDate"]', '2025-04-15');
      // The end date it will save, as the spreadsheet's locale (en_US) writes it, before saving.
      await expectText(
        form,
        '[data-field="end-preview"]',
        'Last day: Tue, Apr 15, 2025. Until then they are serving notice',
      );
      // End at the close of the program period: the field and the line show the computed date, live.
      await form.check('input[name="endAtPeriodClose"]');
      const close = (await form.getAttribute('[data-field="end-date-shown"]', 'data-iso')) ?? '';
      expect(close >= '2025-04-15').toBe(true);
      expect(await form.inputValue('input[name="endDate"]')).toBe(close);
      expect(await form.isDisabled('input[name="endDate"]')).toBe(true);
      const shownText = (await form.textContent('[data-field="end-date-shown"]')) ?? '';
      await screenshotSidebar(page, 'offboard-period-close');
      await form.click('button[type="submit"]');
      await expectText(
        form,
        '.status.success',
        `${client.name} is serving notice until ${shownText} (Scope creep)`,
      );
      const roster = sheetNamed(browser.session.playground.workbook(), 'Clients');
      const header = roster.values[roster.values.findIndex((row) => row.includes('Client ID'))].map(String);
      const row = roster.values.find((r) => r[header.indexOf('Client ID')] === client.clientId)!;
      expect(row[header.indexOf('Status')]).toBe('Serving notice');
      expect(row[header.indexOf('Why they left')]).toBe('Scope creep');
      expect(row[header.indexOf('End date')]).toBe(close); // the date shown is the date saved
      expect(row[header.indexOf('Notice date')]).toBe('2025-03-01');
      await screenshotSidebar(page, 'offboard-done');

      // Still on this week's check-ins until the end date, as the VA sees them.
      const checkin = await openView(page, /log a check-in/i, 'checkin');
      await checkin.waitForSelector('.due-item .due-name');
      const names = await checkin.$$eval('.due-item .due-name', (els) => els.map((e) => e.textContent));
      expect(names).toContain(client.name);
      expect(call<DueList>('rpcGetDueList').clients.find((c) => c.clientId === client.clientId)?.status).toBe(
        'Serving notice',
      );
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  test('adopting an existing tab: what was found, what was skipped, and not one of its cells changed', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    const LEGACY = 'Tom Becker (old)';
    const cellsOf = (name: string) => {
      const sheet = sheetNamed(browser.session.playground.workbook(), name);
      return JSON.stringify({
        values: sheet.values,
        cells: sheet.cells.map((r) => r.map((c) => [c.d, c.f ?? ''])),
      });
    };
    const before = cellsOf(LEGACY);
    const notesBefore = cellsOf('Ideas & notes');
    // What a coach sees in the tab: the dates under its "Date" header, and the columns beside it.
    const tab = sheetNamed(browser.session.playground.workbook(), LEGACY);
    const headerRow = tab.values.findIndex((row) => row[0] === 'Date');
    expect(tab.values[headerRow]).toEqual(['Date', 'Revenue', 'Leads', 'Notes']);
    const dates = tab.values
      .slice(headerRow + 1)
      .map((row) => String(row[0]))
      .filter((d) => /^\d{4}-/.test(d))
      .sort();
    expect(call<ClientSummary[]>('rpcListClients').map((c) => c.tabName)).not.toContain(LEGACY);

    const frame = await openView(page, /adopt/i, 'adopt');
    const candidate = frame.locator('.adopt-candidate', { hasText: LEGACY });
    await candidate.waitFor();
    // The coach's to-do list has dated numbers too: listed as not a client log, and not ticked.
    expect(await frame.locator('.adopt-candidate').count()).toBe(2);
    const todo = frame.locator('.adopt-candidate', { hasText: 'My to-do' });
    expect(await todo.locator('[data-field="verdict"]').textContent()).toBe('Not a client log');
    expect(await todo.locator('input[type="checkbox"]').first().isChecked()).toBe(false);
    const text = (await candidate.textContent()) ?? '';
    expect(await candidate.locator('[data-field="rows"]').textContent()).toBe(
      `${dates.length} check-ins · ${formatDay(dates[0])} – ${formatDay(dates[dates.length - 1])}`,
    );
    expect(await candidate.locator('[data-field="where"]').textContent()).toBe(
      'Header in row 3, dates down column A (“Date”)',
    );
    expect(await candidate.locator('.adopt-measures').textContent()).toContain('Revenue');
    expect(text).toContain('Left out: Notes');
    // Issue 10: Tom Becker is on the roster; his old tab is offered as his history, not a second Tom.
    expect(await candidate.locator('select[data-field="mode"]').inputValue()).toBe('history');
    expect(text).toMatch(/matches the client Tom Becker/);
    expect(await candidate.locator('input[type="checkbox"]').first().isChecked()).toBe(true);
    await frame.click('details.skipped summary');
    const skipped = frame.locator('details.skipped li', { hasText: 'Ideas & notes' });
    expect(await skipped.textContent()).toMatch(/No dates found/);
    await screenshotSidebar(page, 'adopt');

    await frame.click('button[type="submit"]:text-is("Adopt 1 tab")');
    await expectText(frame, '.progress-text', 'Adopted 1 tab.');
    expect(await frame.getAttribute('[role="progressbar"]', 'aria-valuenow')).toBe('1');
    expect(await frame.textContent('ul.rows')).toContain(LEGACY);
    await screenshotSidebar(page, 'adopt-done');

    // Linked as Tom's history: no second Tom Becker on the roster, in the due list or on the Dashboard.
    const clients = call<ClientSummary[]>('rpcListClients');
    expect(clients.filter((c) => /Tom Becker/.test(c.name)).map((c) => c.name)).toEqual(['Tom Becker']);
    expect(clients.map((c) => c.tabName)).not.toContain(LEGACY);
    // Not one cell of the adopted tab (or the skipped one) changed: values, what they show, formulas.
    expect(cellsOf(LEGACY)).toBe(before);
    expect(cellsOf('Ideas & notes')).toBe(notesBefore);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
