import type { ProviderOrUnknown } from '../provider-contract.ts';

/** The body a fake call "receives", stored as the result's `response` (docs/api-contract.md §4). */
export interface FakeResponse {
  readonly content: string;
  readonly response_metadata: Readonly<Record<string, string>>;
  readonly usage: { readonly prompt_tokens: number; readonly completion_tokens: number };
}

const contentPromptLength = 240;
const completionTokens = 32;

/**
 * Builds the fake answer. Lengths count code points, as Python's `len` and slicing do, so an
 * astral character is one and is never cut in half. Metadata carries the key where the provider
 * would: OpenAI `system_fingerprint`, Gemini `modelVersion`, Anthropic `model`; Azure OpenAI and
 * unknown carry none, which exercises the run's fallback to the probe key.
 */
export function createFakeResponse(
  provider: ProviderOrUnknown,
  model: string,
  prompt: string,
  versionKey: string,
): FakeResponse {
  const codePoints = Array.from(prompt);
  return {
    content: `[FAKE ${provider}::${model}] ${codePoints.slice(0, contentPromptLength).join('')}`,
    response_metadata: responseMetadata(provider, versionKey),
    usage: {
      prompt_tokens: Math.floor(codePoints.length / 4),
      completion_tokens: completionTokens,
    },
  };
}

function responseMetadata(provider: ProviderOrUnknown, versionKey: string): Record<string, string> {
  switch (provider) {
    case 'openai':
      return { system_fingerprint: versionKey };
    case 'google':
      return { modelVersion: versionKey };
    case 'anthropic':
      return { model: versionKey };
    case 'azure-openai':
    case 'unknown':
      return {};
  }
}
