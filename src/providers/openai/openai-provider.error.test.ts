// Real: the adapter, the openai SDK and HTTP over 127.0.0.1. Fake: the OpenAI API, played by a
// local server answering with recorded response shapes (openai.fixtures.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerErrorCases } from '../../../test/helpers/provider-error-cases.ts';
import { providerErrorOf } from '../../../test/helpers/provider-error-of.ts';
import { providerTestHarness } from '../../../test/helpers/provider-test-harness.ts';
import { openAiCallRequest, openAiTestSubject } from './openai.fixtures.ts';

describe('createOpenAiProvider', () => {
  providerErrorCases(openAiTestSubject);

  describe('call failures', () => {
    const { server, adapter } = providerTestHarness(openAiTestSubject);

    it('reports a 200 JSON body without choices as malformed_response', async () => {
      const notACompletion = { id: 'chatcmpl-x', object: 'chat.completion' };
      server().respondTo(openAiTestSubject.callPath, { body: notACompletion });
      const error = await providerErrorOf(adapter().call(openAiCallRequest));
      assert.equal(error.kind, 'malformed_response');
      assert.deepEqual(error.body, notACompletion);
      assert.match(error.message, /^OpenAI answered 200 with a body that is not a chat completion/);
    });
  });
});
