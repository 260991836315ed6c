/**
 * Adopt existing tabs: scan, preview what was found in each tab and why (and which tabs were skipped and
 * why), let the coach correct the table, the measures and what the tab is (a new client, a past one, an
 * existing client's history), tick the ones to adopt, then adopt them in batches (each call stays under
 * Apps Script's time limit and answers with what remains) with a progress bar.
 */
import type { AdoptCandidate, AdoptMode, AdoptProgress, AdoptTabChoice } from '../../ui/rpc-types';
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
      const previews = scan.candidates.map((candidate) => preview(candidate));
      const adopt = h('button', { type: 'submit', class: 'action' }, 'Adopt');
      const updateCount = () => {
        const count = previews.filter((p) => p.box.checked).length;
        adopt.textContent = count ? `Adopt ${plural(count, 'tab')}` : 'Adopt';
        adopt.disabled = count === 0;
      };
      previews.forEach((p) => p.box.addEventListener('change', updateCount));
      updateCount();
      const form = h(
        'form',
        { novalidate: true },
        controller.general,
        scan.candidates.length
          ? h(
              'fieldset',
              { class: 'candidates' },
              h('legend', null, `Found ${plural(scan.candidates.length, 'tab')} with dated numbers`),
              previews.map((p) => p.element),
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
        const chosen = previews.filter((p) => p.box.checked);
        if (!chosen.length) return;
        const choices: Record<string, AdoptTabChoice> = {};
        for (const p of chosen) choices[p.candidate.tabName] = p.choice();
        const names = chosen.map((p) => p.candidate.tabName);
        controller.run(form, adopt, 'Adopting…', () => adoptAll(names, choices, body, nav));
      });
      replaceChildren(body, form);
      (previews[0]?.box ?? adopt).focus();
    })
    .catch((error) =>
      replaceChildren(body, h('div', { class: 'message error', role: 'alert' }, errorMessage(error))),
    );
}

const VERDICT: Record<AdoptCandidate['verdict'], { text: string; pill: string }> = {
  log: { text: 'Client log', pill: 'good' },
  doubtful: { text: 'Not sure', pill: 'warn' },
  'not-client': { text: 'Not a client log', pill: 'bad' },
};

interface Preview {
  candidate: AdoptCandidate;
  box: HTMLInputElement;
  element: HTMLElement;
  choice: () => AdoptTabChoice;
}

/**
 * One tab in the preview: what the scan found and why, and what the user may correct: which table,
 * which measures, and whether it is a new client, a past one, or an existing client's history.
 */
function preview(candidate: AdoptCandidate): Preview {
  const id = slug(candidate.tabName);
  const box = h('input', {
    type: 'checkbox',
    checked: candidate.checked,
    id: `adopt-${id}`,
  }) as HTMLInputElement;
  let tableIndex = 0;
  let measureBoxes: { name: string; box: HTMLInputElement }[] = [];
  const summary = h('span', { class: 'candidate-text' });
  const reasons = h('ul', { class: 'reasons small' });
  const tableDetail = h('div', { class: 'adopt-table' });
  const verdict = VERDICT[candidate.verdict];
  const showTable = () => {
    const table = candidate.tables[tableIndex];
    const range =
      table.firstDate && table.lastDate
        ? `${formatDate(table.firstDate)} – ${formatDate(table.lastDate)}`
        : '';
    replaceChildren(
      summary,
      h('strong', null, candidate.tabName),
      h('span', { class: `pill ${verdict.pill}`, 'data-field': 'verdict' }, verdict.text),
      h(
        'span',
        { class: 'small', 'data-field': 'rows' },
        plural(table.observations, 'check-in'),
        range ? [' · ', h('span', { class: 'nowrap', 'data-field': 'dates' }, range)] : null,
      ),
      h('span', { class: 'muted small', 'data-field': 'where' }, `${table.where} (“${table.axisLabel}”)`),
    );
    // The picked table's own reasons, then what holds for the tab whichever table is picked.
    replaceChildren(
      reasons,
      [...table.reasons, ...candidate.reasons].map((r) => h('li', null, r)),
    );
    measureBoxes = table.measures.map((m, i) => ({
      name: m.name,
      box: h('input', { type: 'checkbox', checked: true, id: `adopt-${id}-m${i}` }) as HTMLInputElement,
    }));
    // Left-out columns the coach may add back (never formulas or text): unticked, their reason beside them.
    const addBack = table.leftOut.map((l, i) =>
      l.addable
        ? {
            name: l.label,
            box: h('input', {
              type: 'checkbox',
              id: `adopt-${id}-l${i}`,
              'data-field': 'add-back',
            }) as HTMLInputElement,
          }
        : null,
    );
    measureBoxes.push(...addBack.filter((b): b is { name: string; box: HTMLInputElement } => b !== null));
    replaceChildren(
      tableDetail,
      h(
        'fieldset',
        { class: 'adopt-measures' },
        h('legend', { class: 'small' }, 'Measures the VA logs'),
        table.measures.map((m, i) =>
          h(
            'label',
            { class: 'small measure', for: measureBoxes[i].box.id },
            measureBoxes[i].box,
            ` ${m.name}`,
            m.baseline !== null || m.target !== null
              ? h('span', { class: 'muted' }, ` (from ${m.baseline ?? '–'} to ${m.target ?? '–'})`)
              : null,
          ),
        ),
      ),
      table.leftOut.length
        ? h(
            'details',
            { class: 'left-out small' },
            h('summary', null, `Left out: ${table.leftOut.map((l) => l.label).join(', ')}`),
            h(
              'ul',
              null,
              table.leftOut.map((l, i) => {
                const add = addBack[i];
                return add
                  ? h(
                      'li',
                      null,
                      h(
                        'label',
                        { class: 'measure', for: add.box.id },
                        add.box,
                        ' ',
                        h('strong', null, l.label),
                        ` ${l.reason} Tick to add it back.`,
                      ),
                    )
                  : h('li', null, h('strong', null, l.label), ` ${l.reason}`);
              }),
            ),
          )
        : null,
      table.summaries.length
        ? h('p', { class: 'muted small' }, `Not counted as check-ins: ${table.summaries.join(', ')}`)
        : null,
      sampleTable(table.sample),
    );
  };
  showTable();
  const tablePicker =
    candidate.tables.length > 1
      ? h(
          'label',
          { class: 'small picker' },
          'Table ',
          h(
            'select',
            {
              'data-field': 'table',
              onchange: (event: Event) => {
                tableIndex = Number((event.target as HTMLSelectElement).value);
                showTable();
              },
            },
            candidate.tables.map((t, i) =>
              // The date column first: the select is narrow, and that is what tells the tables apart.
              h(
                'option',
                { value: String(i) },
                `“${t.axisLabel}”: ${t.measures.map((m) => m.name).join(', ')} (${t.where})`,
              ),
            ),
          ),
        )
      : null;
  const modes: [AdoptMode, string][] = candidate.match
    ? [['history', `History of ${candidate.match.name}`]]
    : [];
  modes.push(['client', 'A new client'], ['ended', 'A past client (ended)']);
  const mode = h(
    'select',
    { 'data-field': 'mode' },
    modes.map(([value, text]) => h('option', { value, selected: value === candidate.mode }, text)),
  );
  const element = h(
    'div',
    { class: `adopt-candidate ${candidate.verdict}` },
    h('label', { class: 'candidate', for: box.id }, box, summary),
    h(
      'div',
      { class: 'candidate-detail' },
      reasons,
      h('label', { class: 'small picker' }, 'Adopt as ', mode),
      tablePicker,
      tableDetail,
    ),
  );
  const choice = (): AdoptTabChoice => ({
    table: tableIndex,
    measures: measureBoxes.filter((m) => m.box.checked).map((m) => m.name),
    mode: mode.value as AdoptMode,
    clientId: mode.value === 'history' ? candidate.match?.clientId : undefined,
  });
  return { candidate, box, element, choice };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The table's header and its last few check-ins, as the tab shows them. */
function sampleTable(sample: string[][]): HTMLElement | null {
  if (sample.length < 2) return null;
  return h(
    'table',
    { class: 'adopt-sample small' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        sample[0].map((label) => h('th', null, label)),
      ),
    ),
    h(
      'tbody',
      null,
      sample.slice(1).map((row) =>
        h(
          'tr',
          null,
          // The date first, shown as the sidebar shows every date.
          row.map((cell, i) => h('td', null, i === 0 && ISO_DAY.test(cell) ? formatDate(cell) : cell)),
        ),
      ),
    ),
  );
}

async function adoptAll(
  tabNames: string[],
  choices: Record<string, AdoptTabChoice>,
  body: HTMLElement,
  nav: Navigate,
): Promise<void> {
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
    const result = await run('rpcAdoptTabs', remaining, choices);
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
  text.textContent =
    `Adopted ${plural(adopted.length, 'tab')}` +
    `${failed.length ? `; ${failed.length} could not be adopted` : ''}.`;
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
