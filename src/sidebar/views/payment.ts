/** Log a payment: due date, paid date (blank while unpaid), amount and a note. */
import { h, replaceChildren } from '../dom';
import { dateInput, enterAdvances, FormController, numberInput, submitWith, textInput } from '../form';
import { formatNumber, todayIso, useSpreadsheetToday } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkIsoDate, checkNumber } from '../validate';
import { clientPicker } from './client-picker';

export function paymentView(root: HTMLElement, view: { clientId?: string }, nav: Navigate): void {
  const controller = new FormController();
  const picker = clientPicker(view.clientId);
  const save = h('button', { type: 'submit', class: 'action' }, 'Record payment');
  const form = h(
    'form',
    { novalidate: true },
    controller.general,
    controller.status,
    controller.field('clientId', 'Client', picker.select),
    h(
      'div',
      { class: 'two-columns' },
      controller.field('due', 'Due', dateInput(todayIso())),
      controller.field('paid', 'Paid (blank: unpaid)', dateInput(todayIso())),
    ),
    controller.field('amount', 'Amount', numberInput('', { placeholder: formatNumber(1200) })),
    controller.field('note', 'Note', textInput({ placeholder: 'Optional' })),
    h(
      'div',
      { class: 'buttons' },
      save,
      h(
        'button',
        {
          type: 'button',
          onclick: () => picker.select.value && nav({ view: 'card', clientId: picker.select.value }),
        },
        'Client card',
      ),
    ),
  );
  const submit = submitWith(
    controller,
    form,
    save,
    'Saving…',
    () => {
      const errors = [];
      if (!controller.value('clientId')) errors.push({ field: 'clientId', message: 'Choose a client.' });
      const due = checkIsoDate('Due date', controller.value('due'));
      if (due) errors.push({ field: 'due', message: due });
      const paid = checkIsoDate('Paid date', controller.value('paid'), false);
      if (paid) errors.push({ field: 'paid', message: paid });
      const amount = checkNumber('Amount', controller.value('amount'), true);
      if (!amount.ok) errors.push({ field: 'amount', message: amount.message });
      return errors;
    },
    () =>
      run('rpcRecordPayment', {
        clientId: controller.value('clientId'),
        due: controller.value('due'),
        paid: controller.value('paid'),
        amount: controller.value('amount').trim(),
        note: controller.value('note').trim(),
      }),
    (_value, message) => {
      controller.showStatus(message ?? `Payment recorded for ${picker.selected()?.name ?? 'the client'}.`);
      controller.control('amount').value = '';
      controller.control('note').value = '';
      controller.control('amount').focus();
    },
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  enterAdvances(form, submit);
  useSpreadsheetToday(
    [controller.control<HTMLInputElement>('due'), controller.control<HTMLInputElement>('paid')],
    () => run('rpcGetNewClientDefaults').then((d) => d.today),
  );
  replaceChildren(root, h('header', { class: 'view-header' }, h('h1', null, 'Log a payment')), form);
  picker.ready
    .then(() => (view.clientId ? controller.control('amount') : picker.select).focus())
    .catch(() => undefined);
}
