import Anthropic from '@anthropic-ai/sdk';
import type { ProviderSettings } from '../../config/app-config.ts';
import type {
  ModelCallRequest,
  ModelCallResult,
  ModelProvider,
  VersionProbe,
  VersionProbeRequest,
} from '../provider-contract.ts';
import { toAnthropicProviderError } from './anthropic-errors.ts';
import { toAnthropicMessagesRequest, type AnthropicMessagesRequest } from './anthropic-request.ts';
import { parseAnthropicResponse, type AnthropicMessageResponse } from './anthropic-response.ts';
import { readAnthropicSettings, type AnthropicSettings } from './anthropic-settings.ts';
import { extractAnthropicVersionKey } from './anthropic-version-key.ts';

export interface AnthropicProviderOptions {
  /** Replaces the global fetch (tests, proxies); the SDK uses it for every request. */
  readonly fetch?: typeof fetch;
}

/** The live Anthropic adapter: the Messages API, whose answers name the dated served model. */
export function createAnthropicProvider(
  settings: ProviderSettings,
  options: AnthropicProviderOptions = {},
): ModelProvider {
  let connection: { client: Anthropic; settings: AnthropicSettings } | null = null;

  function connect(): { client: Anthropic; settings: AnthropicSettings } {
    if (connection === null) {
      const anthropicSettings = readAnthropicSettings(settings);
      const client = new Anthropic({
        apiKey: anthropicSettings.apiKey,
        baseURL: anthropicSettings.baseUrl,
        webhookKey: null,
        maxRetries: 0,
        timeout: anthropicSettings.timeoutMs,
        fetch: options.fetch,
      });
      connection = { client, settings: anthropicSettings };
    }
    return connection;
  }

  async function send(
    body: AnthropicMessagesRequest,
    signal?: AbortSignal,
  ): Promise<AnthropicMessageResponse> {
    const { client, settings: anthropicSettings } = connect();
    try {
      // The raw response, so that a 200 whose body is not a message is reported as such.
      const response = await client.messages.create(body, { signal }).asResponse();
      return parseAnthropicResponse(await response.text());
    } catch (error) {
      throw toAnthropicProviderError(error, {
        apiKey: anthropicSettings.apiKey,
        timeoutMs: anthropicSettings.timeoutMs,
      });
    }
  }

  return {
    name: 'anthropic',

    async call(request: ModelCallRequest): Promise<ModelCallResult> {
      const body = toAnthropicMessagesRequest(request);
      const message = await send(body, request.signal);
      return {
        content: message.content,
        ...extractAnthropicVersionKey(message.body),
        usage: message.usage,
        requestSent: body,
        response: message.body,
        simulated: false,
      };
    },

    async probeVersion(request: VersionProbeRequest): Promise<VersionProbe> {
      const body = toAnthropicMessagesRequest({ ...request, prompt: 'ping', maxTokensOverride: 1 });
      const { versionKey, versionParts } = extractAnthropicVersionKey((await send(body)).body);
      return { versionKey: versionKey ?? request.model, versionParts };
    },
  };
}
