const JSON_NUMBER_GRAMMAR = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const FLOAT_MARKERS = /[.eE]/;

/**
 * A JSON number as written. Python's `json.loads` (which defines the config hash) reads a lexeme
 * with `.`, `e` or `E` as a float and any other lexeme as an int of unlimited size.
 */
export class JsonNumber {
  constructor(readonly lexeme: string) {
    if (!JSON_NUMBER_GRAMMAR.test(lexeme)) {
      throw new RangeError(`Not a JSON number: ${JSON.stringify(lexeme.slice(0, 40))}`);
    }
  }

  get isFloat(): boolean {
    return FLOAT_MARKERS.test(this.lexeme);
  }

  /** The nearest double: exact for floats as Python reads them, lossy for integers past 2^53. */
  toNumber(): number {
    return Number(this.lexeme);
  }

  toString(): string {
    return this.lexeme;
  }

  /**
   * What `JSON.stringify` writes: the nearest double, since it cannot write raw digits. Output
   * meant to keep the digits goes through `stringifyLosslessJson`.
   */
  toJSON(): number {
    return this.toNumber();
  }
}
