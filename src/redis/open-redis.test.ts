// Real Redis (PROMPTER_TEST_REDIS_URL) for the "up" case; a port where nothing listens for "down".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadRedisUrl, openTestRedis, testRedisSkipReason } from '../../test/helpers/test-redis.ts';
import { isRedisUp, openRedis } from './open-redis.ts';

describe('isRedisUp', () => {
  it('is false without a client', async () => {
    assert.equal(await isRedisUp(null), false);
  });

  it(
    'is true for a reachable Redis, false once it is closed',
    { skip: testRedisSkipReason },
    async () => {
      const redis = await openTestRedis();
      assert.equal(await isRedisUp(redis), true);
      redis.disconnect();
      assert.equal(await isRedisUp(redis), false);
    },
  );
});

describe('openRedis', () => {
  it('fails commands at once and logs a warning while Redis is down, never throwing', async () => {
    const warnings: string[] = [];
    const redis = openRedis(deadRedisUrl, { warn: (_details, message) => warnings.push(message) });
    try {
      const started = performance.now();
      assert.equal(await isRedisUp(redis), false);
      await assert.rejects(redis.get('anything'));
      assert.ok(performance.now() - started < 500);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(warnings.length >= 1);
      assert.ok(warnings.length <= 2, 'a repeated failure is logged once');
    } finally {
      redis.disconnect();
    }
  });
});
