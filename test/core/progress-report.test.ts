/** The progress report's content (src/core/progress-report.ts): rows, plain text, dates and numbers. */
import { dayFromYmd } from '../../src/core/dates';
import {
  reportFingerprint,
  reportMetricRow,
  reportText,
  type ReportInput,
} from '../../src/core/progress-report';

const TODAY = dayFromYmd(2025, 3, 12) as number;

const input: ReportInput = {
  client: 'Maya Okafor',
  program: 'Strength coaching',
  startDay: dayFromYmd(2024, 1, 5),
  today: TODAY,
  definitionOfSuccess: 'Under 80 kg before the wedding.',
  scope: 'Weekly plan, two calls a month.',
  metrics: [
    {
      name: 'Weight',
      unit: 'kg',
      baseline: 94,
      target: 80,
      values: [
        { day: TODAY - 7, value: 84.5 },
        { day: TODAY - 35, value: 86.1 },
        { day: TODAY - 28, value: 85.3 },
        { day: TODAY + 7, value: 70 }, // after today: not in the report
      ],
    },
    { name: 'Revenue', unit: '$', baseline: 1000, target: 3000, values: [] },
  ],
  wins: [
    { day: TODAY - 14, text: 'Ran 5k without stopping' },
    { day: TODAY - 7, text: '' },
    { day: TODAY - 21, text: '=HYPERLINK("x")' },
  ],
  dateFormat: 'm/d/yyyy',
  intlLocale: 'en-US',
};

describe('reportMetricRow', () => {
  test('day one, four weeks ago (latest on or before), now, target, the way to target and the series', () => {
    expect(reportMetricRow(input.metrics[0], TODAY)).toEqual({
      name: 'Weight',
      unit: 'kg',
      baseline: 94,
      fourWeeksAgo: 85.3,
      now: 84.5,
      target: 80,
      progress: (84.5 - 94) / (80 - 94),
      lastFourWeeks: -0.8,
      series: [86.1, 85.3, 84.5],
    });
  });

  test('the trend line keeps the latest 200 points: SPARKLINE accepts a few hundred', () => {
    const values = Array.from({ length: 250 }, (_, i) => ({ day: TODAY - 250 + i, value: i }));
    const row = reportMetricRow({ ...input.metrics[0], values }, TODAY);
    expect(row.series).toHaveLength(200);
    expect(row.series[199]).toBe(249);
  });

  test('a metric with no values: nothing invented', () => {
    expect(reportMetricRow(input.metrics[1], TODAY)).toMatchObject({
      now: null,
      fourWeeksAgo: null,
      progress: null,
      lastFourWeeks: null,
      series: [],
    });
  });
});

describe('reportText', () => {
  test('quotes the definition of success and the scope, each measure, and the wins newest first', () => {
    expect(reportText(input)).toBe(
      [
        'Progress report: Maya Okafor',
        'Strength coaching · since 1/5/2024 · as of 3/12/2025',
        '',
        'What you wanted',
        '“Under 80 kg before the wedding.”',
        '',
        'What we agreed to do',
        'Weekly plan, two calls a month.',
        '',
        'Where we are on the measures you chose',
        '- Weight: 94 kg on day one, 84.5 kg now, target 80 kg: 68% of the way. Last 4 weeks: 85.3 ' +
          'kg → 84.5 kg (-0.8 kg).',
        '- Revenue: $1,000 on day one, – now, target $3,000.',
        '',
        'Wins',
        '- 2/26/2025: Ran 5k without stopping',
        '- 2/19/2025: =HYPERLINK("x")',
      ].join('\n'),
    );
  });

  test('numbers and dates the spreadsheet’s way: de_DE writes 84,5 and 12.03.2025', () => {
    const text = reportText({ ...input, intlLocale: 'de-DE', dateFormat: 'dd.mm.yyyy' });
    expect(text).toContain('84,5 kg now');
    expect(text).toContain('as of 12.03.2025');
    expect(text).toContain('$1.000 on day one');
  });
});

describe('reportFingerprint', () => {
  const values = [
    ['Progress report: Acme', ''],
    ['', 12],
  ];
  const formulas = [
    ['', ''],
    ['', ''],
  ];
  test('the same content anywhere in the tab, and formulas whose references moved, give the same fingerprint', () => {
    const shifted = [[''], ['Progress report: Acme', '', ''], ['', '', 12]];
    expect(reportFingerprint(shifted, [[''], ['', '', ''], ['', '', '']])).toBe(
      reportFingerprint(values, formulas),
    );
    expect(reportFingerprint([['x']], [['=SPARKLINE(K2:K12)']])).toBe(
      reportFingerprint([['y']], [['=SPARKLINE(M3:M13)']]),
    );
  });
  test('a value typed, changed or removed changes it', () => {
    const base = reportFingerprint(values, formulas);
    expect(
      reportFingerprint(
        [
          ['Progress report: Acme', 'note'],
          ['', 12],
        ],
        formulas,
      ),
    ).not.toBe(base);
    expect(
      reportFingerprint(
        [
          ['Progress report: Acme', ''],
          ['', 13],
        ],
        formulas,
      ),
    ).not.toBe(base);
    expect(
      reportFingerprint(
        [
          ['Progress report: Acme', ''],
          ['', ''],
        ],
        formulas,
      ),
    ).not.toBe(base);
    expect(
      reportFingerprint(
        [
          ['Progress report: Acme', ''],
          ['', '12'],
        ],
        formulas,
      ),
    ).not.toBe(base);
  });
});
