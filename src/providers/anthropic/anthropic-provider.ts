import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import { jsonNumberPlaceholders } from '../../core/json/lossless-json.ts';
import type { ProviderSettings } from '../../config/app-config.ts';
import { connectOnFirstUse } from '../connect-on-first-use.ts';
import {
  createLiveModelProvider,
  type LiveProviderOptions,
} from '../create-live-model-provider.ts';
import type { ModelProvider } from '../provider-contract.ts';
import { toAnthropicProviderError } from './anthropic-errors.ts';
import { toAnthropicMessagesRequest } from './anthropic-request.ts';
import { parseAnthropicResponse } from './anthropic-response.ts';
import { readAnthropicSettings } from './anthropic-settings.ts';
import { extractAnthropicVersionKey } from './anthropic-version-key.ts';
import { redactApiKey } from '../redact-api-key.ts';
import { withNumberLexemes } from '../with-number-lexemes.ts';

/** The live Anthropic adapter: the Messages API, whose answers name the dated served model. */
export function createAnthropicProvider(
  settings: ProviderSettings,
  options: LiveProviderOptions = {},
): ModelProvider {
  const connect = connectOnFirstUse(() => {
    const anthropicSettings = readAnthropicSettings(settings);
    const client = new Anthropic({
      apiKey: anthropicSettings.apiKey,
      baseURL: anthropicSettings.baseUrl,
      webhookKey: null,
      maxRetries: 0,
      timeout: anthropicSettings.timeoutMs,
      fetch: withNumberLexemes(options.fetch),
    });
    return { client, settings: anthropicSettings };
  });

  return createLiveModelProvider({
    name: 'anthropic',
    buildRequest: toAnthropicMessagesRequest,
    async send(body, signal) {
      const { client, settings: anthropicSettings } = connect();
      try {
        // The raw response, so that a 200 whose body is not a message is reported as such.
        // Exact numbers go to the SDK as placeholders; its fetch writes their digits back.
        const sdkBody = jsonNumberPlaceholders.insert(body) as MessageCreateParamsNonStreaming;
        const response = await client.messages.create(sdkBody, { signal }).asResponse();
        return {
          ...parseAnthropicResponse(redactApiKey(await response.text(), anthropicSettings.apiKey)),
          requestSent: body,
        };
      } catch (error) {
        throw toAnthropicProviderError(error, {
          apiKey: anthropicSettings.apiKey,
          timeoutMs: anthropicSettings.timeoutMs,
          requestSent: body,
        });
      }
    },
    versionOf: (answer) => extractAnthropicVersionKey(answer.body),
  });
}
