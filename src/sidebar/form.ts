/**
 * What every sidebar form shares: labelled fields with an inline error slot, a general message at the
 * top (role=alert), Result errors mapped to their fields, Enter moving to the next field, and buttons
 * disabled while a call runs.
 */
import type { FieldError } from '../ui/rpc-types';
import { h, replaceChildren, uid, type Child } from './dom';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface Field {
  key: string;
  label: string;
  control: Control;
  error: HTMLElement;
  group: HTMLElement;
}

export interface FieldOptions {
  /** Shown under the label, muted. */
  hint?: Child;
  /** Shown right after the control (a unit, a button). */
  after?: Child;
  className?: string;
  /** Shown but not announced as the label (e.g. when a visible label would repeat a heading). */
  labelClass?: string;
  /** Marked before anything is submitted: an asterisk after the label, and aria-required. */
  required?: boolean;
}

/** The server's generic word for "see the fields"; the form says it in the one failed-save wording. */
const GENERIC_FIX = /^please fix the highlighted fields\.?$/i;

/**
 * The one wording of a failed save, in every form: "Nothing was saved: " and why, or, given how many
 * fields are marked, where to look.
 */
export function notSaved(reason: string | number): string {
  if (typeof reason === 'number')
    return `Nothing was saved: fix the ${reason === 1 ? 'field' : 'fields'} marked below.`;
  return `Nothing was saved: ${reason}`;
}

export class FormController {
  /** The general message at the top of the form. */
  readonly general = h('div', { class: 'message', role: 'alert', hidden: true });
  /** A success or progress line. */
  readonly status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly fields = new Map<string, Field>();
  busy = false;

  /** A labelled field. The control gets `data-nav` so Enter moves through the form in order. */
  field(key: string, label: string, control: Control, options: FieldOptions = {}): HTMLElement {
    const id = control.id || uid('f');
    control.id = id;
    control.name = control.name || key;
    control.setAttribute('data-nav', '');
    const error = h('div', { class: 'field-error', id: `${id}-error`, hidden: true });
    const hintId = options.hint ? `${id}-hint` : null;
    control.setAttribute('aria-describedby', [hintId, error.id].filter(Boolean).join(' '));
    if (options.required) control.setAttribute('aria-required', 'true');
    // A text area takes Shift+Enter for a new line (Enter moves on): said beside its label while it has focus.
    const keys =
      control instanceof HTMLTextAreaElement
        ? h('span', { class: 'keys-hint', 'aria-hidden': 'true' }, 'Shift+Enter: new line')
        : null;
    const group = h(
      'div',
      { class: `form-group ${options.className ?? ''}`.trim() },
      h(
        'label',
        { for: id, class: [options.labelClass, keys ? 'with-keys' : null].filter(Boolean).join(' ') || null },
        label,
        options.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null,
        keys,
      ),
      options.hint ? h('div', { class: 'hint', id: hintId }, options.hint) : null,
      options.after ? h('div', { class: 'control-row' }, control, options.after) : control,
      error,
    );
    this.fields.set(key, { key, label, control, error, group });
    return group;
  }

  /** A checkbox with its label on the right. */
  checkbox(key: string, label: string, checked = false, hint?: string): HTMLElement {
    const control = h('input', { type: 'checkbox', id: uid('f'), name: key, 'data-nav': '', checked });
    const error = h('div', { class: 'field-error', id: `${control.id}-error`, hidden: true });
    control.setAttribute('aria-describedby', error.id);
    const group = h(
      'div',
      { class: 'form-group checkbox-group' },
      h('label', { class: 'checkbox-label', for: control.id }, control, h('span', null, label)),
      hint ? h('div', { class: 'hint' }, hint) : null,
      error,
    );
    this.fields.set(key, { key, label, control, error, group });
    return group;
  }

  forget(key: string): void {
    this.fields.delete(key);
  }

  control<T extends Control = Control>(key: string): T {
    const field = this.fields.get(key);
    if (!field) throw new Error(`No field ${key}`);
    return field.control as T;
  }

  value(key: string): string {
    return this.control(key).value;
  }

  checked(key: string): boolean {
    return (this.control(key) as HTMLInputElement).checked;
  }

  label(key: string): string {
    return this.fields.get(key)?.label ?? key;
  }

  setFieldError(key: string, message: string): void {
    const field = this.fields.get(key);
    if (!field) return;
    field.error.textContent = message;
    field.error.hidden = false;
    field.control.setAttribute('aria-invalid', 'true');
    field.group.classList.add('has-error');
  }

  clearErrors(): void {
    for (const field of this.fields.values()) {
      field.error.textContent = '';
      field.error.hidden = true;
      field.control.removeAttribute('aria-invalid');
      field.group.classList.remove('has-error');
    }
    this.general.hidden = true;
    replaceChildren(this.general);
  }

  showMessage(message: string, kind: 'error' | 'warning' = 'error'): void {
    replaceChildren(this.general, message);
    this.general.className = `message ${kind}`;
    this.general.hidden = false;
  }

  showStatus(message: Child, kind: 'success' | 'info' = 'success'): void {
    replaceChildren(this.status, message);
    this.status.className = `status ${kind}`;
  }

  /**
   * Shows a failed Result: each error beside the field it names, anything unmatched in the general
   * message, and focus on the first invalid field. Returns false when nothing matched a field.
   */
  showErrors(errors: FieldError[], message?: string): void {
    this.clearErrors();
    const unmatched: string[] = [];
    const shown: string[] = [];
    let first: Field | undefined;
    for (const error of errors) {
      const field = this.find(error.field);
      if (field) {
        this.setFieldError(field.key, error.message);
        shown.push(error.message);
        first = first ?? field;
      } else {
        unmatched.push(error.message);
      }
    }
    // A message that repeats an error already shown beside its field is said once, there.
    const top =
      message &&
      !shown.includes(message) &&
      !GENERIC_FIX.test(message) &&
      !message.startsWith('Nothing was saved')
        ? message
        : undefined;
    const general = [top, ...unmatched].filter((text): text is string => !!text);
    if (general.length) this.showMessage(notSaved(general.join(' ')));
    else if (first) this.showMessage(notSaved(shown.length));
    if (first) {
      first.control.focus();
      if (first.control instanceof HTMLInputElement && first.control.type === 'text') first.control.select();
    } else {
      this.general.scrollIntoView({ block: 'nearest' });
    }
  }

  private find(name: string): Field | undefined {
    if (this.fields.has(name)) return this.fields.get(name);
    const lower = name.toLowerCase();
    for (const field of this.fields.values()) {
      if (field.key.toLowerCase() === lower || field.label.toLowerCase() === lower) return field;
      // `values.Revenue` ↔ `metric:Revenue` ↔ `Revenue`
      const bare = field.key.replace(/^(values\.|metric:)/, '').toLowerCase();
      if (bare === lower.replace(/^(values\.|metric:)/, '')) return field;
    }
    return undefined;
  }

  /**
   * Runs `task` with every button of `root` disabled and `button` showing `busyLabel`; a thrown error
   * (the server failed, the network dropped) is shown in the general message.
   */
  async run(
    root: HTMLElement,
    button: HTMLButtonElement,
    busyLabel: string,
    task: () => Promise<void>,
  ): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const label = button.textContent;
    const buttons = Array.from(root.querySelectorAll('button'));
    const wasDisabled = buttons.map((b) => b.disabled);
    buttons.forEach((b) => (b.disabled = true));
    button.textContent = busyLabel;
    button.classList.add('busy');
    root.setAttribute('aria-busy', 'true');
    try {
      await task();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.showMessage(notSaved(text || 'something went wrong. Try again.'));
    } finally {
      this.busy = false;
      root.removeAttribute('aria-busy');
      if (button.isConnected) {
        button.textContent = label;
        button.classList.remove('busy');
      }
      buttons.forEach((b, i) => (b.disabled = wasDisabled[i]));
    }
  }
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message ? `Something went wrong: ${message}` : 'Something went wrong. Try again.';
}

/**
 * Enter moves to the next field (`data-nav`, in document order), from any field (a radio button too, where
 * the browser would submit the form). Enter on the last field calls `onLast` when given (the check-in saves
 * there); otherwise it moves to the primary button, so only that button (Enter or a click on it) saves:
 * Enter pressed to move on never creates a half-filled record. Shift+Enter is a new line in a text area.
 */
export function enterAdvances(root: HTMLElement, onLast?: () => void): void {
  root.addEventListener('keydown', (event) => {
    if (
      event.key !== 'Enter' ||
      event.shiftKey ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      event.isComposing
    )
      return;
    const target = event.target as HTMLElement;
    const isField =
      target instanceof HTMLInputElement ||
      target instanceof HTMLSelectElement ||
      target instanceof HTMLTextAreaElement;
    if (!isField) return;
    event.preventDefault();
    const fields = Array.from(root.querySelectorAll<HTMLElement>('[data-nav]')).filter(
      (el) => !(el as HTMLInputElement).disabled && el.offsetParent !== null,
    );
    // The first field after this one in document order (this one may not be in the chain, e.g. a radio).
    const next = fields.find(
      (el) => el !== target && !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    if (next) {
      next.focus();
      if (next instanceof HTMLInputElement && next.type === 'text') next.select();
    } else if (onLast) {
      onLast();
    } else {
      root.querySelector<HTMLButtonElement>('button[type="submit"].action:not(:disabled)')?.focus();
    }
  });
}

/**
 * The form saves on submit (its primary button, a click or Enter on it) and Enter moves on from a field
 * (`enterAdvances`); with `enterOnLastSaves`, Enter on the last field saves too.
 */
export function saveOnSubmit(form: HTMLElement, submit: () => void, enterOnLastSaves: boolean): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  enterAdvances(form, enterOnLastSaves ? submit : undefined);
}

/**
 * A number field's example is shown as "e.g. 1,200" (muted, italic): a bare "1,200" in the box reads as a
 * value already typed. A range or a word ("1–10", "Optional") is left as it is.
 */
export function examplePlaceholder(placeholder: string): string {
  return /^[$€£¥]?\s?[\d.,\s]+\s?[%$€£¥]?$/.test(placeholder) ? `e.g. ${placeholder}` : placeholder;
}

export function textInput(attrs: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
}

export function numberInput(
  value = '',
  attrs: Record<string, string | number | boolean> = {},
): HTMLInputElement {
  const placeholder = typeof attrs.placeholder === 'string' ? examplePlaceholder(attrs.placeholder) : null;
  return h('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    class: 'number',
    value,
    ...attrs,
    placeholder,
  });
}

export function textArea(value = '', rows = 2): HTMLTextAreaElement {
  return h('textarea', { rows, value });
}

export function select(
  options: (string | { value: string; label: string })[],
  value = '',
): HTMLSelectElement {
  const element = h(
    'select',
    null,
    options.map((option) => {
      const { value: v, label } = typeof option === 'string' ? { value: option, label: option } : option;
      return h('option', { value: v }, label);
    }),
  );
  element.value = value;
  return element;
}

export function dateInput(value = ''): HTMLInputElement {
  return h('input', { type: 'date', value });
}

export function button(
  label: string,
  className: string | null,
  onClick?: (event: MouseEvent) => void,
  type = 'button',
) {
  return h('button', { type, class: className, onclick: onClick ?? null }, label);
}

/** A save's server call: the saved value, or the server's own field errors with nothing written. */
export type SaveCall<T> = () => Promise<
  { ok: true; value: T; message?: string } | { ok: false; errors: FieldError[]; message: string }
>;

/**
 * A form's save path: check in the browser (nothing is sent while a field is wrong), then call the server
 * with the buttons disabled, then show the server's own field errors or hand the value to `onSaved`.
 */
export function submitWith<T>(
  controller: FormController,
  formElement: HTMLElement,
  saveButton: HTMLButtonElement,
  busyLabel: string,
  check: () => FieldError[],
  call: SaveCall<T>,
  onSaved: (value: T, message?: string) => void,
): () => void {
  return () => {
    if (controller.busy) return;
    controller.clearErrors();
    const errors = check();
    if (errors.length) {
      controller.showErrors(errors);
      return;
    }
    controller.run(formElement, saveButton, busyLabel, async () => {
      const result = await call();
      if (result.ok) onSaved(result.value, result.message);
      else controller.showErrors(result.errors, result.message);
    });
  };
}
