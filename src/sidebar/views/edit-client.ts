/**
 * Edit client: the client dropdown, then what can change after creation: client type and cadence, fee
 * and profit, definition of success and scope, and the metrics (add, rename, change, remove). Built from
 * the New client form's pieces; the server writes only what changed and never a logged value.
 */
import { numberAsTyped } from '../../core/parse';
import type { ClientEditData, ClientType, FieldError } from '../../ui/rpc-types';
import { sidebarContext } from '../context';
import { h } from '../dom';
import { numberInput, textArea } from '../form';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkNumber } from '../validate';
import { ClientForm } from './client-form';
import { metricsEditor, moneyErrors, profitFields, typeAndCadence } from './client-fields';
import { expectationHints } from './expectation-hint';
import { formatNumber } from '../format';

export function editClientView(root: HTMLElement, view: { clientId?: string }, nav: Navigate): void {
  const scaffold = new ClientForm(view, nav, 'Save changes');
  const { controller, picker } = scaffold;
  const typed = typeAndCadence();
  const profit = profitFields(controller);
  const hints = expectationHints();
  const metrics = metricsEditor(
    controller,
    'Removing a metric keeps its column and values in the tab.',
    hints,
  );
  const adoptedNote = h(
    'div',
    { class: 'hint', hidden: true },
    'This tab was adopted: its columns are its own, so its metrics are changed in the tab.',
  );
  const tabFields = h(
    'div',
    null,
    controller.field('definitionOfSuccess', 'Definition of success', textArea('', 3), {
      hint: 'In the client’s words: what will make this worth it?',
    }),
    controller.field('scope', 'Scope', textArea('', 2), {
      hint: 'What is included; anything else is a change order.',
    }),
    metrics.element,
  );
  const form = scaffold.form(
    h(
      'div',
      { class: 'two-columns' },
      controller.field('clientType', 'Client type', typed.type),
      controller.field('cadenceDays', 'Check in every (days)', typed.cadence),
    ),
    typed.hint,
    controller.field('monthlyFee', 'Monthly fee', numberInput('', { placeholder: formatNumber(1500) })),
    profit.toggle,
    profit.profitGroup,
    profit.costsGroup,
    adoptedNote,
    tabFields,
  );

  let loaded: ClientEditData | null = null;
  const asTyped = (value: number | null) =>
    value === null ? '' : numberAsTyped(value, sidebarContext().locale);
  const fill = (data: ClientEditData) => {
    loaded = data;
    controller.clearErrors();
    typed.setValues(data.clientType, data.cadenceDays);
    controller.control('monthlyFee').value = asTyped(data.monthlyFee);
    controller.control('yearlyProfit').value = asTyped(data.yearlyProfit);
    controller.control('monthlyCosts').value = '';
    controller.control('definitionOfSuccess').value = data.definitionOfSuccess;
    controller.control('scope').value = data.scope;
    metrics.clear();
    for (const metric of data.metrics)
      metrics.add({
        from: metric.name,
        name: metric.name,
        unit: metric.unit,
        direction: metric.direction,
        baseline: asTyped(metric.baseline),
        target: asTyped(metric.target),
      });
    tabFields.hidden = data.adopted;
    adoptedNote.hidden = !data.adopted;
  };
  let token = 0;
  const load = (clientId: string) => {
    const mine = ++token;
    loaded = null;
    scaffold.save.disabled = true;
    hints.load(clientId);
    run('rpcGetClientEdit', clientId)
      .then((data) => {
        if (mine !== token) return;
        if (!data) controller.showMessage('That client is no longer in the Clients sheet.');
        else fill(data);
        scaffold.save.disabled = !data;
      })
      .catch((error: Error) => mine === token && controller.showMessage(error.message));
  };
  picker.select.addEventListener('change', () => picker.select.value && load(picker.select.value));
  if (view.clientId) load(view.clientId);
  else scaffold.save.disabled = true;

  const submit = scaffold.submitWith(
    form,
    'Saving…',
    () => {
      const errors: FieldError[] = [];
      const cadence = checkNumber('Check-in cadence', controller.value('cadenceDays'));
      if (!cadence.ok) errors.push({ field: 'cadenceDays', message: cadence.message });
      errors.push(...moneyErrors(controller, profit, false));
      if (loaded && !loaded.adopted) errors.push(...metrics.errors());
      return errors;
    },
    async () => {
      const adopted = loaded?.adopted ?? true;
      const result = await run('rpcEditClient', {
        clientId: controller.value('clientId'),
        clientType: typed.type.value as ClientType | '',
        cadenceDays: typed.cadence.value.trim(),
        monthlyFee: controller.value('monthlyFee').trim(),
        yearlyProfit: profit.mode() === 'profit' ? controller.value('yearlyProfit').trim() : '',
        monthlyCosts: profit.mode() === 'costs' ? controller.value('monthlyCosts').trim() : '',
        definitionOfSuccess: adopted ? '' : controller.value('definitionOfSuccess').trim(),
        scope: adopted ? '' : controller.value('scope').trim(),
        ...(adopted ? {} : { metrics: metrics.sent() }),
        // What this form opened with: the save keeps what others saved since (core/edit-merge.ts).
        ...(loaded ? { opened: loaded } : {}),
      });
      return result.ok ? result : { ...result, errors: metrics.toRowFields(result.errors) };
    },
    (value) => {
      controller.showStatus(
        value.changed.length
          ? `${value.name}: saved (${value.changed.join(', ')}).`
          : `${value.name}: nothing had changed.`,
      );
      load(value.clientId);
    },
  );
  scaffold.show(root, 'Edit client', form, submit, typed.type);
}
