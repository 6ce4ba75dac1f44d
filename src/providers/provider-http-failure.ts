import { providerLabels, type ProviderName } from './provider-contract.ts';
import { ProviderError, parseRetryAfter } from './provider-error.ts';
import { redactApiKey } from './redact-api-key.ts';

export interface HttpFailure {
  readonly provider: ProviderName;
  readonly status: number | null;
  /** The answer's headers; absent when the SDK did not keep them. */
  readonly headers: Headers | undefined;
  /** The error body as the provider sent it (parsed JSON, or the text when it is not JSON). */
  readonly body: unknown;
  /** What went wrong, in words, after "{provider} answered ". */
  readonly description: string;
  /** Redacted from the description, body and headers. */
  readonly apiKey: string;
  readonly requestSent: Readonly<Record<string, unknown>> | null;
  /** A wait the provider states in its body (Gemini's RetryInfo), used when no header says one. */
  readonly bodyRetryAfterMs?: number | null;
}

/**
 * Response headers that carry credentials or session state, never kept: each provider's key
 * header (`api-key` Azure, `x-api-key` Anthropic, `x-goog-api-key` Gemini), the standard auth
 * headers, and cookies.
 */
const secretHeaders = new Set([
  'authorization',
  'proxy-authorization',
  'api-key',
  'x-api-key',
  'x-goog-api-key',
  'cookie',
  'set-cookie',
]);

/**
 * The ProviderError for a 4xx/5xx answer, carrying what the one retrying layer reads (STYLE point
 * 9). OpenAI, Azure OpenAI and Anthropic send `retry-after-ms`, more precise than `Retry-After`
 * (seconds or an HTTP date), and `x-should-retry: true|false`, which overrides the status rule;
 * their SDKs read them in that order, and so does this. Gemini sends neither. The key is
 * redacted wherever the answer echoes it.
 */
export function providerHttpFailure(failure: HttpFailure): ProviderError {
  const redact = (text: string): string => redactApiKey(text, failure.apiKey);
  const headers: Record<string, string> = {};
  failure.headers?.forEach((value, name) => {
    const lowerName = name.toLowerCase();
    if (!secretHeaders.has(lowerName)) headers[lowerName] = redact(value);
  });
  const shouldRetry = headers['x-should-retry'];
  return new ProviderError({
    provider: failure.provider,
    kind: failure.status === 429 ? 'rate_limited' : 'http_error',
    status: failure.status,
    body:
      failure.body === undefined || failure.body === null
        ? null
        : (JSON.parse(redact(JSON.stringify(failure.body))) as unknown),
    headers,
    retryable: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined,
    retryAfterMs: retryAfterMs(headers) ?? failure.bodyRetryAfterMs ?? null,
    message: `${providerLabels[failure.provider]} answered ${redact(failure.description)}`,
    requestSent: failure.requestSent,
    // No `cause`: the SDK error holds the body and message unredacted, and loggers print causes.
  });
}

function retryAfterMs(headers: Readonly<Record<string, string>>): number | null {
  const milliseconds = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.round(milliseconds);
  return parseRetryAfter(headers['retry-after']);
}
