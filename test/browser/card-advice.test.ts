/**
 * The advice on the client card in Chromium, on the playground's demo workbook: health and triage,
 * preparing a conversation from the keyboard, a need outside the scope, and the progress report tab
 * (rendered and screenshotted: test-results/report-tab.png). Screenshots go to test-results/.
 */
import type { ClientCard, ProgressReport, Result } from '../../src/ui/rpc-types';
import {
  describeInBrowser,
  openFromMenu,
  openPlayground,
  screenshotPage,
  screenshotSidebar,
  showTab,
  useSession,
  formatDay,
  TODAY,
} from './harness';

jest.setTimeout(120_000);

describeInBrowser('the card’s advice in Chromium', () => {
  const browser = useSession();
  const { call, client, sheet } = browser;

  async function openCard(name: string) {
    const opened = await openPlayground(browser.session);
    const summary = client(name);
    await showTab(opened.page, summary.tabName);
    const frame = await openFromMenu(opened.page, /client card/i);
    await frame.waitForSelector('.client-card [data-section="health-summary"]');
    return { ...opened, frame, summary };
  }

  test(
    'a client whose satisfaction fell: health, band and trend as the server computed them; triage ' +
      'says unhappy',
    async () => {
      const { page, frame, summary, errors } = await openCard('Nina Patel');
      const advice = call<ClientCard>('rpcGetClientCard', summary.clientId).advice!;
      expect(advice.health.band).toMatch(/Red|Yellow/);
      expect(await frame.textContent('[data-field="health-score"]')).toBe(String(advice.health.score));
      expect(await frame.textContent('[data-field="health-band"]')).toBe(advice.health.band);
      expect(await frame.$eval('[data-field="health-band"]', (el) => getComputedStyle(el).color)).toBe(
        advice.health.band === 'Red' ? 'rgb(217, 48, 37)' : 'rgb(227, 116, 0)',
      );
      const change = advice.health.change!;
      expect(await frame.textContent('[data-field="health-trend"]')).toBe(
        change > 0
          ? `▲ ${change} in 4 weeks`
          : change < 0
            ? `▼ ${-change} in 4 weeks`
            : '■ same as 4 weeks ago',
      );
      // The summary is one line: Progress stays in the first screenful (QA's rule for the card).
      expect((await frame.locator('[data-section="health-summary"]').boundingBox())!.height).toBeLessThan(40);
      expect(await frame.textContent('[data-field="triage-reason"]')).toBe('Unhappy with the experience');
      expect(await frame.textContent('[data-field="triage-evidence"]')).toBe('satisfaction fell from 8 to 4');
      const moved = await frame.textContent('[data-field="health-moved"]');
      expect(moved).toContain('Satisfaction: 5/10 → 4/10');
      await screenshotSidebar(page, 'card-advice-triage');
      expect(errors).toEqual([]);
    },
  );

  test(
    'Prepare the conversation, from the keyboard: the four steps are saved dated with the client ' +
      'and readable after',
    async () => {
      const { page, frame, summary, dialogs, errors } = await openCard('Nina Patel');
      await frame.focus('[data-action="prepare-conversation"]');
      await frame.press('[data-action="prepare-conversation"]', 'Enter');
      expect(await frame.inputValue('input[name="reason"]')).toBe('Unhappy with the experience');
      expect(await frame.evaluate(() => (document.activeElement as HTMLTextAreaElement).name)).toBe(
        'ownPart',
      );
      const steps = [
        'I sent the March report late.',
        '=She decides on the ad budget by Friday',
        'What felt slow to you?',
        'Budget decided Friday; report every Monday.',
      ];
      for (const step of steps) {
        await page.keyboard.type(step);
        await page.keyboard.press('Enter');
      }
      // Enter on the date, the last field, saves.
      await page.keyboard.press('Enter');
      await frame.waitForSelector('.conversation-prep .status.success');
      const rows = sheet('Conversations').values.filter((row) => row[0] === summary.clientId);
      expect(rows).toHaveLength(1);
      expect(rows[0].slice(3)).toEqual(['Unhappy with the experience', ...steps]);
      expect(await frame.textContent('.conversation-prep details summary')).toMatch(
        /Unhappy with the experience$/,
      );
      await screenshotSidebar(page, 'card-advice-conversation');
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  test(
    'a client past every target in good health: time to offer the next step; a need is saved with ' +
      'the client',
    async () => {
      const { page, frame, summary, errors } = await openCard('Fern & Finch Florists');
      expect(await frame.textContent('[data-field="health-band"]')).toBe('Green');
      expect(await frame.textContent('[data-field="growth"]')).toMatch(/time to offer the next step/);
      expect(await frame.$('[data-section="triage"]')).toBeNull();
      await frame.fill('.need-form textarea', 'Wants a wedding-flowers page');
      await frame.press('.need-form textarea', 'Enter');
      await frame.waitForSelector('[data-field="needs"] li');
      expect(await frame.textContent('[data-field="needs"] li .request-text')).toBe(
        'Wants a wedding-flowers page',
      );
      // Dated by the spreadsheet's today (the playground's), not the browser's.
      expect(await frame.textContent('[data-field="needs"] li .muted')).toBe(formatDay(TODAY));
      expect(
        sheet('Client needs')
          .values.filter((row) => row[0] === summary.clientId)
          .map((row) => row[3]),
      ).toEqual(['Wants a wedding-flowers page']);
      await screenshotSidebar(page, 'card-advice-growth');
      expect(errors).toEqual([]);
    },
  );

  test(
    'the progress report: a printable tab with the client’s words and numbers, and the same as ' +
      'text to copy',
    async () => {
      const { page, frame, summary, errors } = await openCard('Maya Okafor');
      await frame.click('[data-action="make-report"]');
      await frame.waitForSelector('.report-text');
      const text = await frame.inputValue('.report-text');
      expect(text).toMatch(/^Progress report: Maya Okafor\n/);
      expect(text).toContain('“Under 80 kg and running 5k without stopping before my sister’s wedding.”');
      expect(await frame.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
        'copy-report',
      );
      const report = sheet('Report – Maya Okafor');
      expect(report.values[0][0]).toBe('Progress report: Maya Okafor');
      expect(report.values[4][0]).toBe(
        'Under 80 kg and running 5k without stopping before my sister’s wedding.',
      );
      expect(report.values[9].slice(0, 5)).toEqual(['Metric', 'Day one', '4 weeks ago', 'Now', 'Target']);
      // The card and the report agree on each metric's current value.
      const card = call<ClientCard>('rpcGetClientCard', summary.clientId);
      for (const [i, metric] of card.metrics.entries()) expect(report.values[10 + i][3]).toBe(metric.current);
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      await showTab(page, 'Report – Maya Okafor');
      await page.waitForSelector(
        'table.sheet[data-sheet="Report – Maya Okafor"] svg, table.sheet[data-sheet="Report – Maya Okafor"] .spark',
      );
      await screenshotPage(page, 'report-tab');
      // Made again from the card: the same tab, no second one.
      expect(call<Result<ProgressReport>>('rpcMakeProgressReport', summary.clientId)).toMatchObject({
        ok: true,
        value: { replaced: true },
      });
      expect(
        browser.session.playground
          .workbook()
          .sheets.filter((s) => s.name.startsWith('Report – '))
          .map((s) => s.name),
      ).toEqual(['Report – Maya Okafor']);
      expect(errors).toEqual([]);
    },
  );
});
