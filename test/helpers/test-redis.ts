// A real Redis for tests, no mocks: PROMPTER_TEST_REDIS_URL (use a spare database, e.g. /15).
// Suites use random key parts, so test files can share one server in parallel.
import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { openRedis } from '../../src/redis/open-redis.ts';

const redisUrl = process.env['PROMPTER_TEST_REDIS_URL'];
const missing = redisUrl === undefined || redisUrl.trim() === '';

/** Why the Redis suites cannot run here, or undefined when they can. Suites pass it to `skip`. */
export const testRedisSkipReason: string | undefined =
  missing && process.env['CI'] !== 'true'
    ? 'SKIPPED: PROMPTER_TEST_REDIS_URL is not set, so the Redis suite did not run'
    : undefined;

/** The test Redis URL; in CI a missing one fails the suite instead of skipping it. */
export function requireTestRedisUrl(): string {
  if (redisUrl === undefined || redisUrl.trim() === '') {
    throw new Error('PROMPTER_TEST_REDIS_URL is not set: CI requires the Redis suites to run');
  }
  return redisUrl;
}

/** An address where nothing listens: Redis "down" without waiting for a network timeout. */
export const deadRedisUrl = 'redis://127.0.0.1:1';

/** Opens the test Redis the way the app does and waits until it answers (5 s at most). */
export async function openTestRedis(): Promise<Redis> {
  const redis = openRedis(requireTestRedisUrl(), { warn: () => undefined });
  if (redis.status !== 'ready') {
    try {
      await once(redis, 'ready', { signal: AbortSignal.timeout(5_000) });
    } catch {
      redis.disconnect();
      throw new Error(`The test Redis at PROMPTER_TEST_REDIS_URL did not become ready in 5 s`);
    }
  }
  return redis;
}

/** Deletes every key matching `pattern` (a SCAN glob); tests call it with their own prefix. */
export async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
