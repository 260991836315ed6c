/**
 * Acting on a portfolio review row: the flow it opens arrives prefilled (the card's Record a raise, or
 * the offboarding form), with a line saying where the values came from. Nothing is saved until the coach saves.
 */
import type { RaisePrefill } from '../../ui/rpc-types';
import { h } from '../dom';
import { formatDate, formatMoney } from '../format';

/** The line above a prefilled form. */
function fromReview(text: string): HTMLElement {
  return h('p', { class: 'hint review-prefill', 'data-field': 'review-prefill' }, text);
}

/** Opens the card's Record a raise form (inside `section`) with the review's fee and start day, focused on the fee. */
export function openPrefilledRaise(section: HTMLElement, raise: RaisePrefill): void {
  const form = section.querySelector<HTMLFormElement>('form[data-form="raise"]');
  const open = section.querySelector<HTMLButtonElement>('[data-action="record-raise"]');
  if (!form || !open) return;
  const fee = form.querySelector<HTMLInputElement>('input[name="monthlyFee"]');
  const from = form.querySelector<HTMLInputElement>('input[name="from"]');
  if (fee) fee.value = String(raise.monthlyFee);
  if (from) from.value = raise.from;
  form.prepend(
    fromReview(
      `From the portfolio review: ${formatMoney(raise.monthlyFee)} a month ` +
        `from ${formatDate(raise.from)}. Change anything before you record it.`,
    ),
  );
  open.click();
  section.scrollIntoView?.({ block: 'start' });
}

/** The offboarding form's prefill from a review row: the end date, the reason (when it is one of ours), a note. */
export function offboardPrefill(
  view: { endDate?: string; reason?: string },
  reasons: readonly string[],
): { endDate: string | null; reason: string; note: HTMLElement | null } {
  const endDate =
    typeof view.endDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(view.endDate) ? view.endDate : null;
  const reason = typeof view.reason === 'string' && reasons.includes(view.reason) ? view.reason : '';
  if (!endDate) return { endDate: null, reason, note: null };
  return {
    endDate,
    reason,
    note: fromReview(
      `From the portfolio review: end on ${formatDate(endDate)}, the earliest close of a program period ` +
        `with a month's notice given today.`,
    ),
  };
}
