/**
 * Orders strings by Unicode code point, as Python's `sorted` does for `str`. JavaScript's `<`
 * compares UTF-16 code units instead, which puts astral characters (surrogate pairs, U+D800–U+DFFF
 * units) before U+E000–U+FFFF.
 */
export function compareCodePoints(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const leftUnit = left.charCodeAt(index);
    const rightUnit = right.charCodeAt(index);
    if (leftUnit !== rightUnit) {
      if (leftUnit >= 0xd800 && rightUnit >= 0xd800) {
        return codePointRank(leftUnit) - codePointRank(rightUnit);
      }
      return leftUnit - rightUnit;
    }
  }
  return left.length - right.length;
}

/** Lifts surrogate units above U+FFFF and keeps every other order. */
function codePointRank(unit: number): number {
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}
