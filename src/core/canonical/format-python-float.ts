/**
 * Python's `repr(float)`, which `json.dumps` writes: the shortest digits that read back as the same
 * double (JavaScript's `String(x)` picks the same digits) laid out Python's way — positional for
 * decimal exponents -4..15 with at least one fractional digit (`1.0`, `0.0001`, `12345.678`),
 * otherwise `d[.ddd]e±XX` with two or more exponent digits (`1e+16`, `1e-05`, `1.5e+300`).
 */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) return `${sign}0.0`;
  const { digits, exponent } = shortestDigits(Math.abs(value));
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const exponentSign = exponent < 0 ? '-' : '+';
    return `${sign}${mantissa}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integerLength = exponent + 1;
  if (integerLength >= digits.length) {
    return `${sign}${digits}${'0'.repeat(integerLength - digits.length)}.0`;
  }
  return `${sign}${digits.slice(0, integerLength)}.${digits.slice(integerLength)}`;
}

/**
 * The shortest round-trip significant digits of a positive finite double (no leading or trailing
 * zeros) and the decimal exponent of the first digit: 123.4 → { digits: "1234", exponent: 2 }.
 */
function shortestDigits(value: number): { digits: string; exponent: number } {
  const text = String(value);
  const exponentAt = text.indexOf('e');
  const mantissa = exponentAt < 0 ? text : text.slice(0, exponentAt);
  const writtenExponent = exponentAt < 0 ? 0 : Number(text.slice(exponentAt + 1));
  const pointAt = mantissa.indexOf('.');
  const integerLength = pointAt < 0 ? mantissa.length : pointAt;
  const allDigits =
    pointAt < 0 ? mantissa : mantissa.slice(0, pointAt) + mantissa.slice(pointAt + 1);
  let first = 0;
  while (allDigits.charCodeAt(first) === 0x30) first++;
  let end = allDigits.length;
  while (end > first + 1 && allDigits.charCodeAt(end - 1) === 0x30) end--;
  return {
    digits: allDigits.slice(first, end),
    exponent: writtenExponent + integerLength - 1 - first,
  };
}
