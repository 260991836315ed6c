import { FIX_FIELDS, refusal } from '../../src/core/outcome';

describe('refusal', () => {
  test('one problem: the user reads that problem', () => {
    const errors = [{ field: 'amount', message: 'Amount must be a number.' }];
    expect(refusal(errors)).toEqual({ ok: false, errors, message: 'Amount must be a number.' });
  });

  test('several problems: the user is asked to fix the highlighted fields', () => {
    const errors = [
      { field: 'amount', message: 'Amount must be a number.' },
      { field: 'due', message: 'Due must be a date.' },
    ];
    expect(refusal(errors).message).toBe(FIX_FIELDS);
  });

  test('a message of its own wins, with or without field problems', () => {
    expect(refusal([], 'Someone changed the tab: save again.')).toEqual({
      ok: false,
      errors: [],
      message: 'Someone changed the tab: save again.',
    });
  });
});
