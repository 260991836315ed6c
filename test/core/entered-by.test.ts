import { cleanEnteredBy, ENTERED_BY_MAX } from '../../src/core/entered-by';

test('the name is written trimmed, its runs of white space (new lines too) one space', () => {
  expect(cleanEnteredBy('  Ana \n  Lima ')).toEqual({ ok: true, value: 'Ana Lima' });
});

test('left out, the remembered name is kept; blank clears it', () => {
  expect(cleanEnteredBy(undefined)).toEqual({ ok: true, value: undefined });
  expect(cleanEnteredBy('   ')).toEqual({ ok: true, value: '' });
});

test('at most 80 characters once trimmed, which the sidebar field also allows', () => {
  expect(ENTERED_BY_MAX).toBe(80);
  expect(cleanEnteredBy(` ${'a'.repeat(80)} `)).toEqual({ ok: true, value: 'a'.repeat(80) });
  expect(cleanEnteredBy('a'.repeat(81))).toEqual({
    ok: false,
    message: 'Your name can be at most 80 characters.',
  });
  expect(cleanEnteredBy(42)).toEqual({ ok: false, message: 'Your name must be text.' });
});
