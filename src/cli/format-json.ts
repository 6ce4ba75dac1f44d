import { jsonObjectKeys, JsonNumber, type JsonValue } from '../core/json/lossless-json.ts';

/**
 * Pretty JSON (two-space indent) for the terminal, exact for what the API sends: a number parsed
 * losslessly ({@link JsonNumber}) is printed as its lexeme, so 12345678901234567890 and 1.0 keep
 * their digits. Plain values print as `JSON.stringify` would (undefined properties are left out).
 */
export function formatJson(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof JsonNumber) return value.lexeme;
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item: unknown) => `${inner}${formatJson(item, inner)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = jsonObjectKeys(value as { [key: string]: JsonValue }).filter(
    (key) => record[key] !== undefined,
  );
  if (keys.length === 0) return '{}';
  const entries = keys.map(
    (key) => `${inner}${JSON.stringify(key)}: ${formatJson(record[key], inner)}`,
  );
  return `{\n${entries.join(',\n')}\n${indent}}`;
}
