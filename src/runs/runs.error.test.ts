import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { createTemplate } from '../../test/helpers/create-template.ts';
import { createRecordingMetrics } from '../../test/helpers/recording-metrics.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real database and services; the fake providers' fault switch drives the failure paths.
for (const dialect of testDialects) {
  describe(
    `POST /api/prompt-templates/{id}/run, errors [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testApp: TestApp;
      const metrics = createRecordingMetrics();
      before(async () => {
        testApp = await buildTestApp(dialect, { metrics });
      });
      after(() => testApp.close());

      const run = (id: string, body: unknown) =>
        testApp.app.inject({
          method: 'POST',
          url: `/api/prompt-templates/${id}/run`,
          payload: body as Record<string, unknown>,
        });

      it('names every missing variable in a 422 and stores nothing', async () => {
        const template = await createTemplate(testApp.app, {
          user_prompt_template: '{{a}} and {{brand}}',
        });
        const before = await testApp.countRows('prompt_results');
        const response = await run(template.id, { runtime_vars: {} });
        assert.equal(response.statusCode, 422);
        assert.deepEqual(
          response.json().detail.map((issue: { loc: string[] }) => issue.loc),
          [
            ['body', 'runtime_vars', 'a'],
            ['body', 'runtime_vars', 'brand'],
          ],
        );
        assert.equal(await testApp.countRows('prompt_results'), before);
        assert.equal(
          await testApp.countRows('prompt_versions'),
          await testApp.countRows('prompt_versions'),
        );
      });

      it('refuses a prompt that would render past the rendered_prompt cap, quickly, storing nothing', async () => {
        // 5 KB of `{{a}}` and a 100 KB value would render 100 million characters.
        const template = await createTemplate(testApp.app, {
          user_prompt_template: '{{a}}'.repeat(1000),
        });
        const before = await testApp.countRows('prompt_results');
        const calls = metrics.count('providerCallObserved');
        const started = performance.now();
        const response = await run(template.id, { runtime_vars: { a: 'x'.repeat(100_000) } });
        const elapsedMs = performance.now() - started;
        assert.equal(response.statusCode, 422, response.body);
        const [issue] = response.json().detail;
        assert.deepEqual(issue.loc, ['body', 'runtime_vars']);
        assert.equal(issue.type, 'string_too_long');
        assert.match(issue.msg, /100000000 characters/);
        assert.match(issue.msg, /at most 200000/);
        assert.ok(elapsedMs < 1_000, `answered in ${Math.round(elapsedMs)} ms`);
        assert.equal(await testApp.countRows('prompt_results'), before);
        assert.equal(metrics.count('providerCallObserved'), calls);
      });

      it('answers 502 PROVIDER_ERROR with retryable and stores a failed result, never a success', async () => {
        const template = await createTemplate(testApp.app, { user_prompt_template: 'Hi' });
        const response = await run(template.id, {
          rendered_prompt: 'please [[fake-fault:rate_limit]]',
        });
        assert.equal(response.statusCode, 502);
        const detail = response.json().detail;
        assert.equal(detail.code, 'PROVIDER_ERROR');
        assert.equal(detail.retryable, true);
        assert.equal(detail.kind, 'rate_limited');
        assert.equal(detail.provider_status, 429);
        const record = (
          await testApp.app.inject({
            method: 'GET',
            url: `/api/prompt-results/${detail.result_id}`,
          })
        ).json();
        assert.equal(record.status, 'failed');
        assert.equal(record.version_id, null);
        assert.equal(record.error.kind, 'rate_limited');
        assert.equal(record.request.prompt, 'please [[fake-fault:rate_limit]]');
        const failedStores = metrics.events.filter(
          (event) =>
            event.name === 'resultStored' &&
            (event.args[0] as { status: string }).status === 'failed',
        );
        assert.ok(failedStores.length >= 1);
      });

      it('marks a 400 from the provider as not retryable', async () => {
        const template = await createTemplate(testApp.app, { user_prompt_template: 'Hi' });
        const response = await run(template.id, { rendered_prompt: '[[fake-fault:bad_request]]' });
        assert.equal(response.statusCode, 502);
        assert.equal(response.json().detail.retryable, false);
      });

      it('answers 404 for unknown, malformed and deleted templates', async () => {
        const template = await createTemplate(testApp.app, { user_prompt_template: 'Hi' });
        await testApp.app.inject({ method: 'DELETE', url: `/api/prompt-templates/${template.id}` });
        for (const id of [template.id, '01900000-0000-7000-8000-000000000000', 'nope']) {
          assert.equal((await run(id, {})).statusCode, 404, id);
          const ensure = await testApp.app.inject({
            method: 'POST',
            url: `/api/prompt-templates/${id}/ensure-version`,
          });
          assert.equal(ensure.statusCode, 404, id);
        }
      });

      it('answers 422 for wrongly typed run fields', async () => {
        const template = await createTemplate(testApp.app, { user_prompt_template: 'Hi' });
        for (const body of [
          { runtime_vars: [] },
          { runtime_vars: { a: { nested: 1 } } },
          { use_grounding: 'yes' },
          { rendered_prompt: 5 },
          [],
        ]) {
          assert.equal((await run(template.id, body)).statusCode, 422, JSON.stringify(body));
        }
      });
    },
  );
}
