import { parseIsoDay } from '../../src/core/dates';
import { formatDayAs } from '../../src/core/locale-date';
import {
  needsNotice,
  periodCloseOnOrAfter,
  planOffboard,
  statusAfterOffboard,
  type OffboardPlanInput,
} from '../../src/core/offboard';
import { CLIENT_SIDE_REASONS, LEAVE_REASONS, OUR_SIDE_REASONS } from '../../src/core/clients';

const day = (iso: string) => parseIsoDay(iso) as number;
const enUS = (d: number) => formatDayAs(d, 'm/d/yyyy');
const base: OffboardPlanInput = {
  startDay: day('2024-01-08'),
  programMonths: 6,
  endDay: day('2024-07-01'),
  noticeDay: day('2024-06-02'),
  endAtPeriodClose: false,
  reason: 'Poor fit',
  formatDay: enUS,
};

describe('which endings need 30 days notice', () => {
  test.each(OUR_SIDE_REASONS)('our side: %s needs notice', (reason) =>
    expect(needsNotice(reason)).toBe(true),
  );
  test.each([...CLIENT_SIDE_REASONS, 'Program completed'])('%s does not', (reason) =>
    expect(needsNotice(reason)).toBe(false),
  );
  test('every leave reason is decided', () => {
    expect(LEAVE_REASONS.filter(needsNotice)).toEqual([...OUR_SIDE_REASONS]);
  });
});

describe('planOffboard', () => {
  test("an ending we initiate with 29 days of notice is refused, in the locale's date format", () => {
    const plan = planOffboard(base);
    expect(plan).toEqual({
      ok: false,
      errors: [
        {
          field: 'noticeDate',
          message:
            "An ending on our side needs at least 30 days' notice: for an end on 7/1/2024 the notice " +
            'date must be 6/1/2024 or earlier.',
        },
      ],
    });
    expect(planOffboard({ ...base, noticeDay: day('2024-06-01') })).toEqual({
      ok: true,
      endDay: day('2024-07-01'),
    });
  });

  test('the message writes dates in the date format it is given (de_DE default)', () => {
    const plan = planOffboard({ ...base, formatDay: (d) => formatDayAs(d, 'dd.mm.yyyy') });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.errors[0].message).toContain('end on 01.07.2024');
    if (!plan.ok) expect(plan.errors[0].message).toContain('01.06.2024 or earlier');
  });

  test.each([...CLIENT_SIDE_REASONS, 'Program completed'])(
    'a client-initiated ending (%s) with two days of notice is accepted',
    (reason) => {
      expect(planOffboard({ ...base, reason, noticeDay: day('2024-06-29') })).toEqual({
        ok: true,
        endDay: day('2024-07-01'),
      });
    },
  );

  test('the notice cannot come after the end, whoever ends it', () => {
    const plan = planOffboard({ ...base, reason: 'Found a better service', noticeDay: day('2024-07-02') });
    expect(plan).toMatchObject({
      ok: false,
      errors: [{ field: 'noticeDate', message: expect.stringContaining('after the end (7/1/2024)') }],
    });
  });

  test('end at period close: the first start + k × program on or after the end, and the rule checks that date', () => {
    expect(periodCloseOnOrAfter(day('2024-01-31'), 1, day('2024-03-15'))).toBe(day('2024-03-31'));
    // 2024-01-08 + 6 months = 2024-07-08: the notice of 06-02 is 36 days before it.
    expect(planOffboard({ ...base, endAtPeriodClose: true })).toEqual({
      ok: true,
      endDay: day('2024-07-08'),
    });
    expect(planOffboard({ ...base, endAtPeriodClose: true, startDay: null })).toMatchObject({
      ok: false,
      errors: [{ field: 'endAtPeriodClose' }],
    });
  });

  test('an end before the start is refused', () => {
    expect(planOffboard({ ...base, endDay: day('2023-12-01'), noticeDay: day('2023-10-01') })).toMatchObject({
      ok: false,
      errors: [{ field: 'endDate', message: expect.stringContaining('1/8/2024') }],
    });
  });
});

describe('the status an offboarding writes', () => {
  test('serving notice while the end date is ahead, Ended on the day itself and after', () => {
    expect(statusAfterOffboard(day('2024-07-01'), day('2024-06-12'))).toBe('Serving notice');
    expect(statusAfterOffboard(day('2024-07-01'), day('2024-06-30'))).toBe('Serving notice');
    expect(statusAfterOffboard(day('2024-07-01'), day('2024-07-01'))).toBe('Ended');
    expect(statusAfterOffboard(day('2024-06-01'), day('2024-06-12'))).toBe('Ended');
  });
});
