/** The value that stands in for label values past a limiter's budget. */
export const OVERFLOW_LABEL_VALUE = 'other';

const MAX_LABEL_VALUE_LENGTH = 128;

/**
 * Keeps one label's cardinality bounded: the first `maxValues` distinct values pass through
 * (truncated to 128 characters, empty becomes `unknown`), later new values become `other`. Values
 * like `model` come from user-created templates, and every new value is a new time series in
 * Prometheus (and a billed custom metric in Datadog).
 *
 * With `maxValuesPerOwner`, each owner (an org) may add at most that many of the values, so one
 * tenant cannot take every slot: its further new values become `other` while other orgs still
 * get theirs. A value already admitted passes for every owner (`gpt-4o` is one series, whoever
 * uses it). Calls without an owner share one budget of their own.
 */
export function createLabelValueLimiter(
  maxValues: number,
  maxValuesPerOwner: number = maxValues,
): (value: string, owner?: string) => string {
  const seen = new Set<string>();
  const addedBy = new Map<string, number>();
  return (value, owner = '') => {
    const text = String(value).slice(0, MAX_LABEL_VALUE_LENGTH);
    const normalized = text === '' ? 'unknown' : text;
    if (seen.has(normalized)) return normalized;
    if (seen.size >= maxValues) return OVERFLOW_LABEL_VALUE;
    const added = addedBy.get(owner) ?? 0;
    if (added >= maxValuesPerOwner) return OVERFLOW_LABEL_VALUE;
    seen.add(normalized);
    addedBy.set(owner, added + 1);
    return normalized;
  };
}
