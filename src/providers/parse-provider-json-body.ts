import { parseJsonObject } from './parse-json-object.ts';
import { providerLabels, type ProviderName } from './provider-contract.ts';
import { ProviderError } from './provider-error.ts';

export interface ExpectedBody<Found> {
  readonly provider: ProviderName;
  /** What the body should have been, for the message: "a chat completion". */
  readonly shape: string;
  /** The part the adapter reads, or null when the body does not have it. */
  readonly find: (body: Record<string, unknown>) => Found | null;
}

/**
 * A 200 answer's body as a JSON object, with the part the adapter reads. A 200 is not proof of an
 * answer: a proxy or gateway in front of the provider can send an HTML page, a plain-text error
 * or a truncated body with that status. Those are `malformed_response` (not retryable: the same
 * request is likely to get the same body), carrying the parsed body, or the text when it is not
 * JSON.
 */
export function parseProviderJsonBody<Found>(
  text: string,
  expected: ExpectedBody<Found>,
): { readonly body: Record<string, unknown>; readonly found: Found } {
  const body = parseJsonObject(text);
  const found = body === null ? null : expected.find(body);
  if (body !== null && found !== null) return { body, found };
  throw new ProviderError({
    provider: expected.provider,
    kind: 'malformed_response',
    status: 200,
    body: body ?? text,
    message: `${providerLabels[expected.provider]} answered 200 with a body that is not ${expected.shape}`,
  });
}
