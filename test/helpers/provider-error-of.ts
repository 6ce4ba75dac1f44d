// The ProviderError a provider call fails with; fails the test when it succeeds or throws
// anything else.
import assert from 'node:assert/strict';
import { ProviderError } from '../../src/providers/provider-error.ts';

export async function providerErrorOf(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${String(error)}`);
    return error;
  }
  return assert.fail('expected the call to fail');
}
