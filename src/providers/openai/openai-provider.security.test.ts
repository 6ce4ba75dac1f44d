// Real: the adapter, the openai SDK and HTTP over 127.0.0.1. Fake: the OpenAI API, played by a
// local server answering with recorded response shapes (openai.fixtures.ts).
import { describe } from 'node:test';
import { providerSecrecyCases } from '../../../test/helpers/provider-secrecy-cases.ts';
import { openAiTestSubject } from './openai.fixtures.ts';

describe('createOpenAiProvider', () => {
  providerSecrecyCases(openAiTestSubject);
});
