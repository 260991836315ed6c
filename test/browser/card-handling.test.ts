/**
 * Handling advice by client type in Chromium (src/sidebar/views/card-handling.ts), on the playground's
 * demo workbook: the card and the check-in form of a laissez-faire client silent four weeks show the type,
 * its one-liner and "Call this week". Screenshots: test-results/card-handling*.png.
 */
import type { CheckInForm, ClientCard } from '../../src/ui/rpc-types';
import {
  describeInBrowser,
  openFromMenu,
  openPlayground,
  openView,
  screenshotSidebar,
  showTab,
  useSession,
} from './harness';

jest.setTimeout(120_000);

describeInBrowser('handling advice by client type in Chromium', () => {
  const browser = useSession();

  const { call } = browser;
  const { client } = browser;

  test('the card of a laissez-faire client silent four weeks: the type, its advice and "Call this week"', async () => {
    const { page, errors, dialogs } = await openPlayground(browser.session);
    const willow = client('Willow Creek Pottery');
    const handling = call<ClientCard>('rpcGetClientCard', willow.clientId).handling;
    expect(handling).toMatchObject({
      clientType: 'Laissez-faire',
      thisWeek: 'Call this week: no reply in 4 weeks.',
      act: true,
    });
    await showTab(page, willow.tabName);
    const frame = await openFromMenu(page, /client card/i);
    await frame.waitForSelector('.client-card [data-section="handling"]');
    expect(await frame.textContent('[data-section="handling"] h3')).toBe('Handling: Laissez-faire');
    expect(await frame.textContent('[data-field="handling-advice"]')).toBe(handling.advice);
    expect(await frame.textContent('[data-field="handling-this-week"]')).toBe(
      'Call this week: no reply in 4 weeks.',
    );
    // An action, not a note: the amber call-out (a quiet week would be muted grey).
    expect(await frame.$eval('[data-field="handling-this-week"]', (el) => getComputedStyle(el).color)).toBe(
      'rgb(138, 83, 0)',
    );
    await screenshotSidebar(page, 'card-handling');
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  test(
    'the check-in form shows the VA the same advice above the metrics; focus still starts on the ' +
      'first metric',
    async () => {
      const { page, errors } = await openPlayground(browser.session);
      const willow = client('Willow Creek Pottery');
      const form = call<CheckInForm>('rpcGetCheckInForm', willow.clientId);
      await showTab(page, willow.tabName);
      const frame = await openView(page, /check in this client/i, 'checkin');
      await frame.waitForSelector(
        `form.checkin-form[data-client-id="${willow.clientId}"] [data-section="handling"]`,
      );
      expect(await frame.textContent('form.checkin-form [data-field="handling-advice"]')).toBe(
        form.handling.advice,
      );
      expect(await frame.textContent('form.checkin-form [data-field="handling-this-week"]')).toBe(
        'Call this week: no reply in 4 weeks.',
      );
      const order = await frame.evaluate(() => {
        const handling = document.querySelector('form.checkin-form [data-section="handling"]')!;
        const metrics = document.querySelector('form.checkin-form fieldset.metrics')!;
        return handling.compareDocumentPosition(metrics) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      expect(order).toBeTruthy();
      expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
        `values.${form.metrics[0].name}`,
      );
      await screenshotSidebar(page, 'checkin-handling');
      expect(errors).toEqual([]);
    },
  );

  test('a Micromanager on rhythm: the week is a quiet note, not an action', async () => {
    const { page } = await openPlayground(browser.session);
    const maya = client('Maya Okafor');
    const handling = call<ClientCard>('rpcGetClientCard', maya.clientId).handling;
    expect(handling.clientType).toBe('Micromanager');
    await showTab(page, maya.tabName);
    const frame = await openFromMenu(page, /client card/i);
    await frame.waitForSelector('.client-card [data-section="handling"]');
    expect(await frame.textContent('[data-field="handling-this-week"]')).toBe(handling.thisWeek);
    expect(await frame.getAttribute('[data-field="handling-this-week"]', 'class')).toBe(
      `handling-week ${handling.act ? 'act' : 'ok'}`,
    );
  });
});
