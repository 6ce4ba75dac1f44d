/** The value that stands in for label values past a limiter's budget. */
export const OVERFLOW_LABEL_VALUE = 'other';

const MAX_LABEL_VALUE_LENGTH = 128;

/**
 * Keeps one label's cardinality bounded: the first `maxValues` distinct values pass through
 * (truncated to 128 characters, empty becomes `unknown`), later new values become `other`. Values
 * like `model` come from user-created templates, and every new value is a new time series in
 * Prometheus (and a billed custom metric in Datadog).
 */
export function createLabelValueLimiter(maxValues: number): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    const text = String(value).slice(0, MAX_LABEL_VALUE_LENGTH);
    const normalized = text === '' ? 'unknown' : text;
    if (seen.has(normalized)) return normalized;
    if (seen.size >= maxValues) return OVERFLOW_LABEL_VALUE;
    seen.add(normalized);
    return normalized;
  };
}
