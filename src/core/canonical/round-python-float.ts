const float64 = new DataView(new ArrayBuffer(8));

/**
 * Python 3's `round(value, digits)` for a float: the exact binary value is rounded to `digits`
 * decimals, ties to even (a tie only exists when the double is exactly halfway, e.g. 0.03125), and
 * that decimal is read back as the nearest double. So `round(0.70005, 4)` is 0.7: the double
 * nearest 0.70005 is 0.70004999999999994…. `toFixed` rounds differently and is not used.
 * The sign survives: `round(-0.00001, 4)` is -0.0.
 */
export function roundPythonFloat(value: number, digits: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 300) {
    throw new RangeError(`digits must be an integer from 0 to 300, got ${digits}`);
  }
  if (!Number.isFinite(value) || value === 0) return value;
  const { mantissa, exponent } = decompose(value);
  // value = mantissa * 2^exponent; with exponent >= 0 it is an integer, already round.
  if (exponent >= 0) return value;
  const scaled = mantissa * 10n ** BigInt(digits);
  const denominator = 1n << BigInt(-exponent);
  let quotient = scaled / denominator;
  const twiceRemainder = (scaled - quotient * denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && (quotient & 1n) === 1n)) {
    quotient += 1n;
  }
  // A decimal string converts to the nearest double (correct rounding).
  const magnitude = Number(`${quotient}e-${digits}`);
  return value < 0 ? -magnitude : magnitude;
}

/** |value| = mantissa * 2^exponent exactly, from the IEEE 754 bits. */
function decompose(value: number): { mantissa: bigint; exponent: number } {
  float64.setFloat64(0, value);
  const high = float64.getUint32(0);
  const low = float64.getUint32(4);
  const biasedExponent = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biasedExponent === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biasedExponent - 1075 };
}
