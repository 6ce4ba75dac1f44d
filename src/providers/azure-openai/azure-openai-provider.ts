import { AzureOpenAI } from 'openai';
import type { ProviderSettings } from '../../config/app-config.ts';
import type { OpenAiChatRequest } from '../openai/openai-request.ts';
import type { OpenAiChatResponse } from '../openai/openai-response.ts';
import type { OpenAiVersionKey } from '../openai/openai-version-key.ts';
import type {
  ModelCallRequest,
  ModelCallResult,
  ModelProvider,
  VersionProbe,
  VersionProbeRequest,
} from '../provider-contract.ts';
import { toAzureOpenAiProviderError } from './azure-openai-errors.ts';
import { toAzureOpenAiChatRequest } from './azure-openai-request.ts';
import { parseAzureOpenAiResponse } from './azure-openai-response.ts';
import { readAzureOpenAiSettings, type AzureOpenAiSettings } from './azure-openai-settings.ts';
import { extractAzureOpenAiVersionKey } from './azure-openai-version-key.ts';

export interface AzureOpenAiProviderOptions {
  /** Replaces the global fetch (tests, proxies); the SDK uses it for every request. */
  readonly fetch?: typeof fetch;
}

/**
 * The live Azure OpenAI adapter: Chat Completions on a resource's deployment,
 * `POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…` with the key
 * in an `api-key` header.
 */
export function createAzureOpenAiProvider(
  settings: ProviderSettings,
  options: AzureOpenAiProviderOptions = {},
): ModelProvider {
  let connection: { client: AzureOpenAI; settings: AzureOpenAiSettings } | null = null;

  function connect(): { client: AzureOpenAI; settings: AzureOpenAiSettings } {
    if (connection === null) {
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
        fetch: options.fetch,
      });
      connection = { client, settings: azureSettings };
    }
    return connection;
  }

  async function send(body: OpenAiChatRequest, signal?: AbortSignal): Promise<OpenAiChatResponse> {
    const { client, settings: azureSettings } = connect();
    try {
      const response = await client.chat.completions.create(body, { signal }).asResponse();
      return parseAzureOpenAiResponse(await response.text());
    } catch (error) {
      throw toAzureOpenAiProviderError(error, {
        apiKey: azureSettings.apiKey,
        timeoutMs: azureSettings.timeoutMs,
      });
    }
  }

  function versionOf(completion: OpenAiChatResponse, model: string): OpenAiVersionKey {
    const { deployment, apiVersion } = connect().settings;
    return extractAzureOpenAiVersionKey(completion.body, {
      deployment: deployment ?? model,
      apiVersion,
    });
  }

  return {
    name: 'azure-openai',

    async call(request: ModelCallRequest): Promise<ModelCallResult> {
      const body = toAzureOpenAiChatRequest(request);
      const completion = await send(body, request.signal);
      return {
        content: completion.content,
        ...versionOf(completion, request.model),
        usage: completion.usage,
        requestSent: body,
        response: completion.body,
        simulated: false,
      };
    },

    async probeVersion(request: VersionProbeRequest): Promise<VersionProbe> {
      const body = toAzureOpenAiChatRequest({ ...request, prompt: 'ping', maxTokensOverride: 1 });
      const { versionKey, versionParts } = versionOf(await send(body), request.model);
      return { versionKey: versionKey ?? request.model, versionParts };
    },
  };
}
