/**
 * The card's "Target set beyond anything achieved before": context for the conversation, one line per
 * metric whose target no earlier client reached, with the best so far. Loads the metric history itself
 * after the card shows (one call); nothing shows when every target has been reached before.
 */
import { beyondBestNotes } from '../../core/expectations';
import { h, replaceChildren } from '../dom';
import { run } from '../rpc';

export function expectationNotes(clientId: string): HTMLElement {
  const element = h('div', { class: 'expectation-notes', 'data-section': 'expectations' });
  run('rpcGetMetricHistory').then(
    (history) => {
      const own = history.records.filter((record) => record.clientId === clientId);
      const notes = beyondBestNotes(clientId, own, history.records, history.intlLocale);
      replaceChildren(element, ...notes.map((note) => h('p', { class: 'message warning small' }, note)));
    },
    () => undefined, // context only: without it the card is complete
  );
  return element;
}
