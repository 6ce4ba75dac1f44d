// Real: the adapter, the openai SDK and HTTP over 127.0.0.1. Fake: the OpenAI API, played by a
// local server answering with recorded response shapes (openai.fixtures.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerContractCases } from '../../../test/helpers/provider-contract-cases.ts';
import { providerTemplateTools as tools } from '../../../test/helpers/provider-template-tools.ts';
import { providerTestHarness } from '../../../test/helpers/provider-test-harness.ts';
import { emptyVersionParts } from '../provider-contract.ts';
import {
  chatCompletionWithFingerprint,
  chatCompletionWithoutFingerprint,
  openAiCallRequest,
  openAiTestKey,
  openAiTestSubject,
} from './openai.fixtures.ts';

const completionsPath = openAiTestSubject.callPath;

describe('createOpenAiProvider', () => {
  providerContractCases(openAiTestSubject);
  const { server, adapter: provider } = providerTestHarness(openAiTestSubject);

  describe('call', () => {
    it('returns content, usage and the fingerprint as version key, sending the key as a bearer token', async () => {
      server().respondTo(completionsPath, { body: chatCompletionWithFingerprint });
      const result = await provider().call(openAiCallRequest);

      assert.equal(result.content, 'Acme is a well-known maker of anvils.');
      assert.deepEqual(result.usage, { promptTokens: 19, completionTokens: 10, totalTokens: 29 });
      assert.equal(result.versionKey, 'fp_f9f4fb6dbf');
      assert.deepEqual(result.versionParts, {
        ...emptyVersionParts,
        servedModelId: 'gpt-4o-2024-08-06',
        systemFingerprint: 'fp_f9f4fb6dbf',
        serviceTier: 'default',
      });
      assert.equal(server().requests[0]?.headers['authorization'], `Bearer ${openAiTestKey}`);
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
      server().respondTo(completionsPath, { body: chatCompletionWithoutFingerprint });
      const result = await provider().call(openAiCallRequest);
      assert.equal(result.versionKey, 'gpt-4.1-mini-2025-04-14');
      assert.equal(result.versionParts.systemFingerprint, null);
      assert.equal(result.versionParts.servedModelId, 'gpt-4.1-mini-2025-04-14');
    });

    it('maps the chat-completion params, drops foreign ones and omits a null system text', async () => {
      server().respondTo(completionsPath, { body: chatCompletionWithFingerprint });
      const chatCompletionParams = {
        temperature: 0,
        top_p: 0.9,
        max_tokens: 64,
        seed: 42,
        stop: ['\n\n'],
        presence_penalty: 0.5,
        frequency_penalty: -0.5,
        response_format: { type: 'json_object' },
      };
      await provider().call({
        ...openAiCallRequest,
        systemInstructions: null,
        inferenceParams: { ...chatCompletionParams, top_k: 40, user: null },
      });
      assert.deepEqual(server().requests[0]?.body, {
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'What is Acme known for?' }],
        ...chatCompletionParams,
      });
    });

    it("sends the template's tools and response format as given, the format over the params'", async () => {
      server().respondTo(completionsPath, { body: chatCompletionWithFingerprint });
      const result = await provider().call({
        ...openAiCallRequest,
        inferenceParams: { response_format: { type: 'json_object' } },
        toolsSpec: [tools.lookupBrand, tools.listBrands],
        responseFormat: tools.jsonSchemaFormat,
      });
      assert.deepEqual(server().requests[0]?.body, {
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: 'You are a brand analyst.' },
          { role: 'user', content: 'What is Acme known for?' },
        ],
        response_format: tools.jsonSchemaFormat,
        tools: [tools.lookupBrand, tools.listBrands],
      });
      assert.deepEqual(result.requestSent, server().requests[0]?.body);
    });
  });

  describe('probeVersion', () => {
    it('sends one tiny completion and returns the fingerprint', async () => {
      server().respondTo(completionsPath, { body: chatCompletionWithFingerprint });
      const probe = await provider().probeVersion({
        model: 'gpt-4o',
        systemInstructions: 'You are a brand analyst.',
        inferenceParams: { temperature: 0.2, max_tokens: 256 },
      });
      assert.equal(probe.versionKey, 'fp_f9f4fb6dbf');
      assert.equal(probe.versionParts.servedModelId, 'gpt-4o-2024-08-06');
      assert.deepEqual(server().requests[0]?.body, {
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
      server().respondTo(completionsPath, { body: chatCompletionWithoutFingerprint });
      await provider().probeVersion({
        model: 'o3-mini',
        systemInstructions: null,
        inferenceParams: { max_completion_tokens: 4_000 },
      });
      const body = server().requests[0]?.body as Record<string, unknown>;
      assert.equal(body['max_completion_tokens'], 1);
      assert.equal('max_tokens' in body, false);
    });

    it('sends neither the tools nor the response format of the template', async () => {
      server().respondTo(completionsPath, { body: chatCompletionWithFingerprint });
      await provider().probeVersion({
        model: 'gpt-4o',
        systemInstructions: null,
        inferenceParams: {},
      });
      assert.deepEqual(Object.keys(server().requests[0]?.body as object), [
        'model',
        'messages',
        'max_tokens',
      ]);
    });
  });
});
