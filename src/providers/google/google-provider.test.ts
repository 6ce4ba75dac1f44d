// Real: the adapter, the @google/genai SDK and HTTP over 127.0.0.1. Fake: the Gemini API, played
// by a local server answering with recorded response shapes (google.fixtures.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringifyLosslessJson } from '../../core/json/lossless-json.ts';
import { providerContractCases } from '../../../test/helpers/provider-contract-cases.ts';
import { providerTemplateTools as tools } from '../../../test/helpers/provider-template-tools.ts';
import { providerTestHarness } from '../../../test/helpers/provider-test-harness.ts';
import { emptyVersionParts } from '../provider-contract.ts';
import {
  blockedPromptResponse,
  generateContentResponse,
  googleCallRequest,
  googleTestKey,
  googleTestSubject,
  groundedThinkingResponse,
} from './google.fixtures.ts';

const flashPath = googleTestSubject.callPath;

describe('createGoogleProvider', () => {
  providerContractCases(googleTestSubject);
  const { server, adapter: provider } = providerTestHarness(googleTestSubject);

  describe('call', () => {
    it('returns content, usage and modelVersion as key, with the key in x-goog-api-key', async () => {
      server().respondTo(flashPath, { body: generateContentResponse });
      const result = await provider().call(googleCallRequest);

      assert.equal(result.content, 'Acme is known for its anvils.');
      assert.deepEqual(result.usage, { promptTokens: 12, completionTokens: 8, totalTokens: 20 });
      assert.equal(result.versionKey, 'gemini-2.0-flash-001');
      assert.deepEqual(result.versionParts, {
        ...emptyVersionParts,
        modelVersion: 'gemini-2.0-flash-001',
      });
      const [received] = server().requests;
      assert.equal(received?.headers['x-goog-api-key'], googleTestKey);
      assert.deepEqual(received?.query, {}, 'the key is not in the URL');
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
      server().respondTo('/v1beta/models/gemini-2.5-flash:generateContent', {
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
      assert.deepEqual(server().requests[0]?.body, {
        contents: [{ role: 'user', parts: [{ text: 'What is Acme known for?' }] }],
        tools: [{ googleSearch: {} }],
        generationConfig: { responseMimeType: 'application/json' },
      });
    });

    it('declares OpenAI-style function tools, keeps Gemini tools, and asks for the JSON schema', async () => {
      server().respondTo(flashPath, { body: generateContentResponse });
      const result = await provider().call({
        ...googleCallRequest,
        systemInstructions: null,
        inferenceParams: { response_format: { type: 'text' } },
        useGrounding: true,
        toolsSpec: [tools.lookupBrand, tools.listBrands, { codeExecution: {} }],
        responseFormat: tools.jsonSchemaFormat,
      });
      assert.deepEqual(server().requests[0]?.body, {
        contents: [{ role: 'user', parts: [{ text: 'What is Acme known for?' }] }],
        tools: [
          {
            functionDeclarations: [
              {
                name: 'lookup_brand',
                description: 'Looks a brand up.',
                parametersJsonSchema: tools.brandSchema,
              },
              { name: 'list_brands' },
            ],
          },
          { codeExecution: {} },
          { googleSearch: {} },
        ],
        generationConfig: {
          responseMimeType: 'application/json',
          responseJsonSchema: tools.brandSchema,
        },
      });
      assert.deepEqual(JSON.parse(stringifyLosslessJson(result.requestSent)), {
        model: 'gemini-2.0-flash',
        ...(server().requests[0]?.body as Record<string, unknown>),
      });
    });

    it('reads a blocked prompt as an empty answer, not a failure', async () => {
      server().respondTo(flashPath, { body: blockedPromptResponse });
      const result = await provider().call(googleCallRequest);
      assert.equal(result.content, '');
      assert.equal(result.versionKey, 'gemini-2.0-flash-001');
    });
  });

  describe('probeVersion', () => {
    it('sends one tiny generation and returns modelVersion', async () => {
      server().respondTo(flashPath, { body: generateContentResponse });
      const probe = await provider().probeVersion({
        model: 'gemini-2.0-flash',
        systemInstructions: 'You are a brand analyst.',
        inferenceParams: { temperature: 0.2, max_tokens: 256 },
      });
      assert.equal(probe.versionKey, 'gemini-2.0-flash-001');
      assert.equal(probe.versionParts.modelVersion, 'gemini-2.0-flash-001');
      assert.deepEqual(server().requests[0]?.body, {
        contents: [{ role: 'user', parts: [{ text: 'ping' }] }],
        systemInstruction: { parts: [{ text: 'You are a brand analyst.' }], role: 'user' },
        generationConfig: { temperature: 0.2, maxOutputTokens: 1 },
      });
    });
  });
});
