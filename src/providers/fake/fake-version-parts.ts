import {
  emptyVersionParts,
  type ProviderOrUnknown,
  type VersionParts,
} from '../provider-contract.ts';

/**
 * The version columns a fake key stands for: a fingerprint for OpenAI and Azure OpenAI, a model
 * version for Gemini, the served model id for Anthropic (which is its key). Unknown has none.
 */
export function fakeVersionParts(
  provider: ProviderOrUnknown,
  model: string,
  versionKey: string,
): VersionParts {
  switch (provider) {
    case 'openai':
    case 'azure-openai':
      return { ...emptyVersionParts, servedModelId: model, systemFingerprint: versionKey };
    case 'google':
      return { ...emptyVersionParts, servedModelId: model, modelVersion: versionKey };
    case 'anthropic':
      return { ...emptyVersionParts, servedModelId: versionKey };
    case 'unknown':
      return emptyVersionParts;
  }
}
