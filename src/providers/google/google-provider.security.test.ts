// Real: the adapter, the @google/genai SDK and HTTP over 127.0.0.1. Fake: the Gemini API, played
// by a local server answering with recorded response shapes (google.fixtures.ts).
import { describe } from 'node:test';
import { providerSecrecyCases } from '../../../test/helpers/provider-secrecy-cases.ts';
import { googleTestSubject } from './google.fixtures.ts';

describe('createGoogleProvider', () => {
  providerSecrecyCases(googleTestSubject);
});
