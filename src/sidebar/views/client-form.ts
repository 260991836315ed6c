/**
 * What the per-client forms (payment, request, offboard) share: the client dropdown as the first field,
 * the save button beside "Client card", Enter moving on (to the save button after the last field: only the
 * button saves), and focus once the clients have loaded.
 */
import type { ClientStatus, FieldError, IsoDate } from '../../ui/rpc-types';
import { h, replaceChildren, type Child } from '../dom';
import { FormController, saveOnSubmit, submitWith, type SaveCall } from '../form';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { clientPicker, type ClientPicker } from './client-picker';

export class ClientForm {
  readonly controller = new FormController();
  readonly picker: ClientPicker;
  readonly save: HTMLButtonElement;
  private readonly clientField: HTMLElement;
  private readonly buttons: HTMLElement;
  private readonly view: { clientId?: string };

  /** The client dropdown (field `clientId`; optionally only some statuses) and the buttons. */
  constructor(view: { clientId?: string }, nav: Navigate, saveLabel: string, statuses?: ClientStatus[]) {
    this.view = view;
    this.picker = clientPicker(view.clientId, statuses);
    const select = this.picker.select;
    this.clientField = this.controller.field('clientId', 'Client', select, { required: true });
    this.save = h('button', { type: 'submit', class: 'action' }, saveLabel);
    this.buttons = h(
      'div',
      { class: 'buttons' },
      this.save,
      h(
        'button',
        { type: 'button', onclick: () => select.value && nav({ view: 'card', clientId: select.value }) },
        'Client card',
      ),
    );
  }

  /** The form: messages, the client, `fields`, then the buttons. */
  form(...fields: Child[]): HTMLFormElement {
    const { general, status } = this.controller;
    return h('form', { novalidate: true }, general, status, this.clientField, fields, this.buttons);
  }

  /** The first browser-side check: a client is chosen. */
  clientErrors(): FieldError[] {
    return this.controller.value('clientId') ? [] : [{ field: 'clientId', message: 'Choose a client.' }];
  }

  /** `submitWith` on this form's save button, with the client checked before `check`'s own fields. */
  submitWith<T>(
    form: HTMLFormElement,
    busyLabel: string,
    check: () => FieldError[],
    call: SaveCall<T>,
    onSaved: (value: T, message?: string) => void,
  ): () => void {
    const checkAll = () => [...this.clientErrors(), ...check()];
    return submitWith(this.controller, form, this.save, busyLabel, checkAll, call, onSaved);
  }

  /**
   * Shows `form` under its heading in `root`, saves on submit (the save button), and once the
   * clients have loaded focuses `firstField` when the view opened on a client (the dropdown otherwise).
   */
  show(
    root: HTMLElement,
    title: string,
    form: HTMLFormElement,
    submit: () => void,
    firstField: HTMLElement,
  ): void {
    saveOnSubmit(form, submit, false);
    replaceChildren(root, h('header', { class: 'view-header' }, h('h1', null, title)), form);
    const { picker, view } = this;
    picker.ready.then(() => (view.clientId ? firstField : picker.select).focus()).catch(() => undefined);
  }
}

/** The spreadsheet's today, for `useSpreadsheetToday`. */
export function spreadsheetToday(): Promise<IsoDate> {
  return run('rpcGetNewClientDefaults').then((defaults) => defaults.today);
}
