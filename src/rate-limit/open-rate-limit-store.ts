import type { Redis } from 'ioredis';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.ts';
import type { RateLimitStore } from './rate-limit-store.ts';
import { createRedisRateLimitStore } from './redis-rate-limit-store.ts';

const WARNING_INTERVAL_MS = 60_000;

/**
 * The store for this process: Redis when configured (shared by every instance), falling back to
 * memory while Redis fails, with one warning a minute at most; memory alone without Redis.
 */
export function openRateLimitStore(
  redis: Redis | null,
  log: { warn(obj: object, msg: string): void },
): RateLimitStore {
  const memory = createMemoryRateLimitStore();
  if (redis === null) return memory;
  let lastWarning = -Infinity;
  return createRedisRateLimitStore(redis, {
    fallback: memory,
    onError(error) {
      if (performance.now() - lastWarning < WARNING_INTERVAL_MS) return;
      lastWarning = performance.now();
      log.warn(
        { err: error },
        'Redis failed while counting a rate limit; counting in this process only',
      );
    },
  });
}
