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
  anthropicTestSettings,
  apiError,
  invalidRequestError,
  messageResponse,
  overloadedError,
  rateLimitError,
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

  describe('call failures', () => {
    it('maps a 400 with its error body, not retryable', async () => {
      server.respondTo(messagesPath, {
        status: 400,
        headers: { 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' },
        body: invalidRequestError,
      });
      const error = await providerError(provider().call(anthropicCallRequest));
      assert.equal(error.kind, 'http_error');
      assert.equal(error.status, 400);
      assert.deepEqual(error.body, invalidRequestError);
      assert.equal(error.headers['request-id'], 'req_011CSHoEeqs5C35K2UUqR7Fy');
      assert.equal(error.retryable, false);
      assert.match(error.message, /temperature/);
    });

    it('maps a 429 with Retry-After: 7 to rate_limited, retryable after 7000 ms', async () => {
      server.respondTo(messagesPath, {
        status: 429,
        headers: { 'retry-after': '7' },
        body: rateLimitError,
      });
      const error = await providerError(provider().call(anthropicCallRequest));
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.retryable, true);
      assert.equal(error.retryAfterMs, 7000);
      assert.equal(server.requests.length, 1, 'the SDK must not retry');
    });

    it('maps a 500 and a 529 overloaded to retryable http_errors', async () => {
      server.respondTo(
        messagesPath,
        { status: 500, body: apiError },
        { status: 529, body: overloadedError },
      );
      const internal = await providerError(provider().call(anthropicCallRequest));
      assert.equal(internal.status, 500);
      assert.equal(internal.retryable, true);
      const overloaded = await providerError(provider().call(anthropicCallRequest));
      assert.equal(overloaded.status, 529);
      assert.equal(overloaded.retryable, true);
      assert.deepEqual(overloaded.body, overloadedError);
      assert.equal(server.requests.length, 2);
    });

    it('honours x-should-retry over the status', async () => {
      server.respondTo(messagesPath, {
        status: 500,
        headers: { 'x-should-retry': 'false' },
        body: apiError,
      });
      const error = await providerError(provider().call(anthropicCallRequest));
      assert.equal(error.retryable, false);
    });

    it('gives up after callTimeoutMs with a retryable timeout', async () => {
      server.respondTo(messagesPath, { delayMs: 2_000, body: messageResponse });
      const started = Date.now();
      const error = await providerError(
        provider({ callTimeoutMs: 100 }).call(anthropicCallRequest),
      );
      assert.equal(error.kind, 'timeout');
      assert.equal(error.retryable, true);
      assert.ok(Date.now() - started < 1_500, 'the timeout must not wait for the server');
    });

    it('reports an abort by the caller as a timeout that is not retried', async () => {
      server.respondTo(messagesPath, { delayMs: 2_000, body: messageResponse });
      const error = await providerError(
        provider().call({ ...anthropicCallRequest, signal: AbortSignal.timeout(50) }),
      );
      assert.equal(error.kind, 'timeout');
      assert.equal(error.retryable, false);
    });

    it('reports a 200 that is not a message as malformed_response', async () => {
      server.respondTo(messagesPath, {
        rawBody: 'upstream connect error or disconnect/reset before headers',
        headers: { 'content-type': 'text/plain' },
      });
      const error = await providerError(provider().call(anthropicCallRequest));
      assert.equal(error.kind, 'malformed_response');
      assert.equal(error.status, 200);
      assert.equal(error.body, 'upstream connect error or disconnect/reset before headers');
    });

    it('names ANTHROPIC_API_KEY when it is not set, without sending anything', async () => {
      const error = await providerError(provider({ apiKey: null }).call(anthropicCallRequest));
      assert.equal(error.kind, 'not_configured');
      assert.equal(error.retryable, false);
      assert.match(error.message, /^ANTHROPIC_API_KEY is not set/);
      assert.equal(server.requests.length, 0);
    });
  });
});
