// Numbers keep their digits from the request that creates a template to every output: template
// responses, the request sent to the provider, the stored result, result pages and exports.
// Real: the whole app, the database, the openai SDK over HTTP (live mode). Fake: the providers in
// fake mode, and OpenAI, played by a local server that records the bytes it receives.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chatCompletionWithFingerprint } from '../src/providers/openai/openai.fixtures.ts';
import { buildTestApp, type TestApp } from './helpers/build-test-app.ts';
import {
  startFakeProviderServer,
  type FakeProviderServer,
} from './helpers/fake-provider-server.ts';
import { uniqueWorkspace } from './helpers/template-bodies.ts';
import { testDialects } from './helpers/test-databases.ts';

/** Past 2^64; JSON.parse reads it as 12345678901234567000. */
const big = '12345678901234567890';
/** Past the largest double; JSON.parse reads it as Infinity, JSON.stringify writes null. */
const huge = `9${'0'.repeat(399)}`;

/**
 * Each JSON field as the client writes it, and as every output must show it: `1.0` is not `1`,
 * `-0.0` is not `0`, and no digit of `big` or `huge` is lost.
 */
const fields = {
  inference_params: `{"temperature":1.0,"top_p":1,"seed":${big},"max_tokens":${huge},"presence_penalty":-0.0}`,
  tools_spec: `[{"type":"function","function":{"name":"score","parameters":{"type":"object","properties":{"n":{"type":"number","maximum":${big},"minimum":-0.0,"multipleOf":1.0}}}}}]`,
  response_format: `{"type":"json_schema","json_schema":{"name":"scores","schema":{"type":"object","properties":{"n":{"type":"integer","maximum":${huge}}}}}}`,
  retrieval_params: `{"top_k":${big},"threshold":1.0,"weight":-0.0,"limit":${huge}}`,
};

function createBody(modelId = 'gpt-4o'): string {
  return `{"workspace_id":"${uniqueWorkspace()}","name":"Exact numbers","user_prompt_template":"Top brands?","model_id":"${modelId}","inference_params":${fields.inference_params},"tools_spec":${fields.tools_spec},"response_format":${fields.response_format},"retrieval_params":${fields.retrieval_params}}`;
}

/** Every field appears in `text` exactly as the client wrote it. */
function assertFieldsVerbatim(text: string, where: string): void {
  for (const [name, json] of Object.entries(fields)) {
    assert.ok(text.includes(`"${name}":${json}`), `${name} verbatim in ${where}: ${text}`);
  }
}

/** The request a chat-completions body carries for `fields`, in the order it is built. */
function assertRequestVerbatim(request: string, where: string): void {
  assert.ok(
    request.includes(`"temperature":1.0,"top_p":1,`) &&
      request.includes(`"seed":${big},`) &&
      request.includes(`"max_tokens":${huge}`) &&
      request.includes(`"presence_penalty":-0.0`),
    `params verbatim in ${where}: ${request}`,
  );
  assert.ok(request.includes(`"tools":${fields.tools_spec}`), `tools verbatim in ${where}`);
  assert.ok(
    request.includes(`"response_format":${fields.response_format}`),
    `response_format verbatim in ${where}`,
  );
}

for (const dialect of testDialects) {
  describe(
    `exact numbers, create to export [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testApp: TestApp;
      before(async () => {
        testApp = await buildTestApp(dialect);
      });
      after(() => testApp.close());

      const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: string) =>
        testApp.app.inject({
          method,
          url,
          ...(payload === undefined
            ? {}
            : { payload, headers: { 'content-type': 'application/json' } }),
        });

      it('template responses give back every digit: create, GET, list, restore', async () => {
        const created = await inject('POST', '/api/prompt-templates', createBody());
        assert.equal(created.statusCode, 201, created.body);
        assertFieldsVerbatim(created.body, 'the create response');
        const { id, workspace_id: workspace } = created.json();

        assertFieldsVerbatim((await inject('GET', `/api/prompt-templates/${id}`)).body, 'GET');
        const listed = await inject('GET', `/api/prompt-templates?workspace_id=${workspace}`);
        assertFieldsVerbatim(listed.body, 'the list');

        assert.equal((await inject('DELETE', `/api/prompt-templates/${id}`)).statusCode, 204);
        const restored = await inject('POST', `/api/prompt-templates/${id}/restore`);
        assert.equal(restored.statusCode, 200, restored.body);
        assertFieldsVerbatim(restored.body, 'the restore response');
      });

      it('a run on the fake stores the request with every digit; results and exports show it', async () => {
        const created = await inject('POST', '/api/prompt-templates', createBody());
        const { id } = created.json();
        const run = await inject('POST', `/api/prompt-templates/${id}/run`, '{}');
        assert.equal(run.statusCode, 200, run.body);
        const resultId: string = run.json().result_id;

        const record = await inject('GET', `/api/prompt-results/${resultId}`);
        assertRequestVerbatim(record.body, 'GET /api/prompt-results/{id}');
        const page = await inject('GET', `/api/prompt-templates/${id}/results`);
        assertRequestVerbatim(page.body, 'the results page');
        const exported = await inject('GET', `/api/prompt-templates/${id}/results/export`);
        assert.equal(exported.statusCode, 200);
        assertRequestVerbatim(exported.body, 'the JSONL export');
      });

      it('a failed run stores what was asked for with every digit', async () => {
        const { id } = (await inject('POST', '/api/prompt-templates', createBody())).json();
        const run = await inject(
          'POST',
          `/api/prompt-templates/${id}/run`,
          '{"rendered_prompt":"[[fake-fault:rate_limit]]"}',
        );
        assert.equal(run.statusCode, 502, run.body);
        const record = await inject('GET', `/api/prompt-results/${run.json().detail.result_id}`);
        assert.ok(
          record.body.includes(`"inference_params":${fields.inference_params}`),
          `params verbatim in the failed result: ${record.body}`,
        );
      });

      it('1e400 has no exact double and is refused with a 422 that writes nothing', async () => {
        const before = await testApp.countRows('prompt_templates');
        const body = createBody().replace(`"threshold":1.0`, `"threshold":1e400`);
        const response = await inject('POST', '/api/prompt-templates', body);
        assert.equal(response.statusCode, 422, response.body);
        assert.match(response.body, /retrieval_params/);
        assert.equal(await testApp.countRows('prompt_templates'), before);
      });
    },
  );

  describe(
    `exact numbers reach a live provider [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let server: FakeProviderServer;
      let testApp: TestApp;
      before(async () => {
        server = await startFakeProviderServer();
        testApp = await buildTestApp(dialect, {
          environment: {
            PROMPTER_PROVIDER_MODE: 'live',
            OPENAI_API_KEY: 'sk-test-exact-numbers',
            OPENAI_BASE_URL: `${server.baseUrl}/v1`,
          },
        });
      });
      after(async () => {
        await testApp.close();
        await server.close();
      });

      it('the openai SDK sends the digits, and the stored request is the exact bytes sent', async () => {
        server.respondTo('/v1/chat/completions', { body: chatCompletionWithFingerprint });
        const created = await testApp.app.inject({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: createBody(),
          headers: { 'content-type': 'application/json' },
        });
        assert.equal(created.statusCode, 201, created.body);
        const run = await testApp.app.inject({
          method: 'POST',
          url: `/api/prompt-templates/${created.json().id}/run`,
          payload: {},
        });
        assert.equal(run.statusCode, 200, run.body);

        const sent = server.requests.at(-1)?.rawBody ?? '';
        assertRequestVerbatim(sent, 'the bytes the provider received');
        const stored = await testApp.database.db
          .selectFrom('prompt_results')
          .select('request')
          .where('id', '=', run.json().result_id)
          .executeTakeFirstOrThrow();
        assert.equal(stored.request, sent);
        const record = await testApp.app.inject({
          method: 'GET',
          url: `/api/prompt-results/${run.json().result_id}`,
        });
        assert.ok(record.body.includes(`"request":${sent}`), record.body);
      });

      it('an ensure-version probe sends override params digit for digit', async () => {
        server.respondTo('/v1/chat/completions', { body: chatCompletionWithFingerprint });
        const created = await testApp.app.inject({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: createBody(),
          headers: { 'content-type': 'application/json' },
        });
        const ensured = await testApp.app.inject({
          method: 'POST',
          url: `/api/prompt-templates/${created.json().id}/ensure-version`,
          payload: `{"inference_params":{"temperature":1.0,"seed":${big}}}`,
          headers: { 'content-type': 'application/json' },
        });
        assert.equal(ensured.statusCode, 200, ensured.body);
        const sent = server.requests.at(-1)?.rawBody ?? '';
        assert.ok(sent.includes(`"temperature":1.0,"seed":${big},"max_tokens":1`), sent);
      });
    },
  );
}
