// Real: the adapter, the openai SDK's AzureOpenAI client and HTTP over 127.0.0.1. Fake: an Azure
// OpenAI resource, played by a local server answering with recorded shapes
// (azure-openai.fixtures.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerErrorCases } from '../../../test/helpers/provider-error-cases.ts';
import { providerErrorOf } from '../../../test/helpers/provider-error-of.ts';
import { providerTestHarness } from '../../../test/helpers/provider-test-harness.ts';
import {
  azureCallRequest,
  azureTestSubject,
  deploymentNotFoundError,
} from './azure-openai.fixtures.ts';

describe('createAzureOpenAiProvider', () => {
  providerErrorCases(azureTestSubject);

  describe('call failures', () => {
    const { server, adapter } = providerTestHarness(azureTestSubject);

    it('maps a 404 DeploymentNotFound with its body, not retryable', async () => {
      server().respondTo(azureTestSubject.callPath, { status: 404, body: deploymentNotFoundError });
      const error = await providerErrorOf(adapter().call(azureCallRequest));
      assert.equal(error.kind, 'http_error');
      assert.equal(error.status, 404);
      assert.deepEqual(error.body, deploymentNotFoundError);
      assert.equal(error.retryable, false);
    });

    it('reports a 200 that is not a chat completion as malformed_response', async () => {
      server().respondTo(azureTestSubject.callPath, { body: { status: 'ok' } });
      const error = await providerErrorOf(adapter().call(azureCallRequest));
      assert.equal(error.kind, 'malformed_response');
      assert.deepEqual(error.body, { status: 'ok' });
      assert.match(error.message, /^Azure OpenAI answered 200/);
    });

    it('names AZURE_OPENAI_ENDPOINT when the key is set but the endpoint is not', async () => {
      const error = await providerErrorOf(adapter({ endpoint: null }).call(azureCallRequest));
      assert.equal(error.kind, 'not_configured');
      assert.match(error.message, /^AZURE_OPENAI_ENDPOINT is not set/);
      assert.equal(server().requests.length, 0);
    });
  });
});
