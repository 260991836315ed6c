/**
 * Client card: one client at a glance for the coach. Progress from baseline to target per metric, the
 * satisfaction trend, days since the last check-in against the cadence, payments, open out-of-scope
 * requests, the definition of success and the next check-in.
 */
import type { ClientCard, MetricProgress } from '../../ui/rpc-types';
import { h, replaceChildren, svg } from '../dom';
import { errorMessage } from '../form';
import { formatDate, formatMoney, formatNumber, plural, withUnit } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { clientPicker } from './client-picker';
import { latePaymentLine, undecidedRequests } from './card-money';
import { conversationSection } from './card-conversation';
import { growthSection } from './card-growth';
import { handlingSection } from './card-handling';
import { expectationNotes } from './card-expectations';
import { healthSection, healthSummary } from './card-health';
import { notesLoader } from './card-notes';
import { historySection } from './card-history';
import { profitSection } from './card-profit';
import type { RaisePrefill } from '../../ui/rpc-types';
import { reportSection } from './card-report';
import { triageSection } from './card-triage';
import { formatIsoDay, parseIsoDay } from '../../core/dates';
import { statusPhrases } from '../../core/status';

export function cardView(
  root: HTMLElement,
  view: { clientId?: string; raise?: RaisePrefill },
  nav: Navigate,
): void {
  const picker = clientPicker(view.clientId);
  picker.select.id = 'card-client';
  const body = h(
    'div',
    { class: 'card-body', 'aria-live': 'polite' },
    h('p', { class: 'loading' }, 'Loading…'),
  );
  replaceChildren(
    root,
    h(
      'header',
      { class: 'view-header' },
      h('h1', null, 'Client card'),
      h('div', { class: 'form-group picker' }, h('label', { for: 'card-client' }, 'Client'), picker.select),
    ),
    body,
  );

  let token = 0;
  const load = async (clientId: string | null): Promise<void> => {
    const mine = ++token;
    replaceChildren(body, h('p', { class: 'loading' }, 'Loading…'));
    try {
      const card = await run('rpcGetClientCard', clientId);
      if (mine !== token) return;
      if (!card) {
        replaceChildren(body, h('p', { class: 'empty' }, 'Open a client’s tab, or choose a client above.'));
        return;
      }
      if (picker.select.value !== card.client.clientId) {
        picker.ready.then(() => (picker.select.value = card.client.clientId)).catch(() => undefined);
      }
      replaceChildren(
        body,
        renderCard(card, nav, card.client.clientId === view.clientId ? view.raise : undefined),
      );
    } catch (error) {
      if (mine === token)
        replaceChildren(body, h('div', { class: 'message error', role: 'alert' }, errorMessage(error)));
    }
  };
  picker.select.addEventListener('change', () => {
    if (picker.select.value) load(picker.select.value);
  });
  load(view.clientId ?? null);
}

function renderCard(card: ClientCard, nav: Navigate, raise?: RaisePrefill): HTMLElement {
  const { client } = card;
  // The one status rule (core/status.ts), decided on the server from what the Dashboard reads too.
  const { state } = card;
  const active = state.checkIn !== 'inactive';
  const checkTone =
    state.checkIn === 'overdue'
      ? 'bad'
      : state.checkIn === 'done' || state.checkIn === 'on-schedule'
        ? 'good'
        : '';
  const endDay = card.endDate ? parseIsoDay(card.endDate) : null;
  const stateLine = statusPhrases(state, endDay, (day) => formatDate(formatIsoDay(day))).join(' · ');
  const facts = [
    client.clientType,
    state.status,
    card.startDate ? `since ${formatDate(card.startDate)}` : '',
    card.program,
  ]
    .filter(Boolean)
    .join(' · ');
  const notes = notesLoader(client.clientId);
  const conversation = conversationSection(client.clientId, notes);

  return h(
    'article',
    { class: 'client-card', 'data-client-id': client.clientId },
    h('h2', { class: 'client-name' }, client.name),
    h('div', { class: 'muted small' }, facts),
    h(
      'div',
      { class: 'tiles' },
      tile(
        'Since check-in',
        card.daysSinceCheckIn === null ? '–' : plural(card.daysSinceCheckIn, 'day'),
        'days-since',
        checkTone,
      ),
      tile(
        'Cadence',
        card.cadenceDays ? plural(card.cadenceDays, 'day') : '–',
        'cadence',
        '',
        card.cadenceDays ? `A check-in every ${plural(card.cadenceDays, 'day')}` : undefined,
      ),
      state.status === 'Ended'
        ? tile(
            'Ended',
            formatDate(card.endDate).replace(/ \d{4}$/, ''),
            'end-date',
            '',
            formatDate(card.endDate),
          )
        : tile(
            'Next check-in',
            formatDate(card.nextCheckIn).replace(/ \d{4}$/, ''),
            'next-check-in',
            '',
            formatDate(card.nextCheckIn),
          ),
    ),
    h('p', { class: `badge-line ${state.tone}`.trim(), 'data-field': 'check-in-state' }, stateLine),
    card.advice ? healthSummary(card.advice) : null,
    section(
      'Definition of success',
      card.definitionOfSuccess
        ? successDefinition(card.definitionOfSuccess)
        : h('p', { class: 'muted small' }, 'Not written down yet.'),
    ),
    section(
      'Progress',
      card.metrics.length
        ? h('ul', { class: 'metric-list' }, card.metrics.map(metricRow))
        : h('p', { class: 'muted small' }, 'No metrics defined.'),
      expectationNotes(client.clientId),
    ),
    historySection(card),
    card.advice ? healthSection(card.advice) : null,
    card.advice ? triageSection(card.advice, conversation.prepare) : null,
    handlingSection(card.handling, () => nav({ view: 'editClient', clientId: client.clientId })),
    growthSection(client.clientId, card.advice, notes),
    section('Satisfaction', satisfaction(card.satisfaction)),
    section('Payments', latePaymentLine(card.money), payments(card.payments)),
    section(
      'Open requests',
      undecidedRequests(card, () => nav({ view: 'card', clientId: client.clientId })),
    ),
    state.status === 'Ended'
      ? null
      : profitSection(client.clientId, () => nav({ view: 'card', clientId: client.clientId }), raise),
    card.scope ? section('Scope', h('p', { class: 'scope small' }, card.scope)) : null,
    conversation.element,
    reportSection(client.clientId),
    h(
      'div',
      { class: 'buttons' },
      active
        ? h(
            'button',
            {
              type: 'button',
              class: 'action',
              onclick: () => nav({ view: 'checkin', clientId: client.clientId }),
            },
            'Check in',
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          class: active ? null : 'action',
          onclick: () => nav({ view: 'payment', clientId: client.clientId }),
        },
        'Log payment',
      ),
      h(
        'button',
        { type: 'button', onclick: () => nav({ view: 'editClient', clientId: client.clientId }) },
        'Edit',
      ),
    ),
  );
}

/** A long definition of success shows its first lines and a Show all button, so Progress stays in view. */
const LONG_DEFINITION = 240;

function successDefinition(text: string): HTMLElement {
  const quote = h('blockquote', { class: 'success-definition', 'data-field': 'definition-of-success' }, text);
  if (text.length <= LONG_DEFINITION) return quote;
  quote.classList.add('clamped');
  quote.id = 'success-definition';
  const toggle = h(
    'button',
    { type: 'button', class: 'link-button', 'aria-controls': quote.id, 'aria-expanded': 'false' },
    'Show all',
  );
  toggle.addEventListener('click', () => {
    const open = quote.classList.toggle('clamped') === false;
    toggle.textContent = open ? 'Show less' : 'Show all';
    toggle.setAttribute('aria-expanded', String(open));
  });
  return h('div', null, quote, toggle);
}

function tile(label: string, value: string, field: string, tone = '', title?: string): HTMLElement {
  return h(
    'div',
    { class: `tile ${tone}`.trim(), title: title ?? null },
    h('div', { class: 'tile-value', 'data-field': field }, value),
    h('div', { class: 'tile-label' }, label),
  );
}

function section(title: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return h('section', { class: 'card-section' }, h('h3', null, title), content);
}

function metricRow(metric: MetricProgress): HTMLElement {
  const progress = metric.progress;
  const width = progress === null ? 0 : Math.max(0, Math.min(1, progress)) * 100;
  const percent = progress === null ? 'no data yet' : `${formatNumber(progress * 100, 0)}%`;
  return h(
    'li',
    { class: 'metric', 'data-metric': metric.name },
    h(
      'div',
      { class: 'metric-head' },
      h('span', { class: 'metric-name' }, metric.name),
      h('span', { class: 'metric-current', 'data-field': 'current' }, withUnit(metric.current, metric.unit)),
    ),
    h(
      'div',
      {
        class:
          `bar ${progress !== null && progress >= 1 ? 'complete' : ''} ` +
          `${progress !== null && progress < 0 ? 'behind' : ''}`,
        role: 'meter',
        'aria-label': `${metric.name} progress`,
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': progress === null ? null : Math.round(progress * 100),
      },
      h('span', { class: 'bar-fill', style: `width:${width}%` }),
    ),
    h(
      'div',
      { class: 'metric-scale small muted' },
      h('span', null, `${withUnit(metric.baseline, metric.unit)} → ${withUnit(metric.target, metric.unit)}`),
      h('span', { class: 'metric-percent', 'data-field': 'progress' }, percent),
    ),
  );
}

function satisfaction(scores: ClientCard['satisfaction']): HTMLElement {
  if (!scores.length) return h('p', { class: 'muted small' }, 'No scores yet.');
  const values = scores.map((s) => s.score);
  const latest = values[values.length - 1];
  const average = values.reduce((a, b) => a + b, 0) / values.length;
  const half = Math.max(1, Math.floor(values.length / 2));
  const earlier = values.slice(0, half).reduce((a, b) => a + b, 0) / half;
  const later = values.slice(-half).reduce((a, b) => a + b, 0) / half;
  const delta = later - earlier;
  const trend = values.length < 2 || Math.abs(delta) < 0.5 ? 'steady' : delta > 0 ? 'rising' : 'falling';
  const width = 276;
  const height = 44;
  const x = (i: number) => (values.length === 1 ? width / 2 : 4 + (i * (width - 8)) / (values.length - 1));
  const y = (v: number) => 4 + ((10 - v) * (height - 8)) / 9;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return h(
    'div',
    { class: 'satisfaction' },
    h(
      'div',
      { class: 'satisfaction-summary' },
      h('span', { class: 'big', 'data-field': 'satisfaction-latest' }, `${latest}/10`),
      h(
        'span',
        { class: `trend ${trend}` },
        { rising: '▲ rising', falling: '▼ falling', steady: '■ steady' }[trend],
      ),
      h(
        'span',
        { class: 'muted small' },
        `avg ${formatNumber(average, 1)} over ${plural(values.length, 'check-in')}`,
      ),
    ),
    svg(
      'svg',
      {
        class: 'sparkline',
        viewBox: `0 0 ${width} ${height}`,
        preserveAspectRatio: 'none',
        role: 'img',
        'aria-label':
          `Satisfaction from ${formatDate(scores[0].weekOf)} ` +
          `to ${formatDate(scores[scores.length - 1].weekOf)}: ${values.join(', ')}`,
      },
      svg('line', { x1: 0, x2: width, y1: y(7), y2: y(7), class: 'spark-guide' }),
      svg('polyline', { points, class: 'spark-line' }),
      svg('circle', { cx: x(values.length - 1), cy: y(latest), r: 3, class: 'spark-dot' }),
    ),
  );
}

function payments(list: ClientCard['payments']): HTMLElement {
  if (!list.length) return h('p', { class: 'muted small' }, 'No payments logged.');
  const late = list.filter((p) => p.late).length;
  const unpaid = list.filter((p) => !p.paid).length;
  const recent = [...list].sort((a, b) => (b.due ?? '').localeCompare(a.due ?? '')).slice(0, 4);
  return h(
    'div',
    null,
    h(
      'p',
      { class: 'small', 'data-field': 'payments-summary' },
      `${plural(list.length, 'payment')} · ${late} late · ${unpaid} unpaid`,
    ),
    h(
      'ul',
      { class: 'rows' },
      recent.map((p) =>
        h(
          'li',
          null,
          h('span', null, formatDate(p.due)),
          h('span', { class: 'amount' }, formatMoney(p.amount)),
          h(
            'span',
            { class: `pill ${!p.paid ? (p.late ? 'bad' : 'warn') : p.late ? 'warn' : 'good'}` },
            !p.paid
              ? p.paidAmount
                ? `Part paid${p.late ? ', overdue' : ''}`
                : p.late
                  ? 'Overdue'
                  : 'Due'
              : p.late
                ? 'Paid late'
                : 'Paid',
          ),
        ),
      ),
    ),
  );
}
