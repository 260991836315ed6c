/**
 * Hostile-input campaign on every sidebar server function, found in the built bundle's surface (a new
 * `rpc*` without an entry here fails the first test). Each call gets a tampered form: fields replaced by
 * hostile values (see hostile-values.ts), removed, nested ones tampered with, extra and `__proto__` keys,
 * or no form at all. Allowed answers: a value google.script.run can carry back; a refusal or a thrown
 * error whose message a user can read, with every cell and property as before; for a mutation that
 * succeeds, the text it was sent lands as text (never as a formula, never as #ERROR!). Reads never write.
 *
 * `npm test`: 20 calls per function; `npm run fuzz`: 600 (HOSTILE_RUNS overrides). The seed is fixed
 * under CI (test/fast-check-seed.cjs); FC_SEED replays one a failure printed.
 */
import fc from 'fast-check';
import { checkIn, harness, SAMPLE_CLIENT, type Harness, offboarding } from './helpers';
import {
  hostileKey,
  hostileValue,
  inRealm,
  notTransportable,
  readable,
  runs,
  stringsIn,
} from './hostile-values';

const RUNS = runs(20, 600);

/**
 * How a form is tampered with: one or two fields replaced by hostile values (objects and lists tampered
 * inside instead, sometimes), sometimes one removed, sometimes an extra key; or no form at all.
 */
function tampered(base: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (base === null || typeof base !== 'object' || depth > 2) return hostileValue;
  const record = base as Record<string, unknown>;
  const keys = Object.keys(record);
  const replacement = (key: string): fc.Arbitrary<unknown> =>
    typeof record[key] === 'object' && record[key] !== null
      ? fc.oneof(hostileValue, tampered(record[key], depth + 1))
      : hostileValue;
  const rebuilt = fc
    .record({
      changed: fc
        .subarray(keys, { maxLength: Math.min(2, keys.length) })
        .chain((changed) =>
          fc.tuple(...changed.map((key) => replacement(key).map((value): [string, unknown] => [key, value]))),
        ),
      removed: fc.subarray(keys, { maxLength: Math.min(1, keys.length) }),
      extras: fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 1 }),
    })
    .map(({ changed, removed, extras }) => {
      const entries = new Map<string, unknown>(Object.entries(record));
      for (const key of removed) entries.delete(key);
      for (const [key, value] of [...changed, ...extras]) entries.set(key, value);
      if (Array.isArray(base)) return [...entries].filter(([k]) => /^\d+$/.test(k)).map(([, v]) => v);
      const out: Record<string, unknown> = {};
      for (const [k, v] of entries)
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
  return fc.oneof({ weight: 8, arbitrary: rebuilt }, { weight: 1, arbitrary: hostileValue });
}

/** Text a user could type that Sheets would run or convert if it were written as a value. */
const formulaLike = fc.oneof(
  fc.constantFrom(
    '=1+1',
    '=IMPORTXML("https://evil.example/x","//a")',
    '+1 call',
    '-5 kg',
    '@va',
    '007',
    'TRUE',
    '12%',
    '3/4',
    "'quoted",
    '#N/A',
  ),
  fc
    .constantFrom('=', '+', '-', '@')
    .chain((lead) => fc.string({ minLength: 1, maxLength: 8 }).map((s) => lead + s)),
);

/** A valid form whose free-text `fields` hold text that looks like a formula, a number or an error. */
function textual(base: Record<string, unknown>, fields: string[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      ...fields.map((field) =>
        fc.option(formulaLike, { nil: undefined }).map((text) => [field, text] as const),
      ),
    )
    .map((pairs) => ({ ...base, ...Object.fromEntries(pairs.filter(([, text]) => text !== undefined)) }));
}

const CHECK_IN = {
  ...checkIn('C-0001', '2024-06-10'),
  enteredBy: 'Val',
  replace: false,
  confirmed: [] as string[],
};

const PAYMENT = { clientId: 'C-0001', due: '2024-06-01', paid: '2024-06-03', amount: '2000', note: 'June' };
const REQUEST = {
  clientId: 'C-0001',
  date: '2024-06-05',
  request: 'Logo',
  decision: 'Change order',
  fee: '150',
};
const EDIT = {
  clientId: 'C-0001',
  clientType: 'Micromanager',
  cadenceDays: '7',
  monthlyFee: '2,500',
  yearlyProfit: '',
  monthlyCosts: '800',
  definitionOfSuccess: 'Double revenue',
  scope: 'Weekly call',
  metrics: [
    { from: 'Revenue', name: 'Sales', unit: 'USD', direction: 'up', baseline: '10000', target: '20000' },
    {
      from: 'Cost per lead',
      name: 'Cost per lead',
      unit: 'USD',
      direction: 'down',
      baseline: '30',
      target: '20',
    },
    { name: 'Calls', unit: '', direction: 'up', baseline: '1', target: '5' },
  ],
};
const INVOICE = { clientId: 'C-0001', due: '2024-07-01', amount: '2,000', note: 'July' };
/** The open invoice and the open request the workbook below holds (row 2 of Payments and Requests). */
const PAY = {
  clientId: 'C-0001',
  row: 2,
  due: '2024-05-01',
  paid: '2024-05-03',
  amount: '500',
  note: 'part',
};
const DECIDE = [
  { clientId: 'C-0001', row: 2, request: 'New logo', decision: 'Change order', fee: '150', hours: '' },
  { clientId: 'C-0001', row: 2, request: 'New logo', decision: 'Declined', fee: '', hours: '' },
  { clientId: 'C-0001', row: 2, request: 'New logo', decision: 'Included in scope', fee: '', hours: '3' },
];
const CONVERSATION = {
  clientId: 'C-0001',
  date: '2024-06-12',
  reason: 'Unhappy',
  ownPart: 'I moved our call',
  outcome: 'Stay',
  listen: 'What went wrong?',
  restate: 'Tuesdays',
};
const NEED = { clientId: 'C-0001', date: '2024-06-12', need: 'Help hiring a VA' };
const clientId = fc.tuple(fc.oneof(fc.constant('C-0001'), hostileValue));
const RAISE = { clientId: 'C-0001', from: '2024-06-01', monthlyFee: '2,200', note: 'Yearly review' };

/** Every sidebar server function: the arguments to throw at it, and whether it may change the workbook. */
/** `fresh`: each call meets the workbook as built, as a success uses up what its form names (an invoice, a request). */
/** What Edit client opens with for C-0001 on the campaign's workbook (rpcGetClientEdit's answer). */
function openedEdit(): unknown {
  return workbook().call('rpcGetClientEdit', 'C-0001');
}

const CAMPAIGN: Record<
  string,
  {
    args: fc.Arbitrary<unknown[]>;
    mutation: boolean;
    runs?: number;
    fresh?: boolean;
    /** Arguments the large campaign once failed on (shrunk), tried first on every run. */
    found?: unknown[][];
  }
> = {
  rpcListClients: { args: fc.array(hostileValue, { maxLength: 2 }), mutation: false },
  rpcGetDueList: { args: fc.array(hostileValue, { maxLength: 2 }), mutation: false },
  rpcGetCheckInForm: { args: fc.tuple(fc.oneof(fc.constant('C-0001'), hostileValue)), mutation: false },
  rpcGetClientCard: { args: fc.tuple(fc.oneof(fc.constant('C-0001'), hostileValue)), mutation: false },
  rpcGetNewClientDefaults: { args: fc.array(hostileValue, { maxLength: 2 }), mutation: false },
  rpcScanForAdoption: { args: fc.array(hostileValue, { maxLength: 2 }), mutation: false },
  rpcGetBoot: { args: fc.array(hostileValue, { maxLength: 2 }), mutation: false },
  // Each self-check builds and deletes a probe sheet (about a second here): a tenth of the calls.
  rpcRunSelfCheck: {
    args: fc.tuple(tampered({ token: null, via: 'rpc' })),
    mutation: false,
    runs: Math.ceil(RUNS / 10),
  },
  rpcSaveCheckIn: {
    args: fc.tuple(
      fc.oneof(
        tampered(CHECK_IN),
        textual({ ...CHECK_IN, replace: true }, ['wins', 'blockers', 'notes', 'enteredBy']),
      ),
    ),
    mutation: true,
  },
  rpcSkipCheckIn: {
    args: fc.tuple(
      tampered({ clientId: 'C-0001', weekOf: '2024-06-10', draft: { Revenue: '5', notes: 'n' } }),
    ),
    mutation: true,
  },
  rpcCreateClient: {
    args: fc.tuple(
      fc.oneof(
        tampered({ ...SAMPLE_CLIENT, name: 'Bee Ltd' }),
        textual({ ...SAMPLE_CLIENT, name: 'Bee Ltd' }, ['name', 'program', 'definitionOfSuccess', 'scope']),
      ),
    ),
    mutation: true,
    // The same fee as Edit client's below (one parser): refused by name, never a crash.
    found: [
      [
        {
          ...SAMPLE_CLIENT,
          name: 'Bee Ltd',
          monthlyFee: { toString: 'x' },
          yearlyProfit: '',
          monthlyCosts: '800',
        },
      ],
    ],
  },
  rpcAdoptTabs: { args: fc.tuple(tampered(['Weights', 'My notes'])), mutation: true },
  rpcRecordPayment: {
    args: fc.tuple(fc.oneof(tampered(PAYMENT), textual(PAYMENT, ['note']))),
    mutation: true,
  },
  rpcLogRequest: {
    args: fc.tuple(fc.oneof(tampered(REQUEST), textual(REQUEST, ['request']))),
    mutation: true,
  },
  rpcGetClientEdit: { args: clientId, mutation: false },
  rpcEditClient: {
    // As the sidebar sends it: with what the form opened with, which the campaign tampers with too.
    args: fc.tuple(
      fc.oneof(tampered({ ...EDIT, opened: openedEdit() }), textual(EDIT, ['definitionOfSuccess', 'scope'])),
    ),
    // `npm run fuzz`, seed 20261130: a fee that cannot become text (its toString is no function) crashed
    // the costs-to-profit rule instead of being refused.
    found: [[{ ...EDIT, monthlyFee: { toString: 'x', valueOf: 7 }, yearlyProfit: '', monthlyCosts: '800' }]],
    mutation: true,
    fresh: true,
  },
  rpcGetInvoices: { args: clientId, mutation: false },
  rpcCreateInvoice: {
    args: fc.tuple(fc.oneof(tampered(INVOICE), textual(INVOICE, ['note']))),
    mutation: true,
    fresh: true,
  },
  rpcPayInvoice: {
    args: fc.tuple(fc.oneof(tampered(PAY), textual(PAY, ['note']))),
    mutation: true,
    fresh: true,
  },
  rpcDecideRequest: {
    args: fc.tuple(fc.constantFrom(...DECIDE).chain((form) => tampered(form))),
    mutation: true,
    fresh: true,
  },
  rpcGetClientNotes: { args: clientId, mutation: false },
  rpcSaveConversation: {
    args: fc.tuple(
      fc.oneof(
        tampered(CONVERSATION),
        textual(CONVERSATION, ['reason', 'ownPart', 'outcome', 'listen', 'restate']),
      ),
    ),
    mutation: true,
  },
  rpcSaveNeed: { args: fc.tuple(fc.oneof(tampered(NEED), textual(NEED, ['need']))), mutation: true },
  rpcMakeProgressReport: { args: clientId, mutation: true, runs: Math.ceil(RUNS / 4) },
  rpcGetClientProfit: { args: fc.tuple(fc.oneof(fc.constant('C-0001'), hostileValue)), mutation: false },
  rpcGetMetricHistory: { args: fc.array(hostileValue, { maxLength: 2 }), mutation: false },
  rpcRecordRaise: { args: fc.tuple(fc.oneof(tampered(RAISE), textual(RAISE, ['note']))), mutation: true },
  rpcSetClientHours: {
    args: fc.tuple(tampered({ clientId: 'C-0001', hoursPerMonth: '12' })),
    mutation: true,
    // `npm run fuzz`, seed 20261130: a fee over 5e-324 hours is Infinity, an #ERROR! in the effective rate.
    found: [[{ clientId: 'C-0001', hoursPerMonth: 5e-324 }]],
  },
  rpcOffboardClient: {
    args: fc.tuple(tampered(offboarding())),
    mutation: true,
  },
};

/**
 * A set-up workbook with a client, a check-in, an open invoice, an open request, a conversation plan and a
 * need, a tab to adopt and a tab of the user's own.
 */
function workbook(): Harness {
  const h = harness();
  h.sheet('Sheet1').setName('My notes');
  h.sheet('My notes')
    .getRange('A1:B2')
    .setValues([
      ['Rent', 1200],
      ['=1+1', "'007"],
    ]);
  const log = h.emu.spreadsheet.insertSheet('Weights');
  log.getRange('A1:B3').setValues([
    ['Date', 'Weight'],
    ['2024-05-06', 90],
    ['2024-05-13', 89],
  ]);
  h.call('menuSetUpWorkbook');
  h.call('rpcCreateClient', SAMPLE_CLIENT);
  h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-03'));
  h.call('rpcCreateInvoice', { clientId: 'C-0001', due: '2024-05-01', amount: '2000', note: '' });
  h.call('rpcLogRequest', {
    clientId: 'C-0001',
    date: '2024-06-03',
    request: 'New logo',
    decision: 'Open',
    fee: '',
  });
  h.call('rpcSaveConversation', CONVERSATION);
  h.call('rpcSaveNeed', NEED);
  return h;
}

/** Every cell of every sheet, and every property: what a refusal or a read must leave as it was. */
function state(h: Harness): string {
  const properties = Object.fromEntries(
    Object.entries(h.emu.properties).map(([store, map]) => [store, [...map.entries()].sort()]),
  );
  return JSON.stringify({ cells: h.snapshot(), properties });
}

/** Cells whose value or formula differs between two snapshots. */
function changedCells(before: ReturnType<Harness['snapshot']>, after: ReturnType<Harness['snapshot']>) {
  const out: { where: string; value: unknown; formula: string }[] = [];
  for (const [name, sheet] of Object.entries(after)) {
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const old = before[name];
        const formula = sheet.formulas[r][c];
        if (
          old &&
          JSON.stringify(old.values[r]?.[c]) === JSON.stringify(value) &&
          old.formulas[r]?.[c] === formula
        )
          return;
        out.push({ where: `${name} R${r + 1}C${c + 1}`, value, formula });
      }),
    );
  }
  return out;
}

/** A sent string that a write turned into a formula (`=x`, or `+x`/`-x`/`@x` read as one). */
function ranAsFormula(formula: string, sent: Set<string>): boolean {
  if (formula === '') return false;
  for (const s of sent) {
    if (s.length < 2 || !/^[=+\-@]/.test(s)) continue;
    if (formula === s || formula === `=${s}` || formula.slice(1) === s.slice(1)) return true;
  }
  return false;
}

test('the campaign covers every sidebar server function in the bundle', () => {
  const h = harness();
  const served = h.bundle.functions.filter((name) => name.startsWith('rpc')).sort();
  expect(Object.keys(CAMPAIGN).sort()).toEqual(served);
});

describe(`hostile input on each sidebar server function (${RUNS} calls each)`, () => {
  test.each(Object.keys(CAMPAIGN))('%s', (name) => {
    const { args, mutation, runs: count = RUNS, fresh = false, found = [] } = CAMPAIGN[name];
    let h = workbook();
    let used = false;
    fc.assert(
      fc.property(args, (sent) => {
        if (fresh && used) [h, used] = [workbook(), false];
        const before = state(h);
        const cellsBefore = h.snapshot();
        let result: unknown;
        try {
          result = h.bundle.call(name, ...(inRealm(h.bundle.context, sent) as unknown[]));
        } catch (error) {
          if (process.env.FUZZ_DEBUG) console.log(name, 'threw', (error as Error)?.message);
          // The sidebar shows a thrown error's message (google.script.run's failure handler).
          expect([name, readable((error as Error)?.message)]).toEqual([name, null]);
          expect(state(h)).toBe(before);
          return;
        }
        if (process.env.FUZZ_DEBUG)
          console.log(name, JSON.stringify(result)?.slice(0, 160), JSON.stringify(sent).slice(0, 200));
        expect([name, notTransportable(result)]).toEqual([name, null]);
        const answer = result as { ok?: unknown; message?: unknown; errors?: { message: unknown }[] } | null;
        if (!mutation) {
          expect(state(h)).toBe(before);
          return;
        }
        if (answer?.ok === false) {
          const messages = [answer.message, ...(answer.errors ?? []).map((e) => e.message)];
          expect([name, messages.map(readable).filter(Boolean)]).toEqual([name, []]);
          expect(state(h)).toBe(before);
          return;
        }
        expect([name, answer?.ok]).toEqual([name, true]);
        used = true;
        // What landed: text stays text, and no cell it wrote shows an error.
        const strings = stringsIn(sent);
        const wrong = changedCells(cellsBefore, h.snapshot()).filter(
          (cell) =>
            ranAsFormula(cell.formula, strings) ||
            (cell.formula === '' && cell.value === '#ERROR!' && !strings.has('#ERROR!')),
        );
        expect([name, wrong]).toEqual([name, []]);
      }),
      { numRuns: count, endOnFailure: false, examples: found.map((sent) => [sent]) },
    );
  });
});
