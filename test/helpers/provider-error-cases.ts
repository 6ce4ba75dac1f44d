import type { JsonObject } from '../../src/core/json/lossless-json.ts';
// The failures every live adapter maps the same way (STYLE point 9), as a table run per provider:
// each row queues an answer on the fake server, makes the subject's usual call, and checks the
// ProviderError. Provider-specific failures stay in each adapter's own error test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  providerLabels,
  type ModelCallRequest,
  type ModelProvider,
  type ProviderRegistry,
} from '../../src/providers/provider-contract.ts';
import type { ProviderError } from '../../src/providers/provider-error.ts';
import { callModel } from '../../src/runs/call-model.ts';
import { startFakeProviderServer, type CannedResponse } from './fake-provider-server.ts';
import { providerErrorOf } from './provider-error-of.ts';
import { providerTestHarness } from './provider-test-harness.ts';
import type { ProviderTestSubject } from './provider-test-subject.ts';

type CheckedFields = Pick<
  ProviderError,
  'kind' | 'status' | 'body' | 'headers' | 'retryable' | 'retryAfterMs'
>;

interface AnsweredFailure {
  readonly title: string;
  readonly answer: (subject: ProviderTestSubject) => CannedResponse;
  /** The fields the ProviderError must have; `headers` are checked by name. */
  readonly expected: (subject: ProviderTestSubject) => Partial<CheckedFields>;
}

const answeredFailures: readonly AnsweredFailure[] = [
  {
    title: 'maps a 400 with its error body and headers, not retryable',
    answer: (subject) => ({
      status: 400,
      headers: { 'x-request-id': 'req_400' },
      body: subject.badRequestBody,
    }),
    expected: (subject) => ({
      kind: 'http_error',
      status: 400,
      body: subject.badRequestBody,
      headers: { 'x-request-id': 'req_400' },
      retryable: false,
    }),
  },
  {
    title: 'maps a 429 with Retry-After: 7 to rate_limited, retryable after 7000 ms',
    answer: (subject) => ({
      status: 429,
      headers: { 'retry-after': '7' },
      body: subject.rateLimitedBody,
    }),
    expected: (subject) => ({
      kind: 'rate_limited',
      status: 429,
      body: subject.rateLimitedBody,
      retryable: true,
      retryAfterMs: 7000,
    }),
  },
  {
    title: 'prefers retry-after-ms to Retry-After',
    answer: (subject) => ({
      status: 429,
      headers: { 'retry-after': '7', 'retry-after-ms': '6500' },
      body: subject.rateLimitedBody,
    }),
    expected: () => ({ kind: 'rate_limited', retryAfterMs: 6500 }),
  },
  {
    title: 'maps a 500 to a retryable http_error',
    answer: (subject) => ({ status: 500, body: subject.serverErrorBody }),
    expected: (subject) => ({
      kind: 'http_error',
      status: 500,
      body: subject.serverErrorBody,
      retryable: true,
      retryAfterMs: null,
    }),
  },
  {
    title: 'honours x-should-retry: false over the status',
    answer: (subject) => ({
      status: 500,
      headers: { 'x-should-retry': 'false' },
      body: subject.serverErrorBody,
    }),
    expected: () => ({ status: 500, retryable: false }),
  },
  {
    title: 'reports a 200 that is not JSON as malformed_response',
    answer: () => ({
      rawBody: '<html><body>502 Bad Gateway</body></html>',
      headers: { 'content-type': 'text/html' },
    }),
    expected: () => ({
      kind: 'malformed_response',
      status: 200,
      body: '<html><body>502 Bad Gateway</body></html>',
      retryable: false,
    }),
  },
];

/** A registry holding one adapter, for calls through the run's `callModel`. */
function registryOf(adapter: ModelProvider): ProviderRegistry {
  return { simulated: false, has: (name) => name === adapter.name, get: () => adapter };
}

/** The template fields `callModel` reads, taken from the subject's usual call. */
function templateOf(request: ModelCallRequest): Parameters<typeof callModel>[2]['template'] {
  return {
    modelId: request.model,
    systemInstructions: request.systemInstructions,
    // Test requests carry plain numbers; the run passes the template's lossless JSON.
    inferenceParams: request.inferenceParams as JsonObject,
    toolsSpec: request.toolsSpec as JsonObject[],
    responseFormat: request.responseFormat as JsonObject | null,
  };
}

/** Registers the shared failure cases for `subject`'s adapter. */
export function providerErrorCases(subject: ProviderTestSubject): void {
  describe('call failures every adapter maps alike', () => {
    const { server, adapter } = providerTestHarness(subject);

    /** What a successful call of the same request records as sent. */
    async function sentOnSuccess(): Promise<unknown> {
      server().respondTo(subject.callPath, { body: subject.answer });
      return (await adapter().call(subject.callRequest)).requestSent;
    }

    for (const failure of answeredFailures) {
      it(`${failure.title}, naming the request sent, sending it once`, async () => {
        server().respondTo(subject.callPath, failure.answer(subject));
        const error = await providerErrorOf(adapter().call(subject.callRequest));
        const { headers, ...fields } = failure.expected(subject);
        const { kind, status, body, retryable, retryAfterMs } = error;
        const actual = { kind, status, body, retryable, retryAfterMs };
        for (const [name, value] of Object.entries(fields)) {
          assert.deepEqual(actual[name as keyof typeof actual], value, name);
        }
        for (const [name, value] of Object.entries(headers ?? {})) {
          assert.equal(error.headers[name], value, name);
        }
        assert.equal(error.provider, subject.provider);
        assert.equal(server().requests.length, 1, 'the SDK must not retry');
        assert.deepEqual(error.requestSent, await sentOnSuccess());
        assert.equal('requestSent' in error.toJSON(), false);
      });
    }

    it('gives up after callTimeoutMs with a retryable timeout', async () => {
      server().respondTo(subject.callPath, { delayMs: 2_000, body: subject.answer });
      const started = Date.now();
      const error = await providerErrorOf(
        adapter({ callTimeoutMs: 100 }).call(subject.callRequest),
      );
      assert.equal(error.kind, 'timeout');
      assert.equal(error.retryable, true);
      assert.ok(Date.now() - started < 1_500, 'the timeout must not wait for the server');
      assert.deepEqual(error.requestSent, await sentOnSuccess());
    });

    it('reports the run deadline (callModel) on a provider that never answers as a retryable timeout', async () => {
      server().respondTo(subject.callPath, { neverAnswer: true });
      // As in production: the adapter's own limit and the run's deadline are the same setting.
      const timeoutMs = 200;
      const started = Date.now();
      const error = await providerErrorOf(
        callModel(registryOf(adapter({ callTimeoutMs: timeoutMs })), subject.provider, {
          template: templateOf(subject.callRequest),
          prompt: subject.callRequest.prompt,
          useGrounding: subject.callRequest.useGrounding,
          timeoutMs,
        }),
      );
      assert.equal(error.kind, 'timeout');
      assert.equal(error.retryable, true);
      assert.equal(
        error.message,
        `${providerLabels[subject.provider]} did not answer within ${timeoutMs} ms`,
      );
      assert.ok(Date.now() - started < 1_500, 'the deadline must not wait for the server');
      assert.equal(server().requests.length, 1);
      assert.deepEqual(error.requestSent, await sentOnSuccess());
    });

    it('reports an abort by the caller as a timeout that is not retried', async () => {
      server().respondTo(subject.callPath, { delayMs: 2_000, body: subject.answer });
      const error = await providerErrorOf(
        adapter().call({ ...subject.callRequest, signal: AbortSignal.timeout(50) }),
      );
      assert.equal(error.kind, 'timeout');
      assert.equal(error.retryable, false);
    });

    it('maps an unreachable endpoint to a retryable network_error', async () => {
      const closed = await startFakeProviderServer();
      await closed.close();
      const error = await providerErrorOf(subject.create(closed.baseUrl).call(subject.callRequest));
      assert.equal(error.kind, 'network_error');
      assert.equal(error.retryable, true);
      assert.notEqual(error.requestSent, null);
    });

    it('names the missing key, not retryable, without building or sending anything', async () => {
      const error = await providerErrorOf(adapter({ apiKey: null }).call(subject.callRequest));
      assert.equal(error.kind, 'not_configured');
      assert.equal(error.retryable, false);
      assert.match(error.message, subject.notConfiguredMessage);
      assert.equal(error.requestSent, null);
      assert.equal(server().requests.length, 0);
    });
  });
}
