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
  invalidTemperatureError,
  openAiCallRequest,
  openAiTestSettings,
  rateLimitError,
  serverError,
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

  describe('call failures', () => {
    it('maps a 400 with its error body, not retryable, sending exactly one request', async () => {
      server.respondTo(completionsPath, {
        status: 400,
        headers: { 'x-request-id': 'req_400' },
        body: invalidTemperatureError,
      });
      const error = await providerError(provider().call(openAiCallRequest));
      assert.equal(error.kind, 'http_error');
      assert.equal(error.status, 400);
      assert.deepEqual(error.body, invalidTemperatureError);
      assert.equal(error.headers['x-request-id'], 'req_400');
      assert.equal(error.retryable, false);
      assert.match(error.message, /temperature/);
      assert.equal(server.requests.length, 1);
    });

    it('maps a 429 with Retry-After: 7 to rate_limited, retryable after 7000 ms', async () => {
      server.respondTo(completionsPath, {
        status: 429,
        headers: { 'retry-after': '7' },
        body: rateLimitError,
      });
      const error = await providerError(provider().call(openAiCallRequest));
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.status, 429);
      assert.equal(error.retryable, true);
      assert.equal(error.retryAfterMs, 7000);
      assert.deepEqual(error.body, rateLimitError);
      assert.equal(server.requests.length, 1, 'the SDK must not retry');
    });

    it('prefers retry-after-ms when the provider sends it', async () => {
      server.respondTo(completionsPath, {
        status: 429,
        headers: { 'retry-after': '7', 'retry-after-ms': '6500' },
        body: rateLimitError,
      });
      const error = await providerError(provider().call(openAiCallRequest));
      assert.equal(error.retryAfterMs, 6500);
    });

    it('maps a 500 to a retryable http_error without retrying it itself', async () => {
      server.respondTo(completionsPath, { status: 500, body: serverError });
      const error = await providerError(provider().call(openAiCallRequest));
      assert.equal(error.kind, 'http_error');
      assert.equal(error.status, 500);
      assert.equal(error.retryable, true);
      assert.equal(error.retryAfterMs, null);
      assert.equal(server.requests.length, 1);
    });

    it('gives up after callTimeoutMs with a retryable timeout', async () => {
      server.respondTo(completionsPath, { delayMs: 2_000, body: chatCompletionWithFingerprint });
      const started = Date.now();
      const error = await providerError(provider({ callTimeoutMs: 100 }).call(openAiCallRequest));
      assert.equal(error.kind, 'timeout');
      assert.equal(error.retryable, true);
      assert.ok(Date.now() - started < 1_500, 'the timeout must not wait for the server');
    });

    it('reports an abort by the caller as a timeout that is not retried', async () => {
      server.respondTo(completionsPath, { delayMs: 2_000, body: chatCompletionWithFingerprint });
      const error = await providerError(
        provider().call({ ...openAiCallRequest, signal: AbortSignal.timeout(50) }),
      );
      assert.equal(error.kind, 'timeout');
      assert.equal(error.retryable, false);
    });

    it('maps an unreachable endpoint to a retryable network_error', async () => {
      const closed = await startFakeProviderServer();
      await closed.close();
      const unreachable = createOpenAiProvider(openAiTestSettings(`${closed.baseUrl}/v1`));
      const error = await providerError(unreachable.call(openAiCallRequest));
      assert.equal(error.kind, 'network_error');
      assert.equal(error.retryable, true);
    });

    it('reports a 200 that is not JSON as malformed_response', async () => {
      server.respondTo(completionsPath, {
        rawBody: '<html><body>502 Bad Gateway</body></html>',
        headers: { 'content-type': 'text/html' },
      });
      const error = await providerError(provider().call(openAiCallRequest));
      assert.equal(error.kind, 'malformed_response');
      assert.equal(error.status, 200);
      assert.equal(error.body, '<html><body>502 Bad Gateway</body></html>');
      assert.equal(error.retryable, false);
    });

    it('reports a 200 JSON body without choices as malformed_response', async () => {
      server.respondTo(completionsPath, { body: { id: 'chatcmpl-x', object: 'chat.completion' } });
      const error = await providerError(provider().call(openAiCallRequest));
      assert.equal(error.kind, 'malformed_response');
      assert.deepEqual(error.body, { id: 'chatcmpl-x', object: 'chat.completion' });
    });

    it('names OPENAI_API_KEY when it is not set, without sending anything', async () => {
      const error = await providerError(provider({ apiKey: null }).call(openAiCallRequest));
      assert.equal(error.kind, 'not_configured');
      assert.equal(error.retryable, false);
      assert.match(error.message, /^OPENAI_API_KEY is not set/);
      assert.equal(server.requests.length, 0);
    });
  });
});
