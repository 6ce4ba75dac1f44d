/**
 * Whether `error` is what fetch rejects with when its signal aborts: a DOMException named
 * `AbortError`, or `TimeoutError` for an `AbortSignal.timeout` deadline
 * (https://dom.spec.whatwg.org/#abortsignal-api). SDKs let it through when the abort lands
 * outside their own wrapping, e.g. while the body is still being read.
 */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
