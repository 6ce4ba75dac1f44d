import { ApiError } from '@google/genai';
import { ProviderError, parseRetryAfter } from '../provider-error.ts';
import type { RecordedResponse } from './google-recorded-exchange.ts';

export interface GoogleErrorContext {
  /** Redacted wherever a provider or proxy echoes it back (messages, bodies, headers). */
  readonly apiKey: string;
  readonly timeoutMs: number;
  /** The failed answer as recorded on the wire; null when none came. */
  readonly response: RecordedResponse | null;
  readonly abortedByCaller: boolean;
}

/** Response headers that carry credentials or session state: never kept. */
const secretHeaders = new Set([
  'authorization',
  'proxy-authorization',
  'x-goog-api-key',
  'cookie',
  'set-cookie',
]);

/**
 * Maps what a genai call throws to a ProviderError. The SDK throws `ApiError` (status, and the body
 * as JSON text in the message) for 4xx/5xx, and lets fetch's own errors through: `AbortError` for
 * its timeout and the caller's signal alike, `TypeError` when the host is unreachable. Status,
 * body and headers are taken from the recorded exchange, which the SDK error lacks.
 */
export function toGoogleProviderError(error: unknown, context: GoogleErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const redact = (text: string): string => text.split(context.apiKey).join('[redacted]');

  if (isAbortError(error)) {
    return new ProviderError({
      provider: 'google',
      kind: 'timeout',
      retryable: !context.abortedByCaller,
      message: context.abortedByCaller
        ? 'Gemini call was aborted by the caller'
        : `Gemini did not answer within ${context.timeoutMs} ms`,
      cause: error,
    });
  }
  if (error instanceof ApiError || context.response !== null) {
    return fromStatusError(error, context, redact);
  }
  if (error instanceof TypeError) {
    return new ProviderError({
      provider: 'google',
      kind: 'network_error',
      message: `Gemini could not be reached: ${redact(describeError(error))}`,
      cause: error,
    });
  }
  return new ProviderError({
    provider: 'google',
    kind: 'http_error',
    retryable: false,
    message: `Gemini call failed: ${redact(describeError(error))}`,
    cause: error,
  });
}

function fromStatusError(
  error: unknown,
  context: GoogleErrorContext,
  redact: (text: string) => string,
): ProviderError {
  const status = context.response?.status ?? (error instanceof ApiError ? error.status : null);
  const bodyText = context.response?.text ?? (error instanceof Error ? error.message : '');
  const body = parseJsonOrText(redact(bodyText));
  const headers: Record<string, string> = {};
  context.response?.headers.forEach((value, name) => {
    if (!secretHeaders.has(name.toLowerCase())) headers[name.toLowerCase()] = redact(value);
  });
  return new ProviderError({
    provider: 'google',
    kind: status === 429 ? 'rate_limited' : 'http_error',
    status,
    body,
    headers,
    retryAfterMs: parseRetryAfter(headers['retry-after']) ?? retryInfoDelayMs(body),
    message: `Gemini answered ${status ?? 'an error'}: ${errorMessage(body)}`,
    // No `cause`: the SDK error holds the body unredacted, and loggers print causes.
  });
}

/**
 * Google APIs say when to retry in the body: a `google.rpc.RetryInfo` detail with a protobuf
 * Duration such as `"7s"` (https://cloud.google.com/apis/design/errors#retryinfo). Used when
 * there is no `Retry-After` header.
 */
function retryInfoDelayMs(body: unknown): number | null {
  const details = (body as { error?: { details?: unknown } } | null)?.error?.details;
  if (!Array.isArray(details)) return null;
  for (const detail of details as unknown[]) {
    const { '@type': type, retryDelay } = (detail ?? {}) as Record<string, unknown>;
    const seconds = typeof retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(retryDelay) : null;
    if (type === 'type.googleapis.com/google.rpc.RetryInfo' && seconds?.[1] !== undefined) {
      return Math.round(Number(seconds[1]) * 1000);
    }
  }
  return null;
}

function errorMessage(body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof message === 'string') return message;
  return typeof body === 'string' && body !== '' ? body : 'no error message';
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text === '' ? null : text;
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
