/** What checks and saves answer: the value, or the field problems and why nothing was written. */

/** A problem with one field of a form, shown next to the field it names. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A form checked: its parsed value, or the problems with its fields. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldProblem[] };

/** A save refused: nothing was written; `message` is what the user reads. */
export interface Refusal {
  ok: false;
  errors: FieldProblem[];
  message: string;
}

/** What a save answers: its value (and a note the user should see, if any), or a refusal. */
export type Outcome<T> = { ok: true; value: T; message?: string } | Refusal;

export const FIX_FIELDS = 'Please fix the highlighted fields.';

/** The refusal of `errors`: the one problem's message, else a request to fix the highlighted fields. */
export function refusal(errors: FieldProblem[], message?: string): Refusal {
  return {
    ok: false,
    errors,
    message: message ?? (errors.length === 1 ? errors[0].message : FIX_FIELDS),
  };
}
