/**
 * The card's fee and profitability: the fee and its history (Rates), the next yearly rate review, the
 * effective hourly rate against Settings' floor, LTV net of absorbed work with its inputs, and two forms:
 * Record a raise (new fee from a day on) and Hours per month. The numbers come from the server
 * (workbook/profit-card, rules in src/core); the sidebar only shows them.
 */
import type { ProfitCardData } from '../../workbook/profit-card';
import { h, replaceChildren, type Child } from '../dom';
import {
  dateInput,
  errorMessage,
  FormController,
  numberInput,
  saveOnSubmit,
  submitWith,
  textInput,
  type SaveCall,
} from '../form';
import { formatDate, formatMoney, formatNumber, plural } from '../format';
import { run } from '../rpc';
import type { RaisePrefill } from '../../ui/rpc-types';
import { openPrefilledRaise } from './review-prefill';

/** The section; it loads its numbers itself (one call, after the card shows). `saved` reloads the card. */
export function profitSection(clientId: string, saved: () => void, raise?: RaisePrefill): HTMLElement {
  const body = h('div', { class: 'profit-body' }, h('p', { class: 'loading small' }, 'Loading…'));
  const section = h(
    'section',
    { class: 'card-section profit', 'data-section': 'profit' },
    h('h3', null, 'Fee and profitability'),
    body,
  );
  run('rpcGetClientProfit', clientId).then(
    (data) => {
      replaceChildren(
        body,
        data ? render(data, saved) : h('p', { class: 'muted small' }, 'Not on the Clients sheet.'),
      );
      if (data && raise) openPrefilledRaise(section, raise);
    },
    (error) =>
      replaceChildren(body, h('div', { class: 'message error', role: 'alert' }, errorMessage(error))),
  );
  return section;
}

function render(data: ProfitCardData, saved: () => void): HTMLElement {
  const fee = data.monthlyFee === null ? 'No monthly fee' : `${formatMoney(data.monthlyFee)} a month`;
  const review = data.nextReview
    ? h(
        'span',
        { class: data.reviewDue ? 'pill warn' : 'muted', 'data-field': 'next-review' },
        `${data.reviewDue ? 'Rate review due' : 'Next rate review'} ${formatDate(data.nextReview)}`,
      )
    : null;
  const below = data.effectiveRate !== null && data.effectiveRate < data.rateFloor;
  const rate =
    data.effectiveRate === null
      ? h(
          'p',
          { class: 'muted small', 'data-field': 'effective-rate' },
          'Effective rate: set the hours a month it takes.',
        )
      : h(
          'p',
          { class: `small ${below ? 'bad' : ''}`.trim(), 'data-field': 'effective-rate' },
          `Effective rate ${formatMoney(data.effectiveRate)}/hour (${formatNumber(data.hoursPerMonth)} h ` +
            `a month${data.absorbedHours ? ` + ${formatNumber(data.absorbedHours)} absorbed in 12 months` : ''})`,
          below
            ? ` · below your floor of ${formatMoney(data.rateFloor)}: re-price, or let go with notice`
            : '',
        );
  const ltv =
    data.netLtv === null
      ? h(
          'p',
          { class: 'muted small', 'data-field': 'net-ltv' },
          'LTV net of absorbed work: needs a yearly profit and a start date.',
        )
      : h(
          'p',
          { class: 'small', 'data-field': 'net-ltv' },
          h('strong', null, `LTV net of absorbed work ${formatMoney(data.netLtv)}`),
          h('br'),
          h(
            'span',
            { class: 'muted', 'data-field': 'net-ltv-inputs' },
            `(${formatMoney(data.yearlyProfit)} yearly profit ` +
              `− ${plural(round1(data.absorbedHours), 'absorbed hour')} ` +
              `× ${formatMoney(data.hourlyCost)}) × ${formatNumber(data.expectedYears, 1)} expected years`,
          ),
        );
  const history = data.fees.length
    ? h(
        'ul',
        { class: 'rows fee-history', 'data-field': 'fee-history', 'aria-label': 'Fee history, newest first' },
        data.fees.map((f) =>
          h(
            'li',
            null,
            h('span', null, `from ${formatDate(f.from)}`),
            h('span', { class: 'fee' }, formatMoney(f.monthlyFee)),
            h('span', { class: 'muted small' }, f.note),
          ),
        ),
      )
    : h('p', { class: 'muted small', 'data-field': 'fee-history' }, 'No raise recorded yet.');
  return h(
    'div',
    null,
    h('p', { class: 'small' }, h('span', { 'data-field': 'monthly-fee' }, fee), ' · ', review),
    rate,
    ltv,
    history,
    raiseForm(data, saved),
    hoursForm(data, saved),
  );
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** A button that opens its form in place; Escape or Cancel closes it and gives focus back. */
function disclosure(
  label: string,
  action: string,
  form: HTMLFormElement,
  first: () => HTMLElement,
): HTMLElement {
  const open = h(
    'button',
    { type: 'button', class: 'small-button', 'data-action': action, 'aria-expanded': 'false' },
    label,
  );
  const close = () => {
    form.hidden = true;
    open.setAttribute('aria-expanded', 'false');
    open.focus();
  };
  open.addEventListener('click', () => {
    form.hidden = false;
    open.setAttribute('aria-expanded', 'true');
    first().focus();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  form.querySelector<HTMLButtonElement>('[data-action="cancel"]')?.addEventListener('click', close);
  return h('div', { class: 'disclosure' }, open, form);
}

/** One of the card's disclosed forms: the server checks it, and a save reloads the card. */
function inlineForm(
  controller: FormController,
  name: string,
  labels: { save: string; busy: string },
  fields: Child[],
  call: SaveCall<unknown>,
  saved: () => void,
): HTMLFormElement {
  const save = h('button', { type: 'submit', class: 'action' }, labels.save);
  const form = h(
    'form',
    { class: 'inline-form', novalidate: true, hidden: true, 'data-form': name },
    controller.general,
    fields,
    h('div', { class: 'buttons' }, save, h('button', { type: 'button', 'data-action': 'cancel' }, 'Cancel')),
    controller.status,
  );
  const submit = submitWith(
    controller,
    form,
    save,
    labels.busy,
    () => [],
    call,
    () => saved(),
  );
  saveOnSubmit(form, submit, true);
  return form;
}

function raiseForm(data: ProfitCardData, saved: () => void): HTMLElement {
  const controller = new FormController();
  const fee = numberInput('', {
    placeholder: data.monthlyFee === null ? '2,000' : String(Math.round(data.monthlyFee * 1.1)),
  });
  const from = dateInput('');
  const note = textInput({ maxlength: 500 });
  const form = inlineForm(
    controller,
    'raise',
    { save: 'Record raise', busy: 'Recording…' },
    [
      controller.field('monthlyFee', 'New monthly fee', fee, { required: true }),
      controller.field('from', 'From', from, {
        required: true,
        hint: 'The first day of the new fee. The old fee stays in the Rates sheet.',
      }),
      controller.field('note', 'Note', note),
    ],
    () =>
      run('rpcRecordRaise', {
        clientId: data.clientId,
        from: from.value,
        monthlyFee: fee.value.trim(),
        note: note.value,
      }),
    saved,
  );
  return disclosure('Record a raise', 'record-raise', form, () => fee);
}

function hoursForm(data: ProfitCardData, saved: () => void): HTMLElement {
  const controller = new FormController();
  const hours = numberInput(data.hoursPerMonth === null ? '' : String(data.hoursPerMonth), {
    placeholder: '10',
  });
  const form = inlineForm(
    controller,
    'hours',
    { save: 'Save hours', busy: 'Saving…' },
    [
      controller.field('hoursPerMonth', 'Hours per month', hours, {
        hint: 'The hours a month this client’s work takes you. Blank clears it.',
      }),
    ],
    () => run('rpcSetClientHours', { clientId: data.clientId, hoursPerMonth: hours.value.trim() }),
    saved,
  );
  return disclosure('Hours per month', 'set-hours', form, () => hours);
}
