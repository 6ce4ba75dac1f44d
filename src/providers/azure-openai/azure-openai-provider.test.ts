// Real: the adapter, the openai SDK's AzureOpenAI client and HTTP over 127.0.0.1. Fake: an Azure
// OpenAI resource, played by a local server answering with recorded shapes
// (azure-openai.fixtures.ts).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  startFakeProviderServer,
  type FakeProviderServer,
} from '../../../test/helpers/fake-provider-server.ts';
import { createAzureOpenAiProvider } from './azure-openai-provider.ts';
import {
  azureCallRequest,
  azureCompletionWithFingerprint,
  azureCompletionWithoutFingerprint,
  azureTestApiVersion,
  azureTestKey,
  azureTestSettings,
} from './azure-openai.fixtures.ts';

const deploymentPath = '/openai/deployments/prompter-gpt4o/chat/completions';

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

  describe('call', () => {
    it('posts to the deployment URL with api-version and the api-key header', async () => {
      server.respondTo(deploymentPath, { body: azureCompletionWithFingerprint });
      const result = await provider().call(azureCallRequest);

      assert.equal(server.requests.length, 1);
      const [received] = server.requests;
      assert.equal(received?.method, 'POST');
      assert.equal(received?.path, deploymentPath);
      assert.deepEqual(received?.query, { 'api-version': azureTestApiVersion });
      assert.equal(received?.headers['api-key'], azureTestKey);
      assert.equal(received?.headers['authorization'], undefined);
      assert.deepEqual(result.requestSent, received?.body);
      assert.deepEqual(result.requestSent, {
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: 'You are a brand analyst.' },
          { role: 'user', content: 'What is Acme known for?' },
        ],
        temperature: 0.2,
        max_tokens: 256,
      });
    });

    it('returns content, usage, the fingerprint as key and the Azure parts', async () => {
      server.respondTo(deploymentPath, { body: azureCompletionWithFingerprint });
      const result = await provider().call(azureCallRequest);
      assert.equal(result.content, 'Acme makes anvils.');
      assert.deepEqual(result.usage, { promptTokens: 21, completionTokens: 5, totalTokens: 26 });
      assert.equal(result.versionKey, 'fp_b705f0c291');
      assert.deepEqual(result.versionParts, {
        servedModelId: 'gpt-4o-2024-11-20',
        systemFingerprint: 'fp_b705f0c291',
        modelVersion: null,
        serviceTier: null,
        azureDeployment: 'prompter-gpt4o',
        azureApiVersion: azureTestApiVersion,
      });
      assert.deepEqual(result.response, azureCompletionWithFingerprint);
      assert.equal(result.simulated, false);
    });

    it('falls back to the served model id when there is no fingerprint', async () => {
      server.respondTo(deploymentPath, { body: azureCompletionWithoutFingerprint });
      const result = await provider().call(azureCallRequest);
      assert.equal(result.versionKey, 'gpt-35-turbo-0125');
      assert.equal(result.versionParts.systemFingerprint, null);
    });

    it('names the deployment after the model id when none is configured', async () => {
      server.respondTo('/openai/deployments/gpt-4o/chat/completions', {
        body: azureCompletionWithFingerprint,
      });
      const result = await provider({ deployment: null }).call(azureCallRequest);
      assert.equal(server.requests[0]?.path, '/openai/deployments/gpt-4o/chat/completions');
      assert.equal(result.versionParts.azureDeployment, 'gpt-4o');
    });
    it('sends through the injected fetch', async () => {
      server.respondTo(deploymentPath, { body: azureCompletionWithFingerprint });
      const fetched: string[] = [];
      const adapter = createAzureOpenAiProvider(azureTestSettings(`${server.baseUrl}/`), {
        fetch: (input, init) => {
          fetched.push(String(input instanceof Request ? input.url : input));
          return fetch(input, init);
        },
      });
      await adapter.call(azureCallRequest);
      assert.equal(fetched.length, 1);
      assert.ok(fetched[0]?.startsWith(server.baseUrl));
    });
  });

  describe('probeVersion', () => {
    it('sends one tiny completion to the deployment and returns its key and parts', async () => {
      server.respondTo(deploymentPath, { body: azureCompletionWithoutFingerprint });
      const probe = await provider().probeVersion({
        model: 'gpt-4o',
        systemInstructions: null,
        inferenceParams: { temperature: 0.2, max_tokens: 256 },
      });
      assert.equal(probe.versionKey, 'gpt-35-turbo-0125');
      assert.equal(probe.versionParts.azureDeployment, 'prompter-gpt4o');
      assert.equal(probe.versionParts.azureApiVersion, azureTestApiVersion);
      assert.deepEqual(server.requests[0]?.body, {
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'ping' }],
        temperature: 0.2,
        max_tokens: 1,
      });
    });
  });
});
