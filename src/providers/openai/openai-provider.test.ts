// Real: the adapter, the openai SDK and HTTP over 127.0.0.1. Fake: the OpenAI API, played by a
// local server answering with recorded response shapes (openai.fixtures.ts).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  startFakeProviderServer,
  type FakeProviderServer,
} from '../../../test/helpers/fake-provider-server.ts';
import { createOpenAiProvider } from './openai-provider.ts';
import {
  chatCompletionWithFingerprint,
  chatCompletionWithoutFingerprint,
  openAiCallRequest,
  openAiTestKey,
  openAiTestSettings,
} from './openai.fixtures.ts';

const completionsPath = '/v1/chat/completions';

describe('createOpenAiProvider', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startFakeProviderServer();
  });
  afterEach(async () => {
    await server.close();
  });
  const provider = (overrides?: Parameters<typeof openAiTestSettings>[1]) =>
    createOpenAiProvider(openAiTestSettings(`${server.baseUrl}/v1`, overrides));

  describe('call', () => {
    it('returns content, usage, the fingerprint as version key and the request as received', async () => {
      server.respondTo(completionsPath, { body: chatCompletionWithFingerprint });
      const result = await provider().call(openAiCallRequest);

      assert.equal(result.content, 'Acme is a well-known maker of anvils.');
      assert.deepEqual(result.usage, { promptTokens: 19, completionTokens: 10, totalTokens: 29 });
      assert.equal(result.versionKey, 'fp_f9f4fb6dbf');
      assert.deepEqual(result.versionParts, {
        servedModelId: 'gpt-4o-2024-08-06',
        systemFingerprint: 'fp_f9f4fb6dbf',
        modelVersion: null,
        serviceTier: 'default',
        azureDeployment: null,
        azureApiVersion: null,
      });
      assert.deepEqual(result.response, chatCompletionWithFingerprint);
      assert.equal(result.simulated, false);

      assert.equal(server.requests.length, 1);
      const [received] = server.requests;
      assert.equal(received?.method, 'POST');
      assert.equal(received?.path, completionsPath);
      assert.equal(received?.headers['authorization'], `Bearer ${openAiTestKey}`);
      assert.deepEqual(result.requestSent, received?.body);
      assert.deepEqual(result.requestSent, {
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: 'You are a brand analyst.' },
          { role: 'user', content: 'What is Acme known for?' },
        ],
        temperature: 0.2,
        max_tokens: 256,
        seed: 7,
      });
    });

    it('falls back to the dated served model when system_fingerprint is null', async () => {
      server.respondTo(completionsPath, { body: chatCompletionWithoutFingerprint });
      const result = await provider().call(openAiCallRequest);
      assert.equal(result.versionKey, 'gpt-4.1-mini-2025-04-14');
      assert.equal(result.versionParts.systemFingerprint, null);
      assert.equal(result.versionParts.servedModelId, 'gpt-4.1-mini-2025-04-14');
    });

    it('maps the chat-completion params, drops foreign ones and omits a null system text', async () => {
      server.respondTo(completionsPath, { body: chatCompletionWithFingerprint });
      await provider().call({
        ...openAiCallRequest,
        systemInstructions: null,
        inferenceParams: {
          temperature: 0,
          top_p: 0.9,
          max_tokens: 64,
          seed: 42,
          stop: ['\n\n'],
          presence_penalty: 0.5,
          frequency_penalty: -0.5,
          response_format: { type: 'json_object' },
          top_k: 40,
          user: null,
        },
      });
      assert.deepEqual(server.requests[0]?.body, {
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'What is Acme known for?' }],
        temperature: 0,
        top_p: 0.9,
        max_tokens: 64,
        seed: 42,
        stop: ['\n\n'],
        presence_penalty: 0.5,
        frequency_penalty: -0.5,
        response_format: { type: 'json_object' },
      });
    });
    it('sends through the injected fetch', async () => {
      server.respondTo(completionsPath, { body: chatCompletionWithFingerprint });
      const fetched: string[] = [];
      const adapter = createOpenAiProvider(openAiTestSettings(`${server.baseUrl}/v1`), {
        fetch: (input, init) => {
          fetched.push(String(input instanceof Request ? input.url : input));
          return fetch(input, init);
        },
      });
      await adapter.call(openAiCallRequest);
      assert.equal(fetched.length, 1);
      assert.ok(fetched[0]?.startsWith(server.baseUrl));
    });
  });

  describe('probeVersion', () => {
    it('sends one tiny completion and returns the fingerprint', async () => {
      server.respondTo(completionsPath, { body: chatCompletionWithFingerprint });
      const probe = await provider().probeVersion({
        model: 'gpt-4o',
        systemInstructions: 'You are a brand analyst.',
        inferenceParams: { temperature: 0.2, max_tokens: 256 },
      });
      assert.equal(probe.versionKey, 'fp_f9f4fb6dbf');
      assert.equal(probe.versionParts.servedModelId, 'gpt-4o-2024-08-06');
      assert.deepEqual(server.requests[0]?.body, {
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: 'You are a brand analyst.' },
          { role: 'user', content: 'ping' },
        ],
        temperature: 0.2,
        max_tokens: 1,
      });
    });

    it('pins max_completion_tokens for templates of reasoning models', async () => {
      server.respondTo(completionsPath, { body: chatCompletionWithoutFingerprint });
      await provider().probeVersion({
        model: 'o3-mini',
        systemInstructions: null,
        inferenceParams: { max_completion_tokens: 4_000 },
      });
      const body = server.requests[0]?.body as Record<string, unknown>;
      assert.equal(body['max_completion_tokens'], 1);
      assert.equal('max_tokens' in body, false);
    });

    it('falls back to the requested model when the answer names neither', async () => {
      const {
        model: _model,
        system_fingerprint: _fingerprint,
        ...anonymous
      } = chatCompletionWithFingerprint;
      server.respondTo(completionsPath, { body: anonymous });
      const probe = await provider().probeVersion({
        model: 'gpt-4o',
        systemInstructions: null,
        inferenceParams: {},
      });
      assert.equal(probe.versionKey, 'gpt-4o');
    });
  });
});
