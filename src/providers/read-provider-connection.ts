import type { ProviderError } from './provider-error.ts';

/** Where and how an adapter reaches a provider that is addressed by a key and a base URL. */
export interface ProviderConnection {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

/**
 * A provider's connection from its configured section: the key is required (its absence is the
 * given `not_configured` error), the base URL defaults to the provider's public endpoint (set it
 * for a proxy, or a local server in tests), and every call shares `PROMPTER_PROVIDER_TIMEOUT_MS`.
 */
export function readProviderConnection(
  configured: { readonly apiKey: string | null; readonly baseUrl: string | null },
  defaults: {
    readonly publicBaseUrl: string;
    readonly timeoutMs: number;
    readonly keyMissing: () => ProviderError;
  },
): ProviderConnection {
  if (configured.apiKey === null) throw defaults.keyMissing();
  return {
    apiKey: configured.apiKey,
    baseUrl: configured.baseUrl ?? defaults.publicBaseUrl,
    timeoutMs: defaults.timeoutMs,
  };
}
