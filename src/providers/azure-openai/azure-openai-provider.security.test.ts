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
  azureTestKey,
  azureTestSettings,
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

  describe('secrecy', () => {
    it('keeps the API key out of requestSent, response and errors', async () => {
      server.respondTo(deploymentPath, { body: azureCompletionWithFingerprint });
      const result = await provider().call(azureCallRequest);
      assert.equal(JSON.stringify(result.requestSent).includes(azureTestKey), false);
      assert.equal(JSON.stringify(result.response).includes(azureTestKey), false);

      server.respondTo(deploymentPath, {
        status: 401,
        headers: { 'api-key': azureTestKey, 'x-echoed': `key=${azureTestKey}` },
        body: { error: { code: '401', message: `Access denied for key ${azureTestKey}.` } },
      });
      const error = await providerError(provider().call(azureCallRequest));
      assert.equal(error.status, 401);
      for (const shown of [
        JSON.stringify(error.toJSON()),
        error.message,
        JSON.stringify(error.headers),
      ]) {
        assert.equal(shown.includes(azureTestKey), false, shown);
      }
      assert.equal(error.headers['api-key'], undefined);
    });
  });
});
