import { ownRecord, ownValue, setOwn } from '../../src/core/own';

describe('own-property lookups for keys users type', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    '%s is a key like any other',
    (key) => {
      const record: Record<string, string> = {};
      expect(ownValue(record, key)).toBeUndefined();
      setOwn(record, key, '3');
      expect(ownValue(record, key)).toBe('3');
      expect(Object.keys(record)).toEqual([key]);
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect(JSON.parse(JSON.stringify(ownRecord([[key, 1]])))).toEqual(JSON.parse(`{"${key}":1}`));
    },
  );
});
