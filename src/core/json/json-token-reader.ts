import { JsonSyntaxError } from './json-syntax-error.ts';

/**
 * The lexical half of the lossless parser: strings, numbers, literals and whitespace of strict
 * RFC 8259 JSON, read with charCodeAt from `position`. Structure lives in parse-lossless-json.ts.
 */
export class JsonTokenReader {
  protected position = 0;
  /** Set by readString: the string just read holds an unpaired surrogate. */
  protected stringHasLoneSurrogate = false;
  /** Set by readNumberLexeme: the lexeme is a float that may overflow to infinity. */
  protected numberMayOverflow = false;
  /** Set by decodeEscape: the position after the escape it decoded. */
  private escapeEnd = 0;

  constructor(protected readonly text: string) {}

  /** Reads a string from its opening quote. Strings without escapes are one slice of the text. */
  protected readString(): string {
    const text = this.text;
    const start = this.position + 1;
    let position = start;
    this.stringHasLoneSurrogate = false;
    for (;;) {
      const code = text.charCodeAt(position);
      if (code >= 0x20 && code !== 0x22 && code !== 0x5c && code < 0xd800) {
        position++;
      } else if (code === 0x22 /* " */) {
        this.position = position + 1;
        return text.slice(start, position);
      } else if (code === 0x5c /* \ */) {
        return this.readEscapedString(start, position);
      } else if (code >= 0xd800) {
        position = this.skipRawCodeUnit(code, position);
      } else {
        throw this.unexpected(position);
      }
    }
  }

  /** The slow path of readString, from the first backslash on. */
  private readEscapedString(start: number, firstEscape: number): string {
    const text = this.text;
    let value = '';
    let chunkStart = start;
    let position = firstEscape;
    for (;;) {
      const code = text.charCodeAt(position);
      if (code >= 0x20 && code !== 0x22 && code !== 0x5c && code < 0xd800) {
        position++;
      } else if (code === 0x22 /* " */) {
        this.position = position + 1;
        return value + text.slice(chunkStart, position);
      } else if (code === 0x5c /* \ */) {
        value += text.slice(chunkStart, position) + this.decodeEscape(position);
        position = this.escapeEnd;
        chunkStart = position;
      } else if (code >= 0xd800) {
        position = this.skipRawCodeUnit(code, position);
      } else {
        throw this.unexpected(position);
      }
    }
  }

  /**
   * Decodes the escape at `position` (a backslash). `\uD83D\uDE00` decodes as one pair, as
   * Python does; an unpaired surrogate escape decodes to itself and marks the string.
   */
  private decodeEscape(position: number): string {
    const text = this.text;
    this.escapeEnd = position + 2;
    switch (text.charCodeAt(position + 1)) {
      case 0x22:
        return '"';
      case 0x5c:
        return '\\';
      case 0x2f:
        return '/';
      case 0x62:
        return '\b';
      case 0x66:
        return '\f';
      case 0x6e:
        return '\n';
      case 0x72:
        return '\r';
      case 0x74:
        return '\t';
      case 0x75 /* u */: {
        const unit = this.readHex4(position + 2);
        this.escapeEnd = position + 6;
        if (unit >= 0xd800 && unit <= 0xdbff && isEscapeU(text, position + 6)) {
          const low = this.readHex4(position + 8);
          if (low >= 0xdc00 && low <= 0xdfff) {
            this.escapeEnd = position + 12;
            return String.fromCharCode(unit, low);
          }
        }
        if (unit >= 0xd800 && unit <= 0xdfff) this.stringHasLoneSurrogate = true;
        return String.fromCharCode(unit);
      }
      default:
        throw this.unexpected(position + 1);
    }
  }

  private readHex4(position: number): number {
    let unit = 0;
    for (let index = position; index < position + 4; index++) {
      const digit = hexDigitValue(this.text.charCodeAt(index));
      if (digit < 0) throw this.unexpected(index);
      unit = unit * 16 + digit;
    }
    return unit;
  }

  /** Raw surrogates are fine as a pair; a lone one marks the string (it has no UTF-8 form). */
  private skipRawCodeUnit(code: number, position: number): number {
    if (code <= 0xdbff) {
      const next = this.text.charCodeAt(position + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return position + 2;
      this.stringHasLoneSurrogate = true;
    } else if (code <= 0xdfff) {
      this.stringHasLoneSurrogate = true;
    }
    return position + 1;
  }

  /** Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` and returns it as written. */
  protected readNumberLexeme(): string {
    const text = this.text;
    const start = this.position;
    let position = start;
    let isFloat = false;
    let hasExponent = false;
    if (text.charCodeAt(position) === 0x2d /* - */) position++;
    const first = text.charCodeAt(position);
    if (first === 0x30) {
      position++;
    } else if (first >= 0x31 && first <= 0x39) {
      position = skipDigits(text, position + 1);
    } else {
      throw this.unexpected(position);
    }
    if (text.charCodeAt(position) === 0x2e /* . */) {
      if (!isDigit(text.charCodeAt(position + 1))) throw this.unexpected(position + 1);
      isFloat = true;
      position = skipDigits(text, position + 2);
    }
    const exponentMarker = text.charCodeAt(position);
    if (exponentMarker === 0x65 || exponentMarker === 0x45 /* e E */) {
      isFloat = true;
      hasExponent = true;
      position++;
      const sign = text.charCodeAt(position);
      if (sign === 0x2b || sign === 0x2d) position++;
      if (!isDigit(text.charCodeAt(position))) throw this.unexpected(position);
      position = skipDigits(text, position + 1);
    }
    this.position = position;
    // Integers are unbounded (Python int). Without an exponent a float needs 310 characters to
    // reach 1.8e308, so only exponents and very long lexemes can overflow.
    this.numberMayOverflow = isFloat && (hasExponent || position - start > 308);
    return text.slice(start, position);
  }

  protected readLiteral<T extends boolean | null>(word: string, value: T): T {
    for (let index = 0; index < word.length; index++) {
      if (this.text.charCodeAt(this.position + index) !== word.charCodeAt(index)) {
        throw this.unexpected(this.position + index);
      }
    }
    this.position += word.length;
    return value;
  }

  /** JSON whitespace is only space, tab, LF and CR. */
  protected skipWhitespace(): void {
    const text = this.text;
    let position = this.position;
    for (;;) {
      const code = text.charCodeAt(position);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) position++;
      else break;
    }
    this.position = position;
  }

  protected unexpected(position: number): JsonSyntaxError {
    if (position >= this.text.length) {
      return new JsonSyntaxError(`Unexpected end of input at position ${position}`, position);
    }
    const code = this.text.codePointAt(position) ?? 0;
    const shown =
      code >= 0x21 && code <= 0x7e
        ? `'${String.fromCharCode(code)}'`
        : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return new JsonSyntaxError(`Unexpected character ${shown} at position ${position}`, position);
  }
}

function isEscapeU(text: string, position: number): boolean {
  return text.charCodeAt(position) === 0x5c && text.charCodeAt(position + 1) === 0x75;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function skipDigits(text: string, position: number): number {
  while (isDigit(text.charCodeAt(position))) position++;
  return position;
}

function hexDigitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}
