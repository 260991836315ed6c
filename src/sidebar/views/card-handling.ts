/**
 * Handling advice by client type, on the card and in the check-in form: the type, its one-liner
 * (Settings, or the default) and what it means this week (core/client-handling.ts, decided on the server).
 */
import type { ClientHandling } from '../../ui/rpc-types';
import { h } from '../dom';

/**
 * `onEdit` opens Edit client, offered when the client has no type yet. `compact` (the check-in form, where
 * the first metric must stay in view at 300 × 600): this week's line first, the one-liner folded under the type.
 */
export function handlingSection(
  handling: ClientHandling,
  onEdit?: () => void,
  options: { compact?: boolean } = {},
): HTMLElement {
  const type = handling.clientType;
  if (options.compact)
    return h(
      'section',
      { class: 'card-section handling compact', 'data-section': 'handling' },
      weekLine(handling),
      h(
        'details',
        { class: 'handling-more' },
        h('summary', null, type ? `Handling: ${type}` : 'Handling'),
        h('p', { class: 'handling-advice small', 'data-field': 'handling-advice' }, handling.advice),
      ),
    );
  return h(
    'section',
    { class: 'card-section handling', 'data-section': 'handling' },
    h('h3', null, type ? `Handling: ${type}` : 'Handling'),
    h('p', { class: 'handling-advice small', 'data-field': 'handling-advice' }, handling.advice),
    weekLine(handling),
    !type && onEdit
      ? h(
          'button',
          { type: 'button', class: 'link-button', 'data-action': 'set-client-type', onclick: onEdit },
          'Set the client type',
        )
      : null,
  );
}

function weekLine(handling: ClientHandling): HTMLElement | null {
  return handling.thisWeek
    ? h(
        'p',
        { class: `handling-week ${handling.act ? 'act' : 'ok'}`, 'data-field': 'handling-this-week' },
        handling.thisWeek,
      )
    : null;
}
