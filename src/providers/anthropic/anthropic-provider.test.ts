// Real: the adapter, the @anthropic-ai/sdk client and HTTP over 127.0.0.1. Fake: the Anthropic
// API, played by a local server answering with recorded response shapes (anthropic.fixtures.ts).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  startFakeProviderServer,
  type FakeProviderServer,
} from '../../../test/helpers/fake-provider-server.ts';
import { createAnthropicProvider } from './anthropic-provider.ts';
import {
  anthropicCallRequest,
  anthropicTestSettings,
  messageResponse,
  thinkingMessageResponse,
} from './anthropic.fixtures.ts';

const messagesPath = '/v1/messages';

describe('createAnthropicProvider', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startFakeProviderServer();
  });
  afterEach(async () => {
    await server.close();
  });
  const provider = (overrides?: Parameters<typeof anthropicTestSettings>[1]) =>
    createAnthropicProvider(anthropicTestSettings(server.baseUrl, overrides));

  describe('call', () => {
    it('returns content, usage, the dated served model as key and the request as received', async () => {
      server.respondTo(messagesPath, { body: messageResponse });
      const result = await provider().call(anthropicCallRequest);

      assert.equal(result.content, 'Acme is best known for its anvils.');
      assert.deepEqual(result.usage, { promptTokens: 21, completionTokens: 11, totalTokens: 32 });
      assert.equal(result.versionKey, 'claude-sonnet-4-20250514');
      assert.deepEqual(result.versionParts, {
        servedModelId: 'claude-sonnet-4-20250514',
        systemFingerprint: null,
        modelVersion: null,
        serviceTier: 'standard',
        azureDeployment: null,
        azureApiVersion: null,
      });
      assert.deepEqual(result.response, messageResponse);
      assert.equal(result.simulated, false);

      assert.equal(server.requests.length, 1);
      const [received] = server.requests;
      assert.equal(received?.method, 'POST');
      assert.equal(received?.path, messagesPath);
      assert.ok(received?.headers['anthropic-version'], 'the SDK sends anthropic-version');
      assert.deepEqual(result.requestSent, received?.body);
      assert.deepEqual(result.requestSent, {
        model: 'claude-sonnet-4-0',
        max_tokens: 1024,
        system: 'You are a brand analyst.',
        messages: [{ role: 'user', content: 'What is Acme known for?' }],
        temperature: 0.2,
        top_k: 40,
        stop_sequences: ['END'],
      });
    });

    it('joins text blocks, skips thinking, and counts cached prompt tokens', async () => {
      server.respondTo(messagesPath, { body: thinkingMessageResponse });
      const result = await provider().call({
        ...anthropicCallRequest,
        model: 'claude-opus-4-1',
        systemInstructions: null,
        inferenceParams: { max_tokens: 4_000 },
      });
      assert.equal(result.content, 'Acme makes anvils and rockets.');
      assert.deepEqual(result.usage, {
        promptTokens: 2_005,
        completionTokens: 300,
        totalTokens: 2_305,
      });
      assert.equal(result.versionKey, 'claude-opus-4-1-20250805');
      assert.equal(result.versionParts.serviceTier, 'priority');
      assert.deepEqual(server.requests[0]?.body, {
        model: 'claude-opus-4-1',
        max_tokens: 4_000,
        messages: [{ role: 'user', content: 'What is Acme known for?' }],
      });
    });
    it('sends through the injected fetch', async () => {
      server.respondTo(messagesPath, { body: messageResponse });
      const fetched: string[] = [];
      const adapter = createAnthropicProvider(anthropicTestSettings(server.baseUrl), {
        fetch: (input, init) => {
          fetched.push(String(input instanceof Request ? input.url : input));
          return fetch(input, init);
        },
      });
      await adapter.call(anthropicCallRequest);
      assert.equal(fetched.length, 1);
      assert.ok(fetched[0]?.startsWith(server.baseUrl));
    });
  });

  describe('probeVersion', () => {
    it('sends one tiny message and returns the dated model', async () => {
      server.respondTo(messagesPath, { body: messageResponse });
      const probe = await provider().probeVersion({
        model: 'claude-sonnet-4-0',
        systemInstructions: 'You are a brand analyst.',
        inferenceParams: { temperature: 0.2, max_tokens: 512 },
      });
      assert.equal(probe.versionKey, 'claude-sonnet-4-20250514');
      assert.deepEqual(server.requests[0]?.body, {
        model: 'claude-sonnet-4-0',
        max_tokens: 1,
        system: 'You are a brand analyst.',
        messages: [{ role: 'user', content: 'ping' }],
        temperature: 0.2,
      });
    });

    it('falls back to the requested model when the answer names none', async () => {
      const { model: _model, ...anonymous } = messageResponse;
      server.respondTo(messagesPath, { body: anonymous });
      const probe = await provider().probeVersion({
        model: 'claude-sonnet-4-0',
        systemInstructions: null,
        inferenceParams: {},
      });
      assert.equal(probe.versionKey, 'claude-sonnet-4-0');
    });
  });
});
