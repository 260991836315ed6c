/**
 * End a client: why (the taxonomy), when notice was given, and when it ends. The end date that will be
 * saved is shown as it changes, computed by the same core rule the save runs, and the save is refused if
 * the server would record another.
 */
import { MIN_NOTICE_DAYS } from '../../core/clients';
import { formatIsoDay, parseIsoDay } from '../../core/dates';
import { formatDayInLocale } from '../../core/locale-date';
import { planOffboard, statusAfterOffboard } from '../../core/offboard';
import { sidebarContext } from '../context';
import { h, replaceChildren } from '../dom';
import { dateInput } from '../form';
import { addDaysIso, todayIso } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkIsoDate } from '../validate';
import { ClientForm, spreadsheetToday } from './client-form';
import { offboardPrefill } from './review-prefill';

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

export function offboardView(
  root: HTMLElement,
  view: { clientId?: string; endDate?: string; reason?: string },
  nav: Navigate,
): void {
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
  const prefill = offboardPrefill(
    view,
    END_REASONS.flatMap((g) => g.reasons),
  );
  reason.value = prefill.reason;
  // The earliest end the notice rule allows (notice today, 30 days before the end): the form is valid as opened.
  const endDate = dateInput(prefill.endDate ?? addDaysIso(todayIso(), MIN_NOTICE_DAYS));
  const periodClose = controller.checkbox(
    'endAtPeriodClose',
    'End at the close of the current program period',
    false,
    'The end date moves to the last day of the period they have paid for.',
  );
  const endGroup = controller.field('endDate', 'End date', endDate, {
    required: true,
    hint: `When we end it (our side): at least ${MIN_NOTICE_DAYS} days after the notice.`,
  });
  const preview = h('p', { class: 'end-preview', 'data-field': 'end-preview', 'aria-live': 'polite' });
  const form = scaffold.form(
    prefill.note,
    controller.field('reason', 'Why is it ending?', reason, { required: true }),
    // One above the other: the notice rule's message is long, and a half-width column squeezes it.
    controller.field('noticeDate', 'Notice given', dateInput(todayIso())),
    endGroup,
    periodClose,
    preview,
  );
  const checkbox = controller.control<HTMLInputElement>('endAtPeriodClose');
  const noticeDate = controller.control<HTMLInputElement>('noticeDate');
  const day = (iso: string) => parseIsoDay(iso);
  const longDate = (d: number) => formatDayInLocale(d, sidebarContext().locale);
  // The end date as typed: with "period close" ticked the field shows the computed close instead.
  let typedEnd = endDate.value;
  let today = todayIso();
  /** The end date the save will record, or null while the form cannot say (no client, a date missing). */
  const plannedEnd = (): number | null => {
    const client = picker.selected();
    const end = day(typedEnd);
    const notice = day(noticeDate.value);
    if (!client || end === null || notice === null) return null;
    const plan = planOffboard({
      startDay: client.startDate ? day(client.startDate) : null,
      programMonths: client.programMonths ?? null,
      endDay: end,
      noticeDay: notice,
      endAtPeriodClose: checkbox.checked,
      reason: reason.value,
      formatDay: longDate,
    });
    return plan.ok ? plan.endDay : null;
  };
  const update = (): void => {
    endDate.disabled = checkbox.checked;
    const end = plannedEnd();
    // Set only when it differs: writing a date input's value mid-typing would wipe the half-typed date.
    const wanted = checkbox.checked && end !== null ? formatIsoDay(end) : typedEnd;
    if (endDate.value !== wanted) endDate.value = wanted;
    if (end === null) {
      replaceChildren(preview);
      return;
    }
    const todayDay = day(today);
    const serving = todayDay === null || statusAfterOffboard(end, todayDay) === 'Serving notice';
    replaceChildren(
      preview,
      'Last day: ',
      h('strong', { 'data-field': 'end-date-shown', 'data-iso': formatIsoDay(end) }, longDate(end)),
      serving
        ? '. Until then they are serving notice: check-ins stay due.'
        : '. They are marked as ended now.',
    );
  };
  // A change makes the last save's field errors stale: the line below now speaks for the form.
  const changed = (): void => {
    controller.clearErrors();
    update();
  };
  endDate.addEventListener('input', () => {
    if (!checkbox.checked) typedEnd = endDate.value;
    changed();
  });
  for (const control of [checkbox, noticeDate, reason, picker.select])
    control.addEventListener(control === noticeDate ? 'input' : 'change', changed);
  picker.ready.then(update).catch(() => undefined);
  // The spreadsheet's time zone decides what day it is; defaults still on the browser's today follow it.
  spreadsheetToday()
    .then((iso) => {
      if (!iso) return;
      if (noticeDate.value === today) noticeDate.value = iso;
      if (typedEnd === addDaysIso(today, MIN_NOTICE_DAYS)) typedEnd = addDaysIso(iso, MIN_NOTICE_DAYS);
      today = iso;
      update();
    })
    .catch(() => undefined);
  const submit = scaffold.submitWith(
    form,
    'Ending…',
    () => {
      const errors = [];
      if (!reason.value) errors.push({ field: 'reason', message: 'Choose why the client is leaving.' });
      const notice = checkIsoDate('Notice date', controller.value('noticeDate'));
      if (notice) errors.push({ field: 'noticeDate', message: notice });
      if (!checkbox.checked) {
        const end = checkIsoDate('End date', typedEnd);
        if (end) errors.push({ field: 'endDate', message: end });
      }
      return errors;
    },
    () => {
      const shown = plannedEnd();
      return run('rpcOffboardClient', {
        clientId: controller.value('clientId'),
        reason: reason.value,
        noticeDate: controller.value('noticeDate'),
        endDate: typedEnd,
        endAtPeriodClose: checkbox.checked,
        ...(shown === null ? {} : { expectedEndDate: formatIsoDay(shown) }),
      });
    },
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
          message ??
            (value.status === 'Serving notice'
              ? `${name} is serving notice until ${longDate(day(value.endDate) as number)} ` +
                `(${reason.value}): check-ins stay due until then.`
              : `${name} is marked as ended on ${longDate(day(value.endDate) as number)} (${reason.value}).`),
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
  scaffold.show(root, 'End a client', form, submit, reason);
}
