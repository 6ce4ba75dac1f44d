// Real: the adapter, the @google/genai SDK and HTTP over 127.0.0.1. Fake: the Gemini API, played
// by a local server answering with recorded response shapes (google.fixtures.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerErrorCases } from '../../../test/helpers/provider-error-cases.ts';
import { providerErrorOf } from '../../../test/helpers/provider-error-of.ts';
import { providerTestHarness } from '../../../test/helpers/provider-test-harness.ts';
import { googleCallRequest, googleTestSubject, quotaExceededError } from './google.fixtures.ts';

describe('createGoogleProvider', () => {
  providerErrorCases(googleTestSubject);

  describe('call failures', () => {
    const { server, adapter } = providerTestHarness(googleTestSubject);

    it("falls back to the body's RetryInfo when there is no Retry-After", async () => {
      server().respondTo(googleTestSubject.callPath, { status: 429, body: quotaExceededError });
      const error = await providerErrorOf(adapter().call(googleCallRequest));
      assert.equal(error.retryAfterMs, 12_000);
    });

    it('names the status and the error message of the body', async () => {
      server().respondTo(googleTestSubject.callPath, { status: 429, body: quotaExceededError });
      const error = await providerErrorOf(adapter().call(googleCallRequest));
      assert.match(error.message, /^Gemini answered 429: You exceeded your current quota/);
    });

    it('reports a 200 with truncated JSON as malformed_response', async () => {
      server().respondTo(googleTestSubject.callPath, {
        rawBody: '{"candidates": [',
        headers: { 'content-type': 'application/json' },
      });
      const error = await providerErrorOf(adapter().call(googleCallRequest));
      assert.equal(error.kind, 'malformed_response');
      assert.equal(error.body, '{"candidates": [');
    });

    it('reports a 200 JSON body with neither candidates nor promptFeedback as malformed', async () => {
      server().respondTo(googleTestSubject.callPath, {
        body: { modelVersion: 'gemini-2.0-flash-001' },
      });
      const error = await providerErrorOf(adapter().call(googleCallRequest));
      assert.equal(error.kind, 'malformed_response');
      assert.match(error.message, /^Gemini answered 200 with a body that is not a generateContent/);
    });
  });
});
