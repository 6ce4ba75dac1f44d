// Real: the adapter, the @anthropic-ai/sdk client and HTTP over 127.0.0.1. Fake: the Anthropic
// API, played by a local server answering with recorded response shapes (anthropic.fixtures.ts).
import { describe } from 'node:test';
import { providerSecrecyCases } from '../../../test/helpers/provider-secrecy-cases.ts';
import { anthropicTestSubject } from './anthropic.fixtures.ts';

describe('createAnthropicProvider', () => {
  providerSecrecyCases(anthropicTestSubject);
});
