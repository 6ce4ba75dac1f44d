import type { ProviderSettings } from '../../config/app-config.ts';
import { ProviderError } from '../provider-error.ts';

export interface OpenAiSettings {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

/** The public endpoint; `OPENAI_BASE_URL` replaces it (a proxy, or a local server in tests). */
const publicBaseUrl = 'https://api.openai.com/v1';

/**
 * What the OpenAI adapter needs, read when it is first called rather than at start-up, so a
 * deployment configures only the providers it uses. Passing every value explicitly keeps the SDK
 * from reading `OPENAI_*` variables itself.
 */
export function readOpenAiSettings(settings: ProviderSettings): OpenAiSettings {
  const { apiKey, baseUrl } = settings.openai;
  if (apiKey === null) {
    throw new ProviderError({
      provider: 'openai',
      kind: 'not_configured',
      retryable: false,
      message:
        'OPENAI_API_KEY is not set: set it to call OpenAI models, or run with PROMPTER_PROVIDER_MODE=fake.',
    });
  }
  return { apiKey, baseUrl: baseUrl ?? publicBaseUrl, timeoutMs: settings.callTimeoutMs };
}
