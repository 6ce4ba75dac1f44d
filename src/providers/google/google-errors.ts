import { ApiError } from '@google/genai';
import { isAbortError } from '../is-abort-error.ts';
import { ProviderError } from '../provider-error.ts';
import { providerHttpFailure } from '../provider-http-failure.ts';
import { providerTransportFailure } from '../provider-transport-failure.ts';
import type { RecordedResponse } from './google-recorded-exchange.ts';

export interface GoogleErrorContext {
  /** Redacted wherever a provider or proxy echoes it back (messages, bodies, headers). */
  readonly apiKey: string;
  readonly timeoutMs: number;
  /** The failed answer as recorded on the wire; null when none came. */
  readonly response: RecordedResponse | null;
  readonly abortedByCaller: boolean;
  /** The wire body, once the SDK has sent it. */
  readonly requestSent: Readonly<Record<string, unknown>> | null;
}

/**
 * Maps what a genai call throws to a ProviderError. The SDK throws `ApiError` (status, and the body
 * as JSON text in the message) for 4xx/5xx, and lets fetch's own errors through: `AbortError` for
 * its timeout and the caller's signal alike, `TypeError` when the host is unreachable. Status,
 * body and headers are taken from the recorded exchange, which the SDK error lacks.
 */
export function toGoogleProviderError(error: unknown, context: GoogleErrorContext): ProviderError {
  if (error instanceof ProviderError) return error.withRequestSent(context.requestSent);
  const failure = { ...context, provider: 'google', cause: error } as const;
  if (isAbortError(error)) {
    return providerTransportFailure({
      ...failure,
      kind: context.abortedByCaller ? 'aborted' : 'timed_out',
    });
  }
  if (error instanceof ApiError || context.response !== null) {
    const status = context.response?.status ?? (error instanceof ApiError ? error.status : null);
    const body = parseJsonOrText(
      context.response?.text ?? (error instanceof Error ? error.message : ''),
    );
    return providerHttpFailure({
      ...failure,
      status,
      headers: context.response?.headers,
      body,
      description: `${status ?? 'an error'}: ${errorMessage(body)}`,
      bodyRetryAfterMs: retryInfoDelayMs(body),
    });
  }
  return providerTransportFailure({
    ...failure,
    kind: error instanceof TypeError ? 'unreachable' : 'unexpected',
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
