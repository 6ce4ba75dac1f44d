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
  googleTestSettings,
  internalError,
  invalidArgumentError,
  quotaExceededError,
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

  describe('call failures', () => {
    it('maps a 400 with its error body and headers, not retryable', async () => {
      server.respondTo(flashPath, {
        status: 400,
        headers: { 'x-request-trace': 'trace-400' },
        body: invalidArgumentError,
      });
      const error = await providerError(provider().call(googleCallRequest));
      assert.equal(error.kind, 'http_error');
      assert.equal(error.status, 400);
      assert.deepEqual(error.body, invalidArgumentError);
      assert.equal(error.headers['x-request-trace'], 'trace-400');
      assert.equal(error.retryable, false);
      assert.match(error.message, /temperature/);
    });

    it('maps a 429 with Retry-After: 7 to rate_limited, retryable after 7000 ms', async () => {
      server.respondTo(flashPath, {
        status: 429,
        headers: { 'retry-after': '7' },
        body: quotaExceededError,
      });
      const error = await providerError(provider().call(googleCallRequest));
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.status, 429);
      assert.equal(error.retryable, true);
      assert.equal(error.retryAfterMs, 7000);
      assert.equal(server.requests.length, 1, 'the SDK must not retry');
    });

    it("falls back to the body's RetryInfo when there is no Retry-After", async () => {
      server.respondTo(flashPath, { status: 429, body: quotaExceededError });
      const error = await providerError(provider().call(googleCallRequest));
      assert.equal(error.retryAfterMs, 12_000);
    });

    it('maps a 500 to a retryable http_error', async () => {
      server.respondTo(flashPath, { status: 500, body: internalError });
      const error = await providerError(provider().call(googleCallRequest));
      assert.equal(error.status, 500);
      assert.equal(error.retryable, true);
      assert.deepEqual(error.body, internalError);
      assert.equal(server.requests.length, 1);
    });

    it('gives up after callTimeoutMs with a retryable timeout', async () => {
      server.respondTo(flashPath, { delayMs: 2_000, body: generateContentResponse });
      const started = Date.now();
      const error = await providerError(provider({ callTimeoutMs: 100 }).call(googleCallRequest));
      assert.equal(error.kind, 'timeout');
      assert.equal(error.retryable, true);
      assert.ok(Date.now() - started < 1_500, 'the timeout must not wait for the server');
    });

    it('reports an abort by the caller as a timeout that is not retried', async () => {
      server.respondTo(flashPath, { delayMs: 2_000, body: generateContentResponse });
      const error = await providerError(
        provider().call({ ...googleCallRequest, signal: AbortSignal.timeout(50) }),
      );
      assert.equal(error.kind, 'timeout');
      assert.equal(error.retryable, false);
    });

    it('maps an unreachable endpoint to a retryable network_error', async () => {
      const closed = await startFakeProviderServer();
      await closed.close();
      const error = await providerError(
        createGoogleProvider(googleTestSettings(closed.baseUrl)).call(googleCallRequest),
      );
      assert.equal(error.kind, 'network_error');
      assert.equal(error.retryable, true);
    });

    it('reports a 200 that is not JSON as malformed_response', async () => {
      server.respondTo(flashPath, {
        rawBody: '{"candidates": [',
        headers: { 'content-type': 'application/json' },
      });
      const error = await providerError(provider().call(googleCallRequest));
      assert.equal(error.kind, 'malformed_response');
      assert.equal(error.status, 200);
      assert.equal(error.body, '{"candidates": [');
    });

    it('reports a 200 JSON body with neither candidates nor promptFeedback as malformed', async () => {
      server.respondTo(flashPath, { body: { modelVersion: 'gemini-2.0-flash-001' } });
      const error = await providerError(provider().call(googleCallRequest));
      assert.equal(error.kind, 'malformed_response');
    });

    it('names GOOGLE_API_KEY (or GEMINI_API_KEY) when neither is set', async () => {
      const error = await providerError(provider({ apiKey: null }).call(googleCallRequest));
      assert.equal(error.kind, 'not_configured');
      assert.equal(error.retryable, false);
      assert.match(error.message, /^GOOGLE_API_KEY \(or GEMINI_API_KEY\) is not set/);
      assert.equal(server.requests.length, 0);
    });
  });
});
