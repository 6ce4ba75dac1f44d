import OpenAI from 'openai';
import { jsonNumberPlaceholders } from '../../core/json/lossless-json.ts';
import type { ProviderSettings } from '../../config/app-config.ts';
import { connectOnFirstUse } from '../connect-on-first-use.ts';
import {
  createLiveModelProvider,
  type LiveProviderOptions,
} from '../create-live-model-provider.ts';
import type { ModelProvider } from '../provider-contract.ts';
import { toOpenAiProviderError } from './openai-errors.ts';
import { toOpenAiChatRequest, type OpenAiChatRequest } from './openai-request.ts';
import { parseOpenAiResponse } from './openai-response.ts';
import { readOpenAiSettings } from './openai-settings.ts';
import { extractOpenAiVersionKey } from './openai-version-key.ts';
import { redactApiKey } from '../redact-api-key.ts';
import { withNumberLexemes } from '../with-number-lexemes.ts';

/** The live OpenAI adapter: Chat Completions, the API that reports `system_fingerprint`. */
export function createOpenAiProvider(
  settings: ProviderSettings,
  options: LiveProviderOptions = {},
): ModelProvider {
  const connect = connectOnFirstUse(() => {
    const openAiSettings = readOpenAiSettings(settings);
    const client = new OpenAI({
      apiKey: openAiSettings.apiKey,
      baseURL: openAiSettings.baseUrl,
      organization: null,
      project: null,
      adminAPIKey: null,
      webhookSecret: null,
      maxRetries: 0,
      timeout: openAiSettings.timeoutMs,
      fetch: withNumberLexemes(options.fetch),
    });
    return { client, settings: openAiSettings };
  });

  return createLiveModelProvider({
    name: 'openai',
    buildRequest: toOpenAiChatRequest,
    async send(body, signal) {
      const { client, settings: openAiSettings } = connect();
      try {
        // The raw response, so that a 200 whose body is not a chat completion is reported as such.
        // Exact numbers go to the SDK as placeholders; its fetch writes their digits back.
        const sdkBody = jsonNumberPlaceholders.insert(body) as OpenAiChatRequest;
        const response = await client.chat.completions.create(sdkBody, { signal }).asResponse();
        return {
          ...parseOpenAiResponse(
            redactApiKey(await response.text(), openAiSettings.apiKey),
            'openai',
          ),
          requestSent: body,
        };
      } catch (error) {
        throw toOpenAiProviderError(error, {
          provider: 'openai',
          apiKey: openAiSettings.apiKey,
          timeoutMs: openAiSettings.timeoutMs,
          requestSent: body,
        });
      }
    },
    versionOf: (answer) => extractOpenAiVersionKey(answer.body),
  });
}
