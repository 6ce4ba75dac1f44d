import { AppError } from '../core/app-error.ts';
import type { ProviderError } from '../providers/provider-error.ts';

/** A 502 carrying what the caller needs to decide whether to retry (docs/api-contract.md §3). */
export function providerFailure(
  error: ProviderError,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError('PROVIDER_ERROR', `${error.provider} failed: ${error.message}`, {
    provider: error.provider,
    kind: error.kind,
    retryable: error.retryable,
    provider_status: error.status,
    retry_after_ms: error.retryAfterMs,
    ...extra,
  });
}
