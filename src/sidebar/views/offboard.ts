/** End a client: why (the taxonomy), when notice was given, and when it ends. */
import { MIN_NOTICE_DAYS } from '../../core/clients';
import { h, replaceChildren } from '../dom';
import { dateInput, submitWith } from '../form';
import { addDaysIso, formatDate, todayIso, useSpreadsheetToday } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkIsoDate } from '../validate';
import { ClientForm, spreadsheetToday } from './client-form';

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
  const scaffold = new ClientForm(view, nav, 'End client', ['Active', 'Paused']);
  const { controller, picker } = scaffold;
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
  const form = scaffold.form(
    controller.field('reason', 'Why is it ending?', reason),
    // One above the other: the notice rule's message is long, and a half-width column squeezes it.
    controller.field('noticeDate', 'Notice given', dateInput(todayIso())),
    endGroup,
    periodClose,
  );
  const checkbox = controller.control<HTMLInputElement>('endAtPeriodClose');
  checkbox.addEventListener('change', () => (endDate.disabled = checkbox.checked));
  const submit = submitWith(
    controller,
    form,
    scaffold.save,
    'Ending…',
    () => {
      const errors = scaffold.clientErrors();
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
  useSpreadsheetToday([controller.control<HTMLInputElement>('noticeDate')], spreadsheetToday);
  useSpreadsheetToday([endDate], spreadsheetToday, MIN_NOTICE_DAYS);
  scaffold.show(root, 'End a client', form, submit, reason);
}
