import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderError, parseRetryAfter } from '../provider-error.ts';

export interface OpenAiErrorContext {
  readonly provider: 'openai' | 'azure-openai';
  /** Redacted wherever a provider or proxy echoes it back (messages, bodies, headers). */
  readonly apiKey: string;
  readonly timeoutMs: number;
}

/** Response headers that carry credentials or session state: never kept. */
const secretHeaders = new Set([
  'authorization',
  'proxy-authorization',
  'api-key',
  'x-api-key',
  'cookie',
  'set-cookie',
]);

/**
 * Maps what the openai SDK throws (https://github.com/openai/openai-node#handling-errors) to a
 * ProviderError. With `maxRetries: 0` the SDK hands over the first failure; whether to retry is
 * decided by the one retrying layer above, from `retryable` and `retryAfterMs`. The SDK keeps only
 * the `error` member of an error body, so the body is rebuilt as `{error}`; a body that is not
 * JSON survives only in the SDK's message.
 */
export function toOpenAiProviderError(error: unknown, context: OpenAiErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const label = context.provider === 'openai' ? 'OpenAI' : 'Azure OpenAI';
  const redact = (text: string): string => text.split(context.apiKey).join('[redacted]');

  if (error instanceof APIUserAbortError || isAbortError(error)) {
    return new ProviderError({
      provider: context.provider,
      kind: 'timeout',
      retryable: false,
      message: `${label} call was aborted by the caller`,
      cause: error,
    });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderError({
      provider: context.provider,
      kind: 'timeout',
      message: `${label} did not answer within ${context.timeoutMs} ms`,
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    return new ProviderError({
      provider: context.provider,
      kind: 'network_error',
      message: `${label} could not be reached: ${redact(describeCause(error))}`,
      cause: error,
    });
  }
  if (isApiError(error)) return fromStatusError(error, context, label, redact);
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError({
    provider: context.provider,
    kind: 'http_error',
    retryable: false,
    message: `${label} call failed: ${redact(message)}`,
    cause: error,
  });
}

function fromStatusError(
  error: APIError,
  context: OpenAiErrorContext,
  label: string,
  redact: (text: string) => string,
): ProviderError {
  const headers = error.headers === undefined ? {} : keepSafeHeaders(error.headers, redact);
  const status = error.status ?? null;
  return new ProviderError({
    provider: context.provider,
    kind: status === 429 ? 'rate_limited' : 'http_error',
    status,
    body: error.error === undefined ? null : redactJson({ error: error.error }, redact),
    headers,
    retryable: shouldRetryHeader(headers) ?? undefined,
    retryAfterMs: readRetryAfterMs(headers),
    message: `${label} answered ${redact(error.message)}`,
    // No `cause`: the SDK error holds the body and message unredacted, and loggers print causes.
  });
}

function keepSafeHeaders(
  headers: Headers,
  redact: (text: string) => string,
): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!secretHeaders.has(name.toLowerCase())) kept[name.toLowerCase()] = redact(value);
  });
  return kept;
}

/**
 * `retry-after-ms` (sent by OpenAI and Azure, in milliseconds) is more precise than
 * `Retry-After` (seconds or an HTTP date); the SDK's own retry loop reads them in that order.
 */
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

function redactJson(value: unknown, redact: (text: string) => string): unknown {
  return JSON.parse(redact(JSON.stringify(value))) as unknown;
}

function describeCause(error: Error): string {
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

/** Plain `instanceof` would type the generic error as `APIError<any, any, any>`. */
function isApiError(error: unknown): error is APIError {
  return error instanceof APIError;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
