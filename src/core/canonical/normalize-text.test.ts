import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText } from './normalize-text.ts';
import { stripPythonWhitespace } from './strip-python-whitespace.ts';

// Every character for which Python's str.isspace() holds (Unicode 14).
const PYTHON_WHITESPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
  0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
  0x205f, 0x3000,
];

describe('stripPythonWhitespace', () => {
  it('strips exactly the characters Python strips', () => {
    const whitespace = new Set(PYTHON_WHITESPACE);
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCharCode(code);
      const stripped = stripPythonWhitespace(`${character}x${character}`);
      assert.equal(
        stripped,
        whitespace.has(code) ? 'x' : `${character}x${character}`,
        `U+${code.toString(16)}`,
      );
    }
  });

  it('keeps U+FEFF and U+200B, which JavaScript trim() treats differently', () => {
    assert.equal(stripPythonWhitespace('\ufeffx\u200b'), '\ufeffx\u200b');
    assert.equal(stripPythonWhitespace('\x1c\x85x\x1f'), 'x');
  });

  it('handles empty and all-whitespace text', () => {
    assert.equal(stripPythonWhitespace(''), '');
    assert.equal(stripPythonWhitespace(' \u3000\n'), '');
  });
});

describe('normalizeText', () => {
  const cases: [string | null, string][] = [
    [null, ''],
    ['   ', ''],
    ['  Be   concise.\t', 'Be concise.'],
    ['List top 10\tlongevity  supplement brands.  ', 'List top 10 longevity supplement brands.'],
    ['Line 1\r\nLine 2', 'Line 1\nLine 2'],
    ['a\rb\r\r\nc', 'a\nb\n\nc'],
    ['a \nb', 'a \nb'],
    ['a \t \n\t b', 'a \n b'],
    ['\u00a0tail\u0085', 'tail'],
    ['\x1cx\x1f', 'x'],
    ['\ufeffx', '\ufeffx'],
    ['a\u00a0\u00a0b', 'a\u00a0\u00a0b'],
    ['Hello {{ name }}', 'Hello {{ name }}'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(normalizeText(input), expected);
    });
  }

  it('is linear on long whitespace runs', () => {
    const text = `a${'\n'.repeat(200_000)}b${' '.repeat(200_000)}`;
    const started = performance.now();
    assert.equal(normalizeText(text).length, 200_002);
    assert.ok(performance.now() - started < 1000);
  });
});
