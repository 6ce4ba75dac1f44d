import type { LiveVersionKey } from '../create-live-model-provider.ts';
import { emptyVersionParts } from '../provider-contract.ts';

/**
 * The version key of a chat completion (docs/api-contract.md §4): `system_fingerprint`, the backend
 * configuration that served the request, else the served model id, which is dated
 * (`gpt-4o-2024-08-06`) even when the request named an alias (`gpt-4o`). OpenAI marks
 * `system_fingerprint` deprecated and some models already omit it or send null
 * (https://platform.openai.com/docs/api-reference/chat/object#chat/object-system_fingerprint),
 * hence the fallback and the separate parts. `service_tier` is the tier that actually served it.
 */
export function extractOpenAiVersionKey(body: Readonly<Record<string, unknown>>): LiveVersionKey {
  const systemFingerprint = nonEmptyString(body['system_fingerprint']);
  const servedModelId = nonEmptyString(body['model']);
  return {
    versionKey: systemFingerprint ?? servedModelId,
    versionParts: {
      ...emptyVersionParts,
      servedModelId,
      systemFingerprint,
      serviceTier: nonEmptyString(body['service_tier']),
    },
  };
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
