import { providerLabels, type ProviderOrUnknown } from './provider-contract.ts';
import { ProviderError } from './provider-error.ts';

/**
 * The ProviderError for a call that got no answer within its deadline: retryable (the provider
 * may answer the next time), worded the same whoever enforced the deadline, the adapter's SDK or
 * the run around it.
 */
export function providerTimeout(timeout: {
  readonly provider: ProviderOrUnknown;
  readonly timeoutMs: number;
  readonly requestSent: Readonly<Record<string, unknown>> | null;
  readonly cause: unknown;
}): ProviderError {
  return new ProviderError({
    provider: timeout.provider,
    kind: 'timeout',
    retryable: true,
    message: `${providerLabels[timeout.provider]} did not answer within ${timeout.timeoutMs} ms`,
    requestSent: timeout.requestSent,
    cause: timeout.cause,
  });
}
