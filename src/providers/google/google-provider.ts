import { GoogleGenAI, type GenerateContentParameters } from '@google/genai';
import type { ProviderSettings } from '../../config/app-config.ts';
import { jsonNumberPlaceholders } from '../../core/json/lossless-json.ts';
import { connectOnFirstUse } from '../connect-on-first-use.ts';
import {
  createLiveModelProvider,
  type LiveAnswer,
  type LiveProviderOptions,
} from '../create-live-model-provider.ts';
import type { ModelProvider } from '../provider-contract.ts';
import { toGoogleProviderError } from './google-errors.ts';
import { recordGoogleExchange } from './google-recorded-exchange.ts';
import { toGoogleContentRequest } from './google-request.ts';
import { parseGoogleResponse } from './google-response.ts';
import { readGoogleSettings } from './google-settings.ts';
import { extractGoogleVersionKey } from './google-version-key.ts';
import { redactApiKey } from '../redact-api-key.ts';
import { withNumberLexemes } from '../with-number-lexemes.ts';

/**
 * The live Gemini adapter: `generateContent` on the Gemini Developer API with an API key
 * (`x-goog-api-key`), never Vertex AI. The genai SDK has no retries unless asked for
 * (`httpOptions.retryOptions`), so none are configured.
 */
export function createGoogleProvider(
  settings: ProviderSettings,
  options: LiveProviderOptions = {},
): ModelProvider {
  const baseFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const connect = connectOnFirstUse(() => {
    const googleSettings = readGoogleSettings(settings);
    const client = new GoogleGenAI({
      apiKey: googleSettings.apiKey,
      vertexai: false,
      httpOptions: { baseUrl: googleSettings.baseUrl, timeout: googleSettings.timeoutMs },
    });
    return { client, settings: googleSettings };
  });

  async function send(
    params: GenerateContentParameters,
    signal: AbortSignal | undefined,
  ): Promise<LiveAnswer> {
    const { client, settings: googleSettings } = connect();
    const exchange = recordGoogleExchange(baseFetch);
    let failure: unknown = null;
    // Exact numbers go to the SDK as placeholders; the fetch it is given writes their digits back
    // before the exchange is recorded and sent.
    const sdkParams = jsonNumberPlaceholders.insert(params) as GenerateContentParameters;
    try {
      await client.models.generateContent({
        ...sdkParams,
        config: {
          ...sdkParams.config,
          abortSignal: signal,
          httpOptions: { fetch: withNumberLexemes(exchange.fetch) },
        },
      });
    } catch (error) {
      failure = error;
    }
    const response = exchange.response();
    const wireBody = exchange.requestBody();
    // The wire body has no model: Gemini takes it from the URL (`models/{model}:generateContent`).
    const requestSent = wireBody === null ? null : { model: params.model, ...wireBody };
    // Any 200 is judged from its recorded body, including one the SDK could not read.
    if (response?.status === 200 && requestSent !== null) {
      try {
        return {
          ...parseGoogleResponse(redactApiKey(response.text, googleSettings.apiKey)),
          requestSent,
        };
      } catch (malformed) {
        failure = malformed;
      }
    }
    throw toGoogleProviderError(failure, {
      apiKey: googleSettings.apiKey,
      timeoutMs: googleSettings.timeoutMs,
      response,
      abortedByCaller: signal?.aborted ?? false,
      requestSent,
    });
  }

  return createLiveModelProvider({
    name: 'google',
    buildRequest: toGoogleContentRequest,
    send,
    versionOf: (answer) => extractGoogleVersionKey(answer.body),
  });
}
