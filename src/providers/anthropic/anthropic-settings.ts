import type { ProviderSettings } from '../../config/app-config.ts';
import { providerNotConfigured } from '../provider-not-configured.ts';
import { readProviderConnection, type ProviderConnection } from '../read-provider-connection.ts';

export type AnthropicSettings = ProviderConnection;

/** The public endpoint; `ANTHROPIC_BASE_URL` replaces it (a proxy, or a local server in tests). */
const publicBaseUrl = 'https://api.anthropic.com';

/**
 * What the Anthropic adapter needs, read when it is first called so that a deployment configures
 * only the providers it uses. Every value is passed to the SDK explicitly: left unset, it would
 * read `ANTHROPIC_*` variables and credential profiles on disk.
 */
export function readAnthropicSettings(settings: ProviderSettings): AnthropicSettings {
  return readProviderConnection(settings.anthropic, {
    publicBaseUrl,
    timeoutMs: settings.callTimeoutMs,
    keyMissing: () =>
      providerNotConfigured('anthropic', 'ANTHROPIC_API_KEY', 'set it to call Claude models'),
  });
}
