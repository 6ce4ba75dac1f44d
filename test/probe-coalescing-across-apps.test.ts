// Two Prompter app instances (each with its own in-process coalescer and its own Redis
// connection) sharing one real Redis and one real database: the cross-process case of docs/api-contract.md §5.
// Real: database, Redis, services. Fake: the providers (PROBE_SLEEP_MS makes probes overlap).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from './helpers/build-test-app.ts';
import { createTemplate } from './helpers/create-template.ts';
import { createRecordingMetrics } from './helpers/recording-metrics.ts';
import { testDialects } from './helpers/test-databases.ts';
import {
  deadRedisUrl,
  deleteKeys,
  openTestRedis,
  testRedisSkipReason,
} from './helpers/test-redis.ts';
import { openRedis } from '../src/redis/open-redis.ts';

for (const dialect of testDialects) {
  const skip = dialect.skipReason ?? testRedisSkipReason;
  describe(`probe coalescing across app instances [${dialect.name}]`, { skip }, () => {
    it('two apps sharing one Redis send exactly one probe for forty concurrent ensure-versions', async () => {
      const testDatabase = await dialect.open();
      const [redisA, redisB] = [await openTestRedis(), await openTestRedis()];
      const metrics = createRecordingMetrics();
      const environment = { PROBE_SLEEP_MS: '150' };
      const appA = await buildTestApp(dialect, {
        testDatabase,
        redis: redisA,
        metrics,
        environment,
      });
      const appB = await buildTestApp(dialect, {
        testDatabase,
        redis: redisB,
        metrics,
        environment,
      });
      let templateId = '';
      try {
        templateId = (
          await createTemplate(appA.app, { model_id: 'gpt-4o-mini', user_prompt_template: 'Hi' })
        ).id;
        const ensure = (app: typeof appA) =>
          app.app.inject({
            method: 'POST',
            url: `/api/prompt-templates/${templateId}/ensure-version`,
          });
        const responses = await Promise.all(
          Array.from({ length: 40 }, (_, index) => ensure(index % 2 === 0 ? appA : appB)),
        );
        assert.deepEqual(new Set(responses.map((response) => response.statusCode)), new Set([200]));
        assert.equal(new Set(responses.map((response) => response.json().version_id)).size, 1);
        assert.equal(metrics.count('probeAttempted'), 1, 'one probe in total');
        const redisReuses = metrics.events.filter(
          (event) => event.name === 'probeCoalesced' && event.args[1] === 'redis',
        );
        assert.ok(
          redisReuses.length >= 1,
          'the second app reused the first one’s probe through Redis',
        );
        assert.equal(await appA.countRows('prompt_versions'), 1);
      } finally {
        await appA.close();
        await appB.close();
        await deleteKeys(redisA, `probe:*:${templateId}:*`);
        redisA.disconnect();
        redisB.disconnect();
        await testDatabase.dispose();
      }
    });
  });
}

describe('probe coalescing with Redis down', () => {
  it('ensure-version and run still answer 200 when Redis cannot be reached', async () => {
    const deadRedis = openRedis(deadRedisUrl, { warn: () => undefined });
    const testApp = await buildTestApp(testDialects[0]!, { redis: deadRedis });
    try {
      const template = await createTemplate(testApp.app, {
        provider: 'azure-openai',
        user_prompt_template: 'Hi',
      });
      const ensure = await testApp.app.inject({
        method: 'POST',
        url: `/api/prompt-templates/${template.id}/ensure-version`,
      });
      assert.equal(ensure.statusCode, 200);
      const run = await testApp.app.inject({
        method: 'POST',
        url: `/api/prompt-templates/${template.id}/run`,
        payload: {},
      });
      assert.equal(run.statusCode, 200);
      assert.equal(run.json().provider_version_key, ensure.json().provider_version_key);
    } finally {
      await testApp.close();
      deadRedis.disconnect();
    }
  });
});
