import type { Redis } from 'ioredis';
import type { RateLimitStore, RateLimitWindow } from './rate-limit-store.ts';

/**
 * Counts and starts the window atomically: INCR, and PEXPIRE on the window's first request (or on
 * a key left without an expiry). Returns the count and the milliseconds left.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export interface RedisRateLimitStoreOptions {
  /** Counts requests while Redis fails (per process, as without Redis). */
  readonly fallback: RateLimitStore;
  /** Prepended to every key; default `prompter:rate-limit:`. */
  readonly prefix?: string;
  /** Told about Redis failures; the caller decides how often to log them. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Counters in Redis, shared by every instance that uses the same Redis, so N instances allow the
 * limit once, not N times. Redis is optional infrastructure: when a command fails, the request is
 * counted by the fallback store instead of failing.
 */
export function createRedisRateLimitStore(
  redis: Redis,
  options: RedisRateLimitStoreOptions,
): RateLimitStore {
  const prefix = options.prefix ?? 'prompter:rate-limit:';
  return {
    async hit(key: string, windowMs: number): Promise<RateLimitWindow> {
      try {
        const reply: unknown = await redis.eval(HIT_SCRIPT, 1, `${prefix}${key}`, windowMs);
        if (!Array.isArray(reply) || reply.length !== 2) {
          throw new Error(`Unexpected rate-limit script reply: ${JSON.stringify(reply)}`);
        }
        return { count: Number(reply[0]), resetInMs: Math.max(0, Number(reply[1])) };
      } catch (error) {
        options.onError?.(error);
        return options.fallback.hit(key, windowMs);
      }
    },
  };
}
