import { rememberKeyOrder } from './json-key-order.ts';
import { JsonNumber } from './json-number.ts';
import { JsonSyntaxError } from './json-syntax-error.ts';
import { JsonTokenReader } from './json-token-reader.ts';
import type { JsonObject, JsonValue } from './json-value.ts';
import {
  UnrepresentableJsonError,
  type UnrepresentableReason,
} from './unrepresentable-json-error.ts';

/** Deeper documents are refused: Python's recursive decoder gives up near this depth too. */
export const MAX_JSON_DEPTH = 1000;

/**
 * Parses strict RFC 8259 JSON into a {@link JsonValue}, keeping number lexemes.
 *
 * Accepts what Python's `json.loads` accepts, less its `NaN`/`Infinity` extensions. Duplicate
 * keys: the last value wins, at the first key's position (as in a Python dict).
 *
 * @throws {JsonSyntaxError} when the text is not JSON.
 * @throws {UnrepresentableJsonError} when the JSON holds a lone surrogate or a float that
 *   overflows to infinity: values the config hash cannot be computed for (docs/api-contract.md §2).
 */
export function parseLosslessJson(text: string): JsonValue {
  return new LosslessJsonParser(text).parseDocument();
}

class LosslessJsonParser extends JsonTokenReader {
  private depth = 0;
  /** path[0..depth) locates the value being parsed, for UnrepresentableJsonError. */
  private readonly path: (string | number)[] = [];

  parseDocument(): JsonValue {
    this.skipWhitespace();
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.position < this.text.length) throw this.unexpected(this.position);
    return value;
  }

  private parseValue(): JsonValue {
    const code = this.text.charCodeAt(this.position);
    switch (code) {
      case 0x22 /* " */: {
        const value = this.readString();
        if (this.stringHasLoneSurrogate) throw this.unrepresentable('lone_surrogate');
        return value;
      }
      case 0x7b /* { */:
        return this.parseObject();
      case 0x5b /* [ */:
        return this.parseArray();
      case 0x74 /* t */:
        return this.readLiteral('true', true);
      case 0x66 /* f */:
        return this.readLiteral('false', false);
      case 0x6e /* n */:
        return this.readLiteral('null', null);
      default: {
        if (code !== 0x2d /* - */ && !(code >= 0x30 && code <= 0x39)) {
          throw this.unexpected(this.position);
        }
        const lexeme = this.readNumberLexeme();
        if (this.numberMayOverflow && !Number.isFinite(Number(lexeme))) {
          throw this.unrepresentable('non_finite_number');
        }
        return new JsonNumber(lexeme);
      }
    }
  }

  private parseObject(): JsonObject {
    const level = this.enterContainer();
    const text = this.text;
    const object = Object.create(null) as JsonObject;
    // Filled only once an integer-like key appears (see json-key-order.ts).
    let keyOrder: string[] | undefined;
    this.position++;
    this.skipWhitespace();
    if (text.charCodeAt(this.position) === 0x7d /* } */) {
      this.position++;
      this.depth--;
      return object;
    }
    for (;;) {
      if (text.charCodeAt(this.position) !== 0x22) throw this.unexpected(this.position);
      const key = this.readString();
      if (this.stringHasLoneSurrogate) {
        throw new UnrepresentableJsonError('lone_surrogate', [...this.path.slice(0, level), key]);
      }
      this.skipWhitespace();
      if (text.charCodeAt(this.position) !== 0x3a /* : */) throw this.unexpected(this.position);
      this.position++;
      this.skipWhitespace();
      this.path[level] = key;
      const value = this.parseValue();
      if (object[key] === undefined) {
        const first = key.charCodeAt(0);
        if (keyOrder !== undefined) keyOrder.push(key);
        else if (first >= 0x30 && first <= 0x39) keyOrder = [...Object.keys(object), key];
      }
      object[key] = value;
      this.skipWhitespace();
      const code = text.charCodeAt(this.position);
      if (code === 0x2c /* , */) {
        this.position++;
        this.skipWhitespace();
      } else if (code === 0x7d /* } */) {
        this.position++;
        break;
      } else {
        throw this.unexpected(this.position);
      }
    }
    if (keyOrder !== undefined) rememberKeyOrder(object, keyOrder);
    this.depth--;
    return object;
  }

  private parseArray(): JsonValue[] {
    const level = this.enterContainer();
    const text = this.text;
    const array: JsonValue[] = [];
    this.position++;
    this.skipWhitespace();
    if (text.charCodeAt(this.position) === 0x5d /* ] */) {
      this.position++;
      this.depth--;
      return array;
    }
    for (;;) {
      this.path[level] = array.length;
      array.push(this.parseValue());
      this.skipWhitespace();
      const code = text.charCodeAt(this.position);
      if (code === 0x2c /* , */) {
        this.position++;
        this.skipWhitespace();
      } else if (code === 0x5d /* ] */) {
        this.position++;
        break;
      } else {
        throw this.unexpected(this.position);
      }
    }
    this.depth--;
    return array;
  }

  /** Returns the container's level: the index its keys or indexes take in `path`. */
  private enterContainer(): number {
    if (this.depth >= MAX_JSON_DEPTH) {
      throw new JsonSyntaxError(
        `Nesting deeper than ${MAX_JSON_DEPTH} levels at position ${this.position}`,
        this.position,
      );
    }
    return this.depth++;
  }

  private unrepresentable(reason: UnrepresentableReason): UnrepresentableJsonError {
    return new UnrepresentableJsonError(reason, this.path.slice(0, this.depth));
  }
}
