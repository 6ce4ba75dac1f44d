// Real: the adapter, the openai SDK's AzureOpenAI client and HTTP over 127.0.0.1. Fake: an Azure
// OpenAI resource, played by a local server answering with recorded shapes
// (azure-openai.fixtures.ts).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  startFakeProviderServer,
  type FakeProviderServer,
} from '../../../test/helpers/fake-provider-server.ts';
import { ProviderError } from '../provider-error.ts';
import { createAzureOpenAiProvider } from './azure-openai-provider.ts';
import {
  azureCallRequest,
  azureCompletionWithFingerprint,
  azureTestSettings,
  deploymentNotFoundError,
  rateLimitError,
  serverError,
} from './azure-openai.fixtures.ts';

const deploymentPath = '/openai/deployments/prompter-gpt4o/chat/completions';

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('createAzureOpenAiProvider', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startFakeProviderServer();
  });
  afterEach(async () => {
    await server.close();
  });
  const provider = (overrides?: Parameters<typeof azureTestSettings>[1]) =>
    createAzureOpenAiProvider(azureTestSettings(`${server.baseUrl}/`, overrides));

  describe('call failures', () => {
    it('maps a 404 DeploymentNotFound with its body, not retryable', async () => {
      server.respondTo(deploymentPath, { status: 404, body: deploymentNotFoundError });
      const error = await providerError(provider().call(azureCallRequest));
      assert.equal(error.provider, 'azure-openai');
      assert.equal(error.kind, 'http_error');
      assert.equal(error.status, 404);
      assert.deepEqual(error.body, deploymentNotFoundError);
      assert.equal(error.retryable, false);
    });

    it('maps a 429 with Retry-After: 7 to rate_limited, retryable after 7000 ms', async () => {
      server.respondTo(deploymentPath, {
        status: 429,
        headers: { 'retry-after': '7' },
        body: rateLimitError,
      });
      const error = await providerError(provider().call(azureCallRequest));
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.retryable, true);
      assert.equal(error.retryAfterMs, 7000);
      assert.equal(server.requests.length, 1, 'the SDK must not retry');
    });

    it('maps a 500 to a retryable http_error', async () => {
      server.respondTo(deploymentPath, { status: 500, body: serverError });
      const error = await providerError(provider().call(azureCallRequest));
      assert.equal(error.status, 500);
      assert.equal(error.retryable, true);
      assert.equal(server.requests.length, 1);
    });

    it('gives up after callTimeoutMs with a retryable timeout', async () => {
      server.respondTo(deploymentPath, { delayMs: 2_000, body: azureCompletionWithFingerprint });
      const error = await providerError(provider({ callTimeoutMs: 100 }).call(azureCallRequest));
      assert.equal(error.kind, 'timeout');
      assert.equal(error.retryable, true);
    });

    it('reports a 200 that is not a chat completion as malformed_response', async () => {
      server.respondTo(deploymentPath, { body: { status: 'ok' } });
      const error = await providerError(provider().call(azureCallRequest));
      assert.equal(error.kind, 'malformed_response');
      assert.equal(error.provider, 'azure-openai');
      assert.deepEqual(error.body, { status: 'ok' });
    });

    it('names AZURE_OPENAI_API_KEY, then AZURE_OPENAI_ENDPOINT, when missing', async () => {
      const noKey = await providerError(provider({ apiKey: null }).call(azureCallRequest));
      assert.equal(noKey.kind, 'not_configured');
      assert.equal(noKey.retryable, false);
      assert.match(noKey.message, /^AZURE_OPENAI_API_KEY is not set/);
      const noEndpoint = await providerError(provider({ endpoint: null }).call(azureCallRequest));
      assert.equal(noEndpoint.kind, 'not_configured');
      assert.match(noEndpoint.message, /^AZURE_OPENAI_ENDPOINT is not set/);
      assert.equal(server.requests.length, 0);
    });
  });
});
