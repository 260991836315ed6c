/**
 * The expectation check beside a metric's target in New client and Edit client: what earlier clients
 * achieved on the same metric, and a plain warning when the target would be a first. The history comes
 * once per form (rpcGetMetricHistory); the rule is core/expectations.ts, the one the server uses.
 */
import { checkExpectation, expectationLines, type Direction } from '../../core/expectations';
import { h } from '../dom';
import type { FormController } from '../form';
import { run, type Server } from '../rpc';
import { checkNumber } from '../validate';

type MetricHistory = ReturnType<Server['rpcGetMetricHistory']>;

export interface ExpectationHints {
  /** The element under row `index`'s target, kept up to date as the row is typed in. */
  forRow(controller: FormController, index: number): HTMLElement;
  /** The client being edited (their own history is not compared); asks for the history the first time. */
  load(clientId?: string): void;
}

export function expectationHints(): ExpectationHints {
  let history: MetricHistory | null = null;
  let clientId: string | undefined;
  let requested = false;
  const rows = new Map<number, () => void>();
  const refreshAll = () => rows.forEach((refresh) => refresh());
  return {
    forRow(controller, index) {
      const summary = h('div', { class: 'hint expectation-summary' });
      const warning = h('div', {
        class: 'message warning expectation-warning',
        role: 'status',
        hidden: true,
      });
      const element = h('div', { class: 'expectation', 'aria-live': 'polite' }, warning, summary);
      const value = (prop: string) => controller.value(`metrics.${index}.${prop}`);
      const refresh = () => {
        if (!element.isConnected) return; // a removed row
        const name = value('name').trim();
        const parsed = checkNumber('Target', value('target'));
        if (!history || !name) {
          summary.textContent = '';
          warning.hidden = true;
          return;
        }
        const metric = {
          clientId,
          name,
          unit: value('unit').trim(),
          direction: (value('direction') === 'down' ? 'down' : 'up') as Direction,
          target: parsed.ok ? parsed.value : null,
        };
        const lines = expectationLines(metric, checkExpectation(metric, history.records), history.intlLocale);
        summary.textContent = lines.summary;
        warning.textContent = lines.warning ?? '';
        warning.hidden = lines.warning === null;
      };
      for (const prop of ['name', 'unit', 'target'])
        controller.control(`metrics.${index}.${prop}`).addEventListener('input', refresh);
      controller.control(`metrics.${index}.direction`).addEventListener('change', refresh);
      rows.set(index, refresh);
      queueMicrotask(refresh);
      return element;
    },
    load(id) {
      clientId = id;
      if (requested) return refreshAll();
      requested = true;
      run('rpcGetMetricHistory')
        .then((loaded) => {
          history = loaded;
          refreshAll();
        })
        .catch(() => undefined); // the check is context, never a block: without it the form still works
    },
  };
}
