// Real: the adapter, the @anthropic-ai/sdk client and HTTP over 127.0.0.1. Fake: the Anthropic
// API, played by a local server answering with recorded response shapes (anthropic.fixtures.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerErrorCases } from '../../../test/helpers/provider-error-cases.ts';
import { providerErrorOf } from '../../../test/helpers/provider-error-of.ts';
import { providerTestHarness } from '../../../test/helpers/provider-test-harness.ts';
import {
  anthropicCallRequest,
  anthropicTestSubject,
  invalidRequestError,
  overloadedError,
} from './anthropic.fixtures.ts';

describe('createAnthropicProvider', () => {
  providerErrorCases(anthropicTestSubject);

  describe('call failures', () => {
    const { server, adapter } = providerTestHarness(anthropicTestSubject);

    it("keeps Anthropic's whole error body and its request-id", async () => {
      server().respondTo(anthropicTestSubject.callPath, {
        status: 400,
        headers: { 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' },
        body: invalidRequestError,
      });
      const error = await providerErrorOf(adapter().call(anthropicCallRequest));
      assert.deepEqual(error.body, invalidRequestError);
      assert.equal(error.headers['request-id'], 'req_011CSHoEeqs5C35K2UUqR7Fy');
      assert.match(error.message, /temperature/);
    });

    it('maps a 529 overloaded_error to a retryable http_error', async () => {
      server().respondTo(anthropicTestSubject.callPath, { status: 529, body: overloadedError });
      const error = await providerErrorOf(adapter().call(anthropicCallRequest));
      assert.equal(error.kind, 'http_error');
      assert.equal(error.status, 529);
      assert.equal(error.retryable, true);
      assert.deepEqual(error.body, overloadedError);
    });

    it('reports a 200 error envelope as malformed_response', async () => {
      server().respondTo(anthropicTestSubject.callPath, { body: overloadedError });
      const error = await providerErrorOf(adapter().call(anthropicCallRequest));
      assert.equal(error.kind, 'malformed_response');
      assert.deepEqual(error.body, overloadedError);
      assert.match(error.message, /^Anthropic answered 200 with a body that is not a message/);
    });
  });
});
