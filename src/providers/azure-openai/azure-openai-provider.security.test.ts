// Real: the adapter, the openai SDK's AzureOpenAI client and HTTP over 127.0.0.1. Fake: an Azure
// OpenAI resource, played by a local server answering with recorded shapes
// (azure-openai.fixtures.ts).
import { describe } from 'node:test';
import { providerSecrecyCases } from '../../../test/helpers/provider-secrecy-cases.ts';
import { azureTestSubject } from './azure-openai.fixtures.ts';

describe('createAzureOpenAiProvider', () => {
  providerSecrecyCases(azureTestSubject);
});
