import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { createTemplate } from '../../test/helpers/create-template.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// Real database and services; providers are the deterministic fakes (docs/api-contract.md §4).
for (const dialect of testDialects) {
  describe(
    `POST /api/prompt-templates/{id}/run, happy paths [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testApp: TestApp;
      before(async () => {
        testApp = await buildTestApp(dialect);
      });
      after(() => testApp.close());

      const run = (id: string, body: Record<string, unknown>) =>
        testApp.app.inject({
          method: 'POST',
          url: `/api/prompt-templates/${id}/run`,
          payload: body,
        });

      it('renders on the server, calls the fake, and stores the whole audit record', async () => {
        const template = await createTemplate(testApp.app, {
          user_prompt_template: 'Top {{n}} {{category}} brands in {{country}} like {{brand}}?',
          model_id: 'gpt-4o',
          inference_params: { temperature: 0.2 },
        });
        const response = await run(template.id, {
          runtime_vars: { n: 5, category: 'supplement' },
          brand_name: 'AVEA',
          country: 'CH',
        });
        assert.equal(response.statusCode, 200, response.body);
        const body = response.json();
        const prompt = 'Top 5 supplement brands in CH like AVEA?';
        assert.equal(body.provider_version_key, 'fp_stub_1cffe337');
        assert.equal(body.system_fingerprint, 'fp_stub_1cffe337');
        assert.equal(body.content, `[FAKE openai::gpt-4o] ${prompt}`);
        assert.equal(body.simulated, true);
        assert.equal(body.rendered_prompt_sha256, sha256(prompt));

        const record = (
          await testApp.app.inject({ method: 'GET', url: `/api/prompt-results/${body.result_id}` })
        ).json();
        assert.equal(record.id, body.result_id);
        assert.equal(record.template_id, template.id);
        assert.equal(record.version_id, body.version_id);
        assert.equal(record.status, 'succeeded');
        assert.equal(record.country, 'CH');
        assert.equal(record.brand_name, 'AVEA');
        assert.deepEqual(record.runtime_vars, { n: 5, category: 'supplement' });
        assert.equal(record.use_grounding, false);
        assert.equal(record.analysis_config.analysis_scope, 'brand');
        assert.equal(record.request.model, 'gpt-4o');
        assert.equal(record.request.temperature, 0.2);
        assert.deepEqual(record.request.messages.at(-1), { role: 'user', content: prompt });
        assert.deepEqual(record.response, {
          content: `[FAKE openai::gpt-4o] ${prompt}`,
          response_metadata: { system_fingerprint: 'fp_stub_1cffe337' },
          usage: { prompt_tokens: Math.floor(prompt.length / 4), completion_tokens: 32 },
        });
        assert.equal(record.usage.prompt_tokens, Math.floor(prompt.length / 4));
        assert.equal(record.usage.completion_tokens, 32);
        assert.equal(typeof record.latency_ms, 'number');
        assert.equal(record.simulated, true);
        assert.equal(record.error, null);
      });

      it('sends rendered_prompt verbatim, placeholders and all', async () => {
        const template = await createTemplate(testApp.app, {
          user_prompt_template: 'ignored {{x}}',
        });
        const body = (await run(template.id, { rendered_prompt: 'Exactly {{this}}' })).json();
        assert.equal(body.content, '[FAKE openai::gpt-4o] Exactly {{this}}');
        assert.equal(body.rendered_prompt_sha256, sha256('Exactly {{this}}'));
      });

      for (const [provider, model, expectedKey, fingerprint] of [
        ['google', 'gemini-2.5-pro', 'gemini-2.5-pro-stub-001', null],
        ['anthropic', 'claude-sonnet-4-20250514', 'claude-sonnet-4-20250514', null],
        ['azure-openai', 'gpt-4o', `fp_stub_azure_${sha256('azure:gpt-4o').slice(0, 8)}`, null],
      ] as const) {
        it(`takes the ${provider} key from the response or, for Azure, the probe (${expectedKey})`, async () => {
          const template = await createTemplate(testApp.app, {
            provider,
            model_id: model,
            user_prompt_template: 'Hi',
          });
          const body = (await run(template.id, {})).json();
          assert.equal(body.provider, provider);
          assert.equal(body.provider_version_key, expectedKey);
          assert.equal(body.system_fingerprint, fingerprint);
        });
      }

      it('infers the provider from the model id when the template has none', async () => {
        const template = await createTemplate(testApp.app, {
          model_id: 'claude-3-haiku',
          user_prompt_template: 'Hi',
        });
        const body = (await run(template.id, {})).json();
        assert.equal(body.provider, 'anthropic');
        assert.equal(body.provider_version_key, 'claude-3-haiku');
      });

      it('reuses one version across runs and advances its last_seen_at', async () => {
        const template = await createTemplate(testApp.app, { user_prompt_template: 'Hi' });
        const first = (await run(template.id, {})).json();
        await new Promise((resolve) => setTimeout(resolve, 5));
        const second = (await run(template.id, {})).json();
        assert.equal(first.version_id, second.version_id);
        const timeline = (
          await testApp.app.inject({
            method: 'GET',
            url: `/api/prompt-templates/${template.id}/versions`,
          })
        ).json();
        assert.equal(timeline.items.length, 1);
        const [version] = timeline.items;
        assert.equal(version.provider_version_key, 'fp_stub_1cffe337');
        assert.equal(version.first_seen_at, first.created_at);
        assert.equal(version.last_seen_at, second.created_at);
        assert.ok(version.last_seen_at > version.first_seen_at);
      });
    },
  );
}
