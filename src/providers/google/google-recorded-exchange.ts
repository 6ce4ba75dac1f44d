import { isJsonObject, parseLosslessJson, type JsonObject } from '../../core/json/lossless-json.ts';

/**
 * One HTTP exchange as it went over the wire. The genai SDK turns a failed response into an
 * `ApiError` with only a status and a message (no headers, so no `Retry-After`), and reshapes both
 * the request and the response body; recording the exchange through the SDK's `fetch` hook keeps
 * what Prompter stores and what the retrying layer reads true to the wire.
 */
export interface RecordedExchange {
  /** The fetch to give the SDK for this one call. */
  readonly fetch: typeof fetch;
  /** The JSON body as sent, numbers as written; null until a request is made. */
  readonly requestBody: () => JsonObject | null;
  /** The answer, once its whole body has been read; null when none came (timeout, network). */
  readonly response: () => RecordedResponse | null;
}

export interface RecordedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export function recordGoogleExchange(baseFetch: typeof fetch): RecordedExchange {
  let requestBody: JsonObject | null = null;
  let recorded: RecordedResponse | null = null;

  const recordingFetch: typeof fetch = async (input, init) => {
    requestBody = typeof init?.body === 'string' ? parseBody(init.body) : null;
    const response = await baseFetch(input, init);
    // Read within the SDK's timeout and abort signal, which `init` carries.
    const text = await response.clone().text();
    recorded = { status: response.status, headers: response.headers, text };
    return response;
  };

  return { fetch: recordingFetch, requestBody: () => requestBody, response: () => recorded };
}

function parseBody(text: string): JsonObject | null {
  try {
    const value = parseLosslessJson(text);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}
