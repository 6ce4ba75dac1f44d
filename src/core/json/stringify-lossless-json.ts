import { jsonObjectKeys } from './json-key-order.ts';
import { JsonNumber } from './json-number.ts';
import type { JsonValue } from './json-value.ts';

/**
 * Compact JSON that gives back what was parsed: each number's lexeme as written, keys in insertion
 * order. Used to store request JSON without loss.
 */
export function stringifyLosslessJson(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (value instanceof JsonNumber) return value.lexeme;
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      text += stringifyLosslessJson(value[index] ?? null);
    }
    return text + ']';
  }
  let text = '{';
  let first = true;
  for (const key of jsonObjectKeys(value)) {
    if (!first) text += ',';
    first = false;
    text += JSON.stringify(key) + ':' + stringifyLosslessJson(value[key] ?? null);
  }
  return text + '}';
}
