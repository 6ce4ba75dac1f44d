// All fake: faults come from the switch or in-band triggers; sleeps are injected or real but short.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerErrorOf } from '../../../test/helpers/provider-error-of.ts';
import type { ProviderSettings } from '../../config/app-config.ts';
import type { ModelCallRequest } from '../provider-contract.ts';
import type { ProviderError } from '../provider-error.ts';
import { createFakeProvider } from './fake-provider.ts';

const settings: ProviderSettings['fake'] = {
  latencyMs: 0,
  probeSleepMs: 0,
  epoch: 0,
  faults: null,
};
const neverEnding = () => new Promise<void>(() => undefined);
const probeRequest = { model: 'gpt-4o', systemInstructions: null, inferenceParams: {} };

function callRequest(prompt: string, signal?: AbortSignal): ModelCallRequest {
  return {
    model: 'gpt-4o',
    systemInstructions: null,
    prompt,
    inferenceParams: {},
    useGrounding: false,
    toolsSpec: [],
    responseFormat: null,
    ...(signal === undefined ? {} : { signal }),
  };
}

describe('createFakeProvider: faults', () => {
  it('fails with a retryable 429 carrying retry-after for [[fake-fault:rate_limit]]', async () => {
    const error = await providerErrorOf(
      createFakeProvider('openai', settings).call(callRequest('hi [[fake-fault:rate_limit]]')),
    );
    assert.equal(error.provider, 'openai');
    assert.equal(error.kind, 'rate_limited');
    assert.equal(error.status, 429);
    assert.equal(error.retryable, true);
    assert.equal(error.retryAfterMs, 1000);
    assert.equal(error.headers['retry-after'], '1');
    // The fake fails before it would build a request: a failed run keeps what Prompter asked for.
    assert.equal(error.requestSent, null);
    assert.deepEqual(Object.keys((error.body as { error: object }).error).sort(), [
      'message',
      'type',
    ]);
  });

  it('simulates a server error, bad request, malformed response and timeout', async () => {
    const provider = createFakeProvider('google', settings);
    const server = await providerErrorOf(provider.call(callRequest('[[fake-fault:server_error]]')));
    assert.deepEqual([server.kind, server.status, server.retryable], ['http_error', 500, true]);
    assert.equal((server.body as { error: { type: string } }).error.type, 'server_error');

    const bad = await providerErrorOf(provider.call(callRequest('[[fake-fault:bad_request]]')));
    assert.deepEqual([bad.kind, bad.status, bad.retryable], ['http_error', 400, false]);
    assert.equal((bad.body as { error: { type: string } }).error.type, 'invalid_request_error');

    const malformed = await providerErrorOf(provider.call(callRequest('[[fake-fault:malformed]]')));
    assert.deepEqual([malformed.kind, malformed.retryable], ['malformed_response', false]);

    const timeout = await providerErrorOf(provider.call(callRequest('[[fake-fault:timeout]]')));
    assert.deepEqual([timeout.kind, timeout.status, timeout.retryable], ['timeout', null, true]);
  });

  it('fails at once, without the simulated latency (a timeout never hangs)', async () => {
    const provider = createFakeProvider(
      'openai',
      { ...settings, latencyMs: 60_000 },
      { sleep: neverEnding },
    );
    const error = await providerErrorOf(provider.call(callRequest('[[fake-fault:timeout]]')));
    assert.equal(error.kind, 'timeout');
  });

  it('fails the probe of a model id containing fake-fault-probe with a server error', async () => {
    const provider = createFakeProvider('openai', settings);
    const error = await providerErrorOf(
      provider.probeVersion({ ...probeRequest, model: 'gpt-4o-fake-fault-probe' }),
    );
    assert.deepEqual([error.kind, error.status, error.retryable], ['http_error', 500, true]);
    const call = await provider.call({ ...callRequest('fine'), model: 'gpt-4o-fake-fault-probe' });
    assert.equal(call.simulated, true);
  });

  it('draws random faults from the injected source at the configured rates', async () => {
    const draws = [0.05, 0.5, 0.15];
    const provider = createFakeProvider(
      'openai',
      { ...settings, faults: 'rate_limit=0.1,bad_request=0.1' },
      { random: () => draws.shift() ?? assert.fail('too many draws') },
    );
    assert.equal((await providerErrorOf(provider.call(callRequest('a')))).kind, 'rate_limited');
    assert.equal((await provider.call(callRequest('b'))).simulated, true);
    assert.equal((await providerErrorOf(provider.probeVersion(probeRequest))).status, 400);
  });

  it('repeats the same faults for the same seed', async () => {
    const outcomes = async () => {
      const provider = createFakeProvider('openai', {
        ...settings,
        faults: 'server_error=0.5,seed=7',
      });
      const results: string[] = [];
      for (let index = 0; index < 40; index++) {
        results.push(
          await provider.call(callRequest('x')).then(
            () => 'ok',
            (error: ProviderError) => String(error.status),
          ),
        );
      }
      return results;
    };
    const first = await outcomes();
    assert.deepEqual(await outcomes(), first);
    assert.ok(first.includes('ok') && first.some((outcome) => outcome !== 'ok'));
  });

  it('keeps random faults to the configured scope', async () => {
    const probesOnly = createFakeProvider('openai', {
      ...settings,
      faults: 'timeout=1,scope=probe',
    });
    assert.equal((await probesOnly.call(callRequest('x'))).simulated, true);
    assert.equal((await providerErrorOf(probesOnly.probeVersion(probeRequest))).kind, 'timeout');
  });

  it('throws at construction on a bad fault spec', () => {
    assert.throws(
      () => createFakeProvider('openai', { ...settings, faults: 'rate_limit=2' }),
      /PROMPTER_FAKE_FAULTS: the rate of rate_limit/,
    );
  });
});

describe('createFakeProvider: aborts', () => {
  it('rejects at once when the signal is already aborted', async () => {
    const error = await providerErrorOf(
      createFakeProvider('openai', settings).call(callRequest('x', AbortSignal.abort())),
    );
    assert.equal(error.kind, 'timeout');
    assert.equal(error.retryable, false);
  });

  it('stops waiting the call latency when the signal aborts, even if sleep ignores it', async () => {
    const controller = new AbortController();
    const provider = createFakeProvider(
      'openai',
      { ...settings, latencyMs: 60_000 },
      { sleep: neverEnding },
    );
    const pending = provider.call(callRequest('x', controller.signal));
    controller.abort();
    const error = await providerErrorOf(pending);
    assert.match(error.message, /was aborted/);
  });

  it('reads a deadline as a retryable timeout, with the real timer', async () => {
    const provider = createFakeProvider('anthropic', { ...settings, latencyMs: 60_000 });
    const started = performance.now();
    const error = await providerErrorOf(provider.call(callRequest('x', AbortSignal.timeout(20))));
    assert.ok(performance.now() - started < 5_000);
    assert.deepEqual([error.kind, error.retryable], ['timeout', true]);
    assert.match(error.message, /timed out/);
  });

  it('honours a signal on the probe as well', async () => {
    const controller = new AbortController();
    const provider = createFakeProvider(
      'openai',
      { ...settings, probeSleepMs: 60_000 },
      { sleep: neverEnding },
    );
    const pending = provider.probeVersion({
      ...probeRequest,
      signal: controller.signal,
    });
    controller.abort();
    assert.equal((await providerErrorOf(pending)).kind, 'timeout');
  });
});
