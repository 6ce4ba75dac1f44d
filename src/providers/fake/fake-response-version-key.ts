import type { ProviderOrUnknown } from '../provider-contract.ts';
import type { FakeResponse } from './fake-response.ts';

/** Reads the key back out of a fake response's metadata, as a live adapter reads its response. */
export function fakeResponseVersionKey(
  provider: ProviderOrUnknown,
  response: FakeResponse,
): string | null {
  const metadata = response.response_metadata;
  switch (provider) {
    case 'openai':
      return metadata['system_fingerprint'] ?? null;
    case 'google':
      return metadata['modelVersion'] ?? null;
    case 'anthropic':
      return metadata['model'] ?? null;
    case 'azure-openai':
    case 'unknown':
      return null;
  }
}
