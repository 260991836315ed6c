import { harness, withClient } from './helpers';

/** The start-up data in the sidebar as shown (its JSON block), without the per-opening token. */
function bootView(html: string): unknown {
  const match = /<script type="application\/json" id="clienttabs-boot">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('no start-up data block');
  const { token, ...boot } = JSON.parse(match[1]) as { token?: unknown };
  if (typeof token !== 'string' || token === '') throw new Error('the start-up data has no token');
  return boot;
}

describe('menu handlers', () => {
  test('open the sidebar (ClientTabs, 300 px) on the right view', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    for (const [fn, view] of [
      ['menuNewClient', { view: 'newClient' }],
      ['menuAdoptTabs', { view: 'adopt' }],
      ['menuCheckIn', { view: 'checkin' }],
      ['menuRecordPayment', { view: 'payment' }],
      ['menuLogRequest', { view: 'request' }],
      ['menuOffboardClient', { view: 'offboard' }],
    ] as const) {
      h.call(fn);
      const sidebar = h.emu.ui.sidebars.at(-1)!;
      expect([fn, sidebar.title, sidebar.width, bootView(sidebar.html)]).toEqual([
        fn,
        'ClientTabs',
        300,
        { ...view, context: { currency: '$', locale: 'en_US' } },
      ]);
    }
  });

  test('check in this client: the client of the tab in view, or a clear alert', () => {
    const h = withClient({ name: `O'Brien <b>&</b>` });
    h.emu.spreadsheet.setActiveSheet(h.sheet(`O'Brien <b>&</b>`));
    h.call('menuCheckInThisClient');
    expect(bootView(h.emu.ui.sidebars.at(-1)!.html)).toEqual({
      view: 'checkin',
      clientId: 'C-0001',
      context: { currency: '$', locale: 'en_US' },
    });
    h.emu.spreadsheet.setActiveSheet(h.sheet('Settings'));
    const before = h.emu.ui.sidebars.length;
    h.emu.ui.respond({ button: 'OK' });
    h.call('menuClientCard');
    expect(h.emu.ui.sidebars.length).toBe(before);
    expect((h.emu.ui.alerts.at(-1) as { prompt: string }).prompt).toMatch(/^"Settings" is not a client tab/);
  });

  test('every workbook menu item names a global of the bundle', () => {
    const h = harness();
    h.call('onOpen');
    const names = JSON.stringify(h.emu.ui.menus);
    for (const fn of [
      'menuSetUpWorkbook',
      'menuNewClient',
      'menuAdoptTabs',
      'menuCheckIn',
      'menuCheckInThisClient',
      'menuClientCard',
      'menuRefreshDashboard',
      'menuRecordPayment',
      'menuLogRequest',
      'menuOffboardClient',
    ]) {
      expect(names).toContain(fn);
      expect(h.bundle.functions).toContain(fn);
    }
  });
});
