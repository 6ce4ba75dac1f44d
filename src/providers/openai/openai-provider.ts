import OpenAI from 'openai';
import type { ProviderSettings } from '../../config/app-config.ts';
import type {
  ModelCallRequest,
  ModelCallResult,
  ModelProvider,
  VersionProbe,
  VersionProbeRequest,
} from '../provider-contract.ts';
import { toOpenAiProviderError } from './openai-errors.ts';
import { toOpenAiChatRequest, type OpenAiChatRequest } from './openai-request.ts';
import { parseOpenAiResponse, type OpenAiChatResponse } from './openai-response.ts';
import { readOpenAiSettings, type OpenAiSettings } from './openai-settings.ts';
import { extractOpenAiVersionKey } from './openai-version-key.ts';

export interface OpenAiProviderOptions {
  /** Replaces the global fetch (tests, proxies); the SDK uses it for every request. */
  readonly fetch?: typeof fetch;
}

/** The live OpenAI adapter: Chat Completions, the API that reports `system_fingerprint`. */
export function createOpenAiProvider(
  settings: ProviderSettings,
  options: OpenAiProviderOptions = {},
): ModelProvider {
  let connection: { client: OpenAI; settings: OpenAiSettings } | null = null;

  function connect(): { client: OpenAI; settings: OpenAiSettings } {
    if (connection === null) {
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
        fetch: options.fetch,
      });
      connection = { client, settings: openAiSettings };
    }
    return connection;
  }

  async function send(body: OpenAiChatRequest, signal?: AbortSignal): Promise<OpenAiChatResponse> {
    const { client, settings: openAiSettings } = connect();
    try {
      // The raw response, so that a 200 whose body is not a chat completion is reported as such.
      const response = await client.chat.completions.create(body, { signal }).asResponse();
      return parseOpenAiResponse(await response.text(), 'openai');
    } catch (error) {
      throw toOpenAiProviderError(error, {
        provider: 'openai',
        apiKey: openAiSettings.apiKey,
        timeoutMs: openAiSettings.timeoutMs,
      });
    }
  }

  return {
    name: 'openai',

    async call(request: ModelCallRequest): Promise<ModelCallResult> {
      const body = toOpenAiChatRequest(request);
      const completion = await send(body, request.signal);
      return {
        content: completion.content,
        ...extractOpenAiVersionKey(completion.body),
        usage: completion.usage,
        requestSent: body,
        response: completion.body,
        simulated: false,
      };
    },

    async probeVersion(request: VersionProbeRequest): Promise<VersionProbe> {
      const body = toOpenAiChatRequest({ ...request, prompt: 'ping', maxTokensOverride: 1 });
      const completion = await send(body);
      const { versionKey, versionParts } = extractOpenAiVersionKey(completion.body);
      return { versionKey: versionKey ?? request.model, versionParts };
    },
  };
}
