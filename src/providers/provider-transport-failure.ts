import { providerLabels, type ProviderName } from './provider-contract.ts';
import { ProviderError } from './provider-error.ts';
import { providerTimeout } from './provider-timeout.ts';
import { redactApiKey } from './redact-api-key.ts';

/**
 * How a call ended without an HTTP answer: the caller's signal aborted it, the adapter's own
 * deadline passed, the host could not be reached, or something else was thrown.
 */
export type TransportFailureKind = 'aborted' | 'timed_out' | 'unreachable' | 'unexpected';

export interface TransportFailure {
  readonly provider: ProviderName;
  readonly kind: TransportFailureKind;
  /** What the SDK or fetch threw. */
  readonly cause: unknown;
  /** Redacted from the message. */
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly requestSent: Readonly<Record<string, unknown>> | null;
}

/**
 * The ProviderError for a call that got no answer. Only the caller's abort is final: the caller
 * gave up, so retrying would go against its wish. A missed deadline or an unreachable host is
 * worth another try (the ProviderError default for `timeout` and `network_error`); anything
 * else is not, since nothing says what happened.
 */
export function providerTransportFailure(failure: TransportFailure): ProviderError {
  const label = providerLabels[failure.provider];
  const common = {
    provider: failure.provider,
    requestSent: failure.requestSent,
    cause: failure.cause,
  };
  switch (failure.kind) {
    case 'aborted':
      return new ProviderError({
        ...common,
        kind: 'timeout',
        retryable: false,
        message: `${label} call was aborted by the caller`,
      });
    case 'timed_out':
      return providerTimeout({ ...common, timeoutMs: failure.timeoutMs });
    case 'unreachable':
      return new ProviderError({
        ...common,
        kind: 'network_error',
        message: `${label} could not be reached: ${describe(failure)}`,
      });
    case 'unexpected':
      return new ProviderError({
        ...common,
        kind: 'http_error',
        retryable: false,
        message: `${label} call failed: ${describe(failure)}`,
      });
  }
}

/** The error's message and its cause's (fetch hides the reason, e.g. ECONNREFUSED, in `cause`). */
function describe({ cause: error, apiKey }: TransportFailure): string {
  if (!(error instanceof Error)) return redactApiKey(String(error), apiKey);
  const text =
    error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return redactApiKey(text, apiKey);
}
