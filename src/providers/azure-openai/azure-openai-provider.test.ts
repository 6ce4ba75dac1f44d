// Real: the adapter, the openai SDK's AzureOpenAI client and HTTP over 127.0.0.1. Fake: an Azure
// OpenAI resource, played by a local server answering with recorded shapes
// (azure-openai.fixtures.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerContractCases } from '../../../test/helpers/provider-contract-cases.ts';
import { providerTemplateTools as tools } from '../../../test/helpers/provider-template-tools.ts';
import { providerTestHarness } from '../../../test/helpers/provider-test-harness.ts';
import { emptyVersionParts } from '../provider-contract.ts';
import {
  azureCallRequest,
  azureCompletionWithFingerprint,
  azureCompletionWithoutFingerprint,
  azureTestApiVersion,
  azureTestKey,
  azureTestSubject,
} from './azure-openai.fixtures.ts';

const deploymentPath = azureTestSubject.callPath;

describe('createAzureOpenAiProvider', () => {
  providerContractCases(azureTestSubject);
  const { server, adapter: provider } = providerTestHarness(azureTestSubject);

  describe('call', () => {
    it('posts to the deployment URL with api-version and the api-key header', async () => {
      server().respondTo(deploymentPath, { body: azureCompletionWithFingerprint });
      const result = await provider().call(azureCallRequest);

      const [received] = server().requests;
      assert.equal(received?.path, deploymentPath);
      assert.deepEqual(received?.query, { 'api-version': azureTestApiVersion });
      assert.equal(received?.headers['api-key'], azureTestKey);
      assert.equal(received?.headers['authorization'], undefined);
      // OpenAI's body (tested there); Azure ignores its `model`, which stays as the template's.
      assert.equal(result.requestSent['model'], 'gpt-4o');
    });

    it('returns content, usage, the fingerprint as key and the Azure parts', async () => {
      server().respondTo(deploymentPath, { body: azureCompletionWithFingerprint });
      const result = await provider().call(azureCallRequest);
      assert.equal(result.content, 'Acme makes anvils.');
      assert.deepEqual(result.usage, { promptTokens: 21, completionTokens: 5, totalTokens: 26 });
      assert.equal(result.versionKey, 'fp_b705f0c291');
      assert.deepEqual(result.versionParts, {
        ...emptyVersionParts,
        servedModelId: 'gpt-4o-2024-11-20',
        systemFingerprint: 'fp_b705f0c291',
        azureDeployment: 'prompter-gpt4o',
        azureApiVersion: azureTestApiVersion,
      });
    });

    it('falls back to the served model id when there is no fingerprint', async () => {
      server().respondTo(deploymentPath, { body: azureCompletionWithoutFingerprint });
      const result = await provider().call(azureCallRequest);
      assert.equal(result.versionKey, 'gpt-35-turbo-0125');
      assert.equal(result.versionParts.systemFingerprint, null);
    });

    it('names the deployment after the model id when none is configured', async () => {
      server().respondTo('/openai/deployments/gpt-4o/chat/completions', {
        body: azureCompletionWithFingerprint,
      });
      const result = await provider({ deployment: null }).call(azureCallRequest);
      assert.equal(server().requests[0]?.path, '/openai/deployments/gpt-4o/chat/completions');
      assert.equal(result.versionParts.azureDeployment, 'gpt-4o');
    });

    it("sends the template's tools and response format as OpenAI would", async () => {
      server().respondTo(deploymentPath, { body: azureCompletionWithFingerprint });
      const result = await provider().call({
        ...azureCallRequest,
        toolsSpec: [tools.lookupBrand],
        responseFormat: { type: 'json_object' },
      });
      const body = server().requests[0]?.body as Record<string, unknown>;
      assert.deepEqual(body['tools'], [tools.lookupBrand]);
      assert.deepEqual(body['response_format'], { type: 'json_object' });
      assert.deepEqual(result.requestSent, body);
    });
  });

  describe('probeVersion', () => {
    it('sends one tiny completion to the deployment and returns its key and parts', async () => {
      server().respondTo(deploymentPath, { body: azureCompletionWithoutFingerprint });
      const probe = await provider().probeVersion({
        model: 'gpt-4o',
        systemInstructions: null,
        inferenceParams: { temperature: 0.2, max_tokens: 256 },
      });
      assert.equal(probe.versionKey, 'gpt-35-turbo-0125');
      assert.equal(probe.versionParts.azureDeployment, 'prompter-gpt4o');
      assert.equal(probe.versionParts.azureApiVersion, azureTestApiVersion);
      assert.deepEqual(server().requests[0]?.body, {
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'ping' }],
        temperature: 0.2,
        max_tokens: 1,
      });
    });
  });
});
