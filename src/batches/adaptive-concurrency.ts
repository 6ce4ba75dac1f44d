/**
 * A concurrency limit that learns a provider's rate limit (promptfoo's adaptive scheduler is the
 * model): halve on a 429, ease off by one when the provider's rate-limit headers say the quota is
 * nearly used, and recover one slot at a time after a run of successes. Waiters are served in
 * arrival order. One limiter is shared by every batch of a process for one provider and API key.
 */
export interface AdaptiveConcurrency {
  /** Resolves when a slot is free; call the returned function exactly once to give it back. */
  acquire(): Promise<() => void>;
  /** The provider answered 429: halve the limit (at most once per cool-down). */
  rateLimited(): void;
  /** A call succeeded; `remainingRatio` is the quota share left per the provider's headers. */
  succeeded(remainingRatio: number | null): void;
  readonly limit: number;
  readonly inFlight: number;
  readonly waiting: number;
}

export interface AdaptiveConcurrencyOptions {
  readonly maxConcurrency: number;
  /** Successes in a row before one slot comes back. */
  readonly recoverAfterSuccesses?: number;
  /** After a decrease, no further decrease for this long (one burst of 429s is one signal). */
  readonly cooldownMs?: number;
  /** Below this share of the quota left, ease off proactively. */
  readonly nearlyUsedRatio?: number;
  readonly now?: () => number;
  /** Told whenever the limit changes (the metrics gauge). */
  readonly onLimitChange?: (limit: number) => void;
}

export function createAdaptiveConcurrency(
  options: AdaptiveConcurrencyOptions,
): AdaptiveConcurrency {
  const max = Math.max(1, Math.floor(options.maxConcurrency));
  const recoverAfter = options.recoverAfterSuccesses ?? 10;
  const cooldownMs = options.cooldownMs ?? 1_000;
  const nearlyUsed = options.nearlyUsedRatio ?? 0.1;
  const now = options.now ?? Date.now;
  let limit = max;
  let inFlight = 0;
  let successesInARow = 0;
  let lastDecreaseAt = Number.NEGATIVE_INFINITY;
  const waiters: Array<() => void> = [];

  function setLimit(next: number): void {
    const bounded = Math.min(max, Math.max(1, next));
    if (bounded === limit) return;
    limit = bounded;
    options.onLimitChange?.(limit);
    wakeWaiters();
  }

  function wakeWaiters(): void {
    while (inFlight < limit && waiters.length > 0) {
      inFlight += 1;
      waiters.shift()?.();
    }
  }

  function decrease(to: number): void {
    const at = now();
    if (at - lastDecreaseAt < cooldownMs) return;
    lastDecreaseAt = at;
    successesInARow = 0;
    setLimit(to);
  }

  function releaseOnce(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      wakeWaiters();
    };
  }

  return {
    acquire() {
      if (inFlight < limit && waiters.length === 0) {
        inFlight += 1;
        return Promise.resolve(releaseOnce());
      }
      return new Promise((resolve) => waiters.push(() => resolve(releaseOnce())));
    },
    rateLimited() {
      decrease(Math.floor(limit / 2));
    },
    succeeded(remainingRatio) {
      if (remainingRatio !== null && remainingRatio < nearlyUsed) {
        decrease(limit - 1);
        return;
      }
      successesInARow += 1;
      if (successesInARow >= recoverAfter && limit < max) {
        successesInARow = 0;
        setLimit(limit + 1);
      }
    },
    get limit() {
      return limit;
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return waiters.length;
    },
  };
}
