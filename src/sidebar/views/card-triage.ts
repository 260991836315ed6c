/**
 * Early-churn triage on the card, for a client in red or yellow: the likeliest of the four reasons
 * clients leave, what in the log points at it, one line on what to do, and a link to prepare the
 * conversation (core/triage decides; the sidebar shows).
 */
import type { CardAdvice } from '../../ui/rpc-types';
import { h } from '../dom';

export function triageSection(advice: CardAdvice, prepare: (about: string) => void): HTMLElement | null {
  const { triage } = advice;
  if (!triage) return null;
  const about = triage.reason ?? `Health ${advice.health.band ?? ''}`.trim();
  return h(
    'section',
    { class: 'card-section triage', 'data-section': 'triage' },
    h('h3', null, 'Why they might leave'),
    triage.reason
      ? h('p', { class: 'triage-reason', 'data-field': 'triage-reason' }, triage.reason)
      : h(
          'p',
          { class: 'triage-reason muted', 'data-field': 'triage-reason' },
          'No single reason stands out.',
        ),
    triage.evidence ? h('p', { class: 'small', 'data-field': 'triage-evidence' }, triage.evidence) : null,
    h('p', { class: 'triage-action', 'data-field': 'triage-action' }, triage.action),
    triage.others.length
      ? h(
          'p',
          { class: 'muted small', 'data-field': 'triage-others' },
          `Also possible: ${triage.others.map((o) => `${o.reason.toLowerCase()}: ${o.evidence}`).join('; ')}.`,
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        class: 'link-button',
        'data-action': 'prepare-conversation',
        onclick: () => prepare(about),
      },
      'Prepare the conversation',
    ),
  );
}
