import type { JsonNumber } from './json-number.ts';

/**
 * A parsed JSON document that keeps what Python's `json.loads` keeps and `JSON.parse` loses:
 * every number's lexeme (`1` is an int, `1.0` a float, integers of any size).
 *
 * Objects are null-prototype, so any key (`__proto__`, `constructor`) is an ordinary own property.
 */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;

export type JsonObject = { [key: string]: JsonValue };
