import { clip, shown } from '../../src/core/quote';

test('values quoted in messages are cut to 40 characters', () => {
  expect(shown('abc')).toBe('"abc"');
  expect(shown('x'.repeat(1000))).toBe(`"${'x'.repeat(39)}…"`);
  expect(shown({ a: 1 })).toBe('"{"a":1}"');
});

test('clip cuts at 40 characters with an ellipsis and leaves shorter text alone', () => {
  expect(clip('short')).toBe('short');
  expect(clip('y'.repeat(41))).toBe(`${'y'.repeat(39)}…`);
});
