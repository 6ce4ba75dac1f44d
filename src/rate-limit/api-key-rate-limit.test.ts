import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { issueApiKey } from '../../test/helpers/issue-api-key.ts';
import { templateBody } from '../../test/helpers/template-bodies.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real: the whole app, its database (both dialects), real API keys; counters in memory (no Redis).
const LIMIT = 3;

for (const dialect of testDialects) {
  describe(`per-API-key rate limit [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect, {
        environment: {
          PROMPTER_AUTH: 'required',
          PROMPTER_RATE_LIMIT_PER_MINUTE: String(LIMIT),
          PROMPTER_BODY_LIMIT_BYTES: '4096',
        },
      });
    });
    after(() => testApp.close());

    const send = (secret: string, options: InjectOptions) =>
      testApp.app.inject({
        ...options,
        headers: { ...options.headers, authorization: `Bearer ${secret}` },
      });
    const createWith = (secret: string, payload: unknown) =>
      send(secret, {
        method: 'POST',
        url: '/api/prompt-templates',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });

    function assertRateLimited(response: Awaited<ReturnType<typeof send>>) {
      assert.equal(response.statusCode, 429, response.body);
      const retryAfter = Number(response.headers['retry-after']);
      assert.ok(
        Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
        `${retryAfter}`,
      );
      const detail = response.json().detail;
      assert.equal(detail.code, 'RATE_LIMITED');
      assert.match(detail.message, /3 per minute/);
      assert.equal(detail.retry_after_seconds, retryAfter);
    }

    it('counts requests that fail validation (422) and refuses the next one, writing nothing', async () => {
      const secret = await issueApiKey(testApp, 'org-a', 'member');
      for (let index = 0; index < LIMIT; index += 1) {
        const response = await createWith(secret, { name: 'no workspace, no prompt' });
        assert.equal(response.statusCode, 422);
        assert.equal(response.headers['x-ratelimit-remaining'], String(LIMIT - index - 1));
      }
      const rows = await testApp.countRows('prompt_templates');
      assertRateLimited(await createWith(secret, templateBody()));
      assert.equal(await testApp.countRows('prompt_templates'), rows);
    });

    it('decides before the body is read: oversized and malformed bodies get the 429', async () => {
      const secret = await issueApiKey(testApp, 'org-b', 'member');
      for (let index = 0; index < LIMIT; index += 1) {
        assert.equal((await createWith(secret, templateBody())).statusCode, 201);
      }
      assertRateLimited(await createWith(secret, { padding: 'x'.repeat(10_000) }));
      assertRateLimited(
        await send(secret, {
          method: 'POST',
          url: '/api/prompt-templates',
          headers: { 'content-type': 'application/json' },
          payload: '{"not json',
        }),
      );
    });

    it('counts 404s and a viewer’s refused writes (403) too', async () => {
      const viewer = await issueApiKey(testApp, 'org-c', 'viewer');
      const unknown = await send(viewer, { method: 'GET', url: '/api/no-such-route' });
      assert.equal(unknown.statusCode, 404);
      assert.equal((await createWith(viewer, templateBody())).statusCode, 403);
      const tooLarge = await createWith(viewer, { padding: 'x'.repeat(10_000) });
      assert.equal(tooLarge.statusCode, 403, 'the role check still comes before the body');
      assertRateLimited(await send(viewer, { method: 'GET', url: '/api/prompt-templates' }));
    });

    it('limits each key on its own and never limits the public routes', async () => {
      const busy = await issueApiKey(testApp, 'org-d', 'admin');
      const quiet = await issueApiKey(testApp, 'org-d', 'admin');
      for (let index = 0; index <= LIMIT; index += 1) {
        await send(busy, { method: 'GET', url: '/api/prompt-templates' });
      }
      assertRateLimited(await send(busy, { method: 'GET', url: '/api/prompt-templates' }));
      const other = await send(quiet, { method: 'GET', url: '/api/prompt-templates' });
      assert.equal(other.statusCode, 200);
      assert.equal(other.headers['x-ratelimit-limit'], String(LIMIT));
      for (const url of ['/health', '/metrics', '/openapi.json']) {
        const response = await send(busy, { method: 'GET', url });
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.headers['x-ratelimit-limit'], undefined, url);
      }
    });

    it('does not count requests refused with 401 against any key', async () => {
      const secret = await issueApiKey(testApp, 'org-e', 'admin');
      for (let index = 0; index < LIMIT * 2; index += 1) {
        const response = await send('not-a-key', { method: 'GET', url: '/api/prompt-templates' });
        assert.equal(response.statusCode, 401);
      }
      const response = await send(secret, { method: 'GET', url: '/api/prompt-templates' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['x-ratelimit-remaining'], String(LIMIT - 1));
    });
  });
}
