// Real: the adapter, the @google/genai SDK and HTTP over 127.0.0.1. Fake: the Gemini API, played
// by a local server answering with recorded response shapes (google.fixtures.ts).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  startFakeProviderServer,
  type FakeProviderServer,
} from '../../../test/helpers/fake-provider-server.ts';
import { ProviderError } from '../provider-error.ts';
import { createGoogleProvider } from './google-provider.ts';
import {
  generateContentResponse,
  googleCallRequest,
  googleTestKey,
  googleTestSettings,
  invalidApiKeyError,
} from './google.fixtures.ts';

const flashPath = '/v1beta/models/gemini-2.0-flash:generateContent';

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

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

  describe('secrecy', () => {
    it('keeps the API key out of requestSent, response and errors', async () => {
      server.respondTo(flashPath, { body: generateContentResponse });
      const result = await provider().call(googleCallRequest);
      assert.equal(JSON.stringify(result.requestSent).includes(googleTestKey), false);
      assert.equal(JSON.stringify(result.response).includes(googleTestKey), false);

      server.respondTo(flashPath, {
        status: 400,
        headers: { 'x-goog-api-key': googleTestKey, 'x-echoed': googleTestKey },
        body: invalidApiKeyError(googleTestKey),
      });
      const error = await providerError(provider().call(googleCallRequest));
      assert.equal(error.status, 400);
      for (const shown of [
        JSON.stringify(error.toJSON()),
        error.message,
        JSON.stringify(error.headers),
      ]) {
        assert.equal(shown.includes(googleTestKey), false, shown);
      }
      assert.equal(error.headers['x-goog-api-key'], undefined);
    });
  });
});
