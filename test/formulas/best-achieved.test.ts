/** CLIENT_BEST_ACHIEVED (src/formulas/best-achieved.ts): called directly, and on a client tab by the built bundle. */
import { CLIENT_BEST_ACHIEVED } from '../../src/formulas';
import { harness, SAMPLE_CLIENT, checkIn } from '../workbook/helpers';
import { column, messageOf, useSpreadsheet } from './helpers';

beforeEach(() => useSpreadsheet());

describe('CLIENT_BEST_ACHIEVED', () => {
  test('one column per metric, one direction each: the highest going up, the lowest going down', () => {
    const log = [
      [11000, 29],
      ['', 27.5],
      [12500, ''],
      [12000, 28],
    ];
    expect(CLIENT_BEST_ACHIEVED(log, column('up', 'down'))).toEqual([[12500, 27.5]]);
    expect(CLIENT_BEST_ACHIEVED(log, [['UP', ' Down ']])).toEqual([[12500, 27.5]]);
    expect(CLIENT_BEST_ACHIEVED(log, 'down')).toEqual([[11000, 27.5]]);
  });

  test('one metric: a value; nothing logged yet: blank', () => {
    expect(CLIENT_BEST_ACHIEVED(column(30, 24, 26, ''), 'down')).toEqual([[24]]);
    expect(CLIENT_BEST_ACHIEVED(column('', ''), 'up')).toEqual([['']]);
    expect(CLIENT_BEST_ACHIEVED(42, 'up')).toBe(42);
    expect(CLIENT_BEST_ACHIEVED(column('$1,200', '$900'), 'up')).toEqual([[1200]]); // typed money reads as a number
  });

  test('errors name the argument, what was expected and where', () => {
    expect(messageOf(() => CLIENT_BEST_ACHIEVED(column(1, 'abc'), 'up'))).toBe(
      'CLIENT_BEST_ACHIEVED: metric_values must be a number; got "abc" (row 2)',
    );
    expect(messageOf(() => CLIENT_BEST_ACHIEVED([[1, 2]], column('up', 'sideways')))).toBe(
      'CLIENT_BEST_ACHIEVED: directions must be "up" or "down"; got "sideways" (row 2)',
    );
    expect(messageOf(() => CLIENT_BEST_ACHIEVED([[1, 2]], column('up', 'down', 'up')))).toBe(
      'CLIENT_BEST_ACHIEVED: directions must give one direction per column of metric_values (2); got 3',
    );
    expect(messageOf(() => CLIENT_BEST_ACHIEVED([[1, 2]], ''))).toBe(
      'CLIENT_BEST_ACHIEVED: directions must be "up" or "down"; got a blank cell',
    );
    expect(
      messageOf(() =>
        CLIENT_BEST_ACHIEVED(
          [[1, 2]],
          [
            ['up', 'down'],
            ['up', 'down'],
          ],
        ),
      ),
    ).toMatch(/^CLIENT_BEST_ACHIEVED: directions must be one row or one column/);
  });
});

describe('CLIENT_BEST_ACHIEVED on a client tab, built bundle', () => {
  test('over the log columns and the metric table’s Direction column', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const id = (h.call('rpcCreateClient', SAMPLE_CLIENT) as { value: { clientId: string } }).value.clientId;
    for (const [week, revenue, cpl] of [
      ['2024-05-06', '12000', '27'],
      ['2024-05-13', '13500', '25.5'],
      ['2024-05-20', '13000', '26'],
    ])
      h.call('rpcSaveCheckIn', checkIn(id, week, { values: { Revenue: revenue, 'Cost per lead': cpl } }));
    const tab = h.sheet('Acme Co');
    expect(tab.getRange('C9:C10').getValues()).toEqual([['up'], ['down']]);
    const out = h.emu.spreadsheet.insertSheet('Best');
    out.getRange('A1').setFormula("=CLIENT_BEST_ACHIEVED('Acme Co'!B13:C, 'Acme Co'!C9:C10)");
    expect(out.getRange('A1:B1').getValues()).toEqual([[13500, 25.5]]);
  });
});
