import {
  findLoneSurrogate,
  JsonNumber,
  UnrepresentableJsonError,
  type JsonPath,
  type JsonValue,
} from '../json/lossless-json.ts';
import { compareCodePoints } from './compare-code-points.ts';
import { formatPythonFloat } from './format-python-float.ts';
import { roundPythonFloat } from './round-python-float.ts';

export interface SortedJsonOptions {
  /** Round every float to 4 decimals first, as the hash does inside `inference_params`. */
  readonly roundFloats: boolean;
  /** Where `value` sits, to locate an {@link UnrepresentableJsonError}. */
  readonly path?: JsonPath;
}

/**
 * What the Python reference writes for a deep-sorted value: `json.dumps(value, separators=(",",
 * ":"), ensure_ascii=False)` with object keys sorted by code point at every level and arrays in
 * order. Integers print as Python ints (`-0` → `0`), floats as `repr(float)`, strings with only
 * `"`, `\`, and U+0000–U+001F escaped (which `JSON.stringify` matches for well-formed strings).
 *
 * @throws {UnrepresentableJsonError} for a lone surrogate or a non-finite float, which Python
 *   cannot encode.
 */
export function serializeSortedJson(value: JsonValue, options: SortedJsonOptions): string {
  return new SortedJsonWriter(options.roundFloats, options.path ?? []).write(value);
}

class SortedJsonWriter {
  private readonly path: (string | number)[];

  constructor(
    private readonly roundFloats: boolean,
    basePath: JsonPath,
  ) {
    this.path = [...basePath];
  }

  write(value: JsonValue): string {
    if (value === null) return 'null';
    switch (typeof value) {
      case 'string':
        return this.writeString(value);
      case 'boolean':
        return value ? 'true' : 'false';
    }
    if (value instanceof JsonNumber) return this.writeNumber(value);
    if (Array.isArray(value)) {
      let text = '[';
      for (let index = 0; index < value.length; index++) {
        if (index > 0) text += ',';
        this.path.push(index);
        text += this.write(value[index] ?? null);
        this.path.pop();
      }
      return text + ']';
    }
    const keys = Object.keys(value).sort(compareCodePoints);
    let text = '{';
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] ?? '';
      if (index > 0) text += ',';
      this.path.push(key);
      text += this.writeString(key) + ':' + this.write(value[key] ?? null);
      this.path.pop();
    }
    return text + '}';
  }

  private writeString(text: string): string {
    const quoted = JSON.stringify(text);
    // JSON.stringify writes a lone surrogate as \udXXX; only then is the exact search needed.
    if (quoted.includes('\\ud') && findLoneSurrogate(text) >= 0) {
      throw new UnrepresentableJsonError('lone_surrogate', this.path);
    }
    return quoted;
  }

  private writeNumber(number: JsonNumber): string {
    if (!number.isFloat) return number.lexeme === '-0' ? '0' : number.lexeme;
    const value = number.toNumber();
    if (!Number.isFinite(value)) {
      throw new UnrepresentableJsonError('non_finite_number', this.path);
    }
    return formatPythonFloat(this.roundFloats ? roundPythonFloat(value, 4) : value);
  }
}
