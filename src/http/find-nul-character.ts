import { JsonNumber, type JsonValue } from '../core/json/lossless-json.ts';

/**
 * The path to the first string or key holding U+0000, or null. PostgreSQL text cannot store
 * NUL, so both databases reject it alike (with a 422) rather than differ.
 */
export function findNulCharacter(
  value: JsonValue,
  path: (string | number)[] = [],
): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value === 'boolean' || value instanceof JsonNumber) return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findNulCharacter(value[index] as JsonValue, [...path, index]);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = findNulCharacter(value[key] as JsonValue, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
