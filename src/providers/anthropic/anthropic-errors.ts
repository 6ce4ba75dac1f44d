import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';
import { ProviderError, parseRetryAfter } from '../provider-error.ts';

export interface AnthropicErrorContext {
  /** Redacted wherever a provider or proxy echoes it back (messages, bodies, headers). */
  readonly apiKey: string;
  readonly timeoutMs: number;
}

/** Response headers that carry credentials or session state: never kept. */
const secretHeaders = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'cookie',
  'set-cookie',
]);

/**
 * Maps what the Anthropic SDK throws (https://github.com/anthropics/anthropic-sdk-typescript#handling-errors)
 * to a ProviderError. With `maxRetries: 0` the SDK hands over the first failure; the one retrying
 * layer above decides from `retryable` and `retryAfterMs`. Anthropic's error body is
 * `{type: "error", error: {type, message}}` (https://docs.anthropic.com/en/api/errors); 529
 * `overloaded_error` is a retryable 5xx.
 */
export function toAnthropicProviderError(
  error: unknown,
  context: AnthropicErrorContext,
): ProviderError {
  if (error instanceof ProviderError) return error;
  const redact = (text: string): string => text.split(context.apiKey).join('[redacted]');

  if (error instanceof APIUserAbortError || isAbortError(error)) {
    return new ProviderError({
      provider: 'anthropic',
      kind: 'timeout',
      retryable: false,
      message: 'Anthropic call was aborted by the caller',
      cause: error,
    });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderError({
      provider: 'anthropic',
      kind: 'timeout',
      message: `Anthropic did not answer within ${context.timeoutMs} ms`,
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    return new ProviderError({
      provider: 'anthropic',
      kind: 'network_error',
      message: `Anthropic could not be reached: ${redact(describeError(error))}`,
      cause: error,
    });
  }
  if (isApiError(error)) return fromStatusError(error, redact);
  return new ProviderError({
    provider: 'anthropic',
    kind: 'http_error',
    retryable: false,
    message: `Anthropic call failed: ${redact(describeError(error))}`,
    cause: error,
  });
}

function fromStatusError(error: APIError, redact: (text: string) => string): ProviderError {
  const headers: Record<string, string> = {};
  error.headers?.forEach((value, name) => {
    if (!secretHeaders.has(name.toLowerCase())) headers[name.toLowerCase()] = redact(value);
  });
  const status = error.status ?? null;
  return new ProviderError({
    provider: 'anthropic',
    kind: status === 429 ? 'rate_limited' : 'http_error',
    status,
    body:
      error.error === undefined
        ? null
        : (JSON.parse(redact(JSON.stringify(error.error))) as unknown),
    headers,
    retryable: shouldRetryHeader(headers) ?? undefined,
    retryAfterMs: readRetryAfterMs(headers),
    message: `Anthropic answered ${redact(error.message)}`,
    // No `cause`: the SDK error holds the body and message unredacted, and loggers print causes.
  });
}

/** `retry-after-ms` when sent, else `Retry-After`, as the SDK's own retry loop reads them. */
function readRetryAfterMs(headers: Readonly<Record<string, string>>): number | null {
  const milliseconds = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.round(milliseconds);
  return parseRetryAfter(headers['retry-after']);
}

/** `x-should-retry: true|false` overrides the status-based rule (the SDK honours it too). */
function shouldRetryHeader(headers: Readonly<Record<string, string>>): boolean | null {
  const value = headers['x-should-retry'];
  return value === 'true' ? true : value === 'false' ? false : null;
}

/** Plain `instanceof` would type the generic error as `APIError<any, any, any>`. */
function isApiError(error: unknown): error is APIError {
  return error instanceof APIError;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
