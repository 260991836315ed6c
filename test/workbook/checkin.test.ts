import {
  checkIn,
  harness,
  type Harness,
  ownDocumentCalls,
  type RpcResult,
  SAMPLE_CLIENT,
  withClient,
} from './helpers';

/** The sample client, its check-in form opened as the sidebar does first. */
function withFormOpened(): Harness {
  const h = withClient();
  h.call('rpcGetCheckInForm', 'C-0001'); // what the sidebar does first
  return h;
}

describe('Log a check-in', () => {
  test(
    'appends one row in at most 9 document calls (the zone and Settings read by the save itself); ' +
      'user text stays text',
    () => {
      const h = withFormOpened();
      h.emu.calls.reset();
      const saved = h.call<RpcResult>('rpcSaveCheckIn', {
        ...checkIn('C-0001', '2024-06-10'),
        enteredBy: '+VA Maria',
      });
      expect(ownDocumentCalls(h)).toBeLessThanOrEqual(9);
      expect(saved).toEqual({
        ok: true,
        value: { clientId: 'C-0001', weekOf: '2024-06-10', row: 13, replaced: false },
      });
      const row = h.sheet('Acme Co').getRange('A13:H13');
      const values = row.getValues()[0];
      expect(values.slice(1)).toEqual([12000, 27, 8, 'Closed two deals', '', '=SUM(1,2)', '+VA Maria']);
      expect(row.getFormulas()[0].every((f) => f === '')).toBe(true);
      expect((values[0] as Date).toISOString()).toBe('2024-06-10T04:00:00.000Z'); // midnight in New York
    },
  );

  test('Entered by: written as text, remembered for the user, and still within the call budget', () => {
    const h = withFormOpened();
    const hostile = "=cmd|' /C calc'!A0";
    const userWrites = jest.spyOn(h.emu.properties.user, 'set'); // this user's properties only
    h.emu.calls.reset();
    const saved = h.call<RpcResult>('rpcSaveCheckIn', {
      ...checkIn('C-0001', '2024-06-03'),
      enteredBy: `  ${hostile} `,
    });
    expect(saved).toMatchObject({ ok: true, value: { row: 13 } });
    expect(ownDocumentCalls(h)).toBeLessThanOrEqual(9);
    expect(userWrites).toHaveBeenCalledTimes(1); // the name was new
    expect(h.emu.calls.count('PropertiesService.getUserProperties')).toBe(1);
    const tab = h.sheet('Acme Co');
    expect(tab.getRange('H13').getValue()).toBe(hostile);
    expect(tab.getRange('H13').getFormula()).toBe('');
    // The next due list, for the same user, brings the name back.
    expect(h.call<{ enteredBy?: string }>('rpcGetDueList').enteredBy).toBe(hostile);
    // The same name again: the check-in holds its budget and the property is not written again.
    userWrites.mockClear();
    h.emu.calls.reset();
    const again = h.call<RpcResult>('rpcSaveCheckIn', {
      ...checkIn('C-0001', '2024-06-10'),
      enteredBy: hostile,
    });
    expect(again.ok).toBe(true);
    expect(ownDocumentCalls(h)).toBeLessThanOrEqual(9);
    expect(userWrites).not.toHaveBeenCalled();
    expect(tab.getRange('H14').getValue()).toBe(hostile);
    // Longer than 80 characters once trimmed: refused beside the field, nothing written or remembered.
    const before = h.snapshot();
    const tooLong = h.call<RpcResult>('rpcSaveCheckIn', {
      ...checkIn('C-0001', '2024-05-27'),
      enteredBy: 'x'.repeat(81),
    });
    expect(tooLong).toMatchObject({ ok: false, errors: [{ field: 'enteredBy' }] });
    expect(h.snapshot()).toEqual(before);
    expect(h.call<{ enteredBy?: string }>('rpcGetDueList').enteredBy).toBe(hostile);
    expect(
      h.call<RpcResult>('rpcSaveCheckIn', {
        ...checkIn('C-0001', '2024-05-27'),
        enteredBy: ` ${'x'.repeat(80)} `,
      }).ok,
    ).toBe(true);
    expect(h.call<{ enteredBy?: string }>('rpcGetDueList').enteredBy).toBe('x'.repeat(80));
  });

  test('a mid-week date files under the week start; the next week appends below', () => {
    const h = withFormOpened();
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-05')).value).toMatchObject({
      weekOf: '2024-06-03',
      row: 13,
    });
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-12')).value).toMatchObject({
      weekOf: '2024-06-10',
      row: 14,
    });
  });

  test('a second entry for the same week is refused; replacing keeps the old values in a note', () => {
    const h = withFormOpened();
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10'));
    const before = h.snapshot();
    const refused = h.call<RpcResult>(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-11', { satisfaction: '3' }),
    );
    expect(refused.ok).toBe(false);
    expect(refused.errors?.[0]).toMatchObject({
      field: 'weekOf',
      message: expect.stringMatching(/already logged.*Replace/),
    });
    expect(h.snapshot()).toEqual(before);
    h.emu.calls.reset();
    const replaced = h.call<RpcResult>(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-10', { satisfaction: '3', replace: true }),
    );
    // The zone (2) and Settings (3), read, write, the note's read and write, the plain-text format the
    // "=SUM(1,2)" note needs, and the flush before the lock is released.
    expect(ownDocumentCalls(h)).toBeLessThanOrEqual(11);
    expect(replaced.value).toMatchObject({ row: 13, replaced: true });
    const tab = h.sheet('Acme Co');
    expect(tab.getRange('D13').getValue()).toBe(3);
    expect(tab.getRange('A14').getValue()).toBe('');
    const note = tab.getRange('A13').getNote();
    expect(note).toMatch(/Replaced on 2024-06-12/);
    expect(note).toMatch(/Satisfaction \(1–10\): 8/);
    expect(note).toMatch(/Revenue: 12000/);
    // A second replacement keeps the first note too.
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10', { satisfaction: '5', replace: true }));
    expect(tab.getRange('A13').getNote()).toMatch(/Satisfaction \(1–10\): 8[\s\S]*Satisfaction \(1–10\): 3/);
  });

  test('Replace in a de_DE spreadsheet: the form shows 12,345 and saving it back keeps 12.345, not 12345', () => {
    const h = harness({ locale: 'de_DE', timeZone: 'Europe/Berlin' });
    h.call('menuSetUpWorkbook');
    h.call('rpcCreateClient', { ...SAMPLE_CLIENT, monthlyFee: '2000' });
    const typed = { Revenue: '12,345', 'Cost per lead': '27,5' };
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10', { values: typed })).ok).toBe(
      true,
    );
    const tab = h.sheet('Acme Co');
    expect(tab.getRange('B13:C13').getValues()[0]).toEqual([12.345, 27.5]);
    const form = h.call<{ weekOf: string; existing: { values: Record<string, string> } }>(
      'rpcGetCheckInForm',
      'C-0001',
    );
    expect(form.existing.values).toEqual(typed);
    // The sidebar sends the row it showed back unchanged, with Replace ticked.
    const again = { ...checkIn('C-0001', form.weekOf), values: form.existing.values, replace: true };
    expect(h.call<RpcResult>('rpcSaveCheckIn', again).ok).toBe(true);
    expect(tab.getRange('B13:C13').getValues()[0]).toEqual([12.345, 27.5]);
  });

  test('runs under the document lock: while another execution saves, it is refused and writes nothing', () => {
    const h = withFormOpened();
    const before = h.snapshot();
    const release = h.emu.holdDocumentLock();
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10'))).toEqual({
      ok: false,
      errors: [],
      message: 'Someone else is saving to this spreadsheet right now. Try again in a moment.',
    });
    expect(h.snapshot()).toEqual(before);
    release();
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10')).ok).toBe(true);
  });

  test('bad input is refused field by field and nothing is written', () => {
    const h = withFormOpened();
    const before = h.snapshot();
    const result = h.call<RpcResult>('rpcSaveCheckIn', {
      ...checkIn('C-0001', 'last week'),
      values: { Revenue: 'a lot', Height: '3' },
      satisfaction: '11',
    });
    expect(result.ok).toBe(false);
    expect(result.errors?.map((e) => e.field).sort()).toEqual([
      'satisfaction',
      'values.Height',
      'values.Revenue',
      'weekOf',
    ]);
    expect(h.snapshot()).toEqual(before);
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-9999', '2024-06-10'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/No client with ID C-9999/),
    });
  });

  test('rows and columns the user inserted, and columns of their own, keep every typed cell', () => {
    const h = withFormOpened();
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-05-27'));
    const tab = h.sheet('Acme Co');
    tab.insertRowsBefore(1, 2); // a title above the card
    tab.getRange('A1').setValue('My coaching notes for Acme');
    tab.insertColumnsBefore(1, 1); // a column on the left
    tab.getRange('A5').setValue('left note');
    tab.insertRowsAfter(14, 1); // a blank row between header and log
    // A column of their own between ours (after Cost per lead) and one at the end of the log.
    tab.insertColumnsAfter(4, 1);
    tab.getRange('E14').setValue('Energy');
    tab.getRange('E16').setValue('high');
    tab.getRange('L14').setValue('Mood');
    tab.getRange('L16').setValue('calm');
    tab.getRange('L17').setValue('=1+1'); // a formula of theirs in the next row
    const before = h.snapshot(['Acme Co'])['Acme Co'];
    for (const week of ['2024-06-03', '2024-06-10']) {
      expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', week)).ok).toBe(true);
    }
    const after = h.snapshot(['Acme Co'])['Acme Co'];
    before.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== '' || before.formulas[r][c] !== '') {
          expect([r, c, after.values[r][c], after.formulas[r][c]]).toEqual([
            r,
            c,
            value,
            before.formulas[r][c],
          ]);
        }
      }),
    );
    // The new rows went under the log, in our columns (shifted), around the user's column.
    expect(tab.getRange('B17:D17').getValues()[0].slice(1)).toEqual([12000, 27]);
    expect(tab.getRange('F17').getValue()).toBe(8);
    expect(tab.getRange('E17').getValue()).toBe(''); // the user's column, untouched (empty in that row)
    expect(tab.getRange('L17').getFormula()).toBe('=1+1');
    // The second week, under the first.
    expect((tab.getRange('B18').getValue() as Date).toISOString()).toBe('2024-06-10T04:00:00.000Z');
  });
});

describe('issue 9: the row for a week, and metric names that are anything a user can type', () => {
  test('#6 150 blank rows inserted inside the log: a week already logged is found, Replace replaces', () => {
    const h = withFormOpened();
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-05-27'));
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-03'));
    const tab = h.sheet('Acme Co');
    tab.insertRowsBefore(14, 150); // the 2024-06-03 row moves to 164
    const refused = h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-03'));
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ field: 'weekOf', message: expect.stringMatching(/row 164/) }],
    });
    const replaced = h.call<RpcResult>(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-03', { satisfaction: '2', replace: true }),
    );
    expect(replaced.value).toMatchObject({ row: 164, replaced: true });
    expect(tab.getRange('D164').getValue()).toBe(2);
    const weeks = tab
      .getRange('A13:A200')
      .getValues()
      .flat()
      .filter((v) => v !== '');
    expect(weeks).toHaveLength(2);
  });

  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    '#8 a metric named %s takes its value, and is blank when left out',
    (name) => {
      const h = harness();
      h.call('menuSetUpWorkbook');
      const metrics = [{ name, unit: '', direction: 'up', baseline: '1', target: '5' }];
      expect(h.call<RpcResult>('rpcCreateClient', { ...SAMPLE_CLIENT, metrics }).ok).toBe(true);
      const values = JSON.parse(`{${JSON.stringify(name)}: "3"}`) as Record<string, string>;
      const saved = h.call<RpcResult>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-03'), values });
      expect(saved).toMatchObject({ ok: true });
      const tab = h.sheet('Acme Co');
      const row = saved.value?.row as number;
      expect(tab.getRange(row, 2).getValue()).toBe(3);
      const empty = h.call<RpcResult>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-10'), values: {} });
      expect(empty).toMatchObject({ ok: true });
      expect(tab.getRange(empty.value?.row as number, 2).getValue()).toBe('');
    },
  );
});

/** Sets a Settings value by its label, as a user would type it in the Settings sheet. */
function setSetting(h: Harness, label: string, value: unknown): void {
  const settings = h.sheet('Settings');
  const labels = settings
    .getDataRange()
    .getValues()
    .map((row) => row[0]);
  settings.getRange(labels.indexOf(label) + 1, 2).setValue(value);
}

describe('issue 10: the weekly check-in', () => {
  test('week start: a save made before any other sidebar call files under the Settings week start', () => {
    const h = withClient();
    setSetting(h, 'Week starts on', 'Sunday');
    const props = jest.spyOn(h.emu.properties.document, 'set');
    // Wednesday 2024-06-12: its week starts on Sunday 2024-06-09, not Monday 2024-06-10.
    const saved = h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-12'));
    expect(saved.value).toMatchObject({ weekOf: '2024-06-09' });
    expect((h.sheet('Acme Co').getRange('A13').getValue() as Date).toISOString()).toBe(
      '2024-06-09T04:00:00.000Z',
    );
    // The reads the sidebar makes write no property; the form then agrees with the save.
    props.mockClear();
    h.call('rpcGetDueList');
    h.call('rpcListClients');
    const form = h.call<{ weekOf: string }>('rpcGetCheckInForm', 'C-0001');
    expect(props).not.toHaveBeenCalled();
    expect(form.weekOf).toBe('2024-06-09');
  });
});

type Form = {
  weekOf: string;
  metrics: { name: string; last: number | null }[];
  fields: Record<string, boolean>;
  previousWeekOf: string | null;
};
type Due = { clients: { clientId: string; doneThisWeek: boolean; lastCheckIn: string | null }[] };

describe('issue 10: what a check-in saves is true', () => {
  const empty = { values: {}, satisfaction: '', wins: '', blockers: '', notes: '' };

  test('an empty check-in is refused; "No contact this week" is written as such and the client stays due', () => {
    const h = withFormOpened();
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-03'));
    const before = h.snapshot();
    const refused = h.call<RpcResult>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-10'), ...empty });
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ field: 'noContact', message: expect.stringMatching(/Nothing to save/) }],
    });
    // Words alone are not a check-in either.
    expect(
      h.call<RpcResult>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-10'), ...empty, wins: 'Good call' })
        .ok,
    ).toBe(false);
    expect(h.snapshot()).toEqual(before);
    const noContact = {
      ...checkIn('C-0001', '2024-06-12'),
      ...empty,
      notes: 'Two calls, no answer',
      noContact: true,
    };
    expect(h.call<RpcResult>('rpcSaveCheckIn', noContact)).toMatchObject({ ok: true, value: { row: 14 } });
    const tab = h.sheet('Acme Co');
    expect(tab.getRange('A14').getValue()).toBe('No contact this week (2024-06-10)');
    expect(tab.getRange('G14').getValue()).toBe('Two calls, no answer');
    const client = h.call<Due>('rpcGetDueList').clients.find((c) => c.clientId === 'C-0001');
    expect(client).toMatchObject({ doneThisWeek: false, lastCheckIn: '2024-06-03' });
    // A real check-in that week still goes in, below.
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-12'))).toMatchObject({
      ok: true,
      value: { row: 15 },
    });
    // No contact and a value typed contradict each other.
    const both = { ...checkIn('C-0001', '2024-05-27'), noContact: true };
    expect(h.call<RpcResult>('rpcSaveCheckIn', both)).toMatchObject({
      ok: false,
      errors: [{ field: 'noContact' }],
    });
  });

  test('numbers follow the locale only; another unit or a value far from last week needs a confirmation', () => {
    const h = withFormOpened();
    h.call(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-03', { values: { Revenue: '199', 'Cost per lead': '27' } }),
    );
    const before = h.snapshot();
    const save = (values: Record<string, string>, confirmed?: string[]) =>
      h.call<RpcResult>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-10'), values, confirmed });
    expect(save({ Revenue: '12,5' }).errors).toEqual([
      {
        field: 'values.Revenue',
        message:
          `Revenue: "12,5" is not a number in this spreadsheet's locale (en_US), where "." is ` +
          `the decimal separator and "," groups thousands.`,
      },
    ]);
    expect(save({ Revenue: '2040' }).errors).toEqual([
      {
        field: 'values.Revenue',
        message: expect.stringMatching(/2040 is 3 times or more the previous check-in's 199/),
      },
    ]);
    expect(save({ 'Cost per lead': '12%' }).errors).toEqual([
      {
        field: 'values.Cost per lead',
        message: expect.stringMatching(/"12%" is a percentage, but Cost per lead is in USD/),
      },
    ]);
    expect(h.snapshot()).toEqual(before);
    expect(save({ Revenue: '2040', 'Cost per lead': '12%' }, ['Revenue', 'Cost per lead']).ok).toBe(true);
    expect(h.sheet('Acme Co').getRange('B14:C14').getValues()[0]).toEqual([2040, 12]);
  });

  test('the form shows only the fields the tab has, and "last" is the week before, even after a replace', () => {
    const h = withFormOpened();
    h.call(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-03', { values: { Revenue: '11000', 'Cost per lead': '27' } }),
    );
    h.call(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-10', { values: { Revenue: '1200', 'Cost per lead': '26' } }),
    );
    let form = h.call<Form>('rpcGetCheckInForm', 'C-0001');
    expect(form.previousWeekOf).toBe('2024-06-03');
    expect(form.metrics.find((m) => m.name === 'Revenue')?.last).toBe(11000);
    // The typo fixed: the reference stays last week's value.
    h.call(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-10', { values: { Revenue: '12000' }, replace: true }),
    );
    form = h.call<Form>('rpcGetCheckInForm', 'C-0001');
    expect(form.metrics.find((m) => m.name === 'Revenue')?.last).toBe(11000);
    expect(form.fields).toEqual({ satisfaction: true, wins: true, blockers: true, notes: true });
    // A tab without Satisfaction, Wins or Blockers (as an adopted one): the form leaves them out.
    const tab = h.sheet('Acme Co');
    tab.getRange('D12:F12').setValues([['Mood', 'Highlights', 'Obstacles']]);
    form = h.call<Form>('rpcGetCheckInForm', 'C-0001');
    expect(form.fields).toEqual({ satisfaction: false, wins: false, blockers: false, notes: true });
  });
});
