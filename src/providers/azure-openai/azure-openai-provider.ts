import { AzureOpenAI } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { jsonNumberPlaceholders } from '../../core/json/lossless-json.ts';
import type { ProviderSettings } from '../../config/app-config.ts';
import { connectOnFirstUse } from '../connect-on-first-use.ts';
import {
  createLiveModelProvider,
  type LiveProviderOptions,
} from '../create-live-model-provider.ts';
import type { ModelProvider } from '../provider-contract.ts';
import { toAzureOpenAiProviderError } from './azure-openai-errors.ts';
import { toAzureOpenAiChatRequest } from './azure-openai-request.ts';
import { parseAzureOpenAiResponse } from './azure-openai-response.ts';
import { readAzureOpenAiSettings } from './azure-openai-settings.ts';
import { extractAzureOpenAiVersionKey } from './azure-openai-version-key.ts';
import { redactApiKey } from '../redact-api-key.ts';
import { withNumberLexemes } from '../with-number-lexemes.ts';

/**
 * The live Azure OpenAI adapter: Chat Completions on a resource's deployment,
 * `POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…` with the key
 * in an `api-key` header.
 */
export function createAzureOpenAiProvider(
  settings: ProviderSettings,
  options: LiveProviderOptions = {},
): ModelProvider {
  const connect = connectOnFirstUse(() => {
    const azureSettings = readAzureOpenAiSettings(settings);
    const client = new AzureOpenAI({
      apiKey: azureSettings.apiKey,
      // A base URL rather than `endpoint`: left unset, the SDK would read OPENAI_BASE_URL.
      baseURL: `${azureSettings.endpoint}/openai`,
      apiVersion: azureSettings.apiVersion,
      deployment: azureSettings.deployment ?? undefined,
      organization: null,
      project: null,
      adminAPIKey: null,
      webhookSecret: null,
      maxRetries: 0,
      timeout: azureSettings.timeoutMs,
      fetch: withNumberLexemes(options.fetch),
    });
    return { client, settings: azureSettings };
  });

  return createLiveModelProvider({
    name: 'azure-openai',
    buildRequest: toAzureOpenAiChatRequest,
    async send(body, signal) {
      const { client, settings: azureSettings } = connect();
      try {
        // Exact numbers go to the SDK as placeholders; its fetch writes their digits back.
        const sdkBody = jsonNumberPlaceholders.insert(
          body,
        ) as ChatCompletionCreateParamsNonStreaming;
        const response = await client.chat.completions.create(sdkBody, { signal }).asResponse();
        return {
          ...parseAzureOpenAiResponse(redactApiKey(await response.text(), azureSettings.apiKey)),
          requestSent: body,
        };
      } catch (error) {
        throw toAzureOpenAiProviderError(error, {
          apiKey: azureSettings.apiKey,
          timeoutMs: azureSettings.timeoutMs,
          requestSent: body,
        });
      }
    },
    versionOf(answer, model) {
      const { deployment, apiVersion } = connect().settings;
      return extractAzureOpenAiVersionKey(answer.body, {
        deployment: deployment ?? model,
        apiVersion,
      });
    },
  });
}
