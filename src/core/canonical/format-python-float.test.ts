import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPythonFloat } from './format-python-float.ts';

// Expected strings are Python 3's repr(float) for the same doubles.
const PYTHON_REPR: [number, string][] = [
  [1, '1.0'],
  [0, '0.0'],
  [-0, '-0.0'],
  [0.7, '0.7'],
  [-1.5, '-1.5'],
  [100, '100.0'],
  [12345.678, '12345.678'],
  [0.1 + 0.2, '0.30000000000000004'],
  [0.0001, '0.0001'],
  [0.00012, '0.00012'],
  [1e-5, '1e-05'],
  [1.5e-5, '1.5e-05'],
  [1e-7, '1e-07'],
  [-1e-7, '-1e-07'],
  [123e-20, '1.23e-18'],
  [1e15, '1000000000000000.0'],
  [123456789012345.6, '123456789012345.6'],
  [1234567890123456.8, '1234567890123456.8'],
  [9999999999999998, '9999999999999998.0'],
  [2 ** 53, '9007199254740992.0'],
  [1e16, '1e+16'],
  [1e22, '1e+22'],
  [1e100, '1e+100'],
  [1.5e300, '1.5e+300'],
  [Number.MAX_VALUE, '1.7976931348623157e+308'],
  [2.2250738585072014e-308, '2.2250738585072014e-308'],
  [Number.MIN_VALUE, '5e-324'],
  [NaN, 'nan'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
];

describe('formatPythonFloat', () => {
  for (const [value, expected] of PYTHON_REPR) {
    it(`${String(value)} → ${expected}`, () => assert.equal(formatPythonFloat(value), expected));
  }

  it('always reads back as the same double', () => {
    for (let exponent = -320; exponent <= 308; exponent += 7) {
      const value = 1.2345678901234567 * 10 ** exponent;
      assert.equal(Number(formatPythonFloat(value)), value);
    }
  });
});
