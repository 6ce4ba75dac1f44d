import type { ProviderOrUnknown } from './provider-contract.ts';

export type ProviderFailureKind =
  | 'http_error'
  | 'rate_limited'
  | 'timeout'
  | 'network_error'
  | 'malformed_response'
  | 'not_configured'
  | 'unsupported';

/**
 * A provider call that failed, carrying what a caller needs to decide (STYLE point 9): the HTTP
 * status, the provider's body and headers (auth headers never included), whether retrying can
 * help, and how long the provider asked us to wait.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly provider: ProviderOrUnknown;
  readonly kind: ProviderFailureKind;
  readonly status: number | null;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly retryable: boolean;
  /** From `Retry-After` (seconds or HTTP date), in milliseconds; null when absent. */
  readonly retryAfterMs: number | null;
  /**
   * The request body as it was sent, or would have been, when the failure came after the adapter
   * built it; null before that (not configured, unsupported). Stored as the failed result's
   * request, so it is not part of `toJSON()`.
   */
  readonly requestSent: Readonly<Record<string, unknown>> | null;

  constructor(init: {
    provider: ProviderOrUnknown;
    kind: ProviderFailureKind;
    message: string;
    status?: number | null;
    body?: unknown;
    headers?: Readonly<Record<string, string>>;
    retryable?: boolean;
    retryAfterMs?: number | null;
    requestSent?: Readonly<Record<string, unknown>> | null;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.provider = init.provider;
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.body = init.body ?? null;
    this.headers = init.headers ?? {};
    this.retryable = init.retryable ?? isRetryableStatus(init.status ?? null, init.kind);
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.requestSent = init.requestSent ?? null;
  }

  /** The same failure, naming the request it concerned; itself when that is already known. */
  withRequestSent(requestSent: Readonly<Record<string, unknown>> | null): ProviderError {
    if (requestSent === null || this.requestSent !== null) return this;
    const copy = new ProviderError({
      provider: this.provider,
      kind: this.kind,
      message: this.message,
      status: this.status,
      body: this.body,
      headers: this.headers,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      requestSent,
      cause: this.cause,
    });
    if (this.stack !== undefined) copy.stack = this.stack;
    return copy;
  }

  /** The stored and returned form: no stack, no cause, nothing secret. */
  toJSON(): Record<string, unknown> {
    return {
      provider: this.provider,
      kind: this.kind,
      message: this.message,
      status: this.status,
      retryable: this.retryable,
      retry_after_ms: this.retryAfterMs,
      body: this.body,
    };
  }
}

/** 408, 409, 429 and 5xx are worth retrying; so are timeouts and network failures. */
export function isRetryableStatus(status: number | null, kind: ProviderFailureKind): boolean {
  if (kind === 'timeout' || kind === 'network_error' || kind === 'rate_limited') return true;
  if (status === null) return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date = new Date(),
): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}
