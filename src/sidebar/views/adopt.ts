/**
 * Adopt existing tabs: scan, show what was found in each tab (and which tabs were skipped and why), let
 * the coach tick the ones to adopt, then adopt them in batches (each call stays under Apps Script's time
 * limit and answers with what remains) with a progress bar.
 */
import type { AdoptCandidate, AdoptProgress } from '../../ui/rpc-types';
import { h, replaceChildren } from '../dom';
import { errorMessage, FormController } from '../form';
import { formatDate, plural } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';

export function adoptView(root: HTMLElement, nav: Navigate): void {
  const body = h('div', { class: 'adopt-body' }, h('p', { class: 'loading' }, 'Looking through your tabs…'));
  replaceChildren(
    root,
    h(
      'header',
      { class: 'view-header' },
      h('h1', null, 'Adopt existing tabs'),
      h('p', { class: 'muted small' }, 'ClientTabs reads your tabs and changes none of your cells.'),
    ),
    body,
  );
  run('rpcScanForAdoption')
    .then((scan) => {
      const controller = new FormController();
      const boxes = scan.candidates.map((candidate) => ({
        candidate,
        box: h('input', {
          type: 'checkbox',
          checked: true,
          id: `adopt-${slug(candidate.tabName)}`,
        }) as HTMLInputElement,
      }));
      const adopt = h('button', { type: 'submit', class: 'action' }, 'Adopt');
      const updateCount = () => {
        const count = boxes.filter((b) => b.box.checked).length;
        adopt.textContent = count ? `Adopt ${plural(count, 'tab')}` : 'Adopt';
        adopt.disabled = count === 0;
      };
      boxes.forEach((b) => b.box.addEventListener('change', updateCount));
      updateCount();
      const form = h(
        'form',
        { novalidate: true },
        controller.general,
        scan.candidates.length
          ? h(
              'fieldset',
              { class: 'candidates' },
              h('legend', null, `Found ${plural(scan.candidates.length, 'client tab')}`),
              boxes.map(({ candidate, box }) => candidateRow(candidate, box)),
            )
          : h(
              'p',
              { class: 'empty' },
              'No tab looks like a client log: a date column with one or more number columns.',
            ),
        scan.skipped.length
          ? h(
              'details',
              { class: 'skipped' },
              h('summary', null, `Skipped ${plural(scan.skipped.length, 'tab')}`),
              h(
                'ul',
                { class: 'rows' },
                scan.skipped.map((s) =>
                  h('li', null, h('strong', null, s.tabName), h('span', { class: 'muted small' }, s.reason)),
                ),
              ),
            )
          : null,
        scan.candidates.length ? h('div', { class: 'buttons' }, adopt) : null,
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = boxes.filter((b) => b.box.checked).map((b) => b.candidate.tabName);
        if (!chosen.length) return;
        controller.run(form, adopt, 'Adopting…', () => adoptAll(chosen, body, nav));
      });
      replaceChildren(body, form);
      (boxes[0]?.box ?? adopt).focus();
    })
    .catch((error) =>
      replaceChildren(body, h('div', { class: 'message error', role: 'alert' }, errorMessage(error))),
    );
}

function candidateRow(candidate: AdoptCandidate, box: HTMLInputElement): HTMLElement {
  const range =
    candidate.firstDate && candidate.lastDate
      ? `${formatDate(candidate.firstDate)} – ${formatDate(candidate.lastDate)}`
      : '';
  return h(
    'label',
    { class: 'candidate', for: box.id },
    box,
    h(
      'span',
      { class: 'candidate-text' },
      h('strong', null, candidate.tabName),
      h(
        'span',
        { class: 'small', 'data-field': 'rows' },
        plural(candidate.rows, 'row'),
        range ? [' · ', h('span', { class: 'nowrap', 'data-field': 'dates' }, range)] : null,
      ),
      h('span', { class: 'muted small' }, `Dates in “${candidate.dateColumn}”`),
      h(
        'span',
        { class: 'muted small' },
        candidate.metricColumns.length
          ? `Metrics: ${candidate.metricColumns.join(', ')}`
          : 'No metric columns found',
      ),
    ),
  );
}

async function adoptAll(tabNames: string[], body: HTMLElement, nav: Navigate): Promise<void> {
  const total = tabNames.length;
  const fill = h('div', { class: 'progress-fill' });
  const text = h('p', { class: 'progress-text' }, `Adopting 0 of ${total}…`);
  const bar = h(
    'div',
    {
      class: 'progress',
      role: 'progressbar',
      'aria-valuemin': 0,
      'aria-valuemax': total,
      'aria-valuenow': 0,
    },
    fill,
  );
  const log = h('ul', { class: 'rows' });
  replaceChildren(body, h('div', { role: 'status', 'aria-live': 'polite' }, text), bar, log);
  let remaining = tabNames;
  const adopted: string[] = [];
  const failed: AdoptProgress['failed'] = [];
  for (let round = 0; remaining.length && round < total + 5; round++) {
    const result = await run('rpcAdoptTabs', remaining);
    if (!result.ok) {
      failed.push(...remaining.map((tabName) => ({ tabName, reason: result.message })));
      break;
    }
    adopted.push(...result.value.adopted);
    failed.push(...result.value.failed);
    remaining = result.value.done ? [] : result.value.remaining;
    const count = adopted.length + failed.length;
    fill.style.width = `${(100 * count) / total}%`;
    bar.setAttribute('aria-valuenow', String(count));
    text.textContent = `Adopting ${count} of ${total}…`;
    if (!result.value.adopted.length && !result.value.failed.length && remaining.length) break;
  }
  text.textContent = `Adopted ${plural(adopted.length, 'tab')}${failed.length ? `; ${failed.length} could not be adopted` : ''}.`;
  replaceChildren(
    log,
    adopted.map((name) => h('li', null, h('span', { class: 'pill good' }, 'Adopted'), h('span', null, name))),
    failed.map((f) =>
      h('li', null, h('span', { class: 'pill bad' }, 'Failed'), h('span', null, `${f.tabName}: ${f.reason}`)),
    ),
  );
  const next = h(
    'button',
    { type: 'button', class: 'action', onclick: () => nav({ view: 'checkin' }) },
    'Start a weekly check-in',
  );
  body.appendChild(h('div', { class: 'buttons' }, next));
  next.focus();
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase() + '-' + Math.random().toString(36).slice(2, 6);
}
