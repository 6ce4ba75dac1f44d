import { JsonSyntaxError, parseLosslessJson, type JsonValue } from '../core/json/lossless-json.ts';
import { packageVersion } from '../package-version.ts';
import { ApiResponseError } from './api-response-error.ts';

export interface ApiClientOptions {
  /** The API's base URL, e.g. http://127.0.0.1:8000 (a path prefix is kept). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <key>`; null sends no credentials. */
  readonly apiKey: string | null;
  /** node's fetch by default; tests may pass their own. */
  readonly fetch?: typeof fetch;
  /** Give up on an answer after this long (a run waits for the provider): 10 minutes by default. */
  readonly timeoutMs?: number;
}

export interface ApiRequest {
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** A JSON body: text is sent as is (so number lexemes reach the server untouched). */
  readonly body?: string;
}

/** The server could not be reached or gave no usable answer; nothing is known to have happened. */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The one HTTP client of the CLI. Answers are parsed losslessly (numbers keep their lexemes), an
 * error answer throws {@link ApiResponseError} with the server's `{"detail": …}` body, and a
 * transport failure throws {@link ServerUnreachableError}.
 */
export function createApiClient(options: ApiClientOptions) {
  const fetchImplementation = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');

  return {
    baseUrl: base,

    /** Sends one request; resolves to the parsed body, or null for an empty answer (204). */
    async request(method: string, path: string, request: ApiRequest = {}): Promise<JsonValue> {
      const url = new URL(`${base}${path}`);
      for (const [name, value] of Object.entries(request.query ?? {})) {
        if (value !== undefined) url.searchParams.set(name, String(value));
      }
      const headers: Record<string, string> = {
        accept: 'application/json',
        'user-agent': `prompter-cli/${packageVersion}`,
      };
      if (options.apiKey !== null) headers['authorization'] = `Bearer ${options.apiKey}`;
      if (request.body !== undefined) headers['content-type'] = 'application/json';

      let response: Response;
      let text: string;
      try {
        response = await fetchImplementation(url, {
          method,
          headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 600_000),
        });
        text = await response.text();
      } catch (error) {
        const cause = error as Error & { cause?: { code?: string; message?: string } };
        const reason = cause.cause?.code ?? cause.cause?.message ?? cause.message;
        throw new ServerUnreachableError(`cannot reach the Prompter server at ${base}: ${reason}`, {
          cause: error,
        });
      }
      const body = parseAnswer(text, response.status, base);
      if (response.ok) return body;
      if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'detail' in body) {
        throw new ApiResponseError(response.status, { detail: body['detail'] });
      }
      throw new ApiResponseError(response.status, {
        detail: { code: 'UNEXPECTED_ANSWER', message: `${base} answered ${response.status}` },
      });
    },
  };
}

function parseAnswer(text: string, status: number, base: string): JsonValue {
  if (text.trim() === '') return null;
  try {
    return parseLosslessJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new ServerUnreachableError(
      `${base} answered ${status} with something other than JSON: is PROMPTER_URL the Prompter API?`,
    );
  }
}
