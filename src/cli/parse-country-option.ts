import { normalizeCountrySet } from '../core/canonical/normalize-country-set.ts';
import { UsageError } from './usage-error.ts';

/** The longest code `country_set` accepts (templates.schemas.ts). */
const MAX_COUNTRY_LENGTH = 64;

/**
 * `--country` read like one item of `country_set`: trimmed, upper-cased, UK/UKK as GB. An empty
 * or over-long code is a usage error naming the flag.
 */
export function parseCountryOption(raw: string): string {
  const [code, ...rest] = normalizeCountrySet([raw]);
  if (code === undefined || rest.length > 0) {
    throw new UsageError(`--country: expected a country code such as US or GB, got "${raw}"`);
  }
  if (code.length > MAX_COUNTRY_LENGTH) {
    throw new UsageError(`--country: a country code has at most ${MAX_COUNTRY_LENGTH} characters`);
  }
  return code;
}
