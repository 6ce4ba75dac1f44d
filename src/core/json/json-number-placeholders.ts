import { randomUUID } from 'node:crypto';
import { JsonNumber } from './json-number.ts';

// A placeholder is a string no request can hold: it starts with NUL, which every JSON body is
// refused for (find-nul-character.ts), and carries a secret drawn once per process.
const PREFIX = `\u0000json-number:${randomUUID()}:`;
// How JSON.stringify writes a placeholder string: quoted, NUL escaped as \u0000.
const SERIALISED = new RegExp(
  `"${JSON.stringify(PREFIX)
    .slice(1, -1)
    .replace(/\\/g, '\\\\')}(-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)"`,
  'g',
);

/**
 * Carries exact numbers through a `JSON.stringify` that Prompter does not control (an SDK's):
 * `insert` swaps every `JsonNumber` for a placeholder string before the value is handed over,
 * `restore` puts the lexemes back into the text it serialised, just before it is sent.
 */
export const jsonNumberPlaceholders = {
  /**
   * A copy of `value` with every `JsonNumber` inside arrays and plain objects replaced by its
   * placeholder string. Other objects (signals, functions, class instances) are kept as they are.
   */
  insert(value: unknown): unknown {
    if (value instanceof JsonNumber) return PREFIX + value.lexeme;
    if (Array.isArray(value)) return value.map((item) => jsonNumberPlaceholders.insert(item));
    if (!isPlainObject(value)) return value;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(copy, key, {
        value: jsonNumberPlaceholders.insert(value[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  },

  /** JSON text with every serialised placeholder replaced by the number it stands for. */
  restore(text: string): string {
    return text.includes('json-number:') ? text.replace(SERIALISED, '$1') : text;
  },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
