import { GoogleGenAI, type GenerateContentParameters } from '@google/genai';
import type { ProviderSettings } from '../../config/app-config.ts';
import type {
  ModelCallRequest,
  ModelCallResult,
  ModelProvider,
  VersionProbe,
  VersionProbeRequest,
} from '../provider-contract.ts';
import { toGoogleProviderError } from './google-errors.ts';
import { recordGoogleExchange } from './google-recorded-exchange.ts';
import { toGoogleContentRequest } from './google-request.ts';
import { parseGoogleResponse, type GoogleContentResponse } from './google-response.ts';
import { readGoogleSettings, type GoogleSettings } from './google-settings.ts';
import { extractGoogleVersionKey } from './google-version-key.ts';

export interface GoogleProviderOptions {
  /** Replaces the global fetch (tests, proxies); the SDK uses it for every request. */
  readonly fetch?: typeof fetch;
}

/**
 * The live Gemini adapter: `generateContent` on the Gemini Developer API with an API key
 * (`x-goog-api-key`), never Vertex AI. The genai SDK has no retries unless asked for
 * (`httpOptions.retryOptions`), so none are configured.
 */
export function createGoogleProvider(
  settings: ProviderSettings,
  options: GoogleProviderOptions = {},
): ModelProvider {
  const baseFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  let connection: { client: GoogleGenAI; settings: GoogleSettings } | null = null;

  function connect(): { client: GoogleGenAI; settings: GoogleSettings } {
    if (connection === null) {
      const googleSettings = readGoogleSettings(settings);
      const client = new GoogleGenAI({
        apiKey: googleSettings.apiKey,
        vertexai: false,
        httpOptions: { baseUrl: googleSettings.baseUrl, timeout: googleSettings.timeoutMs },
      });
      connection = { client, settings: googleSettings };
    }
    return connection;
  }

  async function send(
    params: GenerateContentParameters,
    signal?: AbortSignal,
  ): Promise<GoogleContentResponse & { requestSent: Readonly<Record<string, unknown>> }> {
    const { client, settings: googleSettings } = connect();
    const exchange = recordGoogleExchange(baseFetch);
    let failure: unknown = null;
    try {
      await client.models.generateContent({
        ...params,
        config: { ...params.config, abortSignal: signal, httpOptions: { fetch: exchange.fetch } },
      });
    } catch (error) {
      failure = error;
    }
    const response = exchange.response();
    // Any 200 is judged from its recorded body, including one the SDK could not read.
    if (response?.status === 200) {
      // The wire body has no model: Gemini takes it from the URL (`models/{model}:generateContent`).
      const requestSent = { model: params.model, ...exchange.requestBody() };
      return { ...parseGoogleResponse(response.text), requestSent };
    }
    throw toGoogleProviderError(failure, {
      apiKey: googleSettings.apiKey,
      timeoutMs: googleSettings.timeoutMs,
      response,
      abortedByCaller: signal?.aborted ?? false,
    });
  }

  return {
    name: 'google',

    async call(request: ModelCallRequest): Promise<ModelCallResult> {
      const answer = await send(toGoogleContentRequest(request), request.signal);
      return {
        content: answer.content,
        ...extractGoogleVersionKey(answer.body),
        usage: answer.usage,
        requestSent: answer.requestSent,
        response: answer.body,
        simulated: false,
      };
    },

    async probeVersion(request: VersionProbeRequest): Promise<VersionProbe> {
      const params = toGoogleContentRequest({ ...request, prompt: 'ping', maxTokensOverride: 1 });
      const { versionKey, versionParts } = extractGoogleVersionKey((await send(params)).body);
      return { versionKey: versionKey ?? request.model, versionParts };
    },
  };
}
