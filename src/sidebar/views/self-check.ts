/**
 * Check this spreadsheet: runs the server's self-check and shows its report, each assumption with
 * PASS/FAIL/UNKNOWN, and the plain text ready to copy into a bug report.
 */
import type { BootDelivery, SelfCheckReport } from '../../ui/rpc-types';
import { h, replaceChildren } from '../dom';
import { errorMessage } from '../form';
import { run } from '../rpc';

export function selfCheckView(
  root: HTMLElement,
  received: { token: string | null; via: BootDelivery },
): void {
  const body = h('div', { class: 'selfcheck-body', 'aria-live': 'polite' });
  const again = h('button', { type: 'button', class: 'action', disabled: true }, 'Check again');
  replaceChildren(
    root,
    h('header', { class: 'view-header' }, h('h1', null, 'Check this spreadsheet')),
    h(
      'p',
      { class: 'hint' },
      'Tests what ClientTabs assumes about Google Sheets, here, in a hidden sheet it deletes afterwards. ' +
        'Your cells are not changed.',
    ),
    body,
    h('div', { class: 'actions' }, again),
  );
  const check = async (): Promise<void> => {
    again.disabled = true;
    replaceChildren(body, h('p', { class: 'loading' }, 'Checking… (a few seconds)'));
    try {
      renderReport(body, await run('rpcRunSelfCheck', received));
    } catch (error) {
      replaceChildren(body, h('div', { class: 'message error', role: 'alert' }, errorMessage(error)));
    } finally {
      again.disabled = false;
    }
  };
  again.addEventListener('click', () => void check());
  void check();
}

function renderReport(body: HTMLElement, report: SelfCheckReport): void {
  const text = h('textarea', { class: 'selfcheck-text', readonly: true, rows: 8, 'aria-label': 'Report' });
  text.value = report.text;
  const copy = h('button', { type: 'button' }, 'Copy report');
  copy.addEventListener('click', () => {
    text.select();
    // The sidebar's iframe may refuse the clipboard; the text stays selected for Ctrl+C.
    navigator.clipboard?.writeText(report.text).catch(() => undefined);
  });
  replaceChildren(
    body,
    h(
      'ul',
      { class: 'selfcheck-results' },
      report.results.map((result) =>
        h(
          'li',
          { 'data-verdict': result.verdict },
          h('strong', { class: `verdict verdict-${result.verdict.toLowerCase()}` }, result.verdict),
          ' ',
          result.assumption,
          h('div', { class: 'seen' }, result.seen),
        ),
      ),
    ),
    h('label', null, 'Copy this into a bug report:'),
    text,
    copy,
  );
}
