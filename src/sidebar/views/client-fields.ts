/**
 * The fields New client and Edit client share: client type with its cadence, fee and profit (or monthly
 * costs to derive it), and the metrics editor. One builder each, so both forms read and check them alike.
 */
import type { ClientType, Direction, FieldError, MetricDefinition } from '../../ui/rpc-types';
import { h } from '../dom';
import { FormController, numberInput, select, textInput } from '../form';
import { formatNumber } from '../format';
import { checkAmount, checkNumber } from '../validate';
import type { ExpectationHints } from './expectation-hint';

export const CLIENT_TYPES: { value: ClientType; hint: string }[] = [
  { value: 'Laissez-faire', hint: 'Hands-off; checks in rarely' },
  { value: 'Micromanager', hint: 'Wants to hear from you often' },
  { value: 'In the dark', hint: 'Needs to be shown the numbers' },
  { value: 'Savvy', hint: 'Knows the field; wants the data' },
];

export interface TypeAndCadence {
  type: HTMLSelectElement;
  hint: HTMLElement;
  cadence: HTMLInputElement;
  /** The default cadence per type (from Settings), used while the cadence was not typed. */
  setDefaults(cadenceByType: Partial<Record<ClientType, number>>): void;
  /** Shows a saved type and cadence (an edit): the cadence counts as typed. */
  setValues(type: string, cadenceDays: number | null): void;
}

/** The client type dropdown, its hint, and the cadence it fills in until the user types one. */
export function typeAndCadence(): TypeAndCadence {
  let cadenceByType: Partial<Record<ClientType, number>> = {};
  let cadenceEdited = false;
  const type = select([
    { value: '', label: 'Choose…' },
    ...CLIENT_TYPES.map((t) => ({ value: t.value, label: t.value })),
  ]);
  const hint = h('div', { class: 'hint' });
  const cadence = numberInput('', { inputmode: 'numeric', class: 'number short', placeholder: '7' });
  cadence.addEventListener('input', () => (cadenceEdited = cadence.value.trim() !== ''));
  const showHint = () => (hint.textContent = CLIENT_TYPES.find((t) => t.value === type.value)?.hint ?? '');
  type.addEventListener('change', () => {
    showHint();
    const days = cadenceByType[type.value as ClientType];
    if (!cadenceEdited && days) cadence.value = String(days);
  });
  return {
    type,
    hint,
    cadence,
    setDefaults: (defaults) => (cadenceByType = defaults),
    setValues(value, days) {
      type.value = CLIENT_TYPES.some((t) => t.value === value) ? value : '';
      showHint();
      cadence.value = days === null ? '' : String(days);
      cadenceEdited = days !== null;
    },
  };
}

export interface ProfitFields {
  toggle: HTMLElement;
  profitGroup: HTMLElement;
  costsGroup: HTMLElement;
  mode(): 'profit' | 'costs';
}

/** Yearly profit, or monthly costs to derive it from the fee, with the switch between them. */
export function profitFields(controller: FormController): ProfitFields {
  let profitMode: 'profit' | 'costs' = 'profit';
  const profitGroup = controller.field(
    'yearlyProfit',
    'Yearly profit',
    numberInput('', { placeholder: formatNumber(12000) }),
  );
  const costsGroup = controller.field(
    'monthlyCosts',
    'Monthly costs',
    numberInput('', { placeholder: '400' }),
    {
      hint: 'Profit = 12 × (fee − costs)',
    },
  );
  const setMode = (mode: 'profit' | 'costs') => {
    profitMode = mode;
    profitGroup.hidden = mode !== 'profit';
    costsGroup.hidden = mode !== 'costs';
  };
  const toggle = h(
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
          onchange: () => setMode(mode),
        }),
        h('span', null, mode === 'profit' ? 'Yearly profit' : 'Monthly costs'),
      );
    }),
  );
  setMode('profit');
  return { toggle, profitGroup, costsGroup, mode: () => profitMode };
}

/** The fee and profit checks, by the server's own money rule. */
export function moneyErrors(
  controller: FormController,
  profit: ProfitFields,
  feeRequired: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  const amounts: [string, string, boolean, boolean][] = [
    ['monthlyFee', 'Monthly fee', feeRequired, false],
    profit.mode() === 'profit'
      ? ['yearlyProfit', 'Yearly profit', false, true]
      : ['monthlyCosts', 'Monthly costs', false, false],
  ];
  for (const [key, label, required, signed] of amounts) {
    const check = checkAmount(label, controller.value(key), required, signed);
    if (!check.ok) errors.push({ field: key, message: check.message });
  }
  return errors;
}

/** A metric row as the form holds it; `from` is the name it had when the form opened (an edit). */
export type MetricRowValue = MetricDefinition & { from?: string };

export interface MetricsEditor {
  element: HTMLElement;
  add(initial?: MetricRowValue, focus?: boolean): void;
  clear(): void;
  /** The rows to send (blank new rows left out), in order. */
  sent(): MetricRowValue[];
  /** Browser-side checks: a name for every row with something in it, no name twice, numbers. */
  errors(): FieldError[];
  /** The server numbers metrics by their place in what was sent: back to this form's fields. */
  toRowFields(errors: FieldError[]): FieldError[];
}

/**
 * The list of metric rows with "+ Add a metric"; `removeHint` says what removing keeps (an edit);
 * `hints` shows the expectation check under each target.
 */
export function metricsEditor(
  controller: FormController,
  removeHint?: string,
  hints?: ExpectationHints,
): MetricsEditor {
  const list = h('div', { class: 'metric-rows' });
  let count = 0;
  const keys: number[] = [];
  const origins = new Map<number, string>();
  let sentKeys: number[] = [];
  const renumber = () =>
    list.querySelectorAll('.metric-row-title').forEach((el, i) => (el.textContent = `Metric ${i + 1}`));
  const forget = (index: number) => {
    keys.splice(keys.indexOf(index), 1);
    origins.delete(index);
    for (const prop of ['name', 'unit', 'direction', 'baseline', 'target'])
      controller.forget(`metrics.${index}.${prop}`);
  };
  const add = (initial?: MetricRowValue, focus = false) => {
    const index = count++;
    keys.push(index);
    if (initial?.from) origins.set(index, initial.from);
    const row = metricRow(controller, index, initial, hints, () => {
      forget(index);
      row.remove();
      renumber();
    });
    list.appendChild(row);
    renumber();
    if (focus) controller.control(`metrics.${index}.name`).focus();
  };
  const read = (i: number): MetricRowValue => ({
    name: controller.value(`metrics.${i}.name`).trim(),
    unit: controller.value(`metrics.${i}.unit`).trim(),
    direction: controller.value(`metrics.${i}.direction`) as Direction,
    baseline: controller.value(`metrics.${i}.baseline`).trim(),
    target: controller.value(`metrics.${i}.target`).trim(),
    ...(origins.has(i) ? { from: origins.get(i) } : {}),
  });
  const kept = () =>
    keys
      .map((key) => ({ key, metric: read(key) }))
      .filter(({ metric }) => metric.from || metric.name || metric.baseline || metric.target);
  const element = h(
    'fieldset',
    { class: 'metrics-editor' },
    h('legend', null, 'Metrics'),
    removeHint ? h('div', { class: 'hint' }, removeHint) : null,
    list,
    h(
      'button',
      { type: 'button', class: 'link-button', onclick: () => add(undefined, true) },
      '+ Add a metric',
    ),
  );
  return {
    element,
    add,
    clear() {
      for (const key of [...keys]) forget(key);
      while (list.firstChild) list.removeChild(list.firstChild);
      count = 0;
    },
    sent() {
      const rows = kept();
      sentKeys = rows.map(({ key }) => key);
      return rows.map(({ metric }) => metric);
    },
    errors() {
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      keys.forEach((i, position) => {
        const { name, baseline, target, from } = read(i);
        if (!name && !baseline && !target && !from) return;
        if (!name)
          errors.push({ field: `metrics.${i}.name`, message: `Metric ${position + 1} needs a name.` });
        else if (seen.has(name.toLowerCase()))
          errors.push({ field: `metrics.${i}.name`, message: `"${name}" is listed twice.` });
        seen.add(name.toLowerCase());
        for (const [prop, label] of [
          ['baseline', 'baseline'],
          ['target', 'target'],
        ] as const) {
          const check = checkNumber(
            `${name || `Metric ${position + 1}`} ${label}`,
            controller.value(`metrics.${i}.${prop}`),
          );
          if (!check.ok) errors.push({ field: `metrics.${i}.${prop}`, message: check.message });
        }
      });
      return errors;
    },
    toRowFields: (errors) =>
      errors.map((error) => {
        const match = /^metrics\.(\d+)(\..*)?$/.exec(error.field);
        const key = match ? sentKeys[Number(match[1])] : undefined;
        return key === undefined ? error : { ...error, field: `metrics.${key}${match![2] ?? ''}` };
      }),
  };
}

function metricRow(
  controller: FormController,
  index: number,
  initial: MetricRowValue | undefined,
  hints: ExpectationHints | undefined,
  remove: () => void,
): HTMLElement {
  const key = (prop: string) => `metrics.${index}.${prop}`;
  const direction = select(
    [
      { value: 'up', label: '↑ Higher is better' },
      { value: 'down', label: '↓ Lower is better' },
    ],
    initial?.direction ?? 'up',
  );
  const name = textInput({ placeholder: 'e.g. Monthly revenue', value: initial?.name ?? '' });
  const unit = textInput({ placeholder: 'e.g. $', class: 'short', value: initial?.unit ?? '' });
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
      controller.field(key('name'), 'Name', name),
      controller.field(key('unit'), 'Unit', unit),
    ),
    controller.field(key('direction'), 'Direction', direction),
    h(
      'div',
      { class: 'two-columns' },
      controller.field(
        key('baseline'),
        'Baseline',
        numberInput(initial?.baseline ?? '', { placeholder: 'Where they start' }),
      ),
      controller.field(
        key('target'),
        'Target',
        numberInput(initial?.target ?? '', { placeholder: 'Where they aim' }),
      ),
    ),
    hints ? hints.forRow(controller, index) : null,
  );
}
