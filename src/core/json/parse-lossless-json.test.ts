import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  JsonNumber,
  JsonSyntaxError,
  MAX_JSON_DEPTH,
  parseLosslessJson,
  UnrepresentableJsonError,
  type JsonObject,
  type JsonValue,
} from './lossless-json.ts';

function parseObject(text: string): JsonObject {
  const value = parseLosslessJson(text);
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value));
  assert.ok(!(value instanceof JsonNumber));
  return value;
}

function numberAt(value: JsonValue | undefined): JsonNumber {
  assert.ok(value instanceof JsonNumber, `expected a JsonNumber, got ${JSON.stringify(value)}`);
  return value;
}

function syntaxErrorAt(text: string, position: number, message?: string): void {
  assert.throws(
    () => parseLosslessJson(text),
    (error: unknown) => {
      assert.ok(error instanceof JsonSyntaxError, `${JSON.stringify(text)}: ${String(error)}`);
      assert.equal(error.position, position, `${JSON.stringify(text)}: ${error.message}`);
      if (message !== undefined) assert.equal(error.message, message);
      return true;
    },
  );
}

function unrepresentable(text: string, reason: string, path: (string | number)[]): void {
  assert.throws(
    () => parseLosslessJson(text),
    (error: unknown) => {
      assert.ok(error instanceof UnrepresentableJsonError, String(error));
      assert.equal(error.reason, reason);
      assert.deepEqual(error.path, path);
      return true;
    },
  );
}

describe('parseLosslessJson', () => {
  it('keeps number lexemes: 1 is an int, 1.0 / 1e5 / 1E5 are floats', () => {
    const object = parseObject('{"a":1,"b":1.0,"c":1e5,"d":1E5,"e":-0,"f":-0.0,"g":2.50}');
    const lexemes = Object.fromEntries(
      Object.entries(object).map(([key, value]) => [key, numberAt(value).lexeme]),
    );
    assert.deepEqual(lexemes, {
      a: '1',
      b: '1.0',
      c: '1e5',
      d: '1E5',
      e: '-0',
      f: '-0.0',
      g: '2.50',
    });
    assert.equal(numberAt(object.a).isFloat, false);
    assert.equal(numberAt(object.e).isFloat, false);
    for (const key of ['b', 'c', 'd', 'f', 'g']) assert.equal(numberAt(object[key]).isFloat, true);
    assert.equal(numberAt(object.c).toNumber(), 100000);
  });

  it('keeps integers of any size exactly', () => {
    const digits = '1234567890'.repeat(40);
    const value = parseLosslessJson(`[${digits}, -${digits}]`);
    assert.ok(Array.isArray(value));
    assert.equal(numberAt(value[0]).lexeme, digits);
    assert.equal(numberAt(value[1]).lexeme, `-${digits}`);
  });

  it('parses literals, strings with every escape, nesting and whitespace', () => {
    const value = parseLosslessJson(
      ' \t\r\n{"t":true,"f":false,"n":null,"s":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u00E9\\ud83d\\ude00é😀","a":[[],{}]}\n',
    );
    assert.deepEqual(JSON.parse(JSON.stringify(value)), {
      t: true,
      f: false,
      n: null,
      s: '"\\/\b\f\n\r\té\u00e9😀é😀',
      a: [[], {}],
    });
  });

  it('builds objects with no prototype, so __proto__ and constructor are ordinary keys', () => {
    const object = parseObject('{"__proto__":{"polluted":true},"constructor":1,"toString":"x"}');
    assert.equal(Object.getPrototypeOf(object), null);
    assert.deepEqual(Object.keys(object), ['__proto__', 'constructor', 'toString']);
    assert.ok(Object.hasOwn(object, '__proto__'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(parseObject('{}').constructor, undefined);
  });

  it('lets the last duplicate win, at the first occurrence position (a Python dict)', () => {
    const object = parseObject('{"a":1,"b":2,"a":3}');
    assert.deepEqual(Object.keys(object), ['a', 'b']);
    assert.equal(numberAt(object.a).lexeme, '3');
  });

  describe('rejects what is not RFC 8259 JSON with the position', () => {
    const cases: [string, number, string?][] = [
      ['', 0, 'Unexpected end of input at position 0'],
      ['{"a": x}', 6, "Unexpected character 'x' at position 6"],
      ['01', 1, "Unexpected character '1' at position 1"],
      ['-01', 2],
      ['[1,]', 3],
      ['{"a":1,}', 7],
      ['{,}', 1],
      ['[1 2]', 3],
      ['{"a" 1}', 5],
      ['{a:1}', 1],
      ['NaN', 0],
      ['Infinity', 0],
      ['-Infinity', 1],
      ['1.', 2],
      ['.5', 0],
      ['1e', 2],
      ['1e+', 3],
      ['+1', 0],
      ['0x10', 1],
      ['tru', 3],
      ['nulL', 3],
      ['"abc', 4, 'Unexpected end of input at position 4'],
      ['"a\nb"', 2, 'Unexpected character U+000A at position 2'],
      ['"a\u0000"', 2],
      ['"\u001f"', 1],
      ['"\\x41"', 2],
      ['"\\u12G4"', 5],
      ['"\\u12"', 5],
      ["'a'", 0],
      ['\u00a0{}', 0, 'Unexpected character U+00A0 at position 0'],
      ['\ufeff{}', 0],
      ['{}\u000b', 2],
      ['{} {}', 3],
      ['[1,2', 4],
    ];
    for (const [text, position, message] of cases) {
      it(JSON.stringify(text), () => syntaxErrorAt(text, position, message));
    }
  });

  it('accepts U+007F, U+2028 and U+2029 raw inside strings', () => {
    assert.equal(parseLosslessJson('"\u007f\u2028\u2029"'), '\u007f\u2028\u2029');
  });

  it('refuses nesting deeper than MAX_JSON_DEPTH without overflowing the stack', () => {
    const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    assert.ok(Array.isArray(parseLosslessJson(ok)));
    syntaxErrorAt('['.repeat(100_000), MAX_JSON_DEPTH);
  });

  describe('rejects values the hash cannot represent, with their path', () => {
    it('a lone surrogate escape in a string value', () => {
      unrepresentable('{"a":{"b":["x","\\ud800"]}}', 'lone_surrogate', ['a', 'b', 1]);
      unrepresentable('"\\udc00"', 'lone_surrogate', []);
      unrepresentable('["\\ud83d\\u0041"]', 'lone_surrogate', [0]);
      unrepresentable('["\\ude00\\ud83d"]', 'lone_surrogate', [0]);
    });

    it('a lone surrogate in a key: the object path plus the key', () => {
      unrepresentable('{"ok":{"k\\ud800":1}}', 'lone_surrogate', ['ok', 'k\ud800']);
    });

    it('raw lone surrogates in the text, but not raw pairs', () => {
      unrepresentable('["a\ud800b"]', 'lone_surrogate', [0]);
      unrepresentable('{"\udfff":1}', 'lone_surrogate', ['\udfff']);
      unrepresentable('["\\ud83d\ude00"]', 'lone_surrogate', [0]);
      assert.equal(parseLosslessJson('"\ud83d\ude00"'), '😀');
    });

    it('a float that overflows to infinity; huge integers and underflow are fine', () => {
      unrepresentable('{"p":{"t":1e400}}', 'non_finite_number', ['p', 't']);
      unrepresentable('[-1E309]', 'non_finite_number', [0]);
      unrepresentable(`[${'9'.repeat(400)}.0]`, 'non_finite_number', [0]);
      assert.equal(numberAt(parseLosslessJson('1e-400')).toNumber(), 0);
      assert.equal(numberAt(parseLosslessJson('9'.repeat(400))).isFloat, false);
      assert.equal(
        numberAt(parseLosslessJson('1.7976931348623157e308')).toNumber(),
        Number.MAX_VALUE,
      );
    });

    it('names the path in the message', () => {
      assert.throws(() => parseLosslessJson('{"inference_params":{"stop":["\\ud800"]}}'), {
        name: 'UnrepresentableJsonError',
        message: /at \$\.inference_params\.stop\[0\]$/,
      });
    });
  });
});

describe('JsonNumber', () => {
  it('accepts only JSON number lexemes', () => {
    for (const lexeme of ['0', '-0', '12', '1.5', '1e5', '-1.5E-5', '1e+05']) {
      assert.equal(new JsonNumber(lexeme).lexeme, lexeme);
    }
    for (const lexeme of ['', '01', '1.', '.1', '+1', 'NaN', 'Infinity', '1e', ' 1', '0x1']) {
      assert.throws(() => new JsonNumber(lexeme), RangeError, lexeme);
    }
  });
});
