import type { ProviderSettings } from '../../config/app-config.ts';
import { providerNotConfigured } from '../provider-not-configured.ts';
import { readProviderConnection, type ProviderConnection } from '../read-provider-connection.ts';

export type OpenAiSettings = ProviderConnection;

/** The public endpoint; `OPENAI_BASE_URL` replaces it (a proxy, or a local server in tests). */
const publicBaseUrl = 'https://api.openai.com/v1';

/**
 * What the OpenAI adapter needs, read when it is first called rather than at start-up, so a
 * deployment configures only the providers it uses. Passing every value explicitly keeps the SDK
 * from reading `OPENAI_*` variables itself.
 */
export function readOpenAiSettings(settings: ProviderSettings): OpenAiSettings {
  return readProviderConnection(settings.openai, {
    publicBaseUrl,
    timeoutMs: settings.callTimeoutMs,
    keyMissing: () =>
      providerNotConfigured('openai', 'OPENAI_API_KEY', 'set it to call OpenAI models'),
  });
}
