// Real: the adapter, the @anthropic-ai/sdk client and HTTP over 127.0.0.1. Fake: the Anthropic
// API, played by a local server answering with recorded response shapes (anthropic.fixtures.ts).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  startFakeProviderServer,
  type FakeProviderServer,
} from '../../../test/helpers/fake-provider-server.ts';
import { ProviderError } from '../provider-error.ts';
import { createAnthropicProvider } from './anthropic-provider.ts';
import {
  anthropicCallRequest,
  anthropicTestKey,
  anthropicTestSettings,
  authenticationError,
  messageResponse,
} from './anthropic.fixtures.ts';

const messagesPath = '/v1/messages';

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

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

  describe('secrecy', () => {
    it('keeps the API key out of requestSent, response and errors', async () => {
      server.respondTo(messagesPath, { body: messageResponse });
      const result = await provider().call(anthropicCallRequest);
      assert.equal(JSON.stringify(result.requestSent).includes(anthropicTestKey), false);
      assert.equal(JSON.stringify(result.response).includes(anthropicTestKey), false);
      const sentHeaders = JSON.stringify(server.requests[0]?.headers);
      assert.ok(sentHeaders.includes(anthropicTestKey), 'the key goes out in a header only');

      server.respondTo(messagesPath, {
        status: 401,
        headers: { 'x-api-key': anthropicTestKey, 'x-echoed': anthropicTestKey },
        body: authenticationError(anthropicTestKey),
      });
      const error = await providerError(provider().call(anthropicCallRequest));
      assert.equal(error.status, 401);
      for (const shown of [
        JSON.stringify(error.toJSON()),
        error.message,
        JSON.stringify(error.headers),
      ]) {
        assert.equal(shown.includes(anthropicTestKey), false, shown);
      }
      assert.equal(error.headers['x-api-key'], undefined);
    });
  });
});
