/**
 * New client: who, since when, the program, money (yearly profit, or monthly costs to derive it), the
 * client type (which sets the default check-in cadence), the definition of success, the scope, and the
 * metrics with their baselines and targets.
 */
import type { ClientType, Direction, FieldError, MetricDefinition } from '../../ui/rpc-types';
import { h, replaceChildren } from '../dom';
import {
  dateInput,
  enterAdvances,
  FormController,
  numberInput,
  select,
  submitWith,
  textArea,
  textInput,
} from '../form';
import { formatNumber, todayIso } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkAmount, checkIsoDate, checkNumber, checkRequired } from '../validate';

const CLIENT_TYPES: { value: ClientType; hint: string }[] = [
  { value: 'Laissez-faire', hint: 'Hands-off; checks in rarely' },
  { value: 'Micromanager', hint: 'Wants to hear from you often' },
  { value: 'In the dark', hint: 'Needs to be shown the numbers' },
  { value: 'Savvy', hint: 'Knows the field; wants the data' },
];

export function newClientView(root: HTMLElement, nav: Navigate): void {
  const controller = new FormController();
  let cadenceByType: Partial<Record<ClientType, number>> = {};
  let cadenceEdited = false;
  let profitMode: 'profit' | 'costs' = 'profit';

  const type = select([
    { value: '', label: 'Choose…' },
    ...CLIENT_TYPES.map((t) => ({ value: t.value, label: t.value })),
  ]);
  const typeHint = h('div', { class: 'hint' });
  const cadence = numberInput('', { inputmode: 'numeric', class: 'number short', placeholder: '7' });
  cadence.addEventListener('input', () => (cadenceEdited = cadence.value.trim() !== ''));
  type.addEventListener('change', () => {
    const known = CLIENT_TYPES.find((t) => t.value === type.value);
    typeHint.textContent = known ? known.hint : '';
    const days = cadenceByType[type.value as ClientType];
    if (!cadenceEdited && days) cadence.value = String(days);
  });

  const profitInput = numberInput('', { placeholder: formatNumber(12000) });
  const costsInput = numberInput('', { placeholder: '400' });
  const profitGroup = controller.field('yearlyProfit', 'Yearly profit', profitInput);
  const costsGroup = controller.field('monthlyCosts', 'Monthly costs', costsInput, {
    hint: 'Profit = 12 × (fee − costs)',
  });
  const modeToggle = h(
    'div',
    { class: 'segmented', role: 'radiogroup', 'aria-label': 'Profit from' },
    (['profit', 'costs'] as const).map((mode) => {
      const id = `profit-mode-${mode}`;
      return h(
        'label',
        { for: id },
        h('input', {
          type: 'radio',
          name: 'profitMode',
          id,
          value: mode,
          checked: mode === profitMode,
          onchange: () => setProfitMode(mode),
        }),
        h('span', null, mode === 'profit' ? 'Yearly profit' : 'Monthly costs'),
      );
    }),
  );
  const setProfitMode = (mode: 'profit' | 'costs') => {
    profitMode = mode;
    profitGroup.hidden = mode !== 'profit';
    costsGroup.hidden = mode !== 'costs';
  };
  setProfitMode('profit');

  const metricsList = h('div', { class: 'metric-rows' });
  let metricCount = 0;
  const metricKeys: number[] = [];
  const addMetric = (focus: boolean) => {
    const index = metricCount++;
    metricKeys.push(index);
    const row = metricRow(controller, index, () => {
      metricKeys.splice(metricKeys.indexOf(index), 1);
      for (const prop of ['name', 'unit', 'direction', 'baseline', 'target'])
        controller.forget(`metrics.${index}.${prop}`);
      row.remove();
      renumber();
    });
    metricsList.appendChild(row);
    renumber();
    if (focus) controller.control(`metrics.${index}.name`).focus();
  };
  const renumber = () =>
    metricsList
      .querySelectorAll('.metric-row-title')
      .forEach((el, i) => (el.textContent = `Metric ${i + 1}`));
  addMetric(false);

  const save = h('button', { type: 'submit', class: 'action' }, 'Create client');
  const form = h(
    'form',
    { novalidate: true, class: 'new-client' },
    controller.general,
    controller.status,
    controller.field('name', 'Client name', textInput({ placeholder: 'Acme Studio' })),
    h(
      'div',
      { class: 'two-columns' },
      controller.field('startDate', 'Start date', dateInput(todayIso())),
      controller.field('clientType', 'Client type', type),
    ),
    typeHint,
    h(
      'div',
      { class: 'two-columns wide-first' },
      controller.field('program', 'Program', textInput({ placeholder: 'Growth coaching' })),
      controller.field(
        'programMonths',
        'Months',
        numberInput('', { inputmode: 'numeric', class: 'number short', placeholder: '6' }),
      ),
    ),
    h(
      'div',
      { class: 'two-columns' },
      controller.field('monthlyFee', 'Monthly fee', numberInput('', { placeholder: formatNumber(1500) })),
      controller.field('cadenceDays', 'Check in every (days)', cadence),
    ),
    modeToggle,
    profitGroup,
    costsGroup,
    controller.field('definitionOfSuccess', 'Definition of success', textArea('', 3), {
      hint: 'In the client’s words: what will make this worth it?',
    }),
    controller.field('scope', 'Scope', textArea('', 2), {
      hint: 'What is included; anything else is a change order.',
    }),
    h(
      'fieldset',
      { class: 'metrics-editor' },
      h('legend', null, 'Metrics'),
      metricsList,
      h('button', { type: 'button', class: 'link-button', onclick: () => addMetric(true) }, '+ Add a metric'),
    ),
    h('div', { class: 'buttons' }, save),
  );

  const readMetrics = (): MetricDefinition[] =>
    metricKeys.map((i) => ({
      name: controller.value(`metrics.${i}.name`).trim(),
      unit: controller.value(`metrics.${i}.unit`).trim(),
      direction: controller.value(`metrics.${i}.direction`) as Direction,
      baseline: controller.value(`metrics.${i}.baseline`).trim(),
      target: controller.value(`metrics.${i}.target`).trim(),
    }));
  /** The metric rows sent (blank rows are left out), with the key of the row each came from. */
  const sentMetrics = (): { key: number; metric: MetricDefinition }[] =>
    readMetrics()
      .map((metric, position) => ({ key: metricKeys[position], metric }))
      .filter(({ metric }) => metric.name || metric.baseline || metric.target);
  let sentKeys: number[] = [];
  /**
   * The server numbers metrics by their place in what was sent (`metrics.0.target`); the rows here keep
   * the number they were created with, and a blank or removed row shifts the rest: map back to the row.
   */
  const toRowFields = (errors: FieldError[]): FieldError[] =>
    errors.map((error) => {
      const match = /^metrics\.(\d+)(\..*)?$/.exec(error.field);
      const key = match ? sentKeys[Number(match[1])] : undefined;
      return key === undefined ? error : { ...error, field: `metrics.${key}${match![2] ?? ''}` };
    });

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
      const amounts: [string, string, boolean, boolean][] = [
        ['monthlyFee', 'Monthly fee', true, false],
        profitMode === 'profit'
          ? ['yearlyProfit', 'Yearly profit', false, true]
          : ['monthlyCosts', 'Monthly costs', false, false],
      ];
      for (const [key, label, required, signed] of amounts) {
        const check = checkAmount(label, controller.value(key), required, signed);
        if (!check.ok) errors.push({ field: key, message: check.message });
      }
      const seen = new Set<string>();
      metricKeys.forEach((i, position) => {
        const name = controller.value(`metrics.${i}.name`).trim();
        const baseline = controller.value(`metrics.${i}.baseline`).trim();
        const target = controller.value(`metrics.${i}.target`).trim();
        if (!name && !baseline && !target) return;
        if (!name)
          errors.push({ field: `metrics.${i}.name`, message: `Metric ${position + 1} needs a name.` });
        else if (seen.has(name.toLowerCase()))
          errors.push({ field: `metrics.${i}.name`, message: `"${name}" is listed twice.` });
        seen.add(name.toLowerCase());
        for (const [prop, label] of [
          ['baseline', 'Baseline'],
          ['target', 'Target'],
        ] as const) {
          const check = checkNumber(
            `${name || `Metric ${position + 1}`} ${label.toLowerCase()}`,
            controller.value(`metrics.${i}.${prop}`),
          );
          if (!check.ok) errors.push({ field: `metrics.${i}.${prop}`, message: check.message });
        }
      });
      return errors;
    },
    async () => {
      const sent = sentMetrics();
      sentKeys = sent.map(({ key }) => key);
      const result = await run('rpcCreateClient', {
        name: controller.value('name').trim(),
        startDate: controller.value('startDate'),
        program: controller.value('program').trim(),
        programMonths: controller.value('programMonths').trim(),
        monthlyFee: controller.value('monthlyFee').trim(),
        yearlyProfit: profitMode === 'profit' ? controller.value('yearlyProfit').trim() : '',
        monthlyCosts: profitMode === 'costs' ? controller.value('monthlyCosts').trim() : '',
        clientType: type.value as ClientType | '',
        cadenceDays: cadence.value.trim(),
        definitionOfSuccess: controller.value('definitionOfSuccess').trim(),
        scope: controller.value('scope').trim(),
        metrics: sent.map(({ metric }) => metric),
      });
      return result.ok ? result : { ...result, errors: toRowFields(result.errors) };
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
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  enterAdvances(form, submit);
  replaceChildren(root, h('header', { class: 'view-header' }, h('h1', null, 'New client')), form);
  controller.control('name').focus();

  run('rpcGetNewClientDefaults')
    .then((defaults) => {
      cadenceByType = defaults.cadenceByType;
      const start = controller.control('startDate');
      if (defaults.today && start.value === todayIso()) start.value = defaults.today;
    })
    .catch(() => undefined);
}

function metricRow(controller: FormController, index: number, remove: () => void): HTMLElement {
  const key = (prop: string) => `metrics.${index}.${prop}`;
  const direction = select(
    [
      { value: 'up', label: '↑ Higher is better' },
      { value: 'down', label: '↓ Lower is better' },
    ],
    'up',
  );
  return h(
    'div',
    { class: 'metric-row' },
    h(
      'div',
      { class: 'metric-row-head' },
      h('span', { class: 'metric-row-title' }, 'Metric'),
      h(
        'button',
        { type: 'button', class: 'link-button', onclick: remove, 'aria-label': 'Remove this metric' },
        'Remove',
      ),
    ),
    h(
      'div',
      { class: 'two-columns wide-first' },
      controller.field(key('name'), 'Name', textInput({ placeholder: 'Monthly revenue' })),
      controller.field(key('unit'), 'Unit', textInput({ placeholder: '$', class: 'short' })),
    ),
    controller.field(key('direction'), 'Direction', direction),
    h(
      'div',
      { class: 'two-columns' },
      controller.field(key('baseline'), 'Baseline', numberInput('', { placeholder: 'Where they start' })),
      controller.field(key('target'), 'Target', numberInput('', { placeholder: 'Where they aim' })),
    ),
  );
}
