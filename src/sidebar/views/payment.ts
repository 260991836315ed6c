/** Log a payment: due date, paid date (blank while unpaid), amount and a note. */
import { h } from '../dom';
import { dateInput, numberInput, submitWith, textInput } from '../form';
import { formatNumber, todayIso, useSpreadsheetToday } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkAmount, checkIsoDate } from '../validate';
import { ClientForm, spreadsheetToday } from './client-form';

export function paymentView(root: HTMLElement, view: { clientId?: string }, nav: Navigate): void {
  const scaffold = new ClientForm(view, nav, 'Record payment');
  const { controller, picker } = scaffold;
  const form = scaffold.form(
    h(
      'div',
      { class: 'two-columns' },
      controller.field('due', 'Due', dateInput(todayIso())),
      controller.field('paid', 'Paid (blank: unpaid)', dateInput(todayIso())),
    ),
    controller.field('amount', 'Amount', numberInput('', { placeholder: formatNumber(1200) })),
    controller.field('note', 'Note', textInput({ placeholder: 'Optional' })),
  );
  const submit = submitWith(
    controller,
    form,
    scaffold.save,
    'Saving…',
    () => {
      const errors = scaffold.clientErrors();
      const due = checkIsoDate('Due date', controller.value('due'));
      if (due) errors.push({ field: 'due', message: due });
      const paid = checkIsoDate('Paid date', controller.value('paid'), false);
      if (paid) errors.push({ field: 'paid', message: paid });
      const amount = checkAmount('Amount', controller.value('amount'), true);
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
  useSpreadsheetToday(
    [controller.control<HTMLInputElement>('due'), controller.control<HTMLInputElement>('paid')],
    spreadsheetToday,
  );
  scaffold.show(root, 'Log a payment', form, submit, controller.control('amount'));
}
