import { JsonNumber } from './json-number.ts';
import type { JsonObject, JsonValue } from './json-value.ts';

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof JsonNumber)
  );
}
