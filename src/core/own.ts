/**
 * Lookups keyed by text a user typed (metric names, client IDs): a plain object's `obj[name]` reads the
 * prototype for `constructor` or `toString` and `obj['__proto__'] = x` replaces the prototype, so keys
 * from users go through these own-property helpers (or a Map).
 */

/** The object's own property `key`, or undefined (never one inherited from Object.prototype). */
export function ownValue<T>(record: object | null | undefined, key: string): T | undefined {
  if (record === null || record === undefined) return undefined;
  return Object.prototype.hasOwnProperty.call(record, key)
    ? ((record as Record<string, unknown>)[key] as T)
    : undefined;
}

/** Sets `key` as an own, enumerable property, even when it is `__proto__`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A plain object with the own properties of `entries` (what google.script.run and JSON pass). */
export function ownRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of entries) setOwn(record, key, value);
  return record;
}
