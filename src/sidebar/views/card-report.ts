/**
 * The client's one-page progress report, from the card: makes (or remakes) the printable
 * "Report – <client>" tab, and shows the same report as plain text with a Copy button for an email.
 */
import { h, replaceChildren } from '../dom';
import { FormController } from '../form';
import { run } from '../rpc';

export function reportSection(clientId: string): HTMLElement {
  const controller = new FormController();
  const make = h('button', { type: 'button', 'data-action': 'make-report' }, 'Make progress report');
  const output = h('div', { class: 'report-output', 'data-field': 'report' });
  const section = h(
    'section',
    { class: 'card-section report', 'data-section': 'report' },
    h('h3', null, 'Progress report'),
    h(
      'p',
      { class: 'muted small' },
      'One page for the client: their definition of success, where each measure started, where it is ' +
        'now, and their wins.',
    ),
    controller.general,
    h('div', { class: 'buttons' }, make),
    controller.status,
    output,
  );
  make.addEventListener('click', () =>
    controller.run(section, make, 'Making…', async () => {
      controller.clearErrors();
      const result = await run('rpcMakeProgressReport', clientId);
      if (!result.ok) {
        controller.showMessage(result.message);
        return;
      }
      const report = result.value;
      controller.showStatus(
        `${report.replaced ? 'Updated' : 'Made'} the tab “${report.tabName}”: print it from there.`,
      );
      const text = h('textarea', {
        class: 'report-text',
        rows: 10,
        readonly: true,
        'aria-label': 'The report as text for an email',
      });
      text.value = report.text;
      const copied = h('span', { class: 'muted small', role: 'status' });
      const copy = h('button', { type: 'button', 'data-action': 'copy-report' }, 'Copy');
      copy.addEventListener('click', () => {
        text.select();
        const fallback = () => {
          copied.textContent = document.execCommand('copy')
            ? 'Copied.'
            : 'Press Ctrl+C to copy the selected text.';
        };
        // The clipboard API may be refused in the add-on's iframe; the selection and execCommand remain.
        if (navigator.clipboard)
          navigator.clipboard.writeText(report.text).then(() => (copied.textContent = 'Copied.'), fallback);
        else fallback();
      });
      replaceChildren(
        output,
        h('label', { class: 'small' }, 'For an email'),
        text,
        h('div', { class: 'buttons' }, copy, copied),
      );
      copy.focus();
    }),
  );
  return section;
}
