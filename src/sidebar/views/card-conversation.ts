/**
 * Difficult-conversation prep on the card: the four steps (own your part, define the outcome, listen
 * and validate, restate the outcome) as fields the coach fills in, saved with the client and dated
 * (the Conversations sheet), and the earlier ones readable below.
 */
import type { ConversationRecord } from '../../ui/rpc-types';
import { h, replaceChildren } from '../dom';
import {
  dateInput,
  errorMessage,
  FormController,
  saveOnSubmit,
  submitWith,
  textArea,
  textInput,
} from '../form';
import { formatDate, todayIso, useSpreadsheetToday } from '../format';
import { run } from '../rpc';
import { checkIsoDate } from '../validate';
import { spreadsheetToday } from './client-form';
import type { NotesLoader } from './card-notes';

const STEPS = [
  {
    key: 'ownPart',
    label: '1. Own your part',
    hint: 'What we did or did not do that contributed. Say it first.',
  },
  { key: 'outcome', label: '2. Define the outcome', hint: 'What should be true after this conversation.' },
  { key: 'listen', label: '3. Listen and validate', hint: 'What to ask; how you will show you heard them.' },
  {
    key: 'restate',
    label: '4. Restate the outcome',
    hint: 'How you close: the outcome in their words, the next step.',
  },
] as const;

export interface ConversationSection {
  element: HTMLElement;
  /** Opens the form about `about` and puts the cursor in the first step. */
  prepare(about: string): void;
}

function record(conversation: ConversationRecord): HTMLElement {
  return h(
    'details',
    { class: 'conversation', 'data-date': conversation.date ?? '' },
    h('summary', null, [formatDate(conversation.date), conversation.reason].filter(Boolean).join(' · ')),
    h(
      'dl',
      null,
      STEPS.map((step) =>
        conversation[step.key] ? [h('dt', null, step.label), h('dd', null, conversation[step.key])] : null,
      ),
    ),
  );
}

export function conversationSection(clientId: string, notes: NotesLoader): ConversationSection {
  const controller = new FormController();
  const form = h('form', { class: 'conversation-form', hidden: true, novalidate: true });
  const previous = h(
    'div',
    { class: 'previous', 'data-field': 'conversations' },
    h('p', { class: 'loading small' }, 'Loading…'),
  );
  const save = h('button', { type: 'submit' }, 'Save conversation plan');
  const cancel = h('button', { type: 'button', class: 'link-button' }, 'Close');
  const open = h(
    'button',
    { type: 'button', class: 'link-button', 'data-action': 'open-conversation' },
    'Prepare a conversation',
  );
  replaceChildren(
    form,
    controller.general,
    controller.field(
      'reason',
      'About',
      textInput({ maxlength: 200, placeholder: 'What the conversation is about' }),
    ),
    STEPS.map((step) => controller.field(step.key, step.label, textArea('', 2), { hint: step.hint })),
    controller.field('date', 'Date', dateInput(todayIso())),
    h('div', { class: 'buttons' }, save, cancel),
    controller.status,
  );
  const show = (visible: boolean) => {
    form.hidden = !visible;
    open.hidden = visible;
  };
  const renderPrevious = (list: ConversationRecord[]) =>
    replaceChildren(
      previous,
      list.length
        ? [h('h4', null, 'Earlier conversations'), list.map(record)]
        : h('p', { class: 'muted small' }, 'No conversation prepared yet.'),
    );
  let saved: ConversationRecord[] = [];
  notes()
    .then((loaded) => renderPrevious((saved = loaded.conversations)))
    .catch((error) => replaceChildren(previous, h('p', { class: 'message error' }, errorMessage(error))));

  const submit = submitWith(
    controller,
    form,
    save,
    'Saving…',
    () => {
      const errors = [];
      const date = checkIsoDate('Date', controller.value('date'));
      if (date) errors.push({ field: 'date', message: date });
      if (STEPS.every((step) => controller.value(step.key).trim() === ''))
        errors.push({ field: 'ownPart', message: 'Write at least one of the four steps before saving.' });
      return errors;
    },
    () =>
      run('rpcSaveConversation', {
        clientId,
        date: controller.value('date'),
        reason: controller.value('reason').trim(),
        ownPart: controller.value('ownPart'),
        outcome: controller.value('outcome'),
        listen: controller.value('listen'),
        restate: controller.value('restate'),
      }),
    (conversation) => {
      saved = [conversation, ...saved];
      renderPrevious(saved);
      for (const key of ['reason', ...STEPS.map((s) => s.key)]) controller.control(key).value = '';
      controller.showStatus(`Saved, dated ${formatDate(conversation.date)}.`);
    },
  );
  saveOnSubmit(form, submit, true);
  cancel.addEventListener('click', () => {
    show(false);
    open.focus();
  });
  open.addEventListener('click', () => {
    show(true);
    controller.control('ownPart').focus();
  });
  useSpreadsheetToday([controller.control<HTMLInputElement>('date')], spreadsheetToday);
  const element = h(
    'section',
    {
      class: 'card-section conversation-prep',
      id: `conversation-${clientId}`,
      'data-section': 'conversation',
    },
    h('h3', null, 'Difficult conversation'),
    open,
    form,
    previous,
  );
  return {
    element,
    prepare(about: string) {
      show(true);
      const reason = controller.control('reason');
      if (!reason.value.trim()) reason.value = about;
      element.scrollIntoView({ block: 'start' });
      controller.control('ownPart').focus();
    },
  };
}
