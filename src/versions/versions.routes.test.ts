import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../test/helpers/build-test-app.ts';
import { createTemplate } from '../../test/helpers/create-template.ts';
import { createRecordingMetrics } from '../../test/helpers/recording-metrics.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real database and services; fake providers with PROBE_SLEEP_MS so concurrent probes overlap.
for (const dialect of testDialects) {
  describe(`versions [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    it('ensure-version: twenty concurrent callers share one probe and one version row', async () => {
      const metrics = createRecordingMetrics();
      const testApp = await buildTestApp(dialect, {
        metrics,
        environment: { PROBE_SLEEP_MS: '50' },
      });
      try {
        const template = await createTemplate(testApp.app, {
          model_id: 'gemini-2.5-flash',
          user_prompt_template: 'Hi',
        });
        const responses = await Promise.all(
          Array.from({ length: 20 }, () =>
            testApp.app.inject({
              method: 'POST',
              url: `/api/prompt-templates/${template.id}/ensure-version`,
            }),
          ),
        );
        assert.deepEqual(new Set(responses.map((response) => response.statusCode)), new Set([200]));
        const bodies = responses.map((response) => response.json());
        assert.equal(new Set(bodies.map((body) => body.version_id)).size, 1);
        assert.equal(bodies[0].provider, 'google');
        assert.equal(bodies[0].provider_version_key, 'gemini-2.5-flash-stub-001');
        assert.equal(metrics.count('probeAttempted'), 1);
        assert.equal(metrics.count('ensureVersionObserved'), 20);
        const timeline = (
          await testApp.app.inject({
            method: 'GET',
            url: `/api/prompt-templates/${template.id}/versions`,
          })
        ).json();
        assert.equal(timeline.items.length, 1);
      } finally {
        await testApp.close();
      }
    });

    it('ensure-version: the body overrides provider and model; unknown fields are ignored', async () => {
      const testApp = await buildTestApp(dialect);
      try {
        const template = await createTemplate(testApp.app, { user_prompt_template: 'Hi' });
        const response = await testApp.app.inject({
          method: 'POST',
          url: `/api/prompt-templates/${template.id}/ensure-version`,
          payload: { provider: 'anthropic', model_id: 'claude-opus-4', extra: true },
        });
        assert.equal(response.statusCode, 200);
        assert.equal(response.json().provider, 'anthropic');
        assert.equal(response.json().provider_version_key, 'claude-opus-4');
      } finally {
        await testApp.close();
      }
    });

    it('a silent model update (PROMPTER_FAKE_EPOCH) becomes a second version, counted as drift', async () => {
      const testDatabase = await dialect.open();
      const metrics = createRecordingMetrics();
      try {
        const before = await buildTestApp(dialect, { testDatabase, metrics });
        const template = await createTemplate(before.app, { user_prompt_template: 'Hi' });
        const run = (app: typeof before) =>
          app.app.inject({
            method: 'POST',
            url: `/api/prompt-templates/${template.id}/run`,
            payload: {},
          });
        const first = (await run(before)).json();
        await before.close();

        const afterUpdate = await buildTestApp(dialect, {
          testDatabase,
          metrics,
          environment: { PROMPTER_FAKE_EPOCH: '1' },
        });
        const second = (await run(afterUpdate)).json();
        const third = (await run(afterUpdate)).json();
        assert.equal(first.provider_version_key, 'fp_stub_1cffe337');
        assert.equal(second.provider_version_key, 'fp_stub_1cffe337-e1');
        assert.notEqual(second.version_id, first.version_id);
        assert.equal(third.version_id, second.version_id);
        assert.equal(metrics.count('versionChanged'), 1);
        const timeline = (
          await afterUpdate.app.inject({
            method: 'GET',
            url: `/api/prompt-templates/${template.id}/versions`,
          })
        ).json();
        assert.deepEqual(
          timeline.items.map((item: { provider_version_key: string }) => item.provider_version_key),
          ['fp_stub_1cffe337', 'fp_stub_1cffe337-e1'],
        );
        await afterUpdate.close();
      } finally {
        await testDatabase.dispose();
      }
    });

    it('with PROMPTER_PROBE_DISABLED no probe is sent: Azure runs fall back to "unknown"', async () => {
      const metrics = createRecordingMetrics();
      const testApp = await buildTestApp(dialect, {
        metrics,
        environment: { PROMPTER_PROBE_DISABLED: 'true' },
      });
      try {
        const template = await createTemplate(testApp.app, {
          provider: 'azure-openai',
          user_prompt_template: 'Hi',
        });
        const run = (
          await testApp.app.inject({
            method: 'POST',
            url: `/api/prompt-templates/${template.id}/run`,
            payload: {},
          })
        ).json();
        assert.equal(run.provider_version_key, 'unknown');
        const ensure = (
          await testApp.app.inject({
            method: 'POST',
            url: `/api/prompt-templates/${template.id}/ensure-version`,
          })
        ).json();
        assert.equal(ensure.version_id, run.version_id, 'reuses the latest known version');
        assert.equal(metrics.count('probeAttempted'), 0);
      } finally {
        await testApp.close();
      }
    });

    it('a run whose response carries a key sends no probe', async () => {
      const metrics = createRecordingMetrics();
      const testApp = await buildTestApp(dialect, { metrics });
      try {
        const template = await createTemplate(testApp.app, { user_prompt_template: 'Hi' });
        await testApp.app.inject({
          method: 'POST',
          url: `/api/prompt-templates/${template.id}/run`,
          payload: {},
        });
        assert.equal(metrics.count('probeAttempted'), 0);
      } finally {
        await testApp.close();
      }
    });

    it('a failing probe answers 502 with retryable, and the versions list of an unknown template is 404', async () => {
      const testApp = await buildTestApp(dialect);
      try {
        const template = await createTemplate(testApp.app, {
          model_id: 'gpt-4o-fake-fault-probe',
          user_prompt_template: 'Hi',
        });
        const response = await testApp.app.inject({
          method: 'POST',
          url: `/api/prompt-templates/${template.id}/ensure-version`,
        });
        assert.equal(response.statusCode, 502);
        assert.equal(response.json().detail.code, 'PROVIDER_ERROR');
        assert.equal(response.json().detail.retryable, true);
        const missing = await testApp.app.inject({
          method: 'GET',
          url: '/api/prompt-templates/01900000-0000-7000-8000-000000000000/versions',
        });
        assert.equal(missing.statusCode, 404);
      } finally {
        await testApp.close();
      }
    });
  });
}
