import type { ProviderError } from '../providers/provider-error.ts';

/**
 * What a failed provider attempt allows, judged by whether the provider may have billed it:
 * - `resend`: provably not billed (the connection was refused, a 429, a 5xx with no output), so
 *   sending again costs nothing extra;
 * - `resend_possibly_billed`: the request may have been processed (a timeout, a connection that
 *   broke after sending): at most one such re-send per cell, counted in the batch summary;
 * - `final`: retrying cannot help (a 4xx other than 408/409/429, a malformed answer, the caller's
 *   abort).
 */
export type ResendDecision = 'resend' | 'resend_possibly_billed' | 'final';

/** Socket errors raised before a request left this machine: nothing reached the provider. */
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function decideResend(error: ProviderError): ResendDecision {
  if (!error.retryable) return 'final';
  if (error.kind === 'rate_limited' || error.status === 429) return 'resend';
  if (error.kind === 'network_error') {
    return NEVER_SENT_CODES.has(causeCode(error) ?? '') ? 'resend' : 'resend_possibly_billed';
  }
  if (error.kind === 'timeout') return 'resend_possibly_billed';
  if (error.status !== null && error.status >= 500) {
    // A 5xx answer carries no completion: the provider bills output it produced, and there is none.
    return 'resend';
  }
  if (error.status === 408 || error.status === 409) return 'resend';
  return 'final';
}

/** The `code` of the deepest cause (fetch wraps the socket error: `TypeError` → `cause.code`). */
function causeCode(error: Error): string | null {
  let current: unknown = error.cause;
  while (current instanceof Error) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return null;
}
