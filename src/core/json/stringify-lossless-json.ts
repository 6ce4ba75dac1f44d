import { jsonObjectKeys } from './json-key-order.ts';
import { JsonNumber } from './json-number.ts';
import type { JsonObject } from './json-value.ts';
import { parseLosslessJson } from './parse-lossless-json.ts';
import { RawJson } from './raw-json.ts';

/**
 * `JSON.stringify` that gives back what was parsed: each `JsonNumber` as its lexeme, each
 * `RawJson` verbatim, keys of parsed objects in their source order. Everything else is written
 * as `JSON.stringify` writes it (`toJSON` is called, `undefined` and functions are left out of
 * objects and are `null` in arrays, non-finite numbers are `null`); a bigint is written as its
 * digits, and a top-level value that has no JSON form gives `null`. `indent` (spaces, at most
 * 10) pretty-prints like `JSON.stringify`'s third argument. Values must not be cyclic.
 */
export function stringifyLosslessJson(value: unknown, indent = 0): string {
  const gap = ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent))));
  return write(value, '', gap, '') ?? 'null';
}

function write(input: unknown, key: string, gap: string, margin: string): string | undefined {
  let value = input;
  if (hasToJson(value)) value = value.toJSON(key);
  if (value instanceof JsonNumber) return value.lexeme;
  if (value instanceof RawJson) return gap === '' ? value.text : reindent(value, gap, margin);
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value)
        ? writeArray(value, gap, margin)
        : writeObject(value as JsonObject, gap, margin);
    default:
      return undefined;
  }
}

function writeArray(array: readonly unknown[], gap: string, margin: string): string {
  if (array.length === 0) return '[]';
  const inner = margin + gap;
  const separator = gap === '' ? ',' : `,\n${inner}`;
  let text = gap === '' ? '[' : `[\n${inner}`;
  for (let index = 0; index < array.length; index++) {
    if (index > 0) text += separator;
    text += write(array[index], String(index), gap, inner) ?? 'null';
  }
  return gap === '' ? `${text}]` : `${text}\n${margin}]`;
}

function writeObject(object: JsonObject, gap: string, margin: string): string {
  const inner = margin + gap;
  const separator = gap === '' ? ',' : `,\n${inner}`;
  const colon = gap === '' ? ':' : ': ';
  let text = '';
  for (const key of jsonObjectKeys(object)) {
    const member = write(object[key], key, gap, inner);
    if (member === undefined) continue;
    if (text !== '') text += separator;
    text += JSON.stringify(key) + colon + member;
  }
  if (text === '') return '{}';
  return gap === '' ? `{${text}}` : `{\n${inner}${text}\n${margin}}`;
}

function hasToJson(value: unknown): value is { toJSON(key: string): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof JsonNumber) &&
    !(value instanceof RawJson) &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}

/** Stored text is compact; pretty output parses it again to indent it (verbatim if it cannot). */
function reindent(raw: RawJson, gap: string, margin: string): string {
  let parsed;
  try {
    parsed = parseLosslessJson(raw.text);
  } catch {
    return raw.text;
  }
  return write(parsed, '', gap, margin) ?? raw.text;
}
