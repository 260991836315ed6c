/**
 * The sidebar in a real browser, against the real playground: dist/Code.js on the emulator with the
 * demo workbook, the real dist/Sidebar.html in its 300-px frame. Screenshots go to test-results/.
 */
import type { Frame } from 'playwright-core';
import type { SheetJson, WorkbookJson } from '../../dev/playground/server';
import type { CheckInForm, ClientSummary, DueList, Result } from '../../src/ui/rpc-types';
import {
  describeInBrowser,
  openFromMenu,
  openPlayground,
  publish,
  screenshotPage,
  screenshotSidebar,
  showTab,
  startSession,
  TODAY,
  type Session,
} from './harness';

const HOSTILE = '<img src=x onerror=alert(1)>';

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
  let session: Session;

  beforeAll(async () => {
    session = await startSession();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const call = <T>(name: string, ...args: unknown[]): T => session.playground.call(name, ...args) as T;

  // Order matters: the tests that write nothing come first, then the week (it finishes the due list),
  // then the hostile client (created due, with no check-in yet).
  test('the check-in opens on the first client due, focus on its first metric', async () => {
    const { page } = await openPlayground(session);
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
  test('Skip moves on without writing (Alt+S)', async () => {
    const { page } = await openPlayground(session);
    const frame = await openFromMenu(page, /check-in/i);
    await frame.waitForSelector('form.checkin-form');
    const first = await frame.textContent('#checkin-client-name');
    const before = JSON.stringify(session.playground.workbook().sheets.map((s) => s.values));
    await page.keyboard.press('Alt+S');
    await frame.waitForFunction(
      (previous) => document.querySelector('#checkin-client-name')?.textContent !== previous,
      first,
    );
    await expectText(frame, '.status.info', `Skipped ${first}`);
    expect(JSON.stringify(session.playground.workbook().sheets.map((s) => s.values))).toBe(before);
  });
  test('a bad number shows an inline error naming the field, and nothing is written', async () => {
    const { page, dialogs } = await openPlayground(session);
    const frame = await openFromMenu(page, /check-in/i);
    await frame.waitForSelector('form.checkin-form');
    const name = (await frame.textContent('#checkin-client-name')) ?? '';
    const client = call<DueList>('rpcGetDueList').clients.find((c) => c.name === name)!;
    const form = call<CheckInForm>('rpcGetCheckInForm', client.clientId);
    expect(form.metrics.length).toBeGreaterThan(0);
    const before = JSON.stringify(session.playground.workbook().sheets.map((s) => s.values));

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
    expect(JSON.stringify(session.playground.workbook().sheets.map((s) => s.values))).toBe(before);
    expect(dialogs).toEqual([]);
  });
  test('the client card shows the numbers in the workbook', async () => {
    const clients = call<ClientSummary[]>('rpcListClients');
    const client = clients.find((c) => c.name === 'Maya Okafor')!;
    expect(client).toBeDefined();
    const workbook = session.playground.workbook();
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

    const { page } = await openPlayground(session);
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
  test('the forms: a payment lands in Payments, and field errors show beside their fields', async () => {
    const { page, dialogs, errors } = await openPlayground(session);
    const clients = call<ClientSummary[]>('rpcListClients');
    const tom = clients.find((c) => c.name === 'Tom Becker')!;
    const paymentRows = () =>
      sheetNamed(session.playground.workbook(), 'Payments').values.filter((row) =>
        row.includes(tom.clientId),
      );
    const before = paymentRows().length;

    const payment = await openFromMenu(page, /record a payment/i);
    await payment.waitForSelector('select[name="clientId"]:not([disabled])');
    await payment.selectOption('select[name="clientId"]', tom.clientId);
    await payment.fill('input[name="amount"]', 'abc');
    await payment.click('button[type="submit"]');
    await expectText(payment, '.field-error', 'Amount must be a number');
    expect(paymentRows()).toHaveLength(before);
    await payment.fill('input[name="amount"]', '$1,500');
    await payment.click('button[type="submit"]');
    await expectText(payment, '.status.success', 'Tom Becker');
    expect(paymentRows()).toHaveLength(before + 1);
    expect(paymentRows().some((row) => row.includes(1500) && row.includes(TODAY))).toBe(true);
    await screenshotSidebar(page, 'payment');

    // New client: the server refuses a duplicate name and a target equal to its baseline, field by field.
    const newClient = await openFromMenu(page, /new client/i);
    await newClient.fill('input[name="name"]', 'Maya Okafor');
    await newClient.fill('input[name="monthlyFee"]', '1,500');
    await newClient.fill('input[name="metrics.0.name"]', 'Revenue');
    await newClient.fill('input[name="metrics.0.baseline"]', '10');
    await newClient.fill('input[name="metrics.0.target"]', '10');
    const tabsBefore = session.playground.workbook().sheets.length;
    await newClient.click('button[type="submit"]');
    await newClient.waitForSelector('.has-error');
    const invalid = await newClient.$$eval('.has-error [aria-invalid="true"]', (els) =>
      els.map((el) => el.getAttribute('name')),
    );
    expect(invalid).toEqual(expect.arrayContaining(['name', 'metrics.0.target']));
    expect(session.playground.workbook().sheets.length).toBe(tabsBefore);
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
  });

  test('a VA completes the week for three clients from the keyboard alone, and the rows appear in their tabs', async () => {
    const { page, dialogs, errors } = await openPlayground(session);
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

    const workbook = session.playground.workbook();
    for (const entry of typed) {
      const rows = logRows(sheetNamed(workbook, entry.tabName)).filter((row) => row['Wins'] === entry.wins);
      expect(rows).toHaveLength(1);
      for (const [metric, value] of Object.entries(entry.values))
        expect(rows[0][metric]).toBeCloseTo(Number(value), 6);
      expect(rows[0]['Satisfaction (1–10)']).toBe(8);
      expect(rows[0]['Notes']).toBe('Typed without a mouse');
    }
    // The playground page shows the new row too (it re-reads the workbook after the sidebar's calls).
    await showTab(page, typed[0].tabName);
    const newRow = page.locator(`table.sheet td:text-is("${typed[0].wins}")`);
    await newRow.scrollIntoViewIfNeeded();
    await screenshotPage(page, 'playground-after-week');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
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
    const { page, dialogs, errors } = await openPlayground(session);

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
});

async function expectText(frame: Frame, selector: string, text: string): Promise<void> {
  await frame.waitForFunction(
    ([s, t]) => Array.from(document.querySelectorAll(s)).some((el) => (el.textContent ?? '').includes(t)),
    [selector, text] as const,
    { timeout: 10_000 },
  );
}
