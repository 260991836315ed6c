/** The self-check's verdicts and report, from observations as the user's spreadsheet gives them. */
import { dayFromYmd } from '../../src/core/dates';
import {
  judgeBoot,
  judgeDates,
  judgeFlush,
  judgePlainText,
  judgeSpill,
  judgeHeaderArray,
  judgeSheetIndex,
  judgeFormulas,
  judgeLock,
  couldNotCheck,
  probeAnswer,
  selfCheckReport,
} from '../../src/core/self-check';

const LEAP_DAY = dayFromYmd(2024, 2, 29) as number;
const NY = 'America/New_York';

describe('judgeDates', () => {
  it('passes a date built at midnight in either zone, and says which', () => {
    const inTokyo = judgeDates('date:2024-02-28T15:00:00.000Z', LEAP_DAY, 'Asia/Tokyo', NY);
    expect(inTokyo.verdict).toBe('PASS');
    expect(inTokyo.seen).toBe(
      "2024-02-29 arrived as 2024-02-28T15:00:00.000Z: midnight in the spreadsheet's time zone " +
        '(Asia/Tokyo); ClientTabs reads it as 2024-02-29.',
    );
    const inNewYork = judgeDates('date:2024-02-29T05:00:00.000Z', LEAP_DAY, 'America/Los_Angeles', NY);
    expect(inNewYork.verdict).toBe('PASS');
    expect(inNewYork.seen).toContain("midnight in the script's time zone (America/New_York)");
  });

  it('fails a date that comes out as another day, and a value that is not a date', () => {
    // UTC midnight is 16:00 the day before in Los Angeles: neither zone's midnight.
    const utc = judgeDates('date:2024-02-29T00:00:00.000Z', LEAP_DAY, 'America/Los_Angeles', NY);
    expect(utc.verdict).toBe('FAIL');
    expect(utc.seen).toContain("neither zone's midnight (2024-02-28 in America/Los_Angeles)");
    expect(judgeDates('number:45351', LEAP_DAY, 'Asia/Tokyo', NY)).toMatchObject({
      verdict: 'FAIL',
      seen: 'The test formula received number:45351, not a date.',
    });
    expect(judgeDates('#NAME?', LEAP_DAY, 'Asia/Tokyo', NY).verdict).toBe('FAIL');
  });

  it('is UNKNOWN while the formula has not answered', () => {
    expect(judgeDates('Loading...', LEAP_DAY, 'Asia/Tokyo', NY).verdict).toBe('UNKNOWN');
    expect(judgeDates('', LEAP_DAY, 'Asia/Tokyo', NY).verdict).toBe('UNKNOWN');
  });
});

describe('probeAnswer', () => {
  it('says what arrived, a date as its exact instant', () => {
    expect(probeAnswer(new Date('2024-02-29T05:00:00Z'))).toBe('date:2024-02-29T05:00:00.000Z');
    expect(probeAnswer(41)).toBe('number:41');
    expect(probeAnswer('41')).toBe('text:41');
    expect(probeAnswer('')).toBe('blank');
    expect(probeAnswer(true)).toBe('boolean:true');
  });
});

describe('judgeBoot', () => {
  it('passes only the token this opening was given, found in the page', () => {
    expect(judgeBoot({ token: 'T1', via: 'inline' }, 'T1').verdict).toBe('PASS');
    expect(judgeBoot({ token: 'T0', via: 'inline' }, 'T1').verdict).toBe('UNKNOWN');
    expect(judgeBoot({ token: 'T1', via: 'rpc' }, 'T1').verdict).toBe('FAIL');
    expect(judgeBoot({ token: null, via: 'none' }, 'T1').verdict).toBe('FAIL');
  });
});

describe('judgeFormulas', () => {
  it('fails on any error value and names the cell, formula and error', () => {
    const result = judgeFormulas(
      [
        { where: 'Dashboard!B2', formula: '=COUNTIF(A:A,"x")', value: 3 },
        { where: 'Dashboard!B7', formula: '=CLIENT_LTV(B6,B5)', value: '#ERROR!' },
      ],
      '',
    );
    expect(result).toMatchObject({
      verdict: 'FAIL',
      seen: '1 of 2 show an error: Dashboard!B7 =CLIENT_LTV(B6,B5) shows #ERROR!',
    });
  });

  it('passes numbers, text and blanks; is UNKNOWN with nothing to try or still loading', () => {
    expect(judgeFormulas([{ where: 'A1', formula: '=1', value: '' }], '').verdict).toBe('PASS');
    expect(judgeFormulas([{ where: 'A1', formula: '=X()', value: 'Loading...' }], '').verdict).toBe(
      'UNKNOWN',
    );
    expect(judgeFormulas([], 'No Dashboard.')).toMatchObject({ verdict: 'UNKNOWN', seen: 'No Dashboard.' });
  });
});

describe('judgeFlush and judgeLock', () => {
  it('passes when each flushed write is what the formula reads next', () => {
    expect(judgeFlush([41, 42], ['number:41', 'number:42']).verdict).toBe('PASS');
    expect(judgeFlush([41, 42], ['number:41', 'number:41'])).toMatchObject({
      verdict: 'FAIL',
      seen: 'Wrote 41 then 42; the formula read "number:41" then "number:41".',
    });
    expect(judgeFlush([41, 42], ['number:41', 'Loading...']).verdict).toBe('UNKNOWN');
  });

  it('fails when the lock could not be taken', () => {
    expect(judgeLock(true).verdict).toBe('PASS');
    expect(judgeLock(false).verdict).toBe('FAIL');
  });
});

describe('judgePlainText', () => {
  test('PASS when every string reads back as written and no cell became a formula', () => {
    const texts = ['=1+1', '0012', '3/4/2025', 'TRUE'];
    expect(judgePlainText(texts, ['', '', '', '']).verdict).toBe('PASS');
  });
  test('FAIL, saying what was read, when Sheets turned text into a formula, a number or kept an apostrophe', () => {
    const read = judgePlainText([2, 12, "'3/4/2025", true], ['=1+1', '', '', '']);
    expect(read.verdict).toBe('FAIL');
    expect(read.seen).toBe('Wrote "=1+1", "0012", "3/4/2025", "TRUE"; read 2, 12, "\'3/4/2025", true.');
  });
});

describe('couldNotCheck', () => {
  it('is UNKNOWN, quotes what Sheets said and names what was left unchecked', () => {
    const result = couldNotCheck(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(result.verdict).toBe('UNKNOWN');
    expect(result.seen).toMatch(
      /^Sheets refused: This action would increase .* Dates, formulas and flushing were not checked\.$/,
    );
  });
});

describe('selfCheckReport', () => {
  it('is plain text: the settings, then each verdict and assumption with what was seen', () => {
    const report = selfCheckReport([judgeLock(true)], {
      addOnVersion: '0.1.0',
      locale: 'ja_JP',
      spreadsheetZone: 'Asia/Tokyo',
      scriptZone: NY,
      checkedAt: '2024-06-12T16:00:00.000Z',
    });
    expect(report.text).toBe(
      [
        'ClientTabs: Check this spreadsheet',
        'Checked 2024-06-12T16:00:00.000Z; ClientTabs 0.1.0; locale ja_JP; spreadsheet time zone ' +
          'Asia/Tokyo; script time zone America/New_York',
        '',
        'PASS  The document lock can be taken',
        '      Taken.',
      ].join('\n'),
    );
  });
});

describe('judgeSpill', () => {
  test('passes when the FILTER anchor holds the formula and the cells below only its values', () => {
    expect(judgeSpill([3, 2], ['=FILTER(E1:E3,E1:E3>1)', '']).verdict).toBe('PASS');
  });
  test('fails when the spilled cell reports a formula (adoption would then take it for computed input)', () => {
    const result = judgeSpill([3, 2], ['=FILTER(E1:E3,E1:E3>1)', '=FILTER(E1:E3,E1:E3>1)']);
    expect(result).toMatchObject({ verdict: 'FAIL', seen: expect.stringContaining('formulas below it') });
    expect(judgeSpill(['#REF!', ''], ['=FILTER(E1:E3,E1:E3>1)', '']).verdict).toBe('FAIL');
  });
});

describe('judgeHeaderArray', () => {
  test('passes when the header cell shows its label and the range spills below it with no formulas of its own', () => {
    const formulas = ['={"Probe";CLIENTTABS_PROBE(E1);E2:E3}', '', '', ''];
    expect(judgeHeaderArray(['Probe', 'number:3', 1, 2], formulas).verdict).toBe('PASS');
  });
  test('fails on an error (the roster would show #ERROR! in its advice columns) or a label missing', () => {
    const formulas = ['={"Probe";CLIENTTABS_PROBE(E1);E2:E3}', '', '', ''];
    const error = judgeHeaderArray(['#ERROR!', '', '', ''], formulas);
    expect(error).toMatchObject({ verdict: 'FAIL', seen: expect.stringContaining('"#ERROR!"') });
    expect(judgeHeaderArray(['number:3', 1, 2, ''], formulas).verdict).toBe('FAIL');
    expect(judgeHeaderArray(['Probe', 'Loading...', 1, 2], formulas).verdict).toBe('FAIL');
  });
});

describe('judgeSheetIndex', () => {
  test('passes when the sheet is where the index says, counting the hidden sheet after it', () => {
    expect(judgeSheetIndex(['Roster', 'Ann', 'new', 'hidden probe'], 'new', 2).verdict).toBe('PASS');
  });
  test('fails, naming both positions, when Sheets placed it elsewhere', () => {
    const result = judgeSheetIndex(['Roster', 'new', 'Ann', 'hidden probe'], 'new', 2);
    expect(result).toMatchObject({ verdict: 'FAIL', seen: expect.stringContaining('position 3 of 4') });
    expect(result.seen).toContain('went to position 2');
  });
});
