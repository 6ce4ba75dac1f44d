import type { ProviderSettings } from '../../config/app-config.ts';
import { providerNotConfigured } from '../provider-not-configured.ts';
import { readProviderConnection, type ProviderConnection } from '../read-provider-connection.ts';

export type GoogleSettings = ProviderConnection;

/** The Gemini Developer API; `GOOGLE_GEMINI_BASE_URL` replaces it (a proxy, a local test server). */
const publicBaseUrl = 'https://generativelanguage.googleapis.com';

/**
 * What the Gemini adapter needs, read when it is first called so that a deployment configures only
 * the providers it uses. Every value is passed to the SDK explicitly: left unset, it would read
 * `GOOGLE_*`/`GEMINI_*` variables itself, and could switch to Vertex AI.
 */
export function readGoogleSettings(settings: ProviderSettings): GoogleSettings {
  return readProviderConnection(settings.google, {
    publicBaseUrl,
    timeoutMs: settings.callTimeoutMs,
    keyMissing: () =>
      providerNotConfigured(
        'google',
        'GOOGLE_API_KEY (or GEMINI_API_KEY)',
        'set one to call Gemini models',
      ),
  });
}
