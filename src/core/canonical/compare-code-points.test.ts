import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareCodePoints } from './compare-code-points.ts';

describe('compareCodePoints', () => {
  it('puts astral characters after U+E000–U+FFFF, unlike UTF-16 order', () => {
    const keys = ['😀', '\uffff', '\ue000', 'z', '\ud7ff', '𝒜'];
    assert.deepEqual([...keys].sort(), ['\ud7ff', '𝒜', '😀', '\ue000', '\uffff', 'z'].sort());
    assert.deepEqual([...keys].sort(compareCodePoints), [
      'z',
      '\ud7ff',
      '\ue000',
      '\uffff',
      '𝒜',
      '😀',
    ]);
  });

  it('sorts integer-like keys as text: "10" before "9"', () => {
    assert.deepEqual(['9', 'b', '10', 'B', ''].sort(compareCodePoints), ['', '10', '9', 'B', 'b']);
  });

  it('orders prefixes first and equal strings as equal', () => {
    assert.ok(compareCodePoints('ab', 'abc') < 0);
    assert.ok(compareCodePoints('abc', 'ab') > 0);
    assert.equal(compareCodePoints('😀', '😀'), 0);
    assert.ok(compareCodePoints('😀', '😁') < 0);
  });

  it('agrees with comparing code point arrays', () => {
    const samples = [
      'a',
      '\u00e9',
      '\ud7ff',
      '\ue000',
      '\uffff',
      '\u{10000}',
      '\u{1f600}',
      '\u{10ffff}',
    ];
    const byCodePoints = (left: string, right: string): number => {
      const a = [...left].map((c) => c.codePointAt(0) ?? 0);
      const b = [...right].map((c) => c.codePointAt(0) ?? 0);
      for (let index = 0; index < Math.min(a.length, b.length); index++) {
        if (a[index] !== b[index]) return (a[index] ?? 0) - (b[index] ?? 0);
      }
      return a.length - b.length;
    };
    for (const left of samples) {
      for (const right of samples) {
        assert.equal(
          Math.sign(compareCodePoints(left + 'x', right)),
          Math.sign(byCodePoints(left + 'x', right)),
        );
      }
    }
  });
});
