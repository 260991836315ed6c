import { dayFromYmd, formatIsoDay } from '../../src/core/dates';
import { parseMonthDay, yearsFor } from '../../src/core/yearless-date';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromYmd(y, m, d) as number;
};

test('reads the year-less dates coaches type, in English and German', () => {
  expect(parseMonthDay('3 Mar')).toEqual({ month: 3, day: 3 });
  expect(parseMonthDay('Mar 3rd')).toEqual({ month: 3, day: 3 });
  expect(parseMonthDay('July 1st – 7th')).toEqual({ month: 7, day: 1 });
  expect(parseMonthDay('Nov 27 – Dec 3')).toEqual({ month: 11, day: 27 });
  expect(parseMonthDay('3. März')).toEqual({ month: 3, day: 3 });
  expect(parseMonthDay('1. Juli – 7. Juli')).toEqual({ month: 7, day: 1 });
  expect(parseMonthDay('27. Dez.')).toEqual({ month: 12, day: 27 });
});

test('leaves alone what is not a year-less date', () => {
  for (const text of [
    '3 Mar 2024',
    'Week 3',
    'Marathon 3',
    '31 Feb',
    'Total',
    '3 sets',
    '',
    'May the 4th be with you',
  ])
    expect([text, parseMonthDay(text)]).toEqual([text, null]);
  expect(parseMonthDay(45000)).toBeNull();
});

test('the year comes from the start date, and rolls over at New Year', () => {
  const lines = [
    { month: 12, day: 18 },
    { month: 12, day: 27 },
    { month: 1, day: 2 },
    { month: 2, day: 29 },
  ];
  expect(yearsFor(lines, day('2023-12-11')).map((d) => d && formatIsoDay(d))).toEqual([
    '2023-12-18',
    '2023-12-27',
    '2024-01-02',
    '2024-02-29',
  ]);
});

test('or from the dated line above it, or, with none above, from the dated line below it', () => {
  const above = [{ day: day('2023-12-11') }, { month: 1, day: 8 }];
  expect(yearsFor(above, null).map((d) => d && formatIsoDay(d))).toEqual(['2023-12-11', '2024-01-08']);
  const below = [{ month: 12, day: 27 }, { month: 1, day: 2 }, { day: day('2024-01-08') }];
  expect(yearsFor(below, null).map((d) => d && formatIsoDay(d))).toEqual([
    '2023-12-27',
    '2024-01-02',
    '2024-01-08',
  ]);
  // A late entry a few days back stays in the same year.
  expect(
    yearsFor([{ day: day('2024-03-10') }, { month: 3, day: 4 }], null).map((d) => d && formatIsoDay(d)),
  ).toEqual(['2024-03-10', '2024-03-04']);
});

test('nothing dates them: no year is guessed', () => {
  expect(
    yearsFor(
      [
        { month: 12, day: 18 },
        { month: 1, day: 2 },
      ],
      null,
    ),
  ).toEqual([null, null]);
});
