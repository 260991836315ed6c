/** Log an out-of-scope request and what was decided: a change order with its fee, declined, included, or open. */
import type { RequestForm } from '../../ui/rpc-types';
import { h, replaceChildren } from '../dom';
import { dateInput, enterAdvances, FormController, numberInput, select, submitWith, textArea } from '../form';
import { todayIso, useSpreadsheetToday } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkIsoDate, checkNumber, checkRequired } from '../validate';
import { clientPicker } from './client-picker';

const DECISIONS: RequestForm['decision'][] = ['Open', 'Change order', 'Declined', 'Included in scope'];

export function requestView(root: HTMLElement, view: { clientId?: string }, nav: Navigate): void {
  const controller = new FormController();
  const picker = clientPicker(view.clientId);
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
  const save = h('button', { type: 'submit', class: 'action' }, 'Log request');
  const form = h(
    'form',
    { novalidate: true },
    controller.general,
    controller.status,
    controller.field('clientId', 'Client', picker.select),
    controller.field('date', 'Date', dateInput(todayIso())),
    controller.field('request', 'What did they ask for?', textArea('', 3)),
    controller.field('decision', 'Decision', decision),
    feeGroup,
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
      const date = checkIsoDate('Date', controller.value('date'));
      if (date) errors.push({ field: 'date', message: date });
      const request = checkRequired('The request', controller.value('request'));
      if (request) errors.push({ field: 'request', message: request });
      if (decision.value === 'Change order') {
        const amount = checkNumber('Fee', controller.value('fee'), true);
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
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  enterAdvances(form, submit);
  useSpreadsheetToday([controller.control<HTMLInputElement>('date')], () =>
    run('rpcGetNewClientDefaults').then((d) => d.today),
  );
  replaceChildren(root, h('header', { class: 'view-header' }, h('h1', null, 'Out-of-scope request')), form);
  picker.ready
    .then(() => (view.clientId ? controller.control('request') : picker.select).focus())
    .catch(() => undefined);
}
