import { checkDecision, isUndecided } from '../../src/core/requests';

describe('checkDecision', () => {
  test('a change order with its fee, a decline, an absorbed request with its hours', () => {
    expect(checkDecision('Change order', '$1,250.50', '', 'en_US')).toEqual({
      ok: true,
      decision: 'Change order',
      fee: 1250.5,
      hours: null,
    });
    expect(checkDecision('declined', '', '', 'en_US')).toEqual({
      ok: true,
      decision: 'Declined',
      fee: null,
      hours: null,
    });
    // Hours read in the spreadsheet's locale: 2,5 is two and a half hours in de_DE.
    expect(checkDecision('Included in scope', '', '2,5', 'de_DE')).toEqual({
      ok: true,
      decision: 'Included in scope',
      fee: null,
      hours: 2.5,
    });
  });
  test.each([
    ['Change order', '', '', 'fee', 'A change order needs its fee.'],
    ['Declined', '100', '', 'fee', 'Only a change order has a fee; this request is "Declined".'],
    ['Included in scope', '', '', 'hours', 'Enter the hours absorbed (what the work cost you).'],
    [
      'Included in scope',
      '',
      '0',
      'hours',
      'Hours absorbed must be a number of hours from 0.01 to 1000; got "0".',
    ],
    [
      'Included in scope',
      '',
      '1001',
      'hours',
      'Hours absorbed must be a number of hours from 0.01 to 1000; got "1001".',
    ],
    [
      'Change order',
      '500',
      '3',
      'hours',
      'Only an absorbed request has hours absorbed; this request is "Change order".',
    ],
    ['Open', '', '', 'decision', 'Decide the request: Change order, Declined, Included in scope.'],
    [42, '', '', 'decision', 'Decide the request: Change order, Declined, Included in scope.'],
  ])('%s (fee %s, hours %s) is refused on %s', (decision, fee, hours, field, message) => {
    const result = checkDecision(decision, fee, hours, 'en_US');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContainEqual({ field, message });
  });
});

test('isUndecided: Open or blank, in any case', () => {
  expect(isUndecided('Open')).toBe(true);
  expect(isUndecided(' open ')).toBe(true);
  expect(isUndecided('')).toBe(true);
  expect(isUndecided('Declined')).toBe(false);
  expect(isUndecided('Included in scope')).toBe(false);
});
