/**
 * The card's money: how the client pays (late N of M, days late on average) and the out-of-scope
 * requests still to decide, each decided in place: approve as a change order with its fee, decline, or
 * absorb with the hours absorbed. Rules: core/invoices (the record) and core/requests (a decision).
 */
import type { ClientCard, DecideRequestForm, LatePaymentRecord } from '../../ui/rpc-types';
import { checkDecision } from '../../core/requests';
import { h, replaceChildren } from '../dom';
import { FormController, numberInput, submitWith } from '../form';
import { formatDate, plural } from '../format';
import { sidebarContext } from '../context';
import { run } from '../rpc';

/** A client late this share of the time or more is a chronic late payer (shown in red). */
const CHRONIC_SHARE = 0.5;

/** `Late 16 of 17 · 12 days late on average`; `Paid on time: 17 of 17`; nothing before any invoice is due. */
export function latePaymentLine(money: ClientCard['money']): HTMLElement | null {
  const record: LatePaymentRecord | undefined = money?.record;
  if (!record || record.counted === 0) return null;
  if (record.late === 0)
    return h(
      'p',
      { class: 'badge-line good', 'data-field': 'late-record' },
      `Paid on time: ${record.counted} of ${record.counted}`,
    );
  const chronic = record.late / record.counted >= CHRONIC_SHARE && record.late > 1;
  const parts = [
    `Late ${record.late} of ${record.counted}`,
    record.averageDaysLate === null
      ? ''
      : `${plural(Math.round(record.averageDaysLate), 'day')} late on average`,
    record.unpaidLate ? `${record.unpaidLate} still unpaid` : '',
  ];
  return h(
    'p',
    { class: `badge-line ${chronic ? 'bad' : ''}`.trim(), 'data-field': 'late-record' },
    parts.filter(Boolean).join(' · '),
  );
}

type Undecided = NonNullable<ClientCard['money']>['undecided'][number];
type Choice = DecideRequestForm['decision'];

/** The undecided requests, each with Approve / Decline / Absorb; `decided` reloads the card. */
export function undecidedRequests(card: ClientCard, decided: () => void): HTMLElement {
  const list = card.money?.undecided ?? [];
  if (!list.length) return h('p', { class: 'muted small', 'data-field': 'open-requests' }, 'None open.');
  return h(
    'ul',
    { class: 'rows requests decide', 'data-field': 'open-requests' },
    list.map((request) => requestRow(card.client.clientId, request, decided)),
  );
}

function requestRow(clientId: string, request: Undecided, decided: () => void): HTMLElement {
  const controller = new FormController();
  const panel = h('form', { class: 'decision', novalidate: true, hidden: true });
  let choice: Choice = 'Declined';
  const value = numberInput('');
  const save = h('button', { type: 'submit', class: 'action' }, 'Save decision');
  const fieldFor: Record<Choice, { key: 'fee' | 'hours'; label: string; placeholder: string } | null> = {
    'Change order': { key: 'fee', label: 'Change-order fee', placeholder: '500' },
    Declined: null,
    'Included in scope': { key: 'hours', label: 'Hours absorbed', placeholder: '2.5' },
  };
  const open = (next: Choice) => {
    choice = next;
    controller.clearErrors();
    const field = fieldFor[next];
    value.value = '';
    value.placeholder = field ? field.placeholder : '';
    controller.forget('fee');
    controller.forget('hours');
    replaceChildren(
      panel,
      controller.general,
      field
        ? controller.field(field.key, field.label, value)
        : h('p', { class: 'small' }, 'Decline this request?'),
      h(
        'div',
        { class: 'buttons' },
        save,
        h('button', { type: 'button', onclick: () => (panel.hidden = true) }, 'Cancel'),
      ),
    );
    panel.hidden = false;
    (field ? value : save).focus();
  };
  const form = (): DecideRequestForm => ({
    clientId,
    row: request.row,
    request: request.request,
    decision: choice,
    fee: choice === 'Change order' ? value.value.trim() : '',
    hours: choice === 'Included in scope' ? value.value.trim() : '',
  });
  const submit = submitWith(
    controller,
    panel,
    save,
    'Saving…',
    () => {
      const { decision, fee, hours } = form();
      const check = checkDecision(decision, fee, hours, sidebarContext().locale);
      return check.ok ? [] : check.errors;
    },
    () => run('rpcDecideRequest', form()),
    () => decided(),
  );
  panel.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  const action = (label: string, next: Choice) =>
    h(
      'button',
      { type: 'button', class: 'small-button', 'data-decision': next, onclick: () => open(next) },
      label,
    );
  return h(
    'li',
    { 'data-request-row': request.row },
    h('span', { class: 'request-text' }, request.request),
    h('span', { class: 'muted small' }, formatDate(request.date)),
    h(
      'div',
      { class: 'decide-buttons' },
      action('Approve', 'Change order'),
      action('Decline', 'Declined'),
      action('Absorb', 'Included in scope'),
    ),
    panel,
  );
}
