// What every live adapter does the same way beyond its wire format: one POST per call, recorded
// as sent and answered, through an injected fetch when given; tools and response format only when
// the template has them; a version probe that falls back to the requested model.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isJsonObject,
  parseLosslessJson,
  stringifyLosslessJson,
  type JsonObject,
} from '../../src/core/json/lossless-json.ts';
import { providerTestHarness } from './provider-test-harness.ts';
import type { ProviderTestSubject } from './provider-test-subject.ts';

/** Registers the shared contract cases for `subject`'s adapter. */
export function providerContractCases(subject: ProviderTestSubject): void {
  describe('contract', () => {
    const { server, adapter } = providerTestHarness(subject);

    it('posts the call once and records the body that went out, and the answer as received', async () => {
      server().respondTo(subject.callPath, { body: subject.answer });
      const result = await adapter().call(subject.callRequest);
      assert.equal(server().requests.length, 1);
      const [received] = server().requests;
      assert.equal(received?.method, 'POST');
      assert.equal(received?.path, subject.callPath);
      // Gemini takes the model from the URL; requestSent names it all the same. Compared as
      // stored (requestSent's numbers may be exact JsonNumbers).
      assert.deepEqual(JSON.parse(stringifyLosslessJson(result.requestSent)), {
        ...(received?.body as Record<string, unknown>),
        model: subject.callRequest.model,
      });
      assert.deepEqual(result.response, subject.answer);
      assert.equal(result.simulated, false);
    });

    it("sends and records a template's numbers digit for digit", async () => {
      server().respondTo(subject.callPath, { body: subject.answer });
      const { requestSent } = await adapter().call({
        ...subject.callRequest,
        inferenceParams: exactObject(`{"temperature":0.70,"top_p":1.0,"max_tokens":${bigInteger}}`),
        toolsSpec: [exactObject(exactNumbersTool)],
      });
      const received = server().requests[0]?.rawBody ?? '';
      const stored = stringifyLosslessJson(requestSent);
      for (const lexeme of [...exactNumberLexemes, '0.70', '1.0', bigInteger]) {
        assert.ok(received.includes(`:${lexeme}`), `${lexeme.slice(0, 30)} sent as written`);
        assert.ok(stored.includes(`:${lexeme}`), `${lexeme.slice(0, 30)} recorded as written`);
      }
      assert.equal(received.includes('json-number'), false, 'no placeholder reaches the wire');
    });

    it('sends through the injected fetch', async () => {
      server().respondTo(subject.callPath, { body: subject.answer });
      const fetched: string[] = [];
      await adapter(
        {},
        {
          fetch: (input, init) => {
            fetched.push(String(input instanceof Request ? input.url : input));
            return fetch(input, init);
          },
        },
      ).call(subject.callRequest);
      assert.equal(fetched.length, 1);
      assert.ok(fetched[0]?.startsWith(server().baseUrl));
    });

    it('sends no tools and no response format when the template has none', async () => {
      server().respondTo(subject.callPath, { body: subject.answer });
      const { requestSent } = await adapter().call({
        ...subject.callRequest,
        toolsSpec: [],
        responseFormat: null,
      });
      const sent = JSON.stringify(requestSent);
      for (const name of ['tools', 'response_format', 'responseMimeType']) {
        assert.equal(sent.includes(`"${name}"`), false, name);
      }
    });

    it('probes with one request and falls back to the requested model without a version', async () => {
      server().respondTo(subject.callPath, { body: subject.unversionedAnswer });
      const probe = await adapter().probeVersion({
        model: subject.callRequest.model,
        systemInstructions: null,
        inferenceParams: {},
      });
      assert.equal(probe.versionKey, subject.callRequest.model);
      assert.equal(server().requests.length, 1);
    });
  });
}

/** 20 digits (past 2^64) and 400 digits (past the largest double): JSON.stringify loses both. */
const bigInteger = '12345678901234567890';
const hugeInteger = `9${'0'.repeat(399)}`;
const exactNumberLexemes = [bigInteger, hugeInteger, '-0.0', '1.0', '2.50'];

/** A function tool whose JSON Schema holds numbers only their lexemes describe. */
const exactNumbersTool = `{"type":"function","function":{"name":"score","description":"Scores.","parameters":{"type":"object","properties":{"n":{"type":"number","default":${bigInteger},"maximum":${hugeInteger},"minimum":-0.0,"multipleOf":1.0,"example":2.50}}}}}`;

function exactObject(text: string): JsonObject {
  const value = parseLosslessJson(text);
  assert.ok(isJsonObject(value));
  return value;
}
