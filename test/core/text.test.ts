import { textNeedsProtection } from '../../src/core/text';

describe('textNeedsProtection: text Sheets could read as something else', () => {
  it.each([
    '=SUM(A1)',
    '+1 call',
    '-5',
    '@va',
    '#N/A',
    "'quoted",
    '007',
    '3/4',
    '12:30',
    '5%',
    'TRUE',
    'false',
    ' padded',
    'Q3 plan',
  ])('%j needs the plain-text format', (text) => expect(textNeedsProtection(text)).toBe(true));

  it.each(['', 'Closed two deals', 'Acme Co', 'O’Brien', 'Logo, then fonts!'])(
    '%j is written as it is',
    (text) => expect(textNeedsProtection(text)).toBe(false),
  );
});
