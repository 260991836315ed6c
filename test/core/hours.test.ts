import { checkHours, MIN_HOURS } from '../../src/core/hours';

describe('checkHours: hours as a coach types them', () => {
  test.each([
    ['12', 'en_US', 12],
    ['7.5', 'en_US', 7.5],
    ['7,5', 'de_DE', 7.5],
    [40, 'en_US', 40],
    ['0.01', 'en_US', MIN_HOURS],
    ['744', 'en_US', 744],
  ])('%j in %s is %d hours', (raw, locale, hours) => {
    expect(checkHours('Hours per month', raw, locale, 744)).toEqual({ ok: true, value: hours });
  });

  test.each(['', '   ', null, undefined])('blank (%j) is no hours, for the caller to allow or not', (raw) => {
    expect(checkHours('Hours per month', raw, 'en_US', 744)).toEqual({ ok: true, value: null });
  });

  test.each([
    ['0', '"0"'],
    ['-3', '"-3"'],
    [5e-324, '"5e-324"'],
    ['0.001', '"0.001"'],
    ['745', '"745"'],
    ['Infinity', '"Infinity"'],
    ['twelve', '"twelve"'],
    ['x'.repeat(100), `"${'x'.repeat(39)}…"`],
  ])('%j is refused, named in the message', (raw, got) => {
    expect(checkHours('Hours per month', raw, 'en_US', 744)).toEqual({
      ok: false,
      message: `Hours per month must be a number of hours from 0.01 to 744; got ${got}.`,
    });
  });

  test.each([[true], [{ hours: 3 }], [[12]]])('%j is refused as something else', (raw) => {
    expect(checkHours('Hours absorbed', raw, 'en_US', 1000)).toEqual({
      ok: false,
      message: 'Hours absorbed must be a number of hours from 0.01 to 1000; got something else.',
    });
  });
});
