import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { issueApiKey } from '../../test/helpers/issue-api-key.ts';
import { sqliteDialect } from '../../test/helpers/test-databases.ts';
import {
  deadRedisUrl,
  deleteKeys,
  openTestRedis,
  testRedisSkipReason,
} from '../../test/helpers/test-redis.ts';
import { openRedis } from '../redis/open-redis.ts';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.ts';
import { createRedisRateLimitStore } from './redis-rate-limit-store.ts';

// Real: Redis (PROMPTER_TEST_REDIS_URL), and for the app case two whole app instances, each with
// its own Redis connection, sharing one SQLite database (the limit involves no SQL rule).
describe('per-API-key rate limit with Redis', { skip: testRedisSkipReason }, () => {
  it('two app instances sharing one Redis allow the limit once, not twice', async () => {
    const testDatabase = await sqliteDialect.open();
    const [redisA, redisB] = [await openTestRedis(), await openTestRedis()];
    const environment = { PROMPTER_AUTH: 'required', PROMPTER_RATE_LIMIT_PER_MINUTE: '4' };
    const apps: TestApp[] = [];
    try {
      for (const redis of [redisA, redisB]) {
        apps.push(await buildTestApp(sqliteDialect, { testDatabase, redis, environment }));
      }
      const [appA, appB] = apps as [TestApp, TestApp];
      const secret = await issueApiKey(appA, 'org-redis', 'admin');
      const list = (testApp: TestApp) =>
        testApp.app.inject({
          method: 'GET',
          url: '/api/prompt-templates',
          headers: { authorization: `Bearer ${secret}` },
        });
      const statuses: number[] = [];
      for (const testApp of [appA, appB, appA, appB, appA, appB]) {
        statuses.push((await list(testApp)).statusCode);
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
      const refused = await list(appB);
      assert.ok(Number(refused.headers['retry-after']) >= 1);
      assert.equal(refused.json().detail.code, 'RATE_LIMITED');
    } finally {
      for (const testApp of apps) await testApp.close();
      redisA.disconnect();
      redisB.disconnect();
      await testDatabase.dispose();
    }
  });

  it('counts atomically under concurrency and expires the window', async () => {
    const redis = await openTestRedis();
    const prefix = `test:rate-limit:${randomUUID()}:`;
    const errors: unknown[] = [];
    const store = createRedisRateLimitStore(redis, {
      prefix,
      fallback: createMemoryRateLimitStore(),
      onError: (error) => errors.push(error),
    });
    try {
      const windows = await Promise.all(Array.from({ length: 50 }, () => store.hit('k', 300)));
      assert.deepEqual(
        windows.map((window) => window.count).sort((a, b) => a - b),
        Array.from({ length: 50 }, (_, index) => index + 1),
      );
      for (const window of windows) assert.ok(window.resetInMs > 0 && window.resetInMs <= 300);
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal((await store.hit('k', 300)).count, 1, 'a new window after the old one ended');
      assert.deepEqual(errors, []);
    } finally {
      await deleteKeys(redis, `${prefix}*`);
      redis.disconnect();
    }
  });

  it('falls back to counting in this process while Redis is down, never failing a request', async () => {
    const dead = openRedis(deadRedisUrl, { warn: () => undefined });
    const errors: unknown[] = [];
    const store = createRedisRateLimitStore(dead, {
      fallback: createMemoryRateLimitStore(),
      onError: (error) => errors.push(error),
    });
    try {
      assert.equal((await store.hit('k', 60_000)).count, 1);
      assert.equal((await store.hit('k', 60_000)).count, 2);
      assert.equal(errors.length, 2);
    } finally {
      dead.disconnect();
    }
  });
});
