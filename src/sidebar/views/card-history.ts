/**
 * The card's "Earlier history": tabs linked to the client when adopting ("Tom Becker (old)"), whose
 * check-ins count as the client's earlier values in Progress and in the progress report.
 */
import type { ClientCard } from '../../ui/rpc-types';
import { h } from '../dom';
import { formatDate, plural } from '../format';

/** The section, or null when no tab is linked to the client. */
export function historySection(card: ClientCard): HTMLElement | null {
  const tabs = card.history ?? [];
  if (!tabs.length) return null;
  return h(
    'section',
    { class: 'card-section history', 'data-section': 'history' },
    h('h3', null, 'Earlier history'),
    h(
      'ul',
      { class: 'rows' },
      tabs.map((tab) =>
        h(
          'li',
          { 'data-field': 'history-tab' },
          // One span: a row of `.rows` lays its children out as columns, which squeezed the tab's name.
          h(
            'span',
            null,
            h('strong', null, tab.tabName),
            ': ',
            plural(tab.checkIns, 'check-in'),
            tab.firstDate && tab.lastDate
              ? `, ${formatDate(tab.firstDate)} to ${formatDate(tab.lastDate)}`
              : '',
            tab.measures.length ? h('span', { class: 'muted small' }, ` (${tab.measures.join(', ')})`) : null,
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'muted small' },
      'Counted in Progress and the progress report as the values before this tab.',
    ),
  );
}
