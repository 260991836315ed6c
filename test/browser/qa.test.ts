/**
 * What a coach and a VA ran into using the playground: each test holds one fix, in the real sidebar
 * (dist/Sidebar.html) on the real dist/Code.js, with its own demo workbook.
 */
import type { CheckInForm, ClientSummary, Result } from '../../src/ui/rpc-types';
import {
  describeInBrowser,
  openPlayground,
  screenshotSidebar,
  showTab,
  useSession,
  expectText,
  formatDay,
  openView,
  RESULTS,
} from './harness';

jest.setTimeout(90_000);

describeInBrowser('what QA found, in Chromium', () => {
  const browser = useSession();
  const { call, client, sheet } = browser;

  const snapshot = () => JSON.stringify(browser.session.playground.workbook().sheets.map((s) => s.values));
  /** The log row of `tab` dated `weekOf`, keyed by header label. */
  const logRow = (tab: string, weekOf: string): Record<string, unknown> | undefined => {
    const values = sheet(tab).values;
    const header = values.findIndex((row) => row[0] === 'Week of');
    const row = values.slice(header + 1).find((r) => r[0] === weekOf);
    return row && Object.fromEntries(values[header].map((label, i) => [String(label), row[i]]));
  };

  test('the playground opens without an empty sidebar panel, and × closes the sidebar', async () => {
    const { page, errors } = await openPlayground(browser.session);
    expect(await page.isVisible('#sidebar-panel')).toBe(false);
    await openView(page, /log a check-in/i, 'checkin');
    expect(await page.isVisible('#sidebar-panel')).toBe(true);
    await page.click('#sidebar-close');
    expect(await page.isVisible('#sidebar-panel')).toBe(false);
    expect(errors).toEqual([]);
  });

  test('a menu item that alerts shows the add-on’s words only, not an emulator error', async () => {
    const { page } = await openPlayground(browser.session);
    await showTab(page, 'Dashboard');
    await page
      .locator('#menu-items button', { hasText: /client card/i })
      .first()
      .click();
    const alert = page.locator('#notices .notice.alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('"Dashboard" is not a client tab');
    expect(await page.locator('#notices .notice.error').count()).toBe(0);
    expect(await page.locator('#notices').textContent()).not.toMatch(/no answer queued/);
  });

  test('the Dashboard and the roster show computed numbers, not formula text; the trend draws a line', async () => {
    const { page } = await openPlayground(browser.session);
    await showTab(page, 'Dashboard');
    const cells = sheet('Dashboard').cells;
    const ltv = cells[6][1]; // B7: =CLIENT_LTV(B6,B5), B6 an AVERAGE the emulator's engine computes
    expect(ltv.f).toMatch(/^=CLIENT_LTV/);
    expect(ltv.native).toBeUndefined();
    expect(ltv.e).toBeUndefined();
    expect(await page.textContent('table.sheet td[data-a1="B7"]')).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(await page.textContent('table.sheet td[data-a1="B2"]')).toMatch(/^\d+$/); // COUNTIF
    expect(await page.textContent('table.sheet td[data-a1="B11"]')).toMatch(/^\d+\/\d+\/\d{4}$/); // TODAY()
    expect(await page.textContent('table.sheet td[data-a1="B4"]')).toMatch(/^\d+\.\d$/);
    expect(await page.locator('table.sheet td.native').count()).toBe(0);
    const roster = sheet('Clients');
    const trend = roster.cells[0].findIndex((c) => c.d === 'Trend');
    expect(roster.cells.slice(1).some((row) => (row[trend]?.spark?.length ?? 0) > 1)).toBe(true);
    await showTab(page, 'Clients');
    expect(await page.locator('table.sheet svg.spark').count()).toBeGreaterThan(0);
    await showTab(page, 'Dashboard');
    // The demo opens with Needs attention filled in (an empty list would read as "nobody").
    const header = sheet('Dashboard').values.findIndex((row) => row[3] === 'Client' && row[4] === 'Why');
    const reasons = sheet('Dashboard')
      .values.slice(header + 1)
      .map((row) => row[4])
      .filter(Boolean);
    expect(reasons).toEqual(expect.arrayContaining(['Check-in overdue', 'Open out-of-scope request']));
  });

  test('check-in: satisfaction "100" is refused, not cut to 10; "70%" in a % metric is saved as 70', async () => {
    const { page, dialogs } = await openPlayground(browser.session);
    const castillo = client('Castillo Accounting');
    const form = call<CheckInForm>('rpcGetCheckInForm', castillo.clientId);
    expect(form.metrics.map((m) => [m.name, m.unit])).toEqual([
      ['Billable ratio', '%'],
      ['Days to invoice', ''],
    ]);
    expect(form.existing).toBeNull();
    await showTab(page, castillo.tabName);
    const frame = await openView(page, /check in this client/i, 'checkin');
    await frame.waitForSelector(`form.checkin-form[data-client-id="${castillo.clientId}"]`);
    const before = snapshot();
    await frame.fill('input[name="enteredBy"]', 'QA');
    await frame.focus('[name="values.Billable ratio"]');
    await page.keyboard.type('70%');
    await page.keyboard.press('Enter');
    // Ten times the previous check-in (a digit too many): asked beside the field; one more Enter keeps it.
    const days = form.metrics[1];
    expect(days.last).not.toBeNull();
    const far = String((days.last as number) * 10);
    await page.keyboard.type(far);
    await page.keyboard.press('Enter');
    await expectText(frame, '.has-error .field-error', `${far} is 3 times or more the previous check-in's`);
    expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
      'values.Days to invoice',
    );
    await screenshotSidebar(page, 'checkin-confirm-far-value');
    await page.keyboard.press('Enter');
    expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
      'satisfaction',
    );
    await page.keyboard.type('100'); // satisfaction, one zero too many
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter'); // satisfaction, wins, blockers, notes: save
    await frame.waitForSelector('.has-error [name="satisfaction"]');
    expect(await frame.inputValue('[name="satisfaction"]')).toBe('100');
    expect(await frame.textContent('.has-error .field-error')).toContain('got "100"');
    expect(await frame.locator('.has-error').count()).toBe(1); // 70% is fine
    expect(snapshot()).toBe(before);

    await frame.fill('[name="satisfaction"]', '10');
    await frame.focus('[name="notes"]');
    await page.keyboard.press('Enter');
    await expectText(frame, '.status.success', 'Saved Castillo Accounting');
    const row = logRow(castillo.tabName, form.weekOf);
    expect(row).toMatchObject({
      'Billable ratio': 70,
      'Days to invoice': Number(far),
      'Satisfaction (1–10)': 10,
    });
    expect(dialogs).toEqual([]);
  });

  test(
    'replacing a logged week from the keyboard: the form shows the old row, Space ticks Replace, ' +
      'Enter saves',
    async () => {
      const { page, dialogs } = await openPlayground(browser.session);
      const maya = client('Maya Okafor');
      const form = call<CheckInForm>('rpcGetCheckInForm', maya.clientId);
      expect(form.existing).not.toBeNull();
      const old = logRow(maya.tabName, form.weekOf)!;
      await showTab(page, maya.tabName);
      const frame = await openView(page, /check in this client/i, 'checkin');
      await frame.waitForSelector(`form.checkin-form[data-client-id="${maya.clientId}"]`);
      expect(await frame.textContent('.notice')).toMatch(/Already logged.*Tick Replace to save over it/);
      await frame.fill('input[name="enteredBy"]', 'QA');
      // The form holds what was logged, so nothing typed before is lost by opening it.
      const first = form.metrics[0].name;
      expect(await frame.inputValue(`[name="values.${first}"]`)).toBe(String(old[first]));

      // Beside the input: the previous week's value, not this week's row (a fixed typo keeps its reference).
      expect(await frame.textContent(`.metric-field:has([name="values.${first}"]) .metric-facts`)).toContain(
        `Last (`,
      );
      // Near the previous week's value (no confirmation asked), and not this week's logged one.
      const reference = (form.metrics[0].last ?? Number(old[first])) as number;
      const typed = Number(old[first]) === reference + 1 ? reference + 2 : reference + 1;
      await frame.fill(`[name="values.${first}"]`, String(typed));
      await frame.focus(`[name="values.${first}"]`);
      for (let i = 0; i < form.metrics.length + 4; i++) await page.keyboard.press('Enter');
      await frame.waitForSelector('.has-error input[name="replace"]');
      expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('replace');
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await expectText(frame, '.status.success', 'Saved Maya Okafor (replaced this week’s row)');
      expect(logRow(maya.tabName, form.weekOf)![first]).toBe(typed);
      const after = call<CheckInForm>('rpcGetCheckInForm', maya.clientId);
      expect(after.existing?.values[first]).toBe(String(typed));
      expect(after.metrics[0].last).toBe(form.metrics[0].last);
      expect(dialogs).toEqual([]);
    },
  );

  test(
    'an empty check-in is refused beside "No contact this week"; Space ticks it, Enter writes it, ' +
      'the client stays due',
    async () => {
      const { page, dialogs } = await openPlayground(browser.session);
      const frame = await openView(page, /log a check-in/i, 'checkin');
      await frame.waitForSelector('form.checkin-form');
      const clientId = (await frame.getAttribute('form.checkin-form', 'data-client-id')) ?? '';
      const form = call<CheckInForm>('rpcGetCheckInForm', clientId);
      const tabName = form.client.tabName;
      await frame.fill('input[name="enteredBy"]', 'QA');
      await frame.focus('form.checkin-form [data-nav]:not([type="checkbox"])');
      const before = snapshot();
      const fields = form.metrics.length + Object.values(form.fields).filter(Boolean).length;
      for (let i = 0; i < fields; i++) await page.keyboard.press('Enter'); // nothing typed: Enter to the end
      await expectText(frame, '.has-error .field-error', 'Nothing to save');
      expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('noContact');
      expect(snapshot()).toBe(before);
      await screenshotSidebar(page, 'checkin-empty-refused');
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await expectText(frame, '.status.success', `Saved ${form.client.name}`);
      const marked = sheet(tabName).values.find((row) => row[0] === `No contact this week (${form.weekOf})`);
      expect(marked).toBeDefined();
      const due = call<{ clients: { clientId: string; doneThisWeek: boolean }[] }>('rpcGetDueList');
      expect(due.clients.find((c) => c.clientId === clientId)?.doneThisWeek).toBe(false);
      expect(dialogs).toEqual([]);
    },
  );

  test('the card of a client paying late says so in red, with the reasons the Dashboard lists for them', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    // Earlier tests may have checked this client in: the Dashboard says what it says as of its last Refresh.
    call('menuRefreshDashboard');
    type State = { status: string; checkIn: string; paysLate: boolean };
    const late = call<ClientSummary[]>('rpcListClients')
      .map((c) => ({ c, state: call<{ state: State }>('rpcGetClientCard', c.clientId).state }))
      .find(({ state }) => state.status === 'Active' && state.paysLate);
    expect(late).toBeDefined();
    const { c, state } = late!;
    const dashboard = sheet('Dashboard').values;
    const header = dashboard.findIndex((row) => row.includes('Why') && row.includes('Client ID'));
    const why = dashboard[header].indexOf('Why');
    const id = dashboard[header].indexOf('Client ID');
    const listed = dashboard
      .slice(header + 1)
      .filter((row) => row[id] === c.clientId)
      .map((row) => row[why]);
    const reasons = [
      ...(state.checkIn === 'overdue' ? ['Check-in overdue'] : []),
      ...(state.checkIn === 'due' ? ['Nothing logged this week'] : []),
      'Late payment',
    ];
    // The status rule's reasons; the list also gives advice rows (chronic late payer, health...).
    const statusReasons = ['Check-in overdue', 'Nothing logged this week', 'Late payment'];
    expect(listed.filter((reason) => statusReasons.includes(String(reason))).sort()).toEqual(reasons.sort());
    await showTab(page, c.tabName);
    const frame = await openView(page, /client card/i, 'card');
    await frame.waitForSelector(`.client-card[data-client-id="${c.clientId}"]`);
    const line = (await frame.textContent('[data-field="check-in-state"]')) ?? '';
    expect(line).toMatch(/ · Paying late$/);
    expect(line).not.toContain('On schedule');
    if (state.checkIn === 'due') expect(line).toMatch(/^Nothing logged this week · /);
    expect(await frame.getAttribute('[data-field="check-in-state"]', 'class')).toBe('badge-line bad');
    await screenshotSidebar(page, 'qa-card-late-payer');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the card of a client serving notice: until when, and check-ins still due', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    const redwood = client('Redwood Outfitters');
    expect(redwood.status).toBe('Serving notice');
    await showTab(page, redwood.tabName);
    const frame = await openView(page, /client card/i, 'card');
    await frame.waitForSelector(`.client-card[data-client-id="${redwood.clientId}"]`);
    expect(await frame.textContent('[data-field="check-in-state"]')).toMatch(
      new RegExp(`^Serving notice until ${formatDay(redwood.endDate!)} · `),
    );
    expect(await frame.locator('button', { hasText: /^Check in$/ }).count()).toBe(1);
    await screenshotSidebar(page, 'qa-card-serving-notice');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the card of an ended client: its end date, no "overdue", no next check-in, no Check in button', async () => {
    const { page, dialogs, errors } = await openPlayground(browser.session);
    const priya = client('Priya Raman');
    expect(priya.status).toBe('Ended');
    await showTab(page, priya.tabName);
    const frame = await openView(page, /client card/i, 'card');
    await frame.waitForSelector(`.client-card[data-client-id="${priya.clientId}"]`);
    const roster = sheet('Clients').values;
    const endDate = String(roster.find((row) => row[0] === priya.clientId)![5]);
    expect(endDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await frame.textContent('[data-field="check-in-state"]')).toBe(
      `Ended on ${formatDay(endDate)}: no check-ins due`,
    );
    expect(await frame.locator('.badge-line.bad, .tile.bad').count()).toBe(0);
    expect(await frame.locator('[data-field="next-check-in"]').count()).toBe(0);
    expect(await frame.getAttribute('[data-field="end-date"]', 'title')).toBeNull(); // the tile's title is on the tile
    expect(await frame.locator('.tile', { hasText: 'Ended' }).getAttribute('title')).toBe(formatDay(endDate));
    expect(await frame.locator('button', { hasText: /^Check in$/ }).count()).toBe(0);
    expect(await frame.getAttribute('button:text-is("Log payment")', 'class')).toBe('action');
    expect(call<{ nextCheckIn: unknown }>('rpcGetClientCard', priya.clientId).nextCheckIn).toBeNull();
    await screenshotSidebar(page, 'qa-card-ended');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a huge metric value on the card stays inside the 300-px sidebar', async () => {
    const { page } = await openPlayground(browser.session);
    const lumen = client('Lumen Yoga Studio');
    const form = call<CheckInForm>('rpcGetCheckInForm', lumen.clientId);
    const saved = call<Result<unknown>>('rpcSaveCheckIn', {
      clientId: lumen.clientId,
      weekOf: form.weekOf,
      values: { [form.metrics[0].name]: '1e308' },
      satisfaction: '',
      wins: '',
      blockers: '',
      notes: '',
      replace: form.existing !== null,
      confirmed: [form.metrics[0].name], // far from the previous value: confirmed, as a second Enter does
    });
    expect(saved.ok).toBe(true);
    await showTab(page, lumen.tabName);
    const frame = await openView(page, /client card/i, 'card');
    const metric = frame.locator(`.metric[data-metric="${form.metrics[0].name}"]`);
    await metric.waitFor();
    expect(await metric.locator('[data-field="current"]').textContent()).toBe('1E308');
    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    const name = await metric.locator('.metric-name').boundingBox();
    expect(name!.height).toBeLessThan(40); // the name is not squeezed into a column of single letters
  });

  test('a long definition of success shows its first lines and Show all, so Progress stays in view', async () => {
    const definition =
      'Twice the bookings with half the admin, and a team that runs the week without me. '.repeat(8);
    const created = call<Result<ClientSummary>>('rpcCreateClient', {
      name: 'Long Story Studio',
      startDate: '2025-01-06',
      program: 'Growth',
      programMonths: '6',
      monthlyFee: '900',
      yearlyProfit: '6000',
      monthlyCosts: '',
      clientType: 'Savvy',
      cadenceDays: '',
      definitionOfSuccess: definition,
      scope: '',
      metrics: [{ name: 'Bookings', unit: '', direction: 'up', baseline: '10', target: '20' }],
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { page } = await openPlayground(browser.session);
    await showTab(page, created.value.tabName);
    const frame = await openView(page, /client card/i, 'card');
    const quote = frame.locator('[data-field="definition-of-success"]');
    await quote.waitFor();
    expect(await quote.textContent()).toBe(definition.trim()); // all of it is there, for a screen reader too
    const clamped = (await quote.boundingBox())!.height;
    expect(clamped).toBeLessThan(100);
    // Progress starts in the first screenful of the sidebar (about 600 px in a laptop's Sheets).
    const progressTop = await frame.$eval('.metric-list', (el) => el.getBoundingClientRect().top);
    expect(progressTop).toBeLessThan(480);
    await frame.click('button:text-is("Show all")');
    expect((await quote.boundingBox())!.height).toBeGreaterThan(clamped * 2);
    expect(await frame.getAttribute('button:text-is("Show less")', 'aria-expanded')).toBe('true');
  });

  test('New client: an error for a metric after a blank metric row shows beside that metric', async () => {
    const { page, dialogs } = await openPlayground(browser.session);
    const frame = await openView(page, /new client/i, 'newClient');
    await frame.fill('input[name="name"]', 'Gap Metrics Studio');
    await frame.fill('input[name="monthlyFee"]', '900');
    await frame.click('text=+ Add a metric'); // metric 1 is left blank
    await frame.fill('input[name="metrics.1.name"]', 'Revenue');
    await frame.fill('input[name="metrics.1.baseline"]', '10');
    await frame.fill('input[name="metrics.1.target"]', '10');
    const before = snapshot();
    await frame.click('button[type="submit"]');
    await frame.waitForSelector('.has-error');
    const invalid = await frame.$$eval('.has-error [aria-invalid="true"]', (els) =>
      els.map((el) => el.getAttribute('name')),
    );
    expect(invalid).toEqual(['metrics.1.target']);
    expect(snapshot()).toBe(before);
    // And after a metric is removed, the rows after it keep their errors too.
    await frame.click('.metric-row:first-child button[aria-label="Remove this metric"]');
    await frame.click('button[type="submit"]');
    await frame.waitForSelector('.has-error [name="metrics.1.target"][aria-invalid="true"]');
    expect(dialogs).toEqual([]);
  });
});

describeInBrowser('the check-in in a 300 × 600 sidebar, in Chromium', () => {
  const browser = useSession();

  test('"Due this week" is in view without scrolling, its first clients too', async () => {
    const { page } = await openPlayground(browser.session);
    const frame = await openView(page, /log a check-in/i, 'checkin');
    await frame.waitForSelector('.due-item');
    // The sidebar's own page at the size Sheets gives it on a small laptop screen.
    const sidebar = await browser.session.context.newPage();
    await sidebar.setViewportSize({ width: 300, height: 600 });
    await sidebar.goto(frame.url());
    await sidebar.waitForSelector('.due-item');
    await sidebar.screenshot({ path: `${RESULTS}/checkin-300x600.png` });
    const layout = await sidebar.evaluate(() => {
      const heading = Array.from(document.querySelectorAll('h2, h3')).find((el) =>
        /due this week/i.test(el.textContent ?? ''),
      );
      const items = Array.from(document.querySelectorAll('.due-item')).slice(0, 3);
      return {
        scrollY: window.scrollY,
        heading: heading ? heading.getBoundingClientRect().bottom : Infinity,
        items: items.map((item) => item.getBoundingClientRect().bottom),
        width: document.documentElement.scrollWidth,
      };
    });
    expect(layout.scrollY).toBe(0);
    expect(layout.heading).toBeLessThan(600);
    for (const bottom of layout.items) expect(bottom).toBeLessThanOrEqual(600);
    expect(layout.width).toBeLessThanOrEqual(300);
    await sidebar.close();
  });
});
