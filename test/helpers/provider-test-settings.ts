// Provider settings for adapter tests: one provider configured against a local server, the others
// unset, the fakes inert. Mirrors what loadConfig hands the adapters.
import type { ProviderSettings } from '../../src/config/app-config.ts';
import type { ProviderName } from '../../src/providers/provider-contract.ts';

export interface ProviderTestOverrides {
  /** Null plays a deployment without the key. */
  readonly apiKey?: string | null;
  readonly callTimeoutMs?: number;
  /** Azure OpenAI only: null plays a deployment without AZURE_OPENAI_ENDPOINT. */
  readonly endpoint?: string | null;
  /** Azure OpenAI only: null names the deployment after each call's model id. */
  readonly deployment?: string | null;
}

export interface ProviderTestConnection {
  readonly apiKey: string;
  /** The base URL (OpenAI, Gemini, Anthropic) or resource endpoint (Azure OpenAI). */
  readonly baseUrl: string;
  readonly azureApiVersion?: string;
  readonly azureDeployment?: string;
}

export function providerTestSettings(
  provider: ProviderName,
  connection: ProviderTestConnection,
  overrides: ProviderTestOverrides = {},
): ProviderSettings {
  const apiKey = overrides.apiKey === undefined ? connection.apiKey : overrides.apiKey;
  const { baseUrl } = connection;
  const unset: ProviderSettings = {
    callTimeoutMs: overrides.callTimeoutMs ?? 2_000,
    openai: { apiKey: null, baseUrl: null },
    azureOpenai: {
      apiKey: null,
      endpoint: null,
      apiVersion: connection.azureApiVersion ?? '2024-10-21',
      deployment: null,
    },
    google: { apiKey: null, baseUrl: null },
    anthropic: { apiKey: null, baseUrl: null },
    fake: { latencyMs: 0, probeSleepMs: 0, epoch: 0, faults: null },
  };
  switch (provider) {
    case 'openai':
      return { ...unset, openai: { apiKey, baseUrl } };
    case 'google':
      return { ...unset, google: { apiKey, baseUrl } };
    case 'anthropic':
      return { ...unset, anthropic: { apiKey, baseUrl } };
    case 'azure-openai':
      return {
        ...unset,
        azureOpenai: {
          ...unset.azureOpenai,
          apiKey,
          endpoint: overrides.endpoint === undefined ? baseUrl : overrides.endpoint,
          deployment:
            overrides.deployment === undefined
              ? (connection.azureDeployment ?? null)
              : overrides.deployment,
        },
      };
  }
}
