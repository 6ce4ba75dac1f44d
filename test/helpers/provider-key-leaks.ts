// Where an API key shows in what Prompter keeps of a provider call: the stored request and
// response of a result; the stored JSON, message, headers, body and request of an error.
import type { ModelCallResult } from '../../src/providers/provider-contract.ts';
import type { ProviderError } from '../../src/providers/provider-error.ts';

/** The names of the places that contain `apiKey`; empty when it leaked nowhere. */
export function providerKeyLeaks(
  apiKey: string,
  kept: { readonly result?: ModelCallResult; readonly error?: ProviderError },
): string[] {
  const places: Record<string, unknown> = {};
  if (kept.result !== undefined) {
    places['result.requestSent'] = kept.result.requestSent;
    places['result.response'] = kept.result.response;
  }
  if (kept.error !== undefined) {
    places['error.toJSON()'] = kept.error.toJSON();
    places['error.message'] = kept.error.message;
    places['error.headers'] = kept.error.headers;
    places['error.body'] = kept.error.body;
    places['error.requestSent'] = kept.error.requestSent;
  }
  return Object.entries(places)
    .filter(([, value]) => (JSON.stringify(value) ?? '').includes(apiKey))
    .map(([place]) => place);
}
