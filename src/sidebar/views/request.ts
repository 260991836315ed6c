/** Log an out-of-scope request and what was decided: a change order with its fee, declined, included, or open. */
import type { RequestForm } from '../../ui/rpc-types';
import { dateInput, numberInput, select, textArea } from '../form';
import { todayIso, useSpreadsheetToday } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkAmount, checkIsoDate, checkRequired } from '../validate';
import { ClientForm, spreadsheetToday } from './client-form';

const DECISIONS: RequestForm['decision'][] = ['Open', 'Change order', 'Declined', 'Included in scope'];

export function requestView(root: HTMLElement, view: { clientId?: string }, nav: Navigate): void {
  const scaffold = new ClientForm(view, nav, 'Log request');
  const { controller, picker } = scaffold;
  const decision = select(DECISIONS, 'Open');
  const fee = numberInput('', { placeholder: '500' });
  const feeGroup = controller.field('fee', 'Change-order fee', fee);
  const syncFee = () => {
    const isChangeOrder = decision.value === 'Change order';
    fee.disabled = !isChangeOrder;
    feeGroup.hidden = !isChangeOrder;
  };
  decision.addEventListener('change', syncFee);
  syncFee();
  const form = scaffold.form(
    controller.field('date', 'Date', dateInput(todayIso()), { required: true }),
    controller.field('request', 'What did they ask for?', textArea('', 3), { required: true }),
    controller.field('decision', 'Decision', decision),
    feeGroup,
  );
  const submit = scaffold.submitWith(
    form,
    'Saving…',
    () => {
      const errors = [];
      const date = checkIsoDate('Date', controller.value('date'));
      if (date) errors.push({ field: 'date', message: date });
      const request = checkRequired('The request', controller.value('request'));
      if (request) errors.push({ field: 'request', message: request });
      if (decision.value === 'Change order') {
        const amount = checkAmount('Fee', controller.value('fee'), true);
        if (!amount.ok) errors.push({ field: 'fee', message: amount.message });
      }
      return errors;
    },
    () =>
      run('rpcLogRequest', {
        clientId: controller.value('clientId'),
        date: controller.value('date'),
        request: controller.value('request').trim(),
        decision: decision.value as RequestForm['decision'],
        fee: decision.value === 'Change order' ? controller.value('fee').trim() : '',
      }),
    (_value, message) => {
      controller.showStatus(message ?? `Request logged for ${picker.selected()?.name ?? 'the client'}.`);
      controller.control('request').value = '';
      controller.control('fee').value = '';
      controller.control('request').focus();
    },
  );
  useSpreadsheetToday([controller.control<HTMLInputElement>('date')], spreadsheetToday);
  scaffold.show(root, 'Out-of-scope request', form, submit, controller.control('request'));
}
