import type { ProviderSettings } from '../../config/app-config.ts';
import { ProviderError } from '../provider-error.ts';

export interface GoogleSettings {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

/** The Gemini Developer API; `GOOGLE_GEMINI_BASE_URL` replaces it (a proxy, a local test server). */
const publicBaseUrl = 'https://generativelanguage.googleapis.com';

/**
 * What the Gemini adapter needs, read when it is first called so that a deployment configures only
 * the providers it uses. Every value is passed to the SDK explicitly: left unset, it would read
 * `GOOGLE_*`/`GEMINI_*` variables itself, and could switch to Vertex AI.
 */
export function readGoogleSettings(settings: ProviderSettings): GoogleSettings {
  const { apiKey, baseUrl } = settings.google;
  if (apiKey === null) {
    throw new ProviderError({
      provider: 'google',
      kind: 'not_configured',
      retryable: false,
      message:
        'GOOGLE_API_KEY (or GEMINI_API_KEY) is not set: set one to call Gemini models, or run with PROMPTER_PROVIDER_MODE=fake.',
    });
  }
  return { apiKey, baseUrl: baseUrl ?? publicBaseUrl, timeoutMs: settings.callTimeoutMs };
}
