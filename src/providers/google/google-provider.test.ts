// Real: the adapter, the @google/genai SDK and HTTP over 127.0.0.1. Fake: the Gemini API, played
// by a local server answering with recorded response shapes (google.fixtures.ts).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  startFakeProviderServer,
  type FakeProviderServer,
} from '../../../test/helpers/fake-provider-server.ts';
import { createGoogleProvider } from './google-provider.ts';
import {
  blockedPromptResponse,
  generateContentResponse,
  googleCallRequest,
  googleTestKey,
  googleTestSettings,
  groundedThinkingResponse,
} from './google.fixtures.ts';

const flashPath = '/v1beta/models/gemini-2.0-flash:generateContent';

describe('createGoogleProvider', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startFakeProviderServer();
  });
  afterEach(async () => {
    await server.close();
  });
  const provider = (overrides?: Parameters<typeof googleTestSettings>[1]) =>
    createGoogleProvider(googleTestSettings(server.baseUrl, overrides));

  describe('call', () => {
    it('returns content, usage, modelVersion as key and the request as received', async () => {
      server.respondTo(flashPath, { body: generateContentResponse });
      const result = await provider().call(googleCallRequest);

      assert.equal(result.content, 'Acme is known for its anvils.');
      assert.deepEqual(result.usage, { promptTokens: 12, completionTokens: 8, totalTokens: 20 });
      assert.equal(result.versionKey, 'gemini-2.0-flash-001');
      assert.deepEqual(result.versionParts, {
        servedModelId: null,
        systemFingerprint: null,
        modelVersion: 'gemini-2.0-flash-001',
        serviceTier: null,
        azureDeployment: null,
        azureApiVersion: null,
      });
      assert.deepEqual(result.response, generateContentResponse);
      assert.equal(result.simulated, false);

      assert.equal(server.requests.length, 1);
      const [received] = server.requests;
      assert.equal(received?.method, 'POST');
      assert.equal(received?.path, flashPath);
      assert.equal(received?.headers['x-goog-api-key'], googleTestKey);
      assert.deepEqual(received?.query, {});
      assert.deepEqual(result.requestSent, {
        model: 'gemini-2.0-flash',
        ...(received?.body as Record<string, unknown>),
      });
      assert.deepEqual(received?.body, {
        contents: [{ role: 'user', parts: [{ text: 'What is Acme known for?' }] }],
        systemInstruction: { parts: [{ text: 'You are a brand analyst.' }], role: 'user' },
        generationConfig: {
          temperature: 0.2,
          topP: 0.9,
          maxOutputTokens: 256,
          seed: 7,
          stopSequences: ['END'],
        },
      });
    });

    it('adds Google Search when grounding, and leaves thoughts out of the text', async () => {
      server.respondTo('/v1beta/models/gemini-2.5-flash:generateContent', {
        body: groundedThinkingResponse,
      });
      const result = await provider().call({
        ...googleCallRequest,
        model: 'gemini-2.5-flash',
        systemInstructions: null,
        inferenceParams: { response_format: { type: 'json_object' }, logit_bias: { 1: 2 } },
        useGrounding: true,
      });
      assert.equal(result.content, 'Acme was founded in 1920 and still makes anvils.');
      assert.deepEqual(result.usage, { promptTokens: 10, completionTokens: 134, totalTokens: 239 });
      assert.equal(result.versionKey, 'gemini-2.5-flash');
      assert.deepEqual(server.requests[0]?.body, {
        contents: [{ role: 'user', parts: [{ text: 'What is Acme known for?' }] }],
        tools: [{ googleSearch: {} }],
        generationConfig: { responseMimeType: 'application/json' },
      });
    });

    it('reads a blocked prompt as an empty answer, not a failure', async () => {
      server.respondTo(flashPath, { body: blockedPromptResponse });
      const result = await provider().call(googleCallRequest);
      assert.equal(result.content, '');
      assert.equal(result.versionKey, 'gemini-2.0-flash-001');
    });
    it('sends through the injected fetch', async () => {
      server.respondTo(flashPath, { body: generateContentResponse });
      const fetched: string[] = [];
      const adapter = createGoogleProvider(googleTestSettings(server.baseUrl), {
        fetch: (input, init) => {
          fetched.push(String(input instanceof Request ? input.url : input));
          return fetch(input, init);
        },
      });
      await adapter.call(googleCallRequest);
      assert.equal(fetched.length, 1);
      assert.ok(fetched[0]?.startsWith(server.baseUrl));
    });
  });

  describe('probeVersion', () => {
    it('sends one tiny generation and returns modelVersion', async () => {
      server.respondTo(flashPath, { body: generateContentResponse });
      const probe = await provider().probeVersion({
        model: 'gemini-2.0-flash',
        systemInstructions: 'You are a brand analyst.',
        inferenceParams: { temperature: 0.2, max_tokens: 256 },
      });
      assert.equal(probe.versionKey, 'gemini-2.0-flash-001');
      assert.equal(probe.versionParts.modelVersion, 'gemini-2.0-flash-001');
      assert.deepEqual(server.requests[0]?.body, {
        contents: [{ role: 'user', parts: [{ text: 'ping' }] }],
        systemInstruction: { parts: [{ text: 'You are a brand analyst.' }], role: 'user' },
        generationConfig: { temperature: 0.2, maxOutputTokens: 1 },
      });
    });

    it('falls back to the requested model when the answer has no modelVersion', async () => {
      const { modelVersion: _modelVersion, ...unversioned } = generateContentResponse;
      server.respondTo(flashPath, { body: unversioned });
      const probe = await provider().probeVersion({
        model: 'gemini-2.0-flash',
        systemInstructions: null,
        inferenceParams: {},
      });
      assert.equal(probe.versionKey, 'gemini-2.0-flash');
    });
  });
});
