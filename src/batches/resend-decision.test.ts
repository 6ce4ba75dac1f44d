import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProviderError } from '../providers/provider-error.ts';
import { backoffDelayMs } from './backoff-delay.ts';
import { decideResend } from './resend-decision.ts';

function failure(init: Partial<ConstructorParameters<typeof ProviderError>[0]>): ProviderError {
  return new ProviderError({ provider: 'openai', kind: 'http_error', message: 'x', ...init });
}

function refused(): Error {
  const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
    code: 'ECONNREFUSED',
  });
  return new TypeError('fetch failed', { cause: socket });
}

describe('decideResend', () => {
  it('re-sends what provably was not billed', () => {
    assert.equal(decideResend(failure({ kind: 'rate_limited', status: 429 })), 'resend');
    assert.equal(decideResend(failure({ status: 503 })), 'resend');
    assert.equal(decideResend(failure({ kind: 'network_error', cause: refused() })), 'resend');
  });

  it('marks a timeout or a broken connection as possibly billed', () => {
    assert.equal(decideResend(failure({ kind: 'timeout' })), 'resend_possibly_billed');
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    assert.equal(
      decideResend(failure({ kind: 'network_error', cause: reset })),
      'resend_possibly_billed',
    );
  });

  it('never re-sends a final failure', () => {
    assert.equal(decideResend(failure({ status: 400 })), 'final');
    assert.equal(decideResend(failure({ status: 401 })), 'final');
    assert.equal(decideResend(failure({ kind: 'timeout', retryable: false })), 'final');
    assert.equal(decideResend(failure({ kind: 'malformed_response', retryable: false })), 'final');
  });
});

describe('backoffDelayMs', () => {
  const policy = { baseMs: 100, capMs: 1000 };
  it('draws uniformly below an exponentially growing, capped ceiling (full jitter)', () => {
    assert.equal(
      backoffDelayMs(1, null, () => 0.999, policy),
      99,
    );
    assert.equal(
      backoffDelayMs(3, null, () => 0.5, policy),
      200,
    );
    assert.equal(
      backoffDelayMs(10, null, () => 0.999, policy),
      999,
    );
    assert.equal(
      backoffDelayMs(2, null, () => 0, policy),
      0,
    );
  });

  it('waits at least what the provider asked, within the cap', () => {
    assert.equal(
      backoffDelayMs(1, 700, () => 0, policy),
      700,
    );
    assert.equal(
      backoffDelayMs(1, 60_000, () => 0, policy),
      1000,
    );
  });
});
