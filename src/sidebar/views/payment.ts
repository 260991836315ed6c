/**
 * Record a payment against one of the client's open invoices (the amount defaults to what it still owes;
 * less is a part payment and the invoice stays open), and make an invoice ahead: the next one of the
 * monthly fee, or any due date and amount.
 */
import type { ClientInvoices, InvoiceSummary } from '../../ui/rpc-types';
import { h, replaceChildren } from '../dom';
import { dateInput, FormController, numberInput, saveOnSubmit, select, submitWith, textInput } from '../form';
import { formatDate, formatMoney, formatNumber, todayIso, useSpreadsheetToday } from '../format';
import { run } from '../rpc';
import type { Navigate } from '../router';
import { checkAmount, checkIsoDate } from '../validate';
import { ClientForm, spreadsheetToday } from './client-form';

/** `28 Oct 2026 · $1,500 · overdue` (`$500 left` after a part payment): one invoice in the list. */
export function invoiceLabel(invoice: InvoiceSummary): string {
  const owed = `${formatMoney(invoice.stillDue)}${invoice.paidAmount ? ' left' : ''}`;
  return [formatDate(invoice.due), owed, invoice.late ? 'overdue' : ''].filter(Boolean).join(' · ');
}

export function paymentView(root: HTMLElement, view: { clientId?: string }, nav: Navigate): void {
  const scaffold = new ClientForm(view, nav, 'Record payment');
  const { controller, picker } = scaffold;
  const invoiceSelect = select([{ value: '', label: 'Choose a client first' }]);
  invoiceSelect.disabled = true;
  const amount = numberInput('', { placeholder: formatNumber(1200) });
  const form = scaffold.form(
    controller.field('invoice', 'Invoice', invoiceSelect, { required: true }),
    h(
      'div',
      { class: 'two-columns' },
      controller.field('paid', 'Paid on', dateInput(todayIso()), { required: true }),
      controller.field('amount', 'Amount paid', amount, { required: true }),
    ),
    controller.field('note', 'Note', textInput({ placeholder: 'Optional' })),
  );

  let invoices: ClientInvoices | null = null;
  const chosen = (): InvoiceSummary | undefined =>
    invoices?.open.find((invoice) => String(invoice.row) === invoiceSelect.value);
  const defaultAmount = () => {
    const invoice = chosen();
    amount.value = invoice ? formatNumber(invoice.stillDue) : '';
  };
  invoiceSelect.addEventListener('change', defaultAmount);

  const invoiceForm = newInvoiceForm(
    () => controller.value('clientId'),
    () => load(),
  );

  let token = 0;
  /** Lists the client's open invoices (oldest first, so the one to chase is picked) and the schedule. */
  const load = async (): Promise<void> => {
    const mine = ++token;
    const clientId = controller.value('clientId');
    invoices = null;
    invoiceSelect.disabled = true;
    replaceChildren(
      invoiceSelect,
      h('option', { value: '' }, clientId ? 'Loading invoices…' : 'Choose a client first'),
    );
    invoiceForm.show(null);
    if (!clientId) return;
    const answer = await run('rpcGetInvoices', clientId);
    if (mine !== token) return;
    invoices = answer;
    const open = answer?.open ?? [];
    replaceChildren(
      invoiceSelect,
      open.length
        ? open.map((invoice) => h('option', { value: String(invoice.row) }, invoiceLabel(invoice)))
        : h('option', { value: '' }, 'No open invoices: make one below'),
    );
    invoiceSelect.disabled = open.length === 0;
    defaultAmount();
    invoiceForm.show(answer);
    // The list was disabled while it loaded, so the first focus missed it: the keyboard starts here.
    const idle = !document.activeElement || document.activeElement === document.body;
    if (idle || document.activeElement === picker.select)
      (open.length ? invoiceSelect : invoiceForm.firstField).focus();
  };
  picker.select.addEventListener('change', () => {
    load().catch((error) => controller.showMessage(String(error)));
  });
  picker.ready.then(() => load()).catch(() => undefined);

  const submit = scaffold.submitWith(
    form,
    'Saving…',
    () => {
      const errors = [];
      if (controller.value('clientId') && !chosen())
        errors.push({ field: 'invoice', message: 'Choose the invoice this pays, or make one below.' });
      const paid = checkIsoDate('Paid date', controller.value('paid'));
      if (paid) errors.push({ field: 'paid', message: paid });
      const check = checkAmount('Amount', controller.value('amount'), true);
      if (!check.ok) errors.push({ field: 'amount', message: check.message });
      return errors;
    },
    () => {
      const invoice = chosen() as InvoiceSummary;
      return run('rpcPayInvoice', {
        clientId: controller.value('clientId'),
        row: invoice.row,
        due: invoice.due ?? '',
        paid: controller.value('paid'),
        amount: controller.value('amount').trim(),
        note: controller.value('note').trim(),
      });
    },
    (value) => {
      const name = picker.selected()?.name ?? 'the client';
      controller.showStatus(
        value.stillDue > 0
          ? `Part payment recorded for ${name}: ${formatMoney(value.stillDue)} still due.`
          : `Payment recorded for ${name}: invoice paid.`,
      );
      controller.control('note').value = '';
      load()
        .then(() => invoiceSelect.focus())
        .catch(() => undefined);
    },
  );
  useSpreadsheetToday([controller.control<HTMLInputElement>('paid')], spreadsheetToday);
  scaffold.show(root, 'Log a payment', form, submit, invoiceSelect);
  root.append(invoiceForm.element);
}

/** The "New invoice" form under the payment: due date and amount, defaulted from the fee schedule. */
function newInvoiceForm(
  clientId: () => string,
  saved: () => Promise<void>,
): { element: HTMLElement; firstField: HTMLElement; show: (invoices: ClientInvoices | null) => void } {
  const controller = new FormController();
  const due = dateInput('');
  const amount = numberInput('', { placeholder: formatNumber(1200) });
  const note = textInput({ placeholder: 'Optional' });
  const create = h('button', { type: 'submit' }, 'Create invoice');
  const schedule = h('p', { class: 'hint', 'data-field': 'fee-schedule' });
  const form = h(
    'form',
    { novalidate: true, class: 'new-invoice', hidden: true },
    h('h2', null, 'New invoice'),
    schedule,
    controller.general,
    controller.status,
    h(
      'div',
      { class: 'two-columns' },
      controller.field('due', 'Due', due, { required: true }),
      controller.field('amount', 'Amount', amount, { required: true }),
    ),
    controller.field('note', 'Note', note),
    h('div', { class: 'buttons' }, create),
  );
  const submit = submitWith(
    controller,
    form,
    create,
    'Creating…',
    () => {
      const errors = [];
      const day = checkIsoDate('Due date', due.value);
      if (day) errors.push({ field: 'due', message: day });
      const check = checkAmount('Amount', amount.value, true);
      if (!check.ok) errors.push({ field: 'amount', message: check.message });
      return errors;
    },
    () =>
      run('rpcCreateInvoice', {
        clientId: clientId(),
        due: due.value,
        amount: amount.value.trim(),
        note: note.value.trim(),
      }),
    () => {
      controller.showStatus(`Invoice due ${formatDate(due.value)} created.`);
      note.value = '';
      saved().catch(() => undefined);
    },
  );
  saveOnSubmit(form, submit, true);
  return {
    element: form,
    firstField: due,
    show(invoices) {
      form.hidden = invoices === null;
      const next = invoices?.scheduled ?? null;
      due.value = next?.due ?? todayIso();
      amount.value = next ? formatNumber(next.amount) : '';
      schedule.textContent = next
        ? `Next on the fee schedule: ${formatMoney(next.amount)} due ${formatDate(next.due)}.`
        : 'No monthly fee in the roster: type the due date and amount.';
    },
  };
}
