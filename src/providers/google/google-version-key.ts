import type { LiveVersionKey } from '../create-live-model-provider.ts';
import { emptyVersionParts } from '../provider-contract.ts';

/**
 * The version key of a Gemini answer (docs/api-contract.md §4): `modelVersion`, the exact model that served
 * it (`gemini-2.0-flash-001` behind the alias `gemini-2.0-flash`). The Gemini API names no served
 * model id, fingerprint or service tier, so those parts stay null.
 * https://ai.google.dev/api/generate-content#generatecontentresponse
 */
export function extractGoogleVersionKey(body: Readonly<Record<string, unknown>>): LiveVersionKey {
  const modelVersion = nonEmptyString(body['modelVersion']);
  return { versionKey: modelVersion, versionParts: { ...emptyVersionParts, modelVersion } };
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
