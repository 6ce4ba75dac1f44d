import fc from 'fast-check';

/**
 * Generates create-request bodies as raw JSON text, for the parity test against the Python
 * reference (canonical_reference.py). The text, not a value, is generated: the hash depends on how
 * numbers are written (`1` vs `1.0` vs `1E0`), and escapes, whitespace and duplicate keys must
 * parse alike on both sides.
 *
 * Each body fits on one line (no raw LF; whitespace between tokens is space, tab or CR) so the
 * reference can read one body per line. Lone surrogates only appear as `\uD800` escapes: a body on
 * the wire is UTF-8, which cannot carry a raw one.
 *
 * `poison` chooses which unhashable input a body may contain, at most one kind per body, since
 * Python and TypeScript detect them in different orders: `lone_surrogate` strings or keys, or
 * `non_finite_number` floats (`1e400`). Poison only goes where the hash reads it, and a duplicate
 * key's overwritten value is never poisoned: the reference only fails on what it hashes, while
 * parseLosslessJson refuses an unhashable value anywhere in the body (a deliberate difference).
 */
export type Poison = 'none' | 'lone_surrogate' | 'non_finite_number';

export function requestBodyArbitrary(poison: Poison): fc.Arbitrary<string> {
  const pieces = new BodyPieces(poison);
  const optional = (value: fc.Arbitrary<string>): fc.Arbitrary<string | undefined> =>
    fc.oneof(
      { arbitrary: value, weight: 4 },
      { arbitrary: fc.constant('null'), weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 3 },
    );
  const fields = fc.record({
    workspace_id: fc.constant('"ws"'),
    name: fc.constant('"n"'),
    system_instructions: optional(fc.oneof(pieces.text(), pieces.blankText())),
    user_prompt_template: fc.oneof(
      { arbitrary: pieces.text(), weight: 4 },
      { arbitrary: pieces.blankText(), weight: 1 },
    ),
    country_set: optional(pieces.array(pieces.country(), 6)),
    model_id: pieces.text(),
    inference_params: optional(pieces.object(pieces.value(3), 6)),
    tools_spec: optional(
      pieces.array(fc.oneof(pieces.object(pieces.value(2), 4), fc.constant('null')), 3),
    ),
    response_format: optional(pieces.object(pieces.value(2), 3)),
    grounding_profile_id: optional(pieces.text()),
    grounding_snapshot_id: optional(pieces.text()),
    retrieval_params: optional(pieces.object(pieces.value(2), 6)),
    preprocess_pipeline_id: optional(pieces.text()),
    postprocess_pipeline_id: optional(pieces.text()),
  });
  return fields.chain((record) => {
    const entries = Object.entries(record).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    );
    return fc
      .tuple(
        fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
        pieces.whitespace(),
      )
      .chain(([shuffled, outer]) =>
        pieces
          .objectFromEntries(shuffled.map(([name, value]) => [JSON.stringify(name), value]))
          .map((body) => outer + body),
      );
  });
}

/** Bodies whose parameters are mostly floats of every kind: many rounding cases per line. */
export function floatHeavyBodyArbitrary(): fc.Arbitrary<string> {
  const pieces = new BodyPieces('none');
  const floats = fc
    .uniqueArray(fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), pieces.float()), {
      minLength: 10,
      maxLength: 40,
      selector: ([key]) => key,
    })
    .map(
      (entries) =>
        `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`,
    );
  return fc
    .tuple(floats, floats, fc.array(pieces.float(), { maxLength: 20 }))
    .map(
      ([inference, retrieval, list]) =>
        `{"user_prompt_template":"x","model_id":"m","inference_params":${inference},` +
        `"retrieval_params":${retrieval},"response_format":{"list":[${list.join(',')}]}}`,
    );
}

/** Characters that the text rule, strip() and upper() treat specially, plus plain ones. */
const AWKWARD_CHARACTERS = [
  ' ',
  '  ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\x0b',
  '\x0c',
  '\x1c',
  '\x1f',
  '\x85',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\x00',
  '\x7f',
  '"',
  '\\',
  '/',
  'a',
  'B',
  'é',
  'ß',
  'ﬁ',
  'ŉ',
  'ΐ',
  'ı',
  'ǆ',
  'ς',
  '😀',
  '𝒜',
  '\ue000',
  '\uffff',
  '{{name}}',
  '{{ brand }}',
  'Zürich',
];

/** Characters for which Python's `str.isspace()` holds, so `strip()` removes them all. */
const BLANK_CHARACTERS = [
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\x0b',
  '\x0c',
  '\x1c',
  '\x1f',
  '\x85',
  '\u00a0',
  '\u2028',
  '\u3000',
];

/** Letters for country items: ASCII, special upper-casing, whitespace. Leaves out letters whose
 * upper case changed after Unicode 14 (Python 3.11's tables), where Node and Python differ. */
const COUNTRY_CHARACTERS = [
  'u',
  'k',
  'U',
  'K',
  'g',
  'b',
  'G',
  'd',
  'e',
  's',
  'ß',
  'ﬁ',
  'ŉ',
  'ΐ',
  'ı',
  'ǆ',
  'é',
  'ö',
  'я',
  '😀',
  ' ',
  '\t',
  '\r',
  '\n',
  '\u00a0',
  '\x85',
  '\x1c',
  '\u3000',
  '\ufeff',
  '\u200b',
];

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b'];

/** Float lexemes that sit on rounding ties, layout boundaries and the edges of the double range. */
const SPECIAL_FLOATS = [
  '0.0',
  '-0.0',
  '-0e0',
  '0E+0',
  '1.0',
  '1E0',
  '1e+0',
  '100e-2',
  '1e007',
  '0.1',
  '0.7',
  '0.70005',
  '0.03125',
  '0.09375',
  '-0.03125',
  '0.00005',
  '0.00015',
  '0.00025',
  '1.00005',
  '0.99995',
  '-0.00001',
  '0.0001',
  '1e-4',
  '1e-5',
  '0.00001',
  '1e-7',
  '1e16',
  '1E16',
  '1e+16',
  '9999999999999998.0',
  '1e15',
  '123456789012345680000.0',
  '1e22',
  '1.5e300',
  '1.7976931348623157e308',
  '2.2250738585072014e-308',
  '2.2250738585072011e-308',
  '5e-324',
  '4.9406564584124654e-324',
  '2.4703282292062328e-324',
  '2.4703282292062327e-324',
  '1e-400',
  '-1e-400',
  '4503599627370495.5',
  '0.30000000000000004',
  '0.1000000000000000055511151231257827',
];

class BodyPieces {
  constructor(private readonly poison: Poison) {}

  whitespace(): fc.Arbitrary<string> {
    return fc.oneof(
      { arbitrary: fc.constant(''), weight: 6 },
      { arbitrary: fc.constantFrom(' ', '\t', '\r', '  ', ' \t\r '), weight: 1 },
    );
  }

  /** A JSON string literal with randomly chosen escapes. */
  text(): fc.Arbitrary<string> {
    const plain = fc.oneof(
      fc.string({ unit: fc.constantFrom(...AWKWARD_CHARACTERS), maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 16 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
      fc.string({ maxLength: 12 }),
    );
    const values =
      this.poison === 'lone_surrogate'
        ? fc.oneof(
            { arbitrary: plain, weight: 12 },
            {
              arbitrary: fc
                .tuple(plain, fc.constantFrom(...LONE_SURROGATES), plain)
                .map((parts) => parts.join('')),
              weight: 1,
            },
          )
        : plain;
    return values.chain(encodeStringLiteral);
  }

  /**
   * A JSON string literal that is empty or whitespace only by Python's `strip()` (it hashes as
   * ""), sometimes with a character that looks blank but is not (U+FEFF, U+200B).
   */
  blankText(): fc.Arbitrary<string> {
    return fc
      .oneof(
        { arbitrary: fc.constant(''), weight: 2 },
        {
          arbitrary: fc.string({ unit: fc.constantFrom(...BLANK_CHARACTERS), maxLength: 6 }),
          weight: 6,
        },
        {
          arbitrary: fc
            .tuple(
              fc.string({ unit: fc.constantFrom(...BLANK_CHARACTERS), maxLength: 3 }),
              fc.constantFrom('\ufeff', '\u200b'),
            )
            .map(([blank, lookalike]) => blank + lookalike),
          weight: 1,
        },
      )
      .chain(encodeStringLiteral);
  }

  key(): fc.Arbitrary<string> {
    return fc.oneof(
      fc
        .constantFrom(
          '__proto__',
          'constructor',
          'toString',
          'hasOwnProperty',
          '10',
          '9',
          '0',
          '01',
          '-1',
          '4294967295',
          'a',
          'A',
          'b',
          'é',
          '😀',
          '𝒜',
          '\uffff',
          '\ue000',
          '\ud7ff',
          '',
          ' ',
          'temperature',
          'top_p',
        )
        .chain(encodeStringLiteral),
      this.text(),
    );
  }

  country(): fc.Arbitrary<string> {
    return fc
      .oneof(
        fc.constantFrom('us', 'US', 'uk', 'UK', 'ukk', 'UKK', ' gb ', 'Uk\t', 'de', '', '  ', 'ch'),
        fc.string({ unit: fc.constantFrom(...COUNTRY_CHARACTERS), maxLength: 5 }),
      )
      .chain(encodeStringLiteral);
  }

  integer(): fc.Arbitrary<string> {
    return fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.constantFrom('0', '-0', '9007199254740993', '-12345678901234567890'),
      fc.bigInt({ min: -(10n ** 80n), max: 10n ** 80n }).map(String),
    );
  }

  float(): fc.Arbitrary<string> {
    const doubles = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    );
    const lexemes = fc.oneof(
      fc.constantFrom(...SPECIAL_FLOATS),
      doubles.map(shortestFloatLexeme),
      fc
        .tuple(doubles, fc.integer({ min: 1, max: 25 }))
        .map(([value, precision]) => asFloatLexeme(value.toPrecision(precision))),
      doubles.map((value) => value.toExponential()),
      // Multiples of 1/2^k: many are exact ties at the fifth decimal.
      fc
        .tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 5, max: 14 }))
        .map(([numerator, power]) => shortestFloatLexeme(numerator / 2 ** power)),
      // Decimals just around a tie at the fifth decimal, such as 0.70005.
      fc
        .tuple(
          fc.integer({ min: -99, max: 99 }),
          fc.integer({ min: 0, max: 9999 }),
          fc.constantFrom('5', '49999', '50001', '5000000000000001'),
        )
        .map(([whole, fraction, tail]) => `${whole}.${String(fraction).padStart(4, '0')}${tail}`),
    );
    // toPrecision can round the largest doubles up past the range ("1.80e+308"): keep those
    // for the body that may be poisoned with them.
    if (this.poison !== 'non_finite_number') return lexemes.map(finiteOr('1.0'));
    return fc.oneof(
      { arbitrary: lexemes, weight: 15 },
      { arbitrary: fc.constantFrom('1e400', '-1E309', '1.8e308'), weight: 1 },
    );
  }

  value(depth: number): fc.Arbitrary<string> {
    const leaf = fc.oneof(
      { arbitrary: this.float(), weight: 6 },
      { arbitrary: this.integer(), weight: 3 },
      { arbitrary: this.text(), weight: 3 },
      { arbitrary: fc.constantFrom('true', 'false', 'null'), weight: 1 },
    );
    if (depth <= 0) return leaf;
    const inner = this.value(depth - 1);
    return fc.oneof(
      { arbitrary: leaf, weight: 6 },
      { arbitrary: this.array(inner, 4), weight: 1 },
      { arbitrary: this.object(inner, 4), weight: 1 },
    );
  }

  array(item: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
    return fc
      .array(fc.tuple(this.whitespace(), item, this.whitespace()), { maxLength })
      .chain((items) =>
        this.whitespace().map(
          (inner) =>
            `[${inner}${items.map(([before, value, after]) => before + value + after).join(',')}]`,
        ),
      );
  }

  /** Keys are distinct once decoded; objectFromEntries adds the duplicates it controls. */
  object(value: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
    return fc
      .uniqueArray(fc.tuple(this.key(), value), { maxLength, selector: decodedKey })
      .chain((entries) => this.objectFromEntries(entries));
  }

  /** Sometimes writes a key twice: first with a harmless value, then the real one (last wins). */
  objectFromEntries(entries: readonly (readonly [string, string])[]): fc.Arbitrary<string> {
    return fc
      .array(fc.tuple(fc.integer({ min: 0, max: 9 }), this.whitespace(), this.whitespace()), {
        minLength: entries.length,
        maxLength: entries.length,
      })
      .chain((layout) =>
        this.whitespace().map((inner) => {
          const members: string[] = [];
          entries.forEach(([key, value], index) => {
            const [duplicate, before, after] = layout[index] ?? [1, '', ''];
            if (duplicate === 0) members.push(`${key}:"overwritten"`);
            members.push(`${before}${key}${after}:${after}${value}${before}`);
          });
          return `{${inner}${members.join(',')}}`;
        }),
      );
  }
}

/**
 * Writes a JSON string literal for `value`, escaping each character or not at random. Characters
 * JSON requires escaped always are; a surrogate pair is escaped whole or not at all; a lone
 * surrogate is always escaped.
 */
function encodeStringLiteral(value: string): fc.Arbitrary<string> {
  const units = [...value];
  return fc
    .array(fc.integer({ min: 0, max: 5 }), { minLength: units.length, maxLength: units.length })
    .map((choices) => {
      let literal = '"';
      units.forEach((character, index) => {
        const choice = choices[index] ?? 0;
        const code = character.codePointAt(0) ?? 0;
        const lone = character.length === 1 && code >= 0xd800 && code <= 0xdfff;
        if (choice === 0 || lone) literal += unicodeEscape(character, choice % 2 === 0);
        else if (character === '/' && choice === 1) literal += '\\/';
        else literal += JSON.stringify(character).slice(1, -1);
      });
      return literal + '"';
    });
}

function unicodeEscape(character: string, upper: boolean): string {
  let escaped = '';
  for (let index = 0; index < character.length; index++) {
    const hex = character.charCodeAt(index).toString(16).padStart(4, '0');
    escaped += `\\u${upper ? hex.toUpperCase() : hex}`;
  }
  return escaped;
}

function finiteOr(replacement: string): (lexeme: string) => string {
  return (lexeme) => (Number.isFinite(Number(lexeme)) ? lexeme : replacement);
}

function decodedKey([literal]: readonly [string, string]): string {
  return JSON.parse(literal) as string;
}

/** JavaScript's shortest form, made a float lexeme (`5` → `5.0`, `-0` → `-0.0`). */
function shortestFloatLexeme(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  return asFloatLexeme(String(value));
}

function asFloatLexeme(text: string): string {
  return /[.eE]/.test(text) ? text : `${text}.0`;
}
