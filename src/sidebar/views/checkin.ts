/**
 * Weekly check-in: the clients due this week with a progress bar, and a form for the current client.
 * Built for a VA doing thirty clients in a row from the keyboard: focus starts on the first metric,
 * Enter moves to the next field, Enter on the last field saves and opens the next client, Alt+S skips
 * (keeping what was typed, for the week), Alt+R ticks Replace. A value in another unit or far from the
 * previous check-in is shown beside its field and kept on one more Enter.
 * The VA's name ("Entered by") sits above, outside that chain: required once, remembered by the server.
 */
import type { CheckInForm, DueClient, MetricForm } from '../../ui/rpc-types';
import { h, replaceChildren, uid } from '../dom';
import { enterAdvances, errorMessage, FormController, notSaved, numberInput, textArea } from '../form';
import { formatDate, formatNumber, formatShortDate, plural } from '../format';
import { run } from '../rpc';
import { sidebarContext } from '../context';
import { NO_CONTACT_LABEL } from '../../core/checkin';
import { ENTERED_BY_MAX } from '../../core/entered-by';
import { handlingSection } from './card-handling';
import { CheckInRound, checkSave, draftOf, TEXT_FIELDS, typedValue, warningFor } from './checkin-state';

export function checkinView(root: HTMLElement, view: { clientId?: string }): void {
  const progressText = h('span', { class: 'progress-text' }, 'Loading…');
  const weekText = h('span', { class: 'muted' });
  const bar = h('div', { class: 'progress-fill' });
  const progress = h(
    'div',
    { class: 'progress', role: 'progressbar', 'aria-label': 'Check-ins done this week', 'aria-valuemin': 0 },
    bar,
  );
  const saved = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const main = h(
    'div',
    { class: 'checkin-main' },
    h('p', { class: 'loading' }, 'Loading the clients due this week…'),
  );
  // Not a FormController field: no data-nav, so Enter through the metrics never stops here.
  const nameInput = h('input', {
    type: 'text',
    id: uid('f'),
    name: 'enteredBy',
    class: 'entered-by',
    maxlength: ENTERED_BY_MAX,
    autocomplete: 'name',
    spellcheck: 'false',
    'aria-describedby': 'entered-by-hint',
  });
  // Enter in the name goes to the form (its first metric), where the keyboard flow starts.
  nameInput.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey) return;
    event.preventDefault();
    main.querySelector<HTMLElement>('[data-nav]:not([type="checkbox"])')?.focus();
  });
  let nameTyped = false;
  const nameError = h('div', { class: 'field-error', id: 'entered-by-error', hidden: true });
  nameInput.setAttribute('aria-describedby', 'entered-by-hint entered-by-error');
  nameInput.addEventListener('input', () => {
    nameTyped = true;
    nameError.hidden = true;
    nameField.classList.remove('has-error');
  });
  const nameField = h(
    'div',
    { class: 'form-group entered-by-field' },
    h('label', { for: nameInput.id }, 'Your name (goes in Entered by)'),
    nameInput,
    h('div', { class: 'hint', id: 'entered-by-hint' }, 'Asked once: remembered for you next time.'),
    nameError,
  );
  const list = h('ol', { class: 'due-list', 'aria-label': 'Clients due this week' });
  const listSection = h(
    'section',
    { class: 'due-section', hidden: true },
    h('h3', null, 'Due this week'),
    list,
  );

  replaceChildren(
    root,
    h(
      'header',
      { class: 'view-header' },
      h('h1', null, 'Weekly check-in'),
      h('div', { class: 'progress-head' }, progressText, weekText),
      progress,
      nameField,
      saved,
    ),
    main,
    listSection,
  );

  const round = new CheckInRound();
  const forms = new Map<string, Promise<CheckInForm>>();

  const loadForm = (clientId: string): Promise<CheckInForm> => {
    let form = forms.get(clientId);
    if (!form) {
      form = run('rpcGetCheckInForm', clientId);
      form.catch(() => forms.delete(clientId));
      forms.set(clientId, form);
    }
    return form;
  };

  const renderProgress = (): void => {
    const due = round.due;
    if (!due) return;
    const count = round.doneCount();
    progressText.textContent = `${count} of ${due.totalDue} done`;
    weekText.textContent = `Week of ${formatShortDate(due.weekOf)}`;
    bar.style.width = `${due.totalDue ? (100 * count) / due.totalDue : 100}%`;
    progress.classList.toggle('complete', count >= due.totalDue);
    progress.setAttribute('aria-valuemax', String(due.totalDue));
    progress.setAttribute('aria-valuenow', String(count));
    progress.setAttribute('aria-valuetext', `${count} of ${due.totalDue} done`);
    renderList();
  };

  const renderList = (): void => {
    const due = round.due;
    if (!due) return;
    listSection.hidden = due.clients.length === 0;
    replaceChildren(
      list,
      due.clients.map((client) => {
        const state = round.stateOf(client.clientId);
        const stateLabel = { done: 'Done', current: 'Open now', skipped: 'Skipped', pending: 'To do' }[state];
        return h(
          'li',
          null,
          h(
            'button',
            {
              type: 'button',
              class: `due-item ${state}`,
              'aria-current': state === 'current' ? 'true' : null,
              onclick: () => open(client.clientId),
            },
            h('span', { class: 'due-mark', 'aria-hidden': 'true' }),
            h('span', { class: 'due-name' }, client.name),
            h('span', { class: 'due-meta' }, state === 'done' ? 'Done' : lastLabel(client)),
            h('span', { class: 'visually-hidden' }, `, ${stateLabel}`),
          ),
        );
      }),
    );
  };

  const openNext = (fromId: string | null): void => {
    const next = round.nextPending(fromId);
    if (next) open(next);
    else renderFinished();
  };

  const open = async (clientId: string): Promise<void> => {
    const summary = round.open(clientId);
    renderProgress();
    replaceChildren(main, h('p', { class: 'loading' }, `Opening ${summary ? summary.name : 'the client'}…`));
    let form: CheckInForm;
    try {
      form = await loadForm(clientId);
    } catch (error) {
      if (round.currentId !== clientId) return;
      const retry = h('button', { type: 'button', onclick: () => open(clientId) }, 'Try again');
      replaceChildren(main, h('div', { class: 'message error', role: 'alert' }, errorMessage(error)), retry);
      retry.focus();
      return;
    }
    if (round.currentId !== clientId) return;
    renderForm(form, summary, round.drafts.get(clientId) ?? null);
    const next = round.nextPending(clientId);
    if (next) loadForm(next).catch(() => undefined);
  };

  const renderForm = (
    form: CheckInForm,
    summary: DueClient | null,
    draft: Record<string, string> | null,
  ): void => {
    const controller = new FormController();
    const existing = form.existing;
    const typed = (key: string, fallback: string): string => typedValue(draft, key, fallback);
    const locale = sidebarContext().locale;
    const metricFields = form.metrics.map((metric) =>
      metricField(
        controller,
        metric,
        typed(`values.${metric.name}`, typedValue(existing?.values ?? null, metric.name, '')),
        form.previousWeekOf,
      ),
    );
    // A warning shown for a metric, with the text it was about: Enter again on that same text keeps it.
    const pending = new Map<string, string>();
    for (const metric of form.metrics) {
      const input = controller.control<HTMLInputElement>(`values.${metric.name}`);
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
        const text = input.value.trim();
        const warning = warningFor(metric, text, locale);
        if (warning === null || pending.get(metric.name) === text) return;
        event.preventDefault();
        event.stopPropagation();
        pending.set(metric.name, text);
        controller.setFieldError(`values.${metric.name}`, warning);
      });
    }
    const satisfaction = numberInput(typed('satisfaction', existing?.satisfaction ?? ''), {
      // No maxlength: it would cut a pasted or mistyped "100" to "10" and save that without a word.
      inputmode: 'numeric',
      placeholder: '1–10',
      class: 'number short',
    });
    const saveButton = h('button', { type: 'submit', class: 'action' }, 'Save & next');
    const skipButton = h(
      'button',
      {
        type: 'button',
        title: 'Skip this client (Alt+S)',
        'aria-keyshortcuts': 'Alt+S',
        onclick: () => skip(),
      },
      'Skip',
    );
    const formElement = h(
      'form',
      {
        class: 'checkin-form',
        novalidate: true,
        'aria-labelledby': 'checkin-client-name',
        'data-client-id': form.client.clientId,
      },
      h(
        'div',
        { class: 'client-head' },
        h('h2', { id: 'checkin-client-name', class: 'client-name' }, form.client.name),
        h('div', { class: 'muted small' }, clientFacts(form, summary)),
      ),
      handlingSection(form.handling, undefined, { compact: true }),
      controller.general,
      existing
        ? h(
            'div',
            { class: 'notice' },
            h(
              'p',
              null,
              `Already logged for the week of ${formatShortDate(form.weekOf)}: the form shows that row. ` +
                `Tick Replace to save over it (the old values are kept in a note).`,
            ),
            controller.checkbox('replace', 'Replace this week’s row (Alt+R)'),
          )
        : null,
      metricFields.length
        ? h('fieldset', { class: 'metrics' }, h('legend', null, 'Metrics this week'), metricFields)
        : h('p', { class: 'muted small' }, 'This client has no metrics yet.'),
      // Only the fields this tab's log has a column for (an adopted tab may have none of them).
      form.fields.satisfaction
        ? controller.field('satisfaction', 'Satisfaction (1–10)', satisfaction, { className: 'inline-field' })
        : null,
      TEXT_FIELDS.filter(({ key }) => form.fields[key]).map(({ key, label }) =>
        controller.field(key, label, textArea(typed(key, existing ? existing[key] : ''), 2), {
          className: 'text-field',
        }),
      ),
      controller.checkbox(
        'noContact',
        NO_CONTACT_LABEL,
        false,
        'Written in the log as such; the client stays due for a follow-up.',
      ),
      h(
        'div',
        { class: 'buttons' },
        saveButton,
        skipButton,
        h(
          'span',
          { class: 'shortcut-hint', 'aria-hidden': 'true' },
          existing ? 'Enter: next · Alt+S: skip · Alt+R: replace' : 'Enter: next · Alt+S: skip',
        ),
      ),
    );

    const fieldText = (key: string): string => {
      try {
        return controller.value(key).trim();
      } catch {
        return ''; // a field this tab does not have
      }
    };

    const save = (): void => {
      if (controller.busy) return;
      controller.clearErrors();
      const enteredBy = nameInput.value.replace(/\s+/g, ' ').trim();
      const { entry, errors, warnings } = checkSave(form, fieldText, {
        enteredBy,
        noContact: controller.checked('noContact'),
        replace: existing ? controller.checked('replace') : false,
        pending,
        locale,
      });
      if (errors.length) {
        controller.showErrors(errors);
        return;
      }
      if (enteredBy === '') {
        // Asked once, where it cannot be missed: nothing is saved without it, then it is remembered.
        nameError.textContent = 'Type your name once: it goes in Entered by and is remembered.';
        nameError.hidden = false;
        nameField.classList.add('has-error');
        controller.showMessage(notSaved('type your name above first.'));
        nameInput.focus();
        return;
      }
      if (warnings.length) {
        // Shown in place, focus kept: one more Enter saves the values as typed.
        for (const warning of warnings) {
          pending.set(warning.field.slice('values.'.length), controller.value(warning.field).trim());
          controller.setFieldError(warning.field, warning.message);
        }
        controller.showMessage(
          'Check the values marked below: press Enter again to save them as typed.',
          'warning',
        );
        return;
      }
      controller.run(formElement, saveButton, 'Saving…', async () => {
        const result = await run('rpcSaveCheckIn', entry);
        if (!result.ok) {
          controller.showErrors(result.errors, result.message);
          return;
        }
        forms.delete(form.client.clientId);
        if (round.saved(form.client.clientId))
          run('rpcSkipCheckIn', { clientId: form.client.clientId, weekOf: form.weekOf, draft: null }).catch(
            () => undefined,
          );
        replaceChildren(
          saved,
          `Saved ${form.client.name}${result.value.replaced ? ' (replaced this week’s row)' : ''}.`,
        );
        saved.className = 'status success';
        openNext(form.client.clientId);
      });
    };

    const skip = (): void => {
      if (controller.busy) return;
      const draft = draftOf(form, fieldText);
      const clientId = form.client.clientId;
      const kept = round.skip(clientId, draft);
      // Kept for the week on the server, so a reopened sidebar still shows the skip and the values.
      run('rpcSkipCheckIn', { clientId, weekOf: form.weekOf, draft: kept ? draft : {} })
        .then((result) => {
          if (result.ok) return;
          replaceChildren(saved, `${form.client.name}: ${result.message}`);
          saved.className = 'status error';
        })
        .catch((error) => {
          replaceChildren(saved, `${form.client.name}: the skip was not kept (${errorMessage(error)}).`);
          saved.className = 'status error';
        });
      replaceChildren(
        saved,
        kept
          ? `Skipped ${form.client.name}; what you typed is kept for when you come back.`
          : `Skipped ${form.client.name}.`,
      );
      saved.className = 'status info';
      openNext(clientId);
    };

    formElement.addEventListener('submit', (event) => {
      event.preventDefault();
      save();
    });
    formElement.addEventListener('keydown', (event) => {
      if (event.altKey && (event.code === 'KeyS' || event.key.toLowerCase() === 's')) {
        event.preventDefault();
        skip();
      }
      if (existing && event.altKey && (event.code === 'KeyR' || event.key.toLowerCase() === 'r')) {
        event.preventDefault();
        const replaceBox = controller.control<HTMLInputElement>('replace');
        replaceBox.checked = true;
        replaceBox.focus();
      }
    });
    // Enter on the ticked Replace box (where a refused save leaves the focus) saves, rather than walking
    // the whole form again: Space ticks it, Enter saves.
    if (existing) {
      const replaceBox = controller.control<HTMLInputElement>('replace');
      replaceBox.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' || !replaceBox.checked || event.shiftKey || event.altKey) return;
        event.preventDefault();
        event.stopPropagation();
        save();
      });
    }
    // "No contact" is ticked on purpose, never reached by Enter; Enter on it once ticked saves.
    const noContactBox = controller.control<HTMLInputElement>('noContact');
    noContactBox.removeAttribute('data-nav');
    noContactBox.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.altKey) return;
      event.preventDefault();
      save();
    });
    enterAdvances(formElement, save);
    replaceChildren(main, formElement);
    const first = formElement.querySelector<HTMLElement>('[data-nav]:not([type="checkbox"])');
    first?.focus();
  };

  const renderFinished = (): void => {
    round.finish();
    renderProgress();
    const due = round.due;
    const leftOut = round.leftOut();
    const back = leftOut.length
      ? h(
          'button',
          {
            type: 'button',
            class: 'action',
            onclick: () => {
              const first = round.backToSkipped();
              if (first) open(first);
            },
          },
          'Go back to skipped',
        )
      : null;
    const close = h('button', { type: 'button', onclick: () => google.script.host.close() }, 'Close');
    replaceChildren(
      main,
      h(
        'div',
        { class: 'finished' },
        h('h2', null, leftOut.length ? 'End of the list' : 'All done for this week'),
        h(
          'p',
          null,
          due && due.totalDue
            ? `${round.doneCount()} of ${due.totalDue} clients checked in for the week of ${formatDate(due.weekOf)}.`
            : 'No client is due this week.',
        ),
        leftOut.length ? h('p', null, `Skipped: ${leftOut.map((c) => c.name).join(', ')}.`) : null,
        h('div', { class: 'buttons' }, back, close),
      ),
    );
    (back ?? close).focus();
  };

  run('rpcGetDueList')
    .then((list) => {
      round.start(list);
      if (!nameTyped && list.enteredBy) nameInput.value = list.enteredBy;
      renderProgress();
      if (view.clientId) open(view.clientId);
      else openNext(null);
    })
    .catch((error) => {
      progressText.textContent = '';
      replaceChildren(main, h('div', { class: 'message error', role: 'alert' }, errorMessage(error)));
    });
}

function lastLabel(client: DueClient): string {
  return client.lastCheckIn ? `last ${formatShortDate(client.lastCheckIn)}` : 'no check-in yet';
}

function clientFacts(form: CheckInForm, summary: DueClient | null): string {
  const parts: string[] = [];
  if (form.client.clientType) parts.push(form.client.clientType);
  if (summary) {
    parts.push(`every ${plural(summary.cadenceDays, 'day')}`);
    parts.push(summary.lastCheckIn ? `last ${formatShortDate(summary.lastCheckIn)}` : 'first check-in');
  }
  if (!summary) parts.push(`week of ${formatShortDate(form.weekOf)}`);
  return parts.join(' · ');
}

/** One metric: the input with its unit, and beside it the last value, the baseline and the target. */
function metricField(
  controller: FormController,
  metric: MetricForm,
  value: string,
  previousWeekOf: string | null,
): HTMLElement {
  const input = numberInput(value, { 'data-metric': metric.name });
  const arrow = metric.direction === 'down' ? '↓' : '↑';
  const facts = h(
    'div',
    { class: 'metric-facts' },
    fact(previousWeekOf ? `Last (${formatShortDate(previousWeekOf)})` : 'Last', formatNumber(metric.last)),
    fact('Base', formatNumber(metric.baseline)),
    fact(
      `Target ${arrow}`,
      formatNumber(metric.target),
      metric.direction === 'down' ? 'Lower is better' : 'Higher is better',
    ),
  );
  return controller.field(`values.${metric.name}`, metric.name, input, {
    className: 'metric-field',
    after: [h('span', { class: 'unit', title: metric.unit || null }, metric.unit), facts],
  });
}

function fact(label: string, value: string, title?: string): HTMLElement {
  return h(
    'span',
    { class: 'fact', title: title ?? null },
    h('span', { class: 'fact-label' }, label),
    h('span', { class: 'fact-value' }, value),
  );
}
