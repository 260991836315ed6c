/**
 * New client: who, since when, the program, money (yearly profit, or monthly costs to derive it), the
 * client type (which sets the default check-in cadence), the definition of success, the scope, and the
 * metrics with their baselines and targets.
 */
import type { ClientType, FieldError } from '../../ui/rpc-types';
import { h, replaceChildren } from '../dom';
import {
  dateInput,
  FormController,
  numberInput,
  saveOnSubmit,
  submitWith,
  textArea,
  textInput,
} from '../form';
import { formatNumber, todayIso } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkIsoDate, checkNumber, checkRequired } from '../validate';
import { metricsEditor, moneyErrors, profitFields, typeAndCadence } from './client-fields';
import { expectationHints } from './expectation-hint';

export function newClientView(root: HTMLElement, nav: Navigate): void {
  const controller = new FormController();
  const typed = typeAndCadence();
  const { type, cadence } = typed;
  const profit = profitFields(controller);
  const hints = expectationHints();
  const metrics = metricsEditor(controller, undefined, hints);
  metrics.add();
  hints.load();

  const save = h('button', { type: 'submit', class: 'action' }, 'Create client');
  const form = h(
    'form',
    { novalidate: true, class: 'new-client' },
    controller.general,
    controller.status,
    controller.field('name', 'Client name', textInput({ placeholder: 'e.g. Acme Studio' }), {
      required: true,
    }),
    h(
      'div',
      { class: 'two-columns' },
      controller.field('startDate', 'Start date', dateInput(todayIso()), { required: true }),
      controller.field('clientType', 'Client type', type),
    ),
    typed.hint,
    h(
      'div',
      { class: 'two-columns wide-first' },
      controller.field('program', 'Program', textInput({ placeholder: 'e.g. Growth coaching' })),
      controller.field(
        'programMonths',
        'Months',
        numberInput('', { inputmode: 'numeric', class: 'number short', placeholder: '6' }),
      ),
    ),
    h(
      'div',
      { class: 'two-columns' },
      controller.field('monthlyFee', 'Monthly fee', numberInput('', { placeholder: formatNumber(1500) }), {
        required: true,
      }),
      controller.field('cadenceDays', 'Check in every (days)', cadence),
    ),
    profit.toggle,
    profit.profitGroup,
    profit.costsGroup,
    controller.field('definitionOfSuccess', 'Definition of success', textArea('', 3), {
      hint: 'In the client’s words: what will make this worth it?',
    }),
    controller.field('scope', 'Scope', textArea('', 2), {
      hint: 'What is included; anything else is a change order.',
    }),
    metrics.element,
    h('div', { class: 'buttons' }, save),
  );

  const submit = submitWith(
    controller,
    form,
    save,
    'Creating…',
    () => {
      const errors: FieldError[] = [];
      const need = (key: string, message: string | null) => message && errors.push({ field: key, message });
      need('name', checkRequired('Client name', controller.value('name')));
      need('startDate', checkIsoDate('Start date', controller.value('startDate')));
      const numbers: [string, string, boolean][] = [
        ['programMonths', 'Program length', false],
        ['cadenceDays', 'Check-in cadence', false],
      ];
      for (const [key, label, required] of numbers) {
        const check = checkNumber(label, controller.value(key), required);
        if (!check.ok) errors.push({ field: key, message: check.message });
      }
      errors.push(...moneyErrors(controller, profit, true), ...metrics.errors());
      return errors;
    },
    async () => {
      const result = await run('rpcCreateClient', {
        name: controller.value('name').trim(),
        startDate: controller.value('startDate'),
        program: controller.value('program').trim(),
        programMonths: controller.value('programMonths').trim(),
        monthlyFee: controller.value('monthlyFee').trim(),
        yearlyProfit: profit.mode() === 'profit' ? controller.value('yearlyProfit').trim() : '',
        monthlyCosts: profit.mode() === 'costs' ? controller.value('monthlyCosts').trim() : '',
        clientType: type.value as ClientType | '',
        cadenceDays: cadence.value.trim(),
        definitionOfSuccess: controller.value('definitionOfSuccess').trim(),
        scope: controller.value('scope').trim(),
        metrics: metrics.sent(),
      });
      return result.ok ? result : { ...result, errors: metrics.toRowFields(result.errors) };
    },
    (client) => {
      const open = h(
        'button',
        { type: 'button', class: 'action', onclick: () => nav({ view: 'card', clientId: client.clientId }) },
        'Open client card',
      );
      replaceChildren(
        root,
        h('header', { class: 'view-header' }, h('h1', null, 'New client')),
        h(
          'div',
          { class: 'finished' },
          h(
            'div',
            { class: 'status success', role: 'status' },
            `${client.name} is set up in the tab “${client.tabName}”.`,
          ),
          h(
            'div',
            { class: 'buttons' },
            open,
            h('button', { type: 'button', onclick: () => nav({ view: 'newClient' }) }, 'Add another'),
          ),
        ),
      );
      open.focus();
    },
  );
  saveOnSubmit(form, submit, false);
  replaceChildren(root, h('header', { class: 'view-header' }, h('h1', null, 'New client')), form);
  controller.control('name').focus();

  run('rpcGetNewClientDefaults')
    .then((defaults) => {
      typed.setDefaults(defaults.cadenceByType);
      const start = controller.control('startDate');
      if (defaults.today && start.value === todayIso()) start.value = defaults.today;
    })
    .catch(() => undefined);
}
