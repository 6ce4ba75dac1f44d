import type { ProviderOrUnknown } from '../provider-contract.ts';
import { ProviderError } from '../provider-error.ts';
import type { FakeFault } from './choose-fake-fault.ts';

const json = { 'content-type': 'application/json' };

/**
 * The ProviderError a real provider's failure of this kind would produce, so retry and error
 * paths see the same status, body, headers and `retryable` flag. A timeout carries no status, body
 * or headers (no response arrived); a malformed response carries the truncated body text.
 */
export function fakeFaultError(
  provider: ProviderOrUnknown,
  operation: 'call' | 'probe',
  fault: FakeFault,
): ProviderError {
  const subject = `fake ${provider} ${operation}`;
  switch (fault.kind) {
    case 'rate_limit':
      return new ProviderError({
        provider,
        kind: 'rate_limited',
        message: `Simulated rate limit on the ${subject} (429)`,
        status: 429,
        body: errorBody(
          'Rate limit reached (simulated). Retry after 1 second.',
          'rate_limit_error',
        ),
        headers: { ...json, 'retry-after': '1' },
        retryable: true,
        retryAfterMs: 1000,
      });
    case 'server_error':
      return new ProviderError({
        provider,
        kind: 'http_error',
        message: `Simulated server error on the ${subject} (${fault.status})`,
        status: fault.status,
        body: errorBody(
          'The server had an error processing the request (simulated).',
          'server_error',
        ),
        headers: json,
        retryable: true,
      });
    case 'timeout':
      return new ProviderError({
        provider,
        kind: 'timeout',
        message: `Simulated timeout on the ${subject}`,
        retryable: true,
      });
    case 'malformed':
      return new ProviderError({
        provider,
        kind: 'malformed_response',
        message: `Simulated malformed response on the ${subject}`,
        status: 200,
        body: '{"id": "fake", "choices": [',
        headers: json,
        retryable: false,
      });
    case 'bad_request':
      return new ProviderError({
        provider,
        kind: 'http_error',
        message: `Simulated bad request on the ${subject} (400)`,
        status: 400,
        body: errorBody('Invalid request (simulated).', 'invalid_request_error'),
        headers: json,
        retryable: false,
      });
  }
}

function errorBody(message: string, type: string): { error: { message: string; type: string } } {
  return { error: { message, type } };
}
