import type { ProviderName } from './provider-contract.ts';
import { ProviderError } from './provider-error.ts';

/**
 * The failure of a call to a provider whose settings are missing: not retryable, since only a
 * redeployment with the variable set helps. The message is what an operator sees first, so it
 * names the missing variable, what to set, and the way out (`PROMPTER_PROVIDER_MODE=fake`).
 */
export function providerNotConfigured(
  provider: ProviderName,
  missing: string,
  advice: string,
): ProviderError {
  return new ProviderError({
    provider,
    kind: 'not_configured',
    retryable: false,
    message: `${missing} is not set: ${advice}, or run with PROMPTER_PROVIDER_MODE=fake.`,
  });
}
