/** The forms' wording helpers (src/sidebar/form.ts): one failed-save wording, examples that read as examples. */
import { examplePlaceholder, notSaved } from '../../src/sidebar/form';

test('a failed save says so the same way, with the reason or where to look', () => {
  expect(notSaved(1)).toBe('Nothing was saved: fix the field marked below.');
  expect(notSaved(3)).toBe('Nothing was saved: fix the fields marked below.');
  expect(notSaved('Someone else is saving to this spreadsheet right now.')).toBe(
    'Nothing was saved: Someone else is saving to this spreadsheet right now.',
  );
});

test.each([
  ['1,500', 'e.g. 1,500'],
  ['12.000', 'e.g. 12.000'],
  ['$ 400', 'e.g. $ 400'],
  ['7', 'e.g. 7'],
  ['12%', 'e.g. 12%'],
  ['1–10', '1–10'],
  ['Optional', 'Optional'],
  ['Where they start', 'Where they start'],
])('a number example %j is shown as %j', (placeholder, shown) => {
  expect(examplePlaceholder(placeholder)).toBe(shown);
});
