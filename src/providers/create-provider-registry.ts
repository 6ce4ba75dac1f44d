import type { AppConfig } from '../config/app-config.ts';
import { ConfigError } from '../config/load-config.ts';
import { createFakeProvider } from './fake/fake-provider.ts';
import { parseFakeFaults } from './fake/parse-fake-faults.ts';
import type {
  ModelProvider,
  ProviderName,
  ProviderOrUnknown,
  ProviderRegistry,
} from './provider-contract.ts';
import { ProviderError } from './provider-error.ts';

const LIVE_PROVIDERS: readonly ProviderName[] = ['openai', 'azure-openai', 'google', 'anthropic'];

/**
 * The adapters for `PROMPTER_PROVIDER_MODE`: every provider (and `unknown`) is a deterministic
 * fake in `fake` mode; the official SDKs in `live` mode, where `unknown` has no adapter.
 * Built once at start-up, so a bad `PROMPTER_FAKE_FAULTS` stops the start. The SDKs are loaded
 * only in live mode: the embedded default starts without them.
 */
export async function createProviderRegistry(config: AppConfig): Promise<ProviderRegistry> {
  const settings = config.providers;
  const adapters = new Map<ProviderOrUnknown, ModelProvider>();
  if (config.providerMode === 'fake') {
    try {
      parseFakeFaults(settings.fake.faults);
    } catch (error) {
      throw new ConfigError(
        `Invalid configuration:\n  PROMPTER_FAKE_FAULTS: ${(error as Error).message}`,
      );
    }
    for (const name of [...LIVE_PROVIDERS, 'unknown'] as const) {
      adapters.set(name, createFakeProvider(name, settings.fake));
    }
  } else {
    const [
      { createOpenAiProvider },
      { createAzureOpenAiProvider },
      { createGoogleProvider },
      { createAnthropicProvider },
    ] = await Promise.all([
      import('./openai/openai-provider.ts'),
      import('./azure-openai/azure-openai-provider.ts'),
      import('./google/google-provider.ts'),
      import('./anthropic/anthropic-provider.ts'),
    ]);
    adapters.set('openai', createOpenAiProvider(settings));
    adapters.set('azure-openai', createAzureOpenAiProvider(settings));
    adapters.set('google', createGoogleProvider(settings));
    adapters.set('anthropic', createAnthropicProvider(settings));
  }
  return {
    simulated: config.providerMode === 'fake',
    has: (provider) => adapters.has(provider),
    get(provider) {
      const adapter = adapters.get(provider);
      if (adapter !== undefined) return adapter;
      const unsupported = (): never => {
        throw new ProviderError({
          provider,
          kind: 'unsupported',
          message: `no ${config.providerMode} adapter for provider "${provider}"`,
          retryable: false,
        });
      };
      return {
        name: provider,
        call: () => Promise.resolve().then(unsupported),
        probeVersion: () => Promise.resolve().then(unsupported),
      };
    },
  };
}
