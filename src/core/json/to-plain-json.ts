import { JsonNumber } from './json-number.ts';
import type { JsonValue } from './json-value.ts';

/**
 * The value `JSON.parse` would have given: numbers become doubles (losing int/float and big-int
 * precision), objects become ordinary objects. A `__proto__` key becomes an own property; the
 * prototype is never touched.
 */
export function toPlainJson(value: JsonValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof JsonNumber) return value.toNumber();
  if (Array.isArray(value)) return value.map(toPlainJson);
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = toPlainJson(value[key] ?? null);
    if (key === '__proto__') {
      Object.defineProperty(plain, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      plain[key] = item;
    }
  }
  return plain;
}
