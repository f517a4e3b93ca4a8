/**
 * `record[key]` for the record's own keys only: an entry id such as "constructor" or
 * "__proto__" must not read `Object.prototype` through a plain object used as a map.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
