import type { ProviderOrUnknown } from './provider-contract.ts';

/** The provider a model id belongs to, by the Python original's rules (docs/api-contract.md §4). */
export function inferProvider(modelId: string): ProviderOrUnknown {
  const model = modelId.toLowerCase();
  if (
    ['gpt', 'o1', 'o3', 'o4', 'omni'].some((prefix) => model.startsWith(prefix)) ||
    model.includes('turbo') ||
    model.includes('chatgpt')
  ) {
    return 'openai';
  }
  if (model.includes('gemini') || model.includes('google')) return 'google';
  if (model.includes('claude') || model.includes('anthropic')) return 'anthropic';
  if (model.includes('azure')) return 'azure-openai';
  return 'unknown';
}
