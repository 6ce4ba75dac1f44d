// Provider keys, the metrics token and API keys never reach a log line, a stored row, an export or
// a response, on SQLite and PostgreSQL (issue 5). Real: the whole app with its logger at debug
// level, the database, API keys and, in live mode, the openai SDK over HTTP. Fake: the providers
// (the embedded fakes, or a local server playing the OpenAI API).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from './helpers/build-test-app.ts';
import { dumpAllTables } from './helpers/dump-all-tables.ts';
import {
  startFakeProviderServer,
  type FakeProviderServer,
} from './helpers/fake-provider-server.ts';
import { issueApiKey } from './helpers/issue-api-key.ts';
import { templateBody } from './helpers/template-bodies.ts';
import { testDialects, type TestDialect } from './helpers/test-databases.ts';

const nonce = () => randomBytes(12).toString('hex');

/** Live-looking credentials, each unique so a hit names its source. */
const SECRETS = {
  OPENAI_API_KEY: `sk-live-SECRET-openai-${nonce()}`,
  ANTHROPIC_API_KEY: `sk-ant-api03-SECRET-anthropic-${nonce()}`,
  GOOGLE_API_KEY: `AIzaSECRETgoogle${nonce()}`,
  AZURE_OPENAI_API_KEY: `SECRETazure${nonce()}`,
  METRICS_TOKEN: `SECRET-metrics-${nonce()}`,
};
/** What a client sends by mistake: a wrong Prompter key and a provider key as a bearer token. */
const WRONG_KEYS = [
  `pk_abcdefghijkl_SECRETwrong${'A'.repeat(32)}`,
  `sk-live-SECRET-wrong-${nonce()}`,
];

type WorkStep = InjectOptions & {
  readonly method: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
};

/** The app with its logs and every answer captured. */
interface Recording {
  readonly testApp: TestApp;
  readonly logLines: string[];
  readonly answers: string[];
  call(options: InjectOptions): Promise<LightMyRequestResponse>;
}

async function recordingApp(
  dialect: TestDialect,
  environment: Record<string, string>,
): Promise<Recording> {
  const logLines: string[] = [];
  const answers: string[] = [];
  const testApp = await buildTestApp(dialect, {
    logStream: { write: (line: string) => void logLines.push(line) },
    environment: { LOG_LEVEL: 'debug', PROMPTER_AUTH: 'required', ...SECRETS, ...environment },
  });
  return {
    testApp,
    logLines,
    answers,
    async call(options) {
      const response = await testApp.app.inject(options);
      answers.push(`${JSON.stringify(response.headers)}\n${response.body}`);
      return response;
    },
  };
}

/** Every place a secret could surface, by name, for a failure message that says where. */
async function everyPlace(recording: Recording): Promise<Record<string, string>> {
  return {
    logs: recording.logLines.join(''),
    'stored rows': await dumpAllTables(recording.testApp.database),
    responses: recording.answers.join('\n'),
  };
}

function assertAbsent(places: Record<string, string>, secrets: Record<string, string>): void {
  const leaks: string[] = [];
  for (const [where, text] of Object.entries(places)) {
    for (const [name, secret] of Object.entries(secrets)) {
      if (text.includes(secret)) leaks.push(`${name} in ${where}`);
    }
  }
  assert.deepEqual(leaks, []);
}

for (const dialect of testDialects) {
  describe(`secrets never leak [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let recording: Recording;
    let apiKey = '';
    before(async () => {
      recording = await recordingApp(dialect, {});
      apiKey = await issueApiKey(recording.testApp, 'org-secrets', 'admin');
    });
    after(() => recording.testApp.close());

    it('a day of work leaves no provider key, metrics token or API key in logs, rows, exports or answers', async () => {
      const auth = { authorization: `Bearer ${apiKey}` };
      const created = await recording.call({
        method: 'POST',
        url: '/api/prompt-templates',
        headers: auth,
        payload: templateBody({ user_prompt_template: 'Best {{brand}} in {{country}}?' }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const id: string = created.json().id;
      const steps: [WorkStep, number][] = [
        [{ method: 'POST', url: `/api/prompt-templates/${id}/ensure-version`, payload: {} }, 200],
        [
          {
            method: 'POST',
            url: `/api/prompt-templates/${id}/run`,
            payload: { brand_name: 'Acme', country: 'US' },
            // A client that sends its provider key along by mistake.
            headers: {
              'x-api-key': SECRETS.OPENAI_API_KEY,
              'api-key': SECRETS.AZURE_OPENAI_API_KEY,
            },
          },
          200,
        ],
        [
          {
            method: 'POST',
            url: `/api/prompt-templates/${id}/run`,
            payload: { rendered_prompt: '[[fake-fault:server_error]]' },
          },
          502,
        ],
        [{ method: 'GET', url: `/api/prompt-templates/${id}/results` }, 200],
        [{ method: 'GET', url: `/api/prompt-templates/${id}/results/export?format=csv` }, 200],
        [{ method: 'GET', url: `/api/prompt-templates/${id}/results/export?format=jsonl` }, 200],
        [{ method: 'GET', url: `/api/prompt-templates/${id}/versions` }, 200],
        [{ method: 'DELETE', url: `/api/prompt-templates/${id}` }, 204],
        [{ method: 'POST', url: `/api/prompt-templates/${id}/restore` }, 200],
        [{ method: 'GET', url: '/api/audit-log' }, 200],
      ];
      for (const [options, status] of steps) {
        const response = await recording.call({
          ...options,
          headers: { ...auth, ...options.headers },
        });
        assert.equal(
          response.statusCode,
          status,
          `${options.method} ${options.url}: ${response.body}`,
        );
      }
      const exports = recording.answers.filter((answer) => answer.includes('attachment;'));
      assert.equal(exports.length, 2, 'both exports were captured');
      assert.ok(
        exports.every((answer) => answer.includes(id)),
        'the exports carry the results',
      );

      for (const wrong of WRONG_KEYS) {
        const refused = await recording.call({
          method: 'GET',
          url: '/api/prompt-templates',
          headers: { authorization: `Bearer ${wrong}` },
        });
        assert.equal(refused.statusCode, 401);
      }
      const metrics = await recording.call({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${SECRETS.METRICS_TOKEN}` },
      });
      assert.equal(metrics.statusCode, 200);
      const metricsWithoutToken = await recording.call({ method: 'GET', url: '/metrics' });
      assert.equal(metricsWithoutToken.statusCode, 401);

      assert.equal(recording.testApp.app.log.level, 'debug');
      assert.ok(recording.logLines.length > 20, 'the requests were logged');
      assertAbsent(await everyPlace(recording), {
        ...SECRETS,
        'the API key': apiKey,
        "the API key's secret part": apiKey.slice(-43),
        ...Object.fromEntries(WRONG_KEYS.map((key, index) => [`wrong key #${index}`, key])),
      });
    });
  });

  describe(
    `secrets never leak in live mode [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let server: FakeProviderServer;
      let recording: Recording;
      let apiKey = '';
      before(async () => {
        server = await startFakeProviderServer();
        recording = await recordingApp(dialect, {
          PROMPTER_PROVIDER_MODE: 'live',
          OPENAI_BASE_URL: `${server.baseUrl}/v1`,
        });
        apiKey = await issueApiKey(recording.testApp, 'org-live', 'admin');
      });
      after(async () => {
        await recording.testApp.close();
        await server.close();
      });

      it('an OpenAI run, and a 401 that echoes the key back, store and log no key', async () => {
        server.respondTo('/v1/chat/completions', { body: chatCompletion }, echoingRejection());
        const auth = { authorization: `Bearer ${apiKey}` };
        const created = await recording.call({
          method: 'POST',
          url: '/api/prompt-templates',
          headers: auth,
          payload: templateBody({ model_id: 'gpt-4o', provider: 'openai' }),
        });
        assert.equal(created.statusCode, 201, created.body);
        const id: string = created.json().id;
        const run = await recording.call({
          method: 'POST',
          url: `/api/prompt-templates/${id}/run`,
          headers: auth,
          payload: { country: 'US' },
        });
        assert.equal(run.statusCode, 200, run.body);
        assert.equal(run.json().simulated, false);
        const rejected = await recording.call({
          method: 'POST',
          url: `/api/prompt-templates/${id}/run`,
          headers: auth,
          payload: { country: 'GB' },
        });
        assert.equal(rejected.statusCode, 502, rejected.body);
        for (const format of ['csv', 'jsonl']) {
          const exported = await recording.call({
            method: 'GET',
            url: `/api/prompt-templates/${id}/results/export?format=${format}`,
            headers: auth,
          });
          assert.equal(exported.statusCode, 200);
        }

        // The key did go out, so its absence below means something.
        assert.equal(
          server.requests[0]?.headers['authorization'],
          `Bearer ${SECRETS.OPENAI_API_KEY}`,
        );
        const stored = await recording.testApp.database.db
          .selectFrom('prompt_results')
          .select(['status', 'request', 'response', 'error'])
          .where('template_id', '=', id)
          .orderBy('created_at')
          .execute();
        assert.deepEqual(
          stored.map((row) => row.status),
          ['succeeded', 'failed'],
        );
        assert.match(stored[0]?.request ?? '', /"model":"gpt-4o"/);
        // The provider's echo was kept, with the key cut out of it.
        assert.match(stored[1]?.response ?? '', /Incorrect API key provided: \[redacted\]/);
        assertAbsent(
          { ...(await everyPlace(recording)), 'stored results': JSON.stringify(stored) },
          { OPENAI_API_KEY: SECRETS.OPENAI_API_KEY, 'the API key': apiKey },
        );
      });
    },
  );
}

/** The shape of an OpenAI Chat Completions answer (ids shortened). */
const chatCompletion = {
  id: 'chatcmpl-secrets-test',
  object: 'chat.completion',
  created: 1741569952,
  model: 'gpt-4o-2024-08-06',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Acme.', refusal: null },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
  system_fingerprint: 'fp_secrets',
};

/** OpenAI quotes a rejected key in its 401 body; a careless proxy may mirror it in a header. */
function echoingRejection() {
  return {
    status: 401,
    headers: { 'x-echoed-key': SECRETS.OPENAI_API_KEY },
    body: {
      error: {
        message: `Incorrect API key provided: ${SECRETS.OPENAI_API_KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    },
  };
}
