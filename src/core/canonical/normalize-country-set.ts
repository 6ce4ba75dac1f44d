import { compareCodePoints } from './compare-code-points.ts';
import { stripPythonWhitespace } from './strip-python-whitespace.ts';

/** Legacy spellings of the United Kingdom that stored templates use; ISO 3166 says GB. */
const COUNTRY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['UK', 'GB'],
  ['UKK', 'GB'],
]);

/**
 * The country rule of docs/api-contract.md §2: each item stripped (Python `strip()`) and upper-cased, UK and
 * UKK read as GB, empty items dropped, duplicates removed, sorted by code point.
 *
 * Upper-casing is JavaScript's `toUpperCase`, which equals Python's `str.upper()` except for the
 * few letters given case pairs after Unicode 14 (none occurs in a country code).
 */
export function normalizeCountrySet(countries: readonly string[]): string[] {
  const normalized = new Set<string>();
  for (const country of countries) {
    const code = stripPythonWhitespace(country).toUpperCase();
    if (code !== '') normalized.add(COUNTRY_ALIASES.get(code) ?? code);
  }
  return [...normalized].sort(compareCodePoints);
}
