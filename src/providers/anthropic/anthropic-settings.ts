import type { ProviderSettings } from '../../config/app-config.ts';
import { ProviderError } from '../provider-error.ts';

export interface AnthropicSettings {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

/** The public endpoint; `ANTHROPIC_BASE_URL` replaces it (a proxy, or a local server in tests). */
const publicBaseUrl = 'https://api.anthropic.com';

/**
 * What the Anthropic adapter needs, read when it is first called so that a deployment configures
 * only the providers it uses. Every value is passed to the SDK explicitly: left unset, it would
 * read `ANTHROPIC_*` variables and credential profiles on disk.
 */
export function readAnthropicSettings(settings: ProviderSettings): AnthropicSettings {
  const { apiKey, baseUrl } = settings.anthropic;
  if (apiKey === null) {
    throw new ProviderError({
      provider: 'anthropic',
      kind: 'not_configured',
      retryable: false,
      message:
        'ANTHROPIC_API_KEY is not set: set it to call Claude models, or run with PROMPTER_PROVIDER_MODE=fake.',
    });
  }
  return { apiKey, baseUrl: baseUrl ?? publicBaseUrl, timeoutMs: settings.callTimeoutMs };
}
