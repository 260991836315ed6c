import { parseCheckIn } from '../../src/core/checkin';
import { parseSatisfaction } from '../../src/core/satisfaction';
import { checkSatisfaction } from '../../src/sidebar/validate';

test.each([
  ['7', 'en_US', 7],
  [' 10 ', 'en_US', 10],
  ['7.0', 'en_US', 7],
  ['7,0', 'de_DE', 7],
  [8, 'en_US', 8],
  ['', 'en_US', null],
])('satisfaction %j in %s is %j', (typed, locale, score) => {
  expect(parseSatisfaction(typed, locale)).toEqual({ ok: true, value: score });
});

test.each([['0'], ['11'], ['7.5'], ['good'], ['-3'], [true], [null]])(
  'satisfaction %j is refused',
  (typed) => {
    expect(parseSatisfaction(typed, 'en_US')).toEqual({
      ok: false,
      message: expect.stringMatching(/^Satisfaction must be a whole number from 1 to 10; got /),
    });
  },
);

test('the sidebar refuses exactly what the save refuses, with the same message', () => {
  const entry = { weekOf: '2024-06-10', values: {}, wins: '', blockers: '', notes: '' };
  const readWeek = () => 19_884;
  for (const [typed, locale] of [
    ['7.0', 'en_US'],
    ['7,0', 'de_DE'],
    ['7.5', 'en_US'],
    ['x', 'en_US'],
    ['9', 'de_DE'],
  ]) {
    const server = parseCheckIn({ ...entry, satisfaction: typed }, [], readWeek, locale);
    const sidebar = checkSatisfaction(typed, locale);
    expect([typed, sidebar.ok]).toEqual([typed, server.ok]);
    if (!sidebar.ok && !server.ok)
      expect(server.errors).toContainEqual({ field: 'satisfaction', message: sidebar.message });
  }
});
