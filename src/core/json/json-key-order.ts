import type { JsonObject } from './json-value.ts';

/**
 * JavaScript enumerates integer-like keys ("9", "10") before all others, whatever the insertion
 * order; Python dicts keep insertion order. For parsed objects whose order JavaScript would change,
 * the parser records the source order here.
 */
const sourceKeyOrder = new WeakMap<JsonObject, readonly string[]>();

export function rememberKeyOrder(object: JsonObject, keys: readonly string[]): void {
  sourceKeyOrder.set(object, keys);
}

/**
 * The object's keys in insertion order (first occurrence of a duplicated key, as Python keeps it).
 * For an object changed after parsing, falls back to JavaScript's enumeration order.
 */
export function jsonObjectKeys(object: JsonObject): string[] {
  const keys = Object.keys(object);
  const recorded = sourceKeyOrder.get(object);
  if (recorded === undefined || recorded.length !== keys.length) return keys;
  for (const key of recorded) {
    if (!Object.hasOwn(object, key)) return keys;
  }
  return [...recorded];
}
