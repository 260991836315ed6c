/** End a client: why (the taxonomy), when notice was given, and when it ends. */
import { MIN_NOTICE_DAYS } from '../../core/clients';
import { h, replaceChildren } from '../dom';
import { dateInput, enterAdvances, FormController, submitWith } from '../form';
import { addDaysIso, formatDate, todayIso, useSpreadsheetToday } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkIsoDate } from '../validate';
import { clientPicker } from './client-picker';

/** Why clients leave, grouped by whose side it is on. */
export const END_REASONS: { group: string; reasons: string[] }[] = [
  {
    group: 'The client’s side',
    reasons: [
      'Could not keep up',
      'Unhappy with the experience',
      'Found a better service',
      'Time, money or personal problems',
    ],
  },
  { group: 'Our side', reasons: ['Unprofitable', 'Pays late', 'Scope creep', 'Poor fit'] },
  { group: 'Neither', reasons: ['Program completed'] },
];

export function offboardView(root: HTMLElement, view: { clientId?: string }, nav: Navigate): void {
  const controller = new FormController();
  const picker = clientPicker(view.clientId, ['Active', 'Paused']);
  const reason = h(
    'select',
    null,
    h('option', { value: '' }, 'Choose a reason…'),
    END_REASONS.map(({ group, reasons }) =>
      h(
        'optgroup',
        { label: group },
        reasons.map((r) => h('option', { value: r }, r)),
      ),
    ),
  );
  // The earliest end the notice rule allows (notice today, 30 days before the end): the form is valid as opened.
  const endDate = dateInput(addDaysIso(todayIso(), MIN_NOTICE_DAYS));
  const periodClose = controller.checkbox(
    'endAtPeriodClose',
    'End at the close of the current program period',
    false,
    'The end date moves to the last day of the period they have paid for.',
  );
  const endGroup = controller.field('endDate', 'End date', endDate, {
    hint: `At least ${MIN_NOTICE_DAYS} days after the notice.`,
  });
  const save = h('button', { type: 'submit', class: 'action' }, 'End client');
  const form = h(
    'form',
    { novalidate: true },
    controller.general,
    controller.status,
    controller.field('clientId', 'Client', picker.select),
    controller.field('reason', 'Why is it ending?', reason),
    // One above the other: the notice rule's message is long, and a half-width column squeezes it.
    controller.field('noticeDate', 'Notice given', dateInput(todayIso())),
    endGroup,
    periodClose,
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
  const checkbox = controller.control<HTMLInputElement>('endAtPeriodClose');
  checkbox.addEventListener('change', () => (endDate.disabled = checkbox.checked));
  const submit = submitWith(
    controller,
    form,
    save,
    'Ending…',
    () => {
      const errors = [];
      if (!controller.value('clientId')) errors.push({ field: 'clientId', message: 'Choose a client.' });
      if (!reason.value) errors.push({ field: 'reason', message: 'Choose why the client is leaving.' });
      const notice = checkIsoDate('Notice date', controller.value('noticeDate'));
      if (notice) errors.push({ field: 'noticeDate', message: notice });
      if (!checkbox.checked) {
        const end = checkIsoDate('End date', endDate.value);
        if (end) errors.push({ field: 'endDate', message: end });
      }
      return errors;
    },
    () =>
      run('rpcOffboardClient', {
        clientId: controller.value('clientId'),
        reason: reason.value,
        noticeDate: controller.value('noticeDate'),
        endDate: endDate.value,
        endAtPeriodClose: checkbox.checked,
      }),
    (value, message) => {
      const name = picker.selected()?.name ?? 'The client';
      const card = h(
        'button',
        {
          type: 'button',
          class: 'action',
          onclick: () => nav({ view: 'card', clientId: controller.value('clientId') }),
        },
        'Open client card',
      );
      replaceChildren(
        form,
        h(
          'div',
          { class: 'status success', role: 'status' },
          message ?? `${name} is marked as ended on ${formatDate(value.endDate)} (${reason.value}).`,
        ),
        h(
          'div',
          { class: 'buttons' },
          card,
          h('button', { type: 'button', onclick: () => google.script.host.close() }, 'Close'),
        ),
      );
      card.focus();
    },
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  enterAdvances(form, submit);
  const today = () => run('rpcGetNewClientDefaults').then((d) => d.today);
  useSpreadsheetToday([controller.control<HTMLInputElement>('noticeDate')], today);
  useSpreadsheetToday([endDate], today, MIN_NOTICE_DAYS);
  replaceChildren(root, h('header', { class: 'view-header' }, h('h1', null, 'End a client')), form);
  picker.ready.then(() => (view.clientId ? reason : picker.select).focus()).catch(() => undefined);
}
