import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { roundPythonFloat } from './round-python-float.ts';

// Expected values are Python 3's round(x, 4).
const PYTHON_ROUND_4: [number, number][] = [
  [0.03125, 0.0312], // an exact binary tie: to even
  [-0.03125, -0.0312],
  [0.09375, 0.0938], // an exact tie, rounding up to even
  [0.70005, 0.7], // stored as 0.70004999999999994…
  [0.00005, 0.0001], // stored as 0.0000500000000000000024…
  [0.00015, 0.0001], // stored just below the tie
  [0.00025, 0.0003], // stored just above the tie
  [1.00005, 1.0001],
  [0.12345, 0.1235],
  [0.99995, 1],
  [0.99994999, 0.9999],
  [123.456789, 123.4568],
  [2.5, 2.5],
  [1e16, 1e16],
  [4503599627370495.5, 4503599627370495.5],
  [Number.MIN_VALUE, 0],
  [0.00004999999, 0],
];

describe('roundPythonFloat', () => {
  for (const [value, expected] of PYTHON_ROUND_4) {
    it(`round(${String(value)}, 4) = ${String(expected)}`, () => {
      assert.equal(roundPythonFloat(value, 4), expected);
    });
  }

  it('keeps the sign of zero, as Python does', () => {
    assert.ok(Object.is(roundPythonFloat(-0.00001, 4), -0));
    assert.ok(Object.is(roundPythonFloat(-Number.MIN_VALUE, 4), -0));
    assert.ok(Object.is(roundPythonFloat(-0, 4), -0));
    assert.ok(Object.is(roundPythonFloat(0.00001, 4), 0));
  });

  it('differs from toFixed, which breaks exact ties upwards', () => {
    assert.equal((0.03125).toFixed(4), '0.0313');
    assert.equal(roundPythonFloat(0.03125, 4), 0.0312);
  });

  it('passes non-finite values through and rejects bad digit counts', () => {
    assert.equal(roundPythonFloat(Infinity, 4), Infinity);
    assert.ok(Number.isNaN(roundPythonFloat(NaN, 4)));
    assert.throws(() => roundPythonFloat(1, -1), RangeError);
    assert.throws(() => roundPythonFloat(1, 1.5), RangeError);
  });
});
