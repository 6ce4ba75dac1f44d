// Real: the adapter, the @anthropic-ai/sdk client and HTTP over 127.0.0.1. Fake: the Anthropic
// API, played by a local server answering with recorded response shapes (anthropic.fixtures.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerContractCases } from '../../../test/helpers/provider-contract-cases.ts';
import { providerTemplateTools as tools } from '../../../test/helpers/provider-template-tools.ts';
import { providerTestHarness } from '../../../test/helpers/provider-test-harness.ts';
import { emptyVersionParts } from '../provider-contract.ts';
import {
  anthropicCallRequest,
  anthropicTestSubject,
  messageResponse,
  thinkingMessageResponse,
} from './anthropic.fixtures.ts';

const messagesPath = anthropicTestSubject.callPath;

describe('createAnthropicProvider', () => {
  providerContractCases(anthropicTestSubject);
  const { server, adapter: provider } = providerTestHarness(anthropicTestSubject);

  describe('call', () => {
    it('returns content, usage and the dated served model as key, sending anthropic-version', async () => {
      server().respondTo(messagesPath, { body: messageResponse });
      const result = await provider().call(anthropicCallRequest);

      assert.equal(result.content, 'Acme is best known for its anvils.');
      assert.deepEqual(result.usage, { promptTokens: 21, completionTokens: 11, totalTokens: 32 });
      assert.equal(result.versionKey, 'claude-sonnet-4-20250514');
      assert.deepEqual(result.versionParts, {
        ...emptyVersionParts,
        servedModelId: 'claude-sonnet-4-20250514',
        serviceTier: 'standard',
      });
      const sentHeaders = server().requests[0]?.headers;
      assert.ok(sentHeaders?.['anthropic-version'], 'the SDK sends anthropic-version');
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
      server().respondTo(messagesPath, { body: thinkingMessageResponse });
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
      assert.deepEqual(server().requests[0]?.body, {
        model: 'claude-opus-4-1',
        max_tokens: 4_000,
        messages: [{ role: 'user', content: 'What is Acme known for?' }],
      });
    });

    it('converts OpenAI-style function tools, passes Anthropic tools through, ignores response_format', async () => {
      server().respondTo(messagesPath, { body: messageResponse });
      const webSearch = { type: 'web_search_20250305', name: 'web_search', max_uses: 3 };
      const result = await provider().call({
        ...anthropicCallRequest,
        inferenceParams: {},
        toolsSpec: [tools.lookupBrand, tools.listBrands, webSearch],
        responseFormat: tools.jsonSchemaFormat,
      });
      assert.deepEqual(server().requests[0]?.body, {
        model: 'claude-sonnet-4-0',
        max_tokens: 1024,
        system: 'You are a brand analyst.',
        messages: [{ role: 'user', content: 'What is Acme known for?' }],
        tools: [
          {
            name: 'lookup_brand',
            description: 'Looks a brand up.',
            input_schema: tools.brandSchema,
          },
          { name: 'list_brands', input_schema: { type: 'object', properties: {} } },
          webSearch,
        ],
      });
      assert.deepEqual(result.requestSent, server().requests[0]?.body);
    });
  });

  describe('probeVersion', () => {
    it('sends one tiny message and returns the dated model', async () => {
      server().respondTo(messagesPath, { body: messageResponse });
      const probe = await provider().probeVersion({
        model: 'claude-sonnet-4-0',
        systemInstructions: 'You are a brand analyst.',
        inferenceParams: { temperature: 0.2, max_tokens: 512 },
      });
      assert.equal(probe.versionKey, 'claude-sonnet-4-20250514');
      assert.deepEqual(server().requests[0]?.body, {
        model: 'claude-sonnet-4-0',
        max_tokens: 1,
        system: 'You are a brand analyst.',
        messages: [{ role: 'user', content: 'ping' }],
        temperature: 0.2,
      });
    });
  });
});
