/** Used when a retryable provider failure came without a hint of its own. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * The `Retry-After` value (delta-seconds, RFC 9110 §10.2.3) for a `PROVIDER_ERROR`'s extra
 * fields: the provider's own hint (`retry_after_ms`) rounded up to whole seconds, at least 1, or 1
 * without a hint; null when retrying cannot help (`retryable` is not true).
 */
export function providerRetryAfterSeconds(extra: Readonly<Record<string, unknown>>): number | null {
  if (extra['retryable'] !== true) return null;
  const hintMs = extra['retry_after_ms'];
  if (typeof hintMs !== 'number' || !Number.isFinite(hintMs) || hintMs < 0) {
    return DEFAULT_RETRY_AFTER_SECONDS;
  }
  return Math.max(1, Math.ceil(hintMs / 1000));
}
