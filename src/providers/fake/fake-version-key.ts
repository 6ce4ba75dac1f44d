import { createHash } from 'node:crypto';
import type { ProviderOrUnknown } from '../provider-contract.ts';

/**
 * The fake probe key, by the Python original's stub rules (docs/api-contract.md §4), so a database written by
 * it keeps its version rows. `epoch` N ≥ 1 appends `-eN` to simulate a silent model update.
 */
export function fakeVersionKey(provider: ProviderOrUnknown, model: string, epoch: number): string {
  return withEpoch(baseKey(provider, model), epoch);
}

/** Appends the fake epoch suffix; 0 leaves the key as it is. */
export function withEpoch(key: string, epoch: number): string {
  return epoch >= 1 ? `${key}-e${epoch}` : key;
}

function baseKey(provider: ProviderOrUnknown, model: string): string {
  switch (provider) {
    case 'openai':
      return `fp_stub_${sha256Prefix(`openai:${model}`)}`;
    case 'google':
      return `${model}-stub-001`;
    case 'anthropic':
      return model;
    case 'azure-openai':
      return `fp_stub_azure_${sha256Prefix(`azure:${model}`)}`;
    case 'unknown':
      return 'unknown';
  }
}

function sha256Prefix(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}
