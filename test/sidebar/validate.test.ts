/** The sidebar's number checks accept what people type and name the field when they can't read it. */
import { checkAmount, checkMetric, checkNumber, checkSatisfaction } from '../../src/sidebar/validate';
import { checkMoney } from '../../src/core/money';

test.each([
  ['1,200', 1200],
  ['$1,200', 1200],
  ['12%', 0.12],
  ['3.5k', 3500],
  [' 82.5 ', 82.5],
  ['', null],
])('reads %j', (text, value) => {
  expect(checkNumber('Revenue', text)).toEqual({ ok: true, value });
});

test('names the field and quotes what was typed', () => {
  const check = checkNumber('Monthly revenue', 'abc');
  expect(check.ok).toBe(false);
  if (!check.ok) expect(check.message).toMatch(/^Monthly revenue must be a number.*got "abc"/);
});

test('a required number may not be blank', () => {
  expect(checkNumber('Amount', ' ', true)).toEqual({ ok: false, message: 'Amount is required.' });
});

test.each(['1', '10', '', ' 7 '])('satisfaction %j is fine', (text) => {
  expect(checkSatisfaction(text).ok).toBe(true);
});

test.each(['0', '11', '7.5', 'good', '-3'])('satisfaction %j is refused', (text) => {
  const check = checkSatisfaction(text);
  expect(check.ok).toBe(false);
  if (!check.ok) expect(check.message).toContain('1 to 10');
});

test('a metric value may carry its unit, read as the server reads it (70% in a % metric is 70)', () => {
  expect(checkMetric('Billable ratio', '70%', '%', 'en_US')).toEqual({ ok: true, value: 70 });
  expect(checkMetric('Weight', '85,5 kg', 'kg', 'de_DE')).toEqual({ ok: true, value: 85.5 });
  expect(checkMetric('Leads', '12%', '', 'en_US')).toEqual({ ok: true, value: 0.12 });
  const bad = checkMetric('Weight', '85 lb', 'kg', 'en_US');
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.message).toMatch(/^Weight: "85 lb" is not a number in this spreadsheet's locale/);
  // The locale and nothing else: 12,5 is not a number in en_US, where the comma groups thousands.
  expect(checkMetric('Revenue', '12,5', 'USD', 'en_US')).toEqual({
    ok: false,
    message:
      `Revenue: "12,5" is not a number in this spreadsheet's locale (en_US), where "." is the ` +
      `decimal separator and "," groups thousands.`,
  });
  expect(checkMetric('Revenue', '1,250', 'USD', 'en_US')).toEqual({ ok: true, value: 1250 });
});

test('money fields are checked by the server’s own rule: same bounds, same message', () => {
  for (const text of ['1e308', '-5', '2,000']) {
    expect(checkAmount('Monthly fee', text, true, false, 'en_US')).toEqual(
      checkMoney('Monthly fee', text, 'en_US'),
    );
  }
  expect(checkAmount('Amount', ' ', true, false, 'en_US')).toEqual({
    ok: false,
    message: 'Amount is required.',
  });
  expect(checkAmount('Yearly profit', '-300', false, true, 'en_US')).toEqual({ ok: true, value: -300 });
});
