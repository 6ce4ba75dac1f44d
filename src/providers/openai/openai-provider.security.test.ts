// Real: the adapter, the openai SDK and HTTP over 127.0.0.1. Fake: the OpenAI API, played by a
// local server answering with recorded response shapes (openai.fixtures.ts).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  startFakeProviderServer,
  type FakeProviderServer,
} from '../../../test/helpers/fake-provider-server.ts';
import { ProviderError } from '../provider-error.ts';
import { createOpenAiProvider } from './openai-provider.ts';
import {
  chatCompletionWithFingerprint,
  invalidApiKeyError,
  openAiCallRequest,
  openAiTestKey,
  openAiTestSettings,
} from './openai.fixtures.ts';

const completionsPath = '/v1/chat/completions';

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

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

  describe('secrecy', () => {
    it('keeps the API key out of requestSent and response', async () => {
      server.respondTo(completionsPath, { body: chatCompletionWithFingerprint });
      const result = await provider().call(openAiCallRequest);
      assert.equal(JSON.stringify(result.requestSent).includes(openAiTestKey), false);
      assert.equal(JSON.stringify(result.response).includes(openAiTestKey), false);
    });

    it('keeps the API key out of an error even when the server echoes it back', async () => {
      server.respondTo(completionsPath, {
        status: 401,
        headers: { 'x-echoed-key': openAiTestKey, 'api-key': openAiTestKey, 'set-cookie': 'a=b' },
        body: invalidApiKeyError(openAiTestKey),
      });
      const error = await providerError(provider().call(openAiCallRequest));
      assert.equal(error.status, 401);
      assert.equal(error.retryable, false);
      for (const shown of [
        JSON.stringify(error.toJSON()),
        error.message,
        JSON.stringify(error.headers),
      ]) {
        assert.equal(shown.includes(openAiTestKey), false, shown);
      }
      assert.equal(error.headers['api-key'], undefined);
      assert.equal(error.headers['set-cookie'], undefined);
      assert.equal(error.headers['x-echoed-key'], '[redacted]');
    });
  });
});
