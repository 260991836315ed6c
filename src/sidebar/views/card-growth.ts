/**
 * Growth with an existing client, on the card: "time to offer the next step" when they are at or past
 * every target in good health (core/growth), and the needs they mentioned that the current scope does
 * not cover, saved with the client and dated (the Client needs sheet).
 */
import type { CardAdvice, NeedRecord } from '../../ui/rpc-types';
import { h, replaceChildren } from '../dom';
import { errorMessage, FormController, saveOnSubmit, submitWith, textArea } from '../form';
import { formatDate } from '../format';
import { run } from '../rpc';
import type { NotesLoader } from './card-notes';

export function growthSection(clientId: string, advice: CardAdvice | null, notes: NotesLoader): HTMLElement {
  const controller = new FormController();
  const need = textArea('', 2);
  need.placeholder = 'e.g. wants help hiring their first employee';
  const save = h('button', { type: 'submit' }, 'Save need');
  const list = h('ul', { class: 'rows needs', 'data-field': 'needs' });
  const form = h(
    'form',
    { class: 'need-form', novalidate: true },
    controller.general,
    controller.field('need', 'A need outside the current scope', need, {
      hint: 'Something the client mentioned that this program does not cover: the next offer starts here.',
    }),
    h('div', { class: 'buttons' }, save),
    controller.status,
  );
  const render = (needs: NeedRecord[]) =>
    replaceChildren(
      list,
      needs.map((n) =>
        h(
          'li',
          null,
          h('span', { class: 'request-text' }, n.need),
          h('span', { class: 'muted small' }, formatDate(n.date)),
        ),
      ),
    );
  let saved: NeedRecord[] = [];
  notes()
    .then((loaded) => render((saved = loaded.needs)))
    .catch((error) => controller.showMessage(errorMessage(error)));
  const submit = submitWith(
    controller,
    form,
    save,
    'Saving…',
    () => (need.value.trim() === '' ? [{ field: 'need', message: 'Describe what they need.' }] : []),
    // Dated by the server: today in the spreadsheet's time zone, not the browser's.
    () => run('rpcSaveNeed', { clientId, date: '', need: need.value }),
    (record) => {
      saved = [record, ...saved];
      render(saved);
      need.value = '';
      controller.showStatus('Need saved.');
    },
  );
  saveOnSubmit(form, submit, true);
  const growth = advice?.growth;
  return h(
    'section',
    { class: 'card-section growth', 'data-section': 'growth' },
    h('h3', null, 'Growth'),
    growth
      ? h(
          'p',
          { class: `growth-signal ${growth.ready ? 'ready' : 'muted small'}`, 'data-field': 'growth' },
          growth.message,
        )
      : null,
    list,
    form,
  );
}
