export interface BackoffPolicy {
  /** The first retry waits up to this long (full jitter picks uniformly in [0, ceiling]). */
  readonly baseMs: number;
  /** No wait is longer, whatever the attempt number; a provider's `Retry-After` is capped too. */
  readonly capMs: number;
}

export const defaultBackoffPolicy: BackoffPolicy = { baseMs: 500, capMs: 60_000 };

/**
 * How long to wait before attempt `attemptNumber + 1` (`attemptNumber` ≥ 1 attempts made):
 * exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter":
 * sleep = random(0, min(cap, base · 2^(n−1)))), and never less than the provider's `Retry-After`.
 */
export function backoffDelayMs(
  attemptNumber: number,
  retryAfterMs: number | null,
  random: () => number,
  policy: BackoffPolicy = defaultBackoffPolicy,
): number {
  const exponent = Math.min(Math.max(attemptNumber - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.floor(random() * ceiling);
  const asked = retryAfterMs === null ? 0 : Math.min(Math.max(retryAfterMs, 0), policy.capMs);
  return Math.max(jittered, asked);
}
